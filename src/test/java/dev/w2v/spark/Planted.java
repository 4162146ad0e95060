// Test helper: how many of the planted analogies of DemoCorpus a set of vectors answers.
package dev.w2v.spark;

import dev.w2v.corpus.DemoCorpus;
import dev.w2v.vectors.Embeddings;
import java.util.List;

final class Planted {
  private Planted() {}

  /** Fraction answered right by 3CosAdd over unit vectors, the query words excluded. */
  static double accuracy(Embeddings e) {
    int dim = e.dim();
    int right = 0;
    List<String[]> qs = DemoCorpus.analogies();
    for (String[] q : qs) {
      int a = e.indexOf(q[0]);
      int b = e.indexOf(q[1]);
      int c = e.indexOf(q[2]);
      if (a < 0 || b < 0 || c < 0) {
        continue;
      }
      float[] va = e.vector(a);
      float[] vb = e.vector(b);
      float[] vc = e.vector(c);
      float[] x = new float[dim];
      for (int i = 0; i < dim; i++) {
        x[i] = vb[i] - va[i] + vc[i];
      }
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int w = 0; w < e.size(); w++) {
        if (w == a || w == b || w == c) {
          continue;
        }
        float[] v = e.vector(w);
        double s = 0;
        for (int i = 0; i < dim; i++) {
          s += v[i] * x[i];
        }
        if (s > bestScore) {
          bestScore = s;
          best = w;
        }
      }
      if (best >= 0 && e.word(best).equals(q[3])) {
        right++;
      }
    }
    return right / (double) qs.size();
  }
}
