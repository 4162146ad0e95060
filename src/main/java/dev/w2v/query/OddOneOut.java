// The word that does not belong: gensim's doesnt_match.
package dev.w2v.query;

import dev.w2v.math.ScalarMath;
import dev.w2v.vectors.Embeddings;
import java.util.ArrayList;
import java.util.List;

/**
 * gensim's {@code doesnt_match}: the mean of the words' unit vectors, scaled to unit length, and each word's cosine
 * with it; the word least similar to the mean is the odd one out.
 */
public final class OddOneOut {
  private OddOneOut() {}

  /**
   * The words (rows of normalised embeddings) with their cosine to the mean, least similar first: the first is the odd
   * one out. Equal cosines keep the order given.
   */
  public static List<Neighbour> rank(Embeddings e, int[] words) {
    if (words.length == 0) {
      throw new IllegalArgumentException("no words");
    }
    int dim = e.dim();
    float[] mean = new float[dim];
    for (int w : words) {
      ScalarMath.axpyS(1f, e.arrayOf(w), e.offsetOf(w), mean, 0, dim);
    }
    ScalarMath.normaliseRowsS(mean, 0, 1, dim);
    List<Neighbour> out = new ArrayList<>(words.length);
    for (int w : words) {
      out.add(new Neighbour(w, ScalarMath.dotS(e.arrayOf(w), e.offsetOf(w), mean, 0, dim)));
    }
    out.sort((a, b) -> Float.compare(a.score(), b.score()));
    return out;
  }
}
