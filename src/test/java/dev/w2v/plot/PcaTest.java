// PCA by power iteration: a plane's points keep their distances, and the variance shares add up.
package dev.w2v.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {
  @Test
  void pointsOnAPlaneKeepTheirDistances() {
    Random rnd = new Random(1);
    int dim = 50;
    double[] u = new double[dim];
    double[] v = new double[dim];
    for (int c = 0; c < dim; c++) {
      u[c] = rnd.nextGaussian();
      v[c] = rnd.nextGaussian();
    }
    normalise(u);
    double p = 0;
    for (int c = 0; c < dim; c++) {
      p += u[c] * v[c];
    }
    for (int c = 0; c < dim; c++) {
      v[c] -= p * u[c];
    }
    normalise(v);
    float[][] pts = new float[30][dim];
    for (int i = 0; i < pts.length; i++) {
      double a = 3 * rnd.nextGaussian();
      double b = rnd.nextGaussian();
      for (int c = 0; c < dim; c++) {
        pts[i][c] = (float) (a * u[c] + b * v[c] + 0.5);
      }
    }
    Pca.Projection pr = Pca.project(pts);
    assertEquals(1.0, pr.varianceX() + pr.varianceY(), 1e-5, "a plane: two components hold all the variance");
    assertTrue(pr.varianceX() > pr.varianceY());
    for (int i = 0; i < pts.length; i++) {
      for (int j = 0; j < i; j++) {
        double d = 0;
        for (int c = 0; c < dim; c++) {
          d += (pts[i][c] - pts[j][c]) * (double) (pts[i][c] - pts[j][c]);
        }
        double dx = pr.xy()[i][0] - pr.xy()[j][0];
        double dy = pr.xy()[i][1] - pr.xy()[j][1];
        assertEquals(Math.sqrt(d), Math.sqrt(dx * dx + dy * dy), 1e-4);
      }
    }
  }

  @Test
  void oneOrIdenticalPointsProjectToTheOrigin() {
    Pca.Projection one = Pca.project(new float[][] {{1, 2, 3}});
    assertEquals(0, one.xy()[0][0]);
    Pca.Projection same = Pca.project(new float[][] {{1, 2}, {1, 2}});
    assertEquals(0, same.xy()[1][1]);
  }

  private static void normalise(double[] x) {
    double s = 0;
    for (double a : x) {
      s += a * a;
    }
    s = Math.sqrt(s);
    for (int c = 0; c < x.length; c++) {
      x[c] /= s;
    }
  }
}
