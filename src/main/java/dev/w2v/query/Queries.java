// The query vectors of the C tools, built with their exact float arithmetic.
package dev.w2v.query;

import dev.w2v.math.ScalarMath;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.w2v.io.Json;
import dev.w2v.vectors.Embeddings;
import java.io.IOException;
import java.util.List;

/** Builds query vectors from (normalised) rows exactly as distance.c, word-analogy.c and compute-accuracy.c do. */
public final class Queries {
  private Queries() {}

  /** distance.c: {@code vec[a] += M[a + bi[b] * size]} over the words in order, then {@code vec[a] /= len}. */
  public static float[] sum(Embeddings e, int[] words) {
    int dim = e.dim();
    float[] vec = new float[dim];
    for (int w : words) {
      float[] a = e.arrayOf(w);
      int o = e.offsetOf(w);
      for (int c = 0; c < dim; c++) {
        vec[c] += a[o + c];
      }
    }
    ScalarMath.normaliseRowsS(vec, 0, 1, dim);
    return vec;
  }

  /**
   * a - b + c, element by element as {@code (M[a] - M[b]) + M[c]}: word-analogy.c's {@code M[bi[1]] - M[bi[0]] +
   * M[bi[2]]} (normalised after) and compute-accuracy.c's {@code (M[b2] - M[b1]) + M[b3]} (not normalised).
   */
  public static float[] offset(Embeddings e, int a, int b, int c, boolean normalise) {
    int dim = e.dim();
    float[] ma = e.arrayOf(a);
    float[] mb = e.arrayOf(b);
    float[] mc = e.arrayOf(c);
    int oa = e.offsetOf(a);
    int ob = e.offsetOf(b);
    int oc = e.offsetOf(c);
    float[] vec = new float[dim];
    for (int i = 0; i < dim; i++) {
      vec[i] = ma[oa + i] - mb[ob + i] + mc[oc + i];
    }
    if (normalise) {
      ScalarMath.normaliseRowsS(vec, 0, 1, dim);
    }
    return vec;
  }

  /**
   * gensim's {@code most_similar(positive, negative)} query: the unit rows of the positive words added, those of the
   * negative words subtracted (weights +1 and -1), then scaled to unit length. gensim takes the mean first; the
   * direction, and so every cosine, is the same. With no negative word this is {@link #sum} exactly (distance.c).
   */
  public static float[] combine(Embeddings e, int[] positive, int[] negative) {
    if (negative.length == 0) {
      return sum(e, positive);
    }
    int dim = e.dim();
    float[] vec = new float[dim];
    for (int w : positive) {
      ScalarMath.axpyS(1f, e.arrayOf(w), e.offsetOf(w), vec, 0, dim);
    }
    for (int w : negative) {
      ScalarMath.axpyS(-1f, e.arrayOf(w), e.offsetOf(w), vec, 0, dim);
    }
    ScalarMath.normaliseRowsS(vec, 0, 1, dim);
    return vec;
  }

  /** A copy of v scaled to unit length (gensim's {@code unitvec}), without overflow for huge values. */
  public static float[] unit(float[] v) {
    float[] u = v.clone();
    ScalarMath.normaliseRowsS(u, 0, 1, u.length);
    return u;
  }

  /** The cosine similarity of words a and b of normalised embeddings (gensim's {@code similarity}). */
  public static float cosine(Embeddings e, int a, int b) {
    return ScalarMath.dotS(e.arrayOf(a), e.offsetOf(a), e.arrayOf(b), e.offsetOf(b), e.dim());
  }

  /**
   * The {@code "results"} array of a JSON answer, the one shape that the query commands' {@code -format json} and
   * {@code w2v serve}'s API share: each word, shown as {@link Words#show}, and its score under {@code scoreName}.
   */
  public static void jsonResults(JsonGenerator g, Embeddings e, List<Neighbour> results, String scoreName)
      throws IOException {
    g.writeArrayFieldStart("results");
    for (Neighbour nb : results) {
      g.writeStartObject();
      g.writeStringField("word", Words.show(e, nb.index()));
      g.writeFieldName(scoreName);
      Json.number(g, nb.score());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
