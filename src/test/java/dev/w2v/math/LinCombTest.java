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
}
