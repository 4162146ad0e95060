package dev.w2v.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The linear combination of rows behind batched CBOW ({@link VectorMath#linComb}), SIMD and scalar, against the
 * plain definition in double: every row count from 0 to 11 (the four-, three-, two- and one-row passes and their
 * mixes), awkward lengths (a scalar tail past the last whole vector), strided coefficients, a repeated row, and
 * with y both overwritten and added to.
 */
class LinCombTest {
  @Test
  void matchesTheDefinition() {
    Random r = new Random(11);
    int[] lengths = {1, 7, 13, SimdMath.L, 3 * SimdMath.L, 100, 3 * SimdMath.L + 5, 300};
    for (VectorMath k : new VectorMath[] {SimdMath.INSTANCE, ScalarMath.INSTANCE}) {
      for (int n : lengths) {
        for (int cnt = 0; cnt <= 11; cnt++) {
          for (boolean fresh : new boolean[] {true, false}) {
            float[] x = new float[12 * n + 3];
            for (int i = 0; i < x.length; i++) {
              x[i] = r.nextFloat() - 0.5f;
            }
            float[][] xa = new float[cnt][];
            int[] xo = new int[cnt];
            int as = 3; // a column of a row-major matrix, as the negatives' gradients are read
            float[] a = new float[1 + 3 * Math.max(cnt, 1)];
            for (int t = 0; t < cnt; t++) {
              xa[t] = x;
              xo[t] = 3 + (t % 7) * n; // rows 0..6 again past 7: a repeated row
              a[1 + t * as] = r.nextFloat() - 0.5f;
            }
            float[] y = new float[n + 9];
            for (int i = 0; i < y.length; i++) {
              y[i] = r.nextFloat() - 0.5f;
            }
            double[] want = new double[y.length];
            for (int i = 0; i < y.length; i++) {
              want[i] = y[i];
            }
            int yo = 4;
            for (int c = 0; c < n; c++) {
              double v = fresh ? 0 : y[yo + c];
              for (int t = 0; t < cnt; t++) {
                v += (double) a[1 + t * as] * x[xo[t] + c];
              }
              want[yo + c] = v;
            }
            k.linComb(xa, xo, a, 1, as, cnt, y, yo, n, fresh);
            for (int i = 0; i < y.length; i++) {
              assertEquals(want[i], y[i], 1e-5, k.name() + " n " + n + " rows " + cnt + " fresh " + fresh
                  + " at " + i);
            }
          }
        }
      }
    }
  }

  /**
   * The fused error and update of batched CBOW's target rows ({@link VectorMath#errUpdate}), SIMD and scalar,
   * against word2vec.c's loop over the targets in double (each row read into the error, then updated, in order;
   * a repeated row read the second time with the first update in it), and the two twins bit for bit.
   */
  @Test
  void errUpdateMatchesWord2vecsLoopOverTheTargets() {
    Random r = new Random(5);
    int[] lengths = {1, 7, SimdMath.L, 3 * SimdMath.L, 100, 112, 3 * SimdMath.L + 5};
    for (int n : lengths) {
      for (int cnt = 0; cnt <= 7; cnt++) {
        float[] x = new float[6 * n + 3];
        for (int i = 0; i < x.length; i++) {
          x[i] = r.nextFloat() - 0.5f;
        }
        float[] h = new float[n + 2];
        for (int i = 0; i < h.length; i++) {
          h[i] = r.nextFloat() - 0.5f;
        }
        float[][] xa = new float[cnt][];
        int[] xo = new int[cnt];
        float[] g = new float[cnt];
        for (int t = 0; t < cnt; t++) {
          xa[t] = x;
          xo[t] = 3 + (t % 5) * n; // rows 0..4, then 0 and 1 again
          g[t] = r.nextFloat() - 0.5f;
        }
        double[] rows = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          rows[i] = x[i];
        }
        double[] err = new double[n];
        for (int t = 0; t < cnt; t++) {
          for (int c = 0; c < n; c++) {
            err[c] += g[t] * rows[xo[t] + c];
          }
          for (int c = 0; c < n; c++) {
            rows[xo[t] + c] += g[t] * h[2 + c];
          }
        }
        float[][] out = new float[2][];
        float[][] outRows = new float[2][];
        VectorMath[] twins = {SimdMath.INSTANCE, ScalarMath.INSTANCE};
        for (int k = 0; k < 2; k++) {
          float[] xk = x.clone();
          float[][] xak = new float[cnt][];
          java.util.Arrays.fill(xak, xk);
          float[] e = new float[n + 4];
          java.util.Arrays.fill(e, 9f); // overwritten, not added to
          twins[k].errUpdate(xak, xo, g, cnt, h, 2, e, 1, n);
          for (int c = 0; c < n; c++) {
            assertEquals(err[c], e[1 + c], 1e-5, twins[k].name() + " error, n " + n + " rows " + cnt + " at " + c);
          }
          assertEquals(9f, e[0]);
          assertEquals(9f, e[n + 1]);
          for (int i = 0; i < x.length; i++) {
            assertEquals(rows[i], xk[i], 1e-5, twins[k].name() + " rows, n " + n + " rows " + cnt + " at " + i);
          }
          out[k] = e;
          outRows[k] = xk;
        }
        assertEquals(java.util.Arrays.toString(out[1]), java.util.Arrays.toString(out[0]), "the twins' errors");
        assertEquals(java.util.Arrays.toString(outRows[1]), java.util.Arrays.toString(outRows[0]), "the twins' rows");
      }
    }
  }
}
