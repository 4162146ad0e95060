package dev.w2v.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The skip-gram block kernels against the plain definitions, in double, for every small m and nt. */
class BlockKernelsTest {
  @Test
  void scoresAndUpdatesMatchTheDefinitions() {
    int n = 3 * SimdMath.L; // rows padded to whole vectors, as the trainer's stride is
    Random r = new Random(5);
    for (int m = 1; m <= 10; m++) {
      for (int nt = 1; nt <= 7; nt++) {
        // distinct input rows; a repeated target row when nt > 5, as a negative drawn twice
        checkOnRandomRows(r, m, nt, n, j -> j, k -> k % 5, 1e-5, SimdMath::blockScoresV,
            (ia1, io1, m1, oa1, oo1, nt1, n1, g) -> SimdMath.blockUpdateV(ia1, io1, m1, oa1, oo1, nt1, n1, g,
                new float[m1 * n1]),
            m + " x " + nt);
      }
    }
  }

  @Test
  void sixTargetKernelsMatchTheDefinitions() {
    int nt = SimdMath.NT6;
    Random r = new Random(7);
    for (int blocks = 1; blocks <= 19; blocks += 18) { // one vector a row, and rows of 19 vectors (dim 300 at 16)
      int n = blocks * SimdMath.L;
      for (int m = 1; m <= 10; m++) {
        // distinct input rows, in no particular order; distinct output rows
        checkOnRandomRows(r, m, nt, n, j -> 15 - j, k -> (3 * k + 1) % 16, 1e-4,
            (ia1, io1, m1, oa1, oo1, nt1, n1, s) -> SimdMath.blockScores6V(ia1, io1, m1, oa1, oo1, n1, s),
            (ia1, io1, m1, oa1, oo1, nt1, n1, g) -> SimdMath.blockUpdate6V(ia1, io1, m1, oa1, oo1, n1, g),
            m + " x 6, n " + n);
      }
    }
  }

  /**
   * Two random 16-row matrices of rows of n floats, input row j of the step at row {@code inRow(j)} of the first and
   * target k at row {@code outRow(k)} of the second; then {@link #check}.
   */
  private static void checkOnRandomRows(Random r, int m, int nt, int n, IntUnaryOperator inRow,
      IntUnaryOperator outRow, double scoreTol, Block scores, Block update, String what) {
    float[] in = new float[16 * n];
    float[] out = new float[16 * n];
    for (int i = 0; i < in.length; i++) {
      in[i] = r.nextFloat() - 0.5f;
      out[i] = r.nextFloat() - 0.5f;
    }
    float[][] ia = new float[m][];
    float[][] oa = new float[nt][];
    int[] io = new int[m];
    int[] oo = new int[nt];
    for (int j = 0; j < m; j++) {
      ia[j] = in;
      io[j] = inRow.applyAsInt(j) * n;
    }
    for (int k = 0; k < nt; k++) {
      oa[k] = out;
      oo[k] = outRow.applyAsInt(k) * n;
    }
    check(ia, in, io, m, oa, out, oo, nt, n, r, scoreTol, scores, update, what);
  }

  /** A block kernel over m input rows and nt output rows (given as arrays and offsets), with its m x nt array. */
  private interface Block {
    void run(float[][] ia, int[] io, int m, float[][] oa, int[] oo, int nt, int n, float[] x);
  }

  /**
   * Runs {@code scores} (m x nt scores of the input rows against the output rows) and checks them against the
   * definition in double within {@code scoreTol}, then runs {@code update} with random gradients and checks every
   * element of both matrices against in += G O and out += G^T I, both computed from the rows as they were.
   */
  private static void check(float[][] ia, float[] in, int[] io, int m, float[][] oa, float[] out, int[] oo, int nt,
      int n, Random r, double scoreTol, Block scores, Block update, String what) {
    float[] s = new float[m * nt];
    scores.run(ia, io, m, oa, oo, nt, n, s);
    float[] g = new float[m * nt];
    double[] wantIn = new double[in.length];
    double[] wantOut = new double[out.length];
    for (int i = 0; i < in.length; i++) {
      wantIn[i] = in[i];
      wantOut[i] = out[i];
    }
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < nt; k++) {
        double d = 0;
        for (int c = 0; c < n; c++) {
          d += (double) in[io[j] + c] * out[oo[k] + c];
        }
        assertEquals(d, s[j * nt + k], scoreTol, "score " + j + "," + k + " of " + what);
        g[j * nt + k] = r.nextFloat() - 0.5f;
      }
    }
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < nt; k++) {
        float gj = g[j * nt + k];
        for (int c = 0; c < n; c++) {
          wantIn[io[j] + c] += gj * out[oo[k] + c]; // both from the rows as they were
          wantOut[oo[k] + c] += gj * in[io[j] + c];
        }
      }
    }
    update.run(ia, io, m, oa, oo, nt, n, g);
    for (int i = 0; i < in.length; i++) {
      assertEquals(wantIn[i], in[i], 1e-5, "input " + i + " of " + what);
      assertEquals(wantOut[i], out[i], 1e-5, "output " + i + " of " + what);
    }
  }
}
