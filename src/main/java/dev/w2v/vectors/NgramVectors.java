// The n-gram rows of a fastText model, kept after loading so that a word outside the vocabulary gets a vector.
package dev.w2v.vectors;

import dev.w2v.vocab.Subwords;

/**
 * fastText's {@code getWordVector} for a word it does not know, as gensim's {@code FastTextKeyedVectors.get_vector}:
 * the mean of the rows of {@code <word>}'s character n-grams (minn..maxn UTF-8 characters, {@link Subwords}),
 * summed in float32 in n-gram order and divided once. rows is (bucket, dim).
 */
public final class NgramVectors {
  private final int minn;
  private final int maxn;
  private final int bucket;
  private final FloatMatrix rows;

  NgramVectors(int minn, int maxn, int bucket, FloatMatrix rows) {
    this.minn = minn;
    this.maxn = maxn;
    this.bucket = bucket;
    this.rows = rows;
  }

  /** How many n-grams {@code word} has (0: it gets no vector). */
  public int count(byte[] word) {
    return Subwords.ngramBuckets(word, minn, maxn, bucket, new int[0]);
  }

  /** The word's vector from its n-grams alone, or null when it has none. */
  public float[] vector(byte[] word) {
    int n = count(word);
    if (n == 0) {
      return null;
    }
    int[] ids = new int[n];
    Subwords.ngramBuckets(word, minn, maxn, bucket, ids);
    int dim = rows.dim();
    float[] v = new float[dim];
    for (int id : ids) {
      float[] a = rows.arrayOf(id);
      int o = rows.offsetOf(id);
      for (int c = 0; c < dim; c++) {
        v[c] += a[o + c];
      }
    }
    for (int c = 0; c < dim; c++) {
      v[c] /= n;
    }
    return v;
  }
}
