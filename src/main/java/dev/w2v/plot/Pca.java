// Principal component analysis of a few hundred points, enough for a 2-D picture of words.
package dev.w2v.plot;

/**
 * The first two principal components by power iteration on the centred data X (n points x d): v <- X^T (X v), the
 * second with the first projected out at every step. For the handful of points of a picture this is a few thousand
 * small matrix-vector products; it is not a general eigensolver, and needs none: only the top two directions matter.
 */
public final class Pca {
  /** The projection: n rows of (x, y), and the share of the total variance each axis explains. */
  public record Projection(double[][] xy, double varianceX, double varianceY) {}

  private static final int MAX_ITERATIONS = 1000;

  private Pca() {}

  /** Projects the points (rows of equal length) onto their first two principal components. */
  public static Projection project(float[][] points) {
    int n = points.length;
    int d = n == 0 ? 0 : points[0].length;
    double[][] x = new double[n][d];
    double[] mean = new double[d];
    for (float[] p : points) {
      for (int c = 0; c < d; c++) {
        mean[c] += p[c] / (double) n;
      }
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        x[i][c] = points[i][c] - mean[c];
        total += x[i][c] * x[i][c];
      }
    }
    double[] v1 = component(x, null);
    double[] v2 = component(x, v1);
    double[][] xy = new double[n][2];
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      xy[i][0] = dot(x[i], v1);
      xy[i][1] = dot(x[i], v2);
      s1 += xy[i][0] * xy[i][0];
      s2 += xy[i][1] * xy[i][1];
    }
    return new Projection(xy, total > 0 ? s1 / total : 0, total > 0 ? s2 / total : 0);
  }

  /** The unit direction of largest variance (orthogonal to {@code except} when given), sign fixed for stable output. */
  private static double[] component(double[][] x, double[] except) {
    int d = x.length == 0 ? 0 : x[0].length;
    double[] v = new double[d];
    for (int c = 0; c < d; c++) {
      v[c] = 1.0 + 0.1 * Math.sin(c + 1.0); // deterministic, and not orthogonal to any likely direction
    }
    orthonormalise(v, except);
    double[] xv = new double[x.length];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      for (int i = 0; i < x.length; i++) {
        xv[i] = dot(x[i], v);
      }
      double[] next = new double[d];
      for (int i = 0; i < x.length; i++) {
        for (int c = 0; c < d; c++) {
          next[c] += xv[i] * x[i][c];
        }
      }
      if (!orthonormalise(next, except)) {
        return new double[d]; // no variance left: every point projects to 0
      }
      double change = 0;
      for (int c = 0; c < d; c++) {
        change = Math.max(change, Math.abs(next[c] - v[c]));
      }
      v = next;
      if (change < 1e-12) {
        break;
      }
    }
    int big = 0;
    for (int c = 1; c < d; c++) {
      if (Math.abs(v[c]) > Math.abs(v[big])) {
        big = c;
      }
    }
    if (d > 0 && v[big] < 0) {
      for (int c = 0; c < d; c++) {
        v[c] = -v[c];
      }
    }
    return v;
  }

  /** Removes the {@code except} component and scales to unit length; false when nothing is left. */
  private static boolean orthonormalise(double[] v, double[] except) {
    if (except != null) {
      double p = dot(v, except);
      for (int c = 0; c < v.length; c++) {
        v[c] -= p * except[c];
      }
    }
    double len = Math.sqrt(dot(v, v));
    if (!(len > 1e-300)) {
      return false;
    }
    for (int c = 0; c < v.length; c++) {
      v[c] /= len;
    }
    return true;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int c = 0; c < a.length; c++) {
      s += a[c] * b[c];
    }
    return s;
  }
}
