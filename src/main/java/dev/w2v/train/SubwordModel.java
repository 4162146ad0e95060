// The n-gram rows of a subword model (fastText's input matrix past the words) and the word -> n-grams table.
package dev.w2v.train;

import dev.w2v.io.W2vException;
import dev.w2v.vocab.Subwords;
import dev.w2v.vocab.Vocabulary;

/**
 * fastText's input matrix is (nwords + bucket) x dim; here its word rows are {@link Model#syn0} and its bucket
 * rows {@link #ngrams}: (bucket, size), row b at {@code b * stride}. Both start uniform in [-1/size, 1/size]
 * (fastText's {@code DenseMatrix::uniform(1.0 / dim)}); the output matrix, {@link Model#syn1neg}, starts at zero.
 */
public final class SubwordModel {
  public final Subwords.Table table;
  public final int size;
  public final int stride;
  public final float[] ngrams;
  /**
   * Per word, how far its hidden vector (the mean of its N input rows) moves when error e is added to each row: e
   * times sum(m_r^2) / N over its distinct rows r of multiplicity m_r. 1 unless two of its n-grams share a bucket.
   */
  final float[] hiddenMove;
  /**
   * Per word, how far the sum of its N input rows moves when error e is added to each row: e times sum(m_r^2) over
   * its distinct rows (N unless two of its n-grams share a bucket).
   */
  final float[] sumMove;

  private SubwordModel(Subwords.Table table, int size, int stride, float[] ngrams) {
    this.table = table;
    this.size = size;
    this.stride = stride;
    this.ngrams = ngrams;
    int v = table.start.length - 1;
    this.hiddenMove = new float[v];
    this.sumMove = new float[v];
    for (int w = 0; w < v; w++) {
      int[] ids = java.util.Arrays.copyOfRange(table.ids, table.start[w], table.start[w + 1]);
      java.util.Arrays.sort(ids);
      long squares = 1; // the word's own row
      for (int i = 0; i < ids.length; ) {
        int j = i;
        while (j < ids.length && ids[j] == ids[i]) {
          j++;
        }
        squares += (long) (j - i) * (j - i);
        i = j;
      }
      hiddenMove[w] = (float) squares / (ids.length + 1);
      sumMove[w] = squares;
    }
  }

  /** Bytes of the bucket matrix. */
  public static long bytesNeeded(long bucket, long stride) {
    return bucket * stride * 4L;
  }

  /**
   * Checks that the bucket matrix fits (one Java array, and the free heap), then computes the n-gram table and
   * allocates; a message naming the flags rather than an OutOfMemoryError halfway.
   */
  public static SubwordModel allocate(Vocabulary vocab, SubwordConfig sc, int size, int stride) {
    long elements = (long) sc.bucket() * stride;
    long need = bytesNeeded(sc.bucket(), stride);
    if (elements > Integer.MAX_VALUE - 8) {
      throw new W2vException(W2vException.Kind.MEMORY, String.format("the n-gram matrix (-bucket %d x -size %d ="
          + " %d floats) is more than one Java array holds (2^31): lower -bucket or -size", sc.bucket(), size,
          elements));
    }
    long perWord = 4L * 16; // the n-gram table: about 16 ids per word
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (need + perWord * vocab.size() > free) {
      throw new W2vException(W2vException.Kind.MEMORY, String.format("the n-gram matrix needs %,d MB (-bucket %d x"
          + " -size %d) but only %,d MB of Java heap is free; raise the heap (W2V_JAVA_OPTS=-Xmx%dg) or lower"
          + " -bucket / -size", need >> 20, sc.bucket(), size, free >> 20, (need >> 30) + 2));
    }
    Subwords.Table t = Subwords.Table.of(vocab.words(), sc.minn(), sc.maxn(), sc.bucket());
    try {
      return new SubwordModel(t, size, stride, new float[(int) elements]);
    } catch (OutOfMemoryError e) {
      throw new W2vException(W2vException.Kind.MEMORY, String.format(
          "out of memory allocating the n-gram matrix (%,d MB); raise the heap with W2V_JAVA_OPTS=-Xmx..",
          need >> 20));
    }
  }

  /** A model over loaded n-gram rows ((bucket, size), stride apart), with the table of {@code vocab}'s words. */
  static SubwordModel wrap(Vocabulary vocab, SubwordConfig sc, int size, int stride, float[] rows) {
    return new SubwordModel(Subwords.Table.of(vocab.words(), sc.minn(), sc.maxn(), sc.bucket()), size, stride, rows);
  }

  /**
   * fastText's initialisation of the whole input matrix, uniform in [-1/size, 1/size], from word2vec.c's generator
   * started at {@code seed}: the word rows of {@code syn0}, then the n-gram rows. Padding columns stay zero.
   */
  public void init(float[] syn0, int vocabSize, long seed) {
    long r = seed;
    r = fill(syn0, vocabSize, r);
    fill(ngrams, table.bucket, r);
  }

  private long fill(float[] m, int rows, long r) {
    float scale = 1f / size;
    for (int a = 0; a < rows; a++) {
      int o = a * stride;
      for (int b = 0; b < size; b++) {
        r = r * 25214903917L + 11;
        m[o + b] = ((r & 0xFFFF) / 65536f * 2 - 1) * scale;
      }
    }
    return r;
  }

  /**
   * Every word's vector as fastText's {@code getWordVector} and .vec give it: the mean of its own row and its
   * n-grams' rows (summed in order, divided once, as the .bin reader does), into {@code out} (V rows, stride apart;
   * may be {@code syn0} itself).
   */
  public void wordVectors(float[] syn0, int vocabSize, float[] out) {
    int[] start = table.start;
    int[] ids = table.ids;
    for (int w = 0; w < vocabSize; w++) {
      int o = w * stride;
      int s0 = start[w];
      int s1 = start[w + 1];
      if (out != syn0) {
        System.arraycopy(syn0, o, out, o, stride);
      }
      if (s1 == s0) {
        continue;
      }
      for (int k = s0; k < s1; k++) {
        int g = ids[k] * stride;
        for (int c = 0; c < size; c++) {
          out[o + c] += ngrams[g + c];
        }
      }
      float d = s1 - s0 + 1;
      for (int c = 0; c < size; c++) {
        out[o + c] /= d;
      }
    }
  }
}
