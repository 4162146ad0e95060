// Analogies "a is to b as ? is to c" answered by a - b + c (3CosAdd) or by Levy and Goldberg's 3CosMul.
package dev.w2v.query;

import dev.w2v.vectors.Embeddings;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers {@code a - b + c} ("king - man + woman = queen"). Note the order: word-analogy.c reads the same question as
 * {@code b a c} ("man king woman"), compute-accuracy.c's question lines as {@code b a c expected}.
 */
public final class Analogy {
  /** How candidates are scored. */
  public enum Method {
    /** cos(x, a - b + c), as word-analogy.c and compute-accuracy.c. */
    ADD("3CosAdd"),
    /**
     * cos'(x,a) cos'(x,c) / (cos'(x,b) + 1e-6) with cos' = (1 + cos) / 2, as gensim's {@code most_similar_cosmul}
     * (Levy and Goldberg 2014).
     */
    MUL("3CosMul");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final NearestNeighbours nn;
  private final Embeddings e;
  private float[] sa;
  private float[] sb;
  private float[] sc;

  public Analogy(NearestNeighbours nn) {
    this.nn = nn;
    this.e = nn.embeddings();
  }

  /** The n best answers to a - b + c by the method, never a, b or c themselves. */
  public List<Neighbour> solve(Method method, int a, int b, int c, int n) {
    return method == Method.MUL ? mul(a, b, c, n) : add(a, b, c, n, true);
  }

  /**
   * 3CosAdd: the n words of highest cosine with a - b + c above 0, excluding a, b and c. {@code normalise} true is
   * word-analogy.c (query scaled to unit length, cosines printed), false compute-accuracy.c (the raw offset; same
   * ranking up to rounding, which it reproduces exactly).
   */
  public List<Neighbour> add(int a, int b, int c, int n, boolean normalise) {
    float[] q = Queries.offset(e, a, b, c, normalise);
    return nn.nearest(q, n, new int[] {a, b, c}, 0f);
  }

  /** 3CosMul, as gensim's {@code most_similar_cosmul(positive=[a, c], negative=[b])}. */
  public List<Neighbour> mul(int a, int b, int c, int n) {
    int rows = e.size();
    if (sa == null) {
      sa = new float[rows];
      sb = new float[rows];
      sc = new float[rows];
    }
    nn.scan(e.vector(a), sa);
    nn.scan(e.vector(b), sb);
    nn.scan(e.vector(c), sc);
    for (int i = 0; i < rows; i++) {
      sa[i] = ((1 + sa[i]) / 2) * ((1 + sc[i]) / 2) / ((1 + sb[i]) / 2 + 0.000001f);
    }
    sa[a] = Float.NaN;
    sa[b] = Float.NaN;
    sa[c] = Float.NaN;
    float nth = NearestNeighbours.nthLargest(sa, n);
    List<Neighbour> out = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      if (sa[i] >= nth) {
        out.add(new Neighbour(i, sa[i]));
      }
    }
    out.sort((x, y) -> {
      int cmp = Float.compare(y.score(), x.score());
      return cmp != 0 ? cmp : Integer.compare(x.index(), y.index());
    });
    return out.size() > n ? new ArrayList<>(out.subList(0, n)) : out;
  }
}
