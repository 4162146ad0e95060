// word2vec.c's -classes: 10 rounds of k-means over the word vectors, in the original's float arithmetic.
package dev.w2v.train;

/** Assigns each of V rows of {@code syn0} (shape (V, size), rows {@code stride} apart) to one of {@code classes} clusters. */
public final class KMeans {
  private KMeans() {}

  /** Told after each iteration (1-based) of {@code iterations}. */
  @FunctionalInterface
  public interface Listener {
    void iteration(int done, int iterations);
  }

  /** Returns cl[V], the class of each word, exactly as word2vec.c computes it. */
  public static int[] cluster(float[] syn0, int vocabSize, int size, int stride, int classes) {
    return cluster(syn0, vocabSize, size, stride, classes, (done, iterations) -> {});
  }

  /** As {@link #cluster(float[], int, int, int, int)}, telling {@code listener} after each iteration. */
  public static int[] cluster(float[] syn0, int vocabSize, int size, int stride, int classes, Listener listener) {
    int clcn = classes;
    int iter = 10;
    int[] centcn = new int[classes];
    int[] cl = new int[vocabSize];
    float[] cent = new float[classes * size];
    for (int a = 0; a < vocabSize; a++) {
      cl[a] = a % clcn;
    }
    for (int a = 0; a < iter; a++) {
      java.util.Arrays.fill(cent, 0f);
      java.util.Arrays.fill(centcn, 1);
      for (int c = 0; c < vocabSize; c++) {
        int co = size * cl[c];
        int ro = c * stride;
        for (int d = 0; d < size; d++) {
          cent[co + d] += syn0[ro + d];
        }
        centcn[cl[c]]++;
      }
      for (int b = 0; b < clcn; b++) {
        float closev = 0;
        int co = size * b;
        for (int c = 0; c < size; c++) {
          cent[co + c] /= centcn[b];
          closev += cent[co + c] * cent[co + c];
        }
        closev = (float) Math.sqrt(closev);
        for (int c = 0; c < size; c++) {
          cent[co + c] /= closev;
        }
      }
      for (int c = 0; c < vocabSize; c++) {
        float closev = -10;
        int closeid = 0;
        int ro = c * stride;
        for (int d = 0; d < clcn; d++) {
          float x = 0;
          int co = size * d;
          for (int b = 0; b < size; b++) {
            x += cent[co + b] * syn0[ro + b];
          }
          if (x > closev) {
            closev = x;
            closeid = d;
          }
        }
        cl[c] = closeid;
      }
      listener.iteration(a + 1, iter);
    }
    return cl;
  }
}
