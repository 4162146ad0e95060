// Principal component analysis of the few hundred points of a picture, through Hipparchus' SVD.
package dev.w2v.plot;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The first two principal components of the centred data X (n points x d): the right singular vectors of X with the
 * two largest singular values, from Hipparchus' {@link SingularValueDecomposition} (already in the build for the
 * correlation statistics). A picture has at most a few thousand points, so the decomposition takes milliseconds.
 */
public final class Pca {
  /** The projection: n rows of (x, y), and the share of the total variance each axis explains. */
  public record Projection(double[][] xy, double varianceX, double varianceY) {}

  private Pca() {}

  /** Projects the points (rows of equal length) onto their first two principal components. */
  public static Projection project(float[][] points) {
    int n = points.length;
    int d = n == 0 ? 0 : points[0].length;
    double[][] xy = new double[n][2];
    if (n == 0 || d == 0) {
      return new Projection(xy, 0, 0);
    }
    double[] mean = new double[d];
    for (float[] p : points) {
      for (int c = 0; c < d; c++) {
        mean[c] += p[c] / (double) n;
      }
    }
    double[][] x = new double[n][d];
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        x[i][c] = points[i][c] - mean[c];
        total += x[i][c] * x[i][c];
      }
    }
    if (!(total > 0)) {
      return new Projection(xy, 0, 0); // every point the same: all at the origin
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false));
    RealMatrix v = svd.getV(); // d x min(n, d), columns by decreasing singular value
    double[] share = new double[2];
    for (int k = 0; k < 2 && k < v.getColumnDimension(); k++) {
      double[] dir = v.getColumn(k);
      fixSign(dir);
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += x[i][c] * dir[c];
        }
        xy[i][k] = s;
        share[k] += s * s;
      }
      share[k] /= total;
    }
    return new Projection(xy, share[0], share[1]);
  }

  /** Singular vectors have no sign: make the largest coordinate positive, so the same words give the same picture. */
  private static void fixSign(double[] v) {
    int big = 0;
    for (int c = 1; c < v.length; c++) {
      if (Math.abs(v[c]) > Math.abs(v[big])) {
        big = c;
      }
    }
    if (v[big] < 0) {
      for (int c = 0; c < v.length; c++) {
        v[c] = -v[c];
      }
    }
  }
}
