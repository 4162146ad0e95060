// Vector API kernels (jdk.incubator.vector): vector body over loopBound, scalar tail; fma in reductions.
package dev.w2v.math;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels. Results differ from {@link ScalarMath} in the last bits (different summation order, fused
 * multiply-add), which is why exact-parity training uses the scalar twin. The species is a static final constant:
 * passing it as a parameter defeats C2's intrinsics.
 */
public final class SimdMath implements VectorMath {
  public static final SimdMath INSTANCE = new SimdMath();
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  /** Floats per vector. */
  public static final int L = S.length();
  /** Bytes that widen to one float vector (a quarter of its bits); null below 8 floats (no 32-bit byte vector). */
  private static final VectorSpecies<Byte> B8 =
      L >= 8 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(S.vectorBitSize() / 4)) : null;

  private SimdMath() {}

  public static float dotV(float[] x, int xo, float[] y, int yo, int n) {
    int i = 0;
    float sum;
    if (n >= L) {
      FloatVector acc = FloatVector.zero(S);
      int bound = S.loopBound(n);
      for (; i < bound; i += L) {
        acc = FloatVector.fromArray(S, x, xo + i).fma(FloatVector.fromArray(S, y, yo + i), acc);
      }
      sum = acc.reduceLanes(VectorOperators.ADD);
    } else {
      sum = 0;
    }
    for (; i < n; i++) {
      sum = Math.fma(x[xo + i], y[yo + i], sum);
    }
    return sum;
  }

  public static void axpyV(float a, float[] x, int xo, float[] y, int yo, int n) {
    int i = 0;
    int bound = S.loopBound(n);
    if (bound > 0) {
      FloatVector va = FloatVector.broadcast(S, a);
      for (; i < bound; i += L) {
        FloatVector.fromArray(S, x, xo + i).fma(va, FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
      }
    }
    for (; i < n; i++) {
      y[yo + i] = Math.fma(a, x[xo + i], y[yo + i]);
    }
  }

  public static void scaleV(float a, float[] x, int xo, int n) {
    int i = 0;
    int bound = S.loopBound(n);
    for (; i < bound; i += L) {
      FloatVector.fromArray(S, x, xo + i).mul(a).intoArray(x, xo + i);
    }
    for (; i < n; i++) {
      x[xo + i] *= a;
    }
  }

  @Override
  public float dot(float[] x, int xo, float[] y, int yo, int n) {
    return dotV(x, xo, y, yo, n);
  }

  @Override
  public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    axpyV(a, x, xo, y, yo, n);
  }

  @Override
  public void scale(float a, float[] x, int xo, int n) {
    scaleV(a, x, xo, n);
  }

  /**
   * The nearest-neighbour scan: m (rows, dim) times x (dim) into out (rows). Four rows per step share each load of x
   * and keep four independent accumulators in flight.
   */
  public static void matVecV(float[] m, int mo, int rows, int dim, float[] x, int xo, float[] out, int oo) {
    int bound = S.loopBound(dim);
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int m0 = mo + r * dim;
      int m1 = m0 + dim;
      int m2 = m1 + dim;
      int m3 = m2 + dim;
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      int c = 0;
      for (; c < bound; c += L) {
        FloatVector xv = FloatVector.fromArray(S, x, xo + c);
        a0 = FloatVector.fromArray(S, m, m0 + c).fma(xv, a0);
        a1 = FloatVector.fromArray(S, m, m1 + c).fma(xv, a1);
        a2 = FloatVector.fromArray(S, m, m2 + c).fma(xv, a2);
        a3 = FloatVector.fromArray(S, m, m3 + c).fma(xv, a3);
      }
      float s0 = a0.reduceLanes(VectorOperators.ADD);
      float s1 = a1.reduceLanes(VectorOperators.ADD);
      float s2 = a2.reduceLanes(VectorOperators.ADD);
      float s3 = a3.reduceLanes(VectorOperators.ADD);
      for (; c < dim; c++) {
        float xc = x[xo + c];
        s0 = Math.fma(m[m0 + c], xc, s0);
        s1 = Math.fma(m[m1 + c], xc, s1);
        s2 = Math.fma(m[m2 + c], xc, s2);
        s3 = Math.fma(m[m3 + c], xc, s3);
      }
      out[oo + r] = s0;
      out[oo + r + 1] = s1;
      out[oo + r + 2] = s2;
      out[oo + r + 3] = s3;
    }
    for (; r < rows; r++) {
      out[oo + r] = dotV(m, mo + r * dim, x, xo, dim);
    }
  }

  /**
   * The scan over mapped rows (see {@link VectorMath#matVec(ByteBuffer, long, long[], int, int, int, float[],
   * float[])}): as {@link #matVecV}, four rows per step, loading straight from the buffer (little-endian, any
   * alignment: word2vec binary rows start wherever their word ends).
   */
  public static void matVecBytesV(ByteBuffer m, long base, long[] offsets, int from, int rows, int dim, float[] x,
      float[] out) {
    int bound = S.loopBound(dim);
    int r = from;
    int end = from + rows;
    for (; r + 4 <= end; r += 4) {
      int m0 = (int) (offsets[r] - base);
      int m1 = (int) (offsets[r + 1] - base);
      int m2 = (int) (offsets[r + 2] - base);
      int m3 = (int) (offsets[r + 3] - base);
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      int c = 0;
      for (; c < bound; c += L) {
        FloatVector xv = FloatVector.fromArray(S, x, c);
        a0 = FloatVector.fromByteBuffer(S, m, m0 + 4 * c, LE).fma(xv, a0);
        a1 = FloatVector.fromByteBuffer(S, m, m1 + 4 * c, LE).fma(xv, a1);
        a2 = FloatVector.fromByteBuffer(S, m, m2 + 4 * c, LE).fma(xv, a2);
        a3 = FloatVector.fromByteBuffer(S, m, m3 + 4 * c, LE).fma(xv, a3);
      }
      float s0 = a0.reduceLanes(VectorOperators.ADD);
      float s1 = a1.reduceLanes(VectorOperators.ADD);
      float s2 = a2.reduceLanes(VectorOperators.ADD);
      float s3 = a3.reduceLanes(VectorOperators.ADD);
      for (; c < dim; c++) {
        float xc = x[c];
        s0 = Math.fma(m.getFloat(m0 + 4 * c), xc, s0);
        s1 = Math.fma(m.getFloat(m1 + 4 * c), xc, s1);
        s2 = Math.fma(m.getFloat(m2 + 4 * c), xc, s2);
        s3 = Math.fma(m.getFloat(m3 + 4 * c), xc, s3);
      }
      out[r] = s0;
      out[r + 1] = s1;
      out[r + 2] = s2;
      out[r + 3] = s3;
    }
    for (; r < end; r++) {
      int o = (int) (offsets[r] - base);
      FloatVector a = FloatVector.zero(S);
      int c = 0;
      for (; c < bound; c += L) {
        a = FloatVector.fromByteBuffer(S, m, o + 4 * c, LE).fma(FloatVector.fromArray(S, x, c), a);
      }
      float s = a.reduceLanes(VectorOperators.ADD);
      for (; c < dim; c++) {
        s = Math.fma(m.getFloat(o + 4 * c), x[c], s);
      }
      out[r] = s;
    }
  }

  @Override
  public void matVec(ByteBuffer m, long base, long[] offsets, int from, int rows, int dim, float[] x, float[] out) {
    matVecBytesV(m, base, offsets, from, rows, dim, x, out);
  }

  /**
   * The scan over int8 rows (see {@link VectorMath#matVecI8}): L bytes at a time are widened to a float vector
   * (B2F) and multiply-added to x, four rows per step sharing each load of x. The stride is a multiple of 16, so of
   * L, and there is no scalar tail.
   */
  public static void matVecI8V(ByteBuffer m, int mo, int rows, int stride, float[] x, float[] out, int oo) {
    if (B8 == null || stride % L != 0) {
      ScalarMath.matVecI8S(m, mo, rows, stride, x, out, oo);
      return;
    }
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int m0 = mo + r * stride;
      int m1 = m0 + stride;
      int m2 = m1 + stride;
      int m3 = m2 + stride;
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int c = 0; c < stride; c += L) {
        FloatVector xv = FloatVector.fromArray(S, x, c);
        a0 = widen(m, m0 + c).fma(xv, a0);
        a1 = widen(m, m1 + c).fma(xv, a1);
        a2 = widen(m, m2 + c).fma(xv, a2);
        a3 = widen(m, m3 + c).fma(xv, a3);
      }
      out[oo + r] = a0.reduceLanes(VectorOperators.ADD);
      out[oo + r + 1] = a1.reduceLanes(VectorOperators.ADD);
      out[oo + r + 2] = a2.reduceLanes(VectorOperators.ADD);
      out[oo + r + 3] = a3.reduceLanes(VectorOperators.ADD);
    }
    for (; r < rows; r++) {
      int o = mo + r * stride;
      FloatVector a = FloatVector.zero(S);
      for (int c = 0; c < stride; c += L) {
        a = widen(m, o + c).fma(FloatVector.fromArray(S, x, c), a);
      }
      out[oo + r] = a.reduceLanes(VectorOperators.ADD);
    }
  }

  private static FloatVector widen(ByteBuffer m, int o) {
    return (FloatVector) ByteVector.fromByteBuffer(B8, m, o, LE).convertShape(VectorOperators.B2F, S, 0);
  }

  @Override
  public void matVecI8(ByteBuffer m, int mo, int rows, int stride, float[] x, float[] out, int oo) {
    matVecI8V(m, mo, rows, stride, x, out, oo);
  }

  /**
   * The scores of shared-negative skip-gram, a small matrix product: {@code s[j * nt + k] = I_j . O_k} for the m
   * input rows {@code ia[j][io[j] ..]} and the nt output rows {@code oa[k][oo[k] ..]}, n a multiple of {@link #L}
   * (rows padded to whole vectors). Two input rows by three output rows at a time: each vector loaded is used two or
   * three times and six sums are in flight, so the loop runs on multiply-adds, not loads.
   */
  public static void blockScoresV(float[][] ia, int[] io, int m, float[][] oa, int[] oo, int nt, int n,
      float[] s) {
    int j = 0;
    for (; j + 2 <= m; j += 2) {
      float[] xa0 = ia[j];
      float[] xa1 = ia[j + 1];
      int x0 = io[j];
      int x1 = io[j + 1];
      int k = 0;
      for (; k + 3 <= nt; k += 3) {
        float[] ya0 = oa[k];
        float[] ya1 = oa[k + 1];
        float[] ya2 = oa[k + 2];
        int y0 = oo[k];
        int y1 = oo[k + 1];
        int y2 = oo[k + 2];
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = a00;
        FloatVector a02 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a12 = a00;
        for (int c = 0; c < n; c += L) {
          FloatVector u0 = FloatVector.fromArray(S, xa0, x0 + c);
          FloatVector u1 = FloatVector.fromArray(S, xa1, x1 + c);
          FloatVector v0 = FloatVector.fromArray(S, ya0, y0 + c);
          FloatVector v1 = FloatVector.fromArray(S, ya1, y1 + c);
          FloatVector v2 = FloatVector.fromArray(S, ya2, y2 + c);
          a00 = u0.fma(v0, a00);
          a01 = u0.fma(v1, a01);
          a02 = u0.fma(v2, a02);
          a10 = u1.fma(v0, a10);
          a11 = u1.fma(v1, a11);
          a12 = u1.fma(v2, a12);
        }
        int r0 = j * nt + k;
        int r1 = r0 + nt;
        s[r0] = a00.reduceLanes(VectorOperators.ADD);
        s[r0 + 1] = a01.reduceLanes(VectorOperators.ADD);
        s[r0 + 2] = a02.reduceLanes(VectorOperators.ADD);
        s[r1] = a10.reduceLanes(VectorOperators.ADD);
        s[r1 + 1] = a11.reduceLanes(VectorOperators.ADD);
        s[r1 + 2] = a12.reduceLanes(VectorOperators.ADD);
      }
      for (; k < nt; k++) {
        float[] ya = oa[k];
        int y = oo[k];
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        for (int c = 0; c < n; c += L) {
          FloatVector v = FloatVector.fromArray(S, ya, y + c);
          a0 = FloatVector.fromArray(S, xa0, x0 + c).fma(v, a0);
          a1 = FloatVector.fromArray(S, xa1, x1 + c).fma(v, a1);
        }
        s[j * nt + k] = a0.reduceLanes(VectorOperators.ADD);
        s[(j + 1) * nt + k] = a1.reduceLanes(VectorOperators.ADD);
      }
    }
    for (; j < m; j++) {
      for (int k = 0; k < nt; k++) {
        s[j * nt + k] = dotV(ia[j], io[j], oa[k], oo[k], n);
      }
    }
  }

  /**
   * The update of shared-negative skip-gram from the gradients {@code g} (m x nt, row-major), with I and O as in
   * {@link #blockScoresV}: {@code O_k += sum_j g_jk I_j} and {@code I_j += sum_k g_jk O_k}, both from the rows as
   * they were. {@code err} (m rows of n floats) is scratch. Each pass keeps the broadcast gradients of three rows in
   * registers and reads every other row once per vector, so a multiply-add costs about one load.
   */
  public static void blockUpdateV(float[][] ia, int[] io, int m, float[][] oa, int[] oo, int nt, int n,
      float[] g, float[] err) {
    // err_j = sum_k g_jk O_k (old O)
    for (int j = 0; j < m; j++) {
      int e = j * n;
      int k = 0;
      boolean first = true;
      for (; k + 3 <= nt; k += 3, first = false) {
        combine3(oa[k], oo[k], oa[k + 1], oo[k + 1], oa[k + 2], oo[k + 2], g[j * nt + k], g[j * nt + k + 1],
            g[j * nt + k + 2], err, e, n, first);
      }
      for (; k < nt; k++, first = false) {
        if (first) {
          java.util.Arrays.fill(err, e, e + n, 0f);
        }
        axpyV(g[j * nt + k], oa[k], oo[k], err, e, n);
      }
      if (nt == 0) {
        java.util.Arrays.fill(err, e, e + n, 0f);
      }
    }
    // O_k += sum_j g_jk I_j (old I)
    for (int k = 0; k < nt; k++) {
      int j = 0;
      for (; j + 3 <= m; j += 3) {
        combine3(ia[j], io[j], ia[j + 1], io[j + 1], ia[j + 2], io[j + 2], g[j * nt + k], g[(j + 1) * nt + k],
            g[(j + 2) * nt + k], oa[k], oo[k], n, false);
      }
      for (; j < m; j++) {
        axpyV(g[j * nt + k], ia[j], io[j], oa[k], oo[k], n);
      }
    }
    // I_j += err_j
    for (int j = 0; j < m; j++) {
      addV(err, j * n, ia[j], io[j], n);
    }
  }

  /** The number of output rows the six-target kernels take: 1 + negative at the default -negative 5. */
  public static final int NT6 = 6;

  /**
   * {@link #blockScoresV} for exactly six output rows ({@link #NT6}), three input rows at a time: 18 sums in
   * flight, and per vector column nine loads feed 18 multiply-adds (the 2 x 3 block needs five loads for six).
   */
  public static void blockScores6V(float[][] ia, int[] io, int m, float[][] oa, int[] oo, int n, float[] s) {
    final float[] ya0 = oa[0];
    final float[] ya1 = oa[1];
    final float[] ya2 = oa[2];
    final float[] ya3 = oa[3];
    final float[] ya4 = oa[4];
    final float[] ya5 = oa[5];
    final int y0 = oo[0];
    final int y1 = oo[1];
    final int y2 = oo[2];
    final int y3 = oo[3];
    final int y4 = oo[4];
    final int y5 = oo[5];
    int j = 0;
    for (; j + 3 <= m; j += 3) {
      float[] xa0 = ia[j];
      float[] xa1 = ia[j + 1];
      float[] xa2 = ia[j + 2];
      int x0 = io[j];
      int x1 = io[j + 1];
      int x2 = io[j + 2];
      FloatVector a00 = FloatVector.zero(S);
      FloatVector a01 = a00;
      FloatVector a02 = a00;
      FloatVector a03 = a00;
      FloatVector a04 = a00;
      FloatVector a05 = a00;
      FloatVector a10 = a00;
      FloatVector a11 = a00;
      FloatVector a12 = a00;
      FloatVector a13 = a00;
      FloatVector a14 = a00;
      FloatVector a15 = a00;
      FloatVector a20 = a00;
      FloatVector a21 = a00;
      FloatVector a22 = a00;
      FloatVector a23 = a00;
      FloatVector a24 = a00;
      FloatVector a25 = a00;
      for (int c = 0; c < n; c += L) {
        FloatVector u0 = FloatVector.fromArray(S, xa0, x0 + c);
        FloatVector u1 = FloatVector.fromArray(S, xa1, x1 + c);
        FloatVector u2 = FloatVector.fromArray(S, xa2, x2 + c);
        FloatVector v = FloatVector.fromArray(S, ya0, y0 + c);
        a00 = u0.fma(v, a00);
        a10 = u1.fma(v, a10);
        a20 = u2.fma(v, a20);
        v = FloatVector.fromArray(S, ya1, y1 + c);
        a01 = u0.fma(v, a01);
        a11 = u1.fma(v, a11);
        a21 = u2.fma(v, a21);
        v = FloatVector.fromArray(S, ya2, y2 + c);
        a02 = u0.fma(v, a02);
        a12 = u1.fma(v, a12);
        a22 = u2.fma(v, a22);
        v = FloatVector.fromArray(S, ya3, y3 + c);
        a03 = u0.fma(v, a03);
        a13 = u1.fma(v, a13);
        a23 = u2.fma(v, a23);
        v = FloatVector.fromArray(S, ya4, y4 + c);
        a04 = u0.fma(v, a04);
        a14 = u1.fma(v, a14);
        a24 = u2.fma(v, a24);
        v = FloatVector.fromArray(S, ya5, y5 + c);
        a05 = u0.fma(v, a05);
        a15 = u1.fma(v, a15);
        a25 = u2.fma(v, a25);
      }
      int r = j * NT6;
      s[r] = a00.reduceLanes(VectorOperators.ADD);
      s[r + 1] = a01.reduceLanes(VectorOperators.ADD);
      s[r + 2] = a02.reduceLanes(VectorOperators.ADD);
      s[r + 3] = a03.reduceLanes(VectorOperators.ADD);
      s[r + 4] = a04.reduceLanes(VectorOperators.ADD);
      s[r + 5] = a05.reduceLanes(VectorOperators.ADD);
      s[r + 6] = a10.reduceLanes(VectorOperators.ADD);
      s[r + 7] = a11.reduceLanes(VectorOperators.ADD);
      s[r + 8] = a12.reduceLanes(VectorOperators.ADD);
      s[r + 9] = a13.reduceLanes(VectorOperators.ADD);
      s[r + 10] = a14.reduceLanes(VectorOperators.ADD);
      s[r + 11] = a15.reduceLanes(VectorOperators.ADD);
      s[r + 12] = a20.reduceLanes(VectorOperators.ADD);
      s[r + 13] = a21.reduceLanes(VectorOperators.ADD);
      s[r + 14] = a22.reduceLanes(VectorOperators.ADD);
      s[r + 15] = a23.reduceLanes(VectorOperators.ADD);
      s[r + 16] = a24.reduceLanes(VectorOperators.ADD);
      s[r + 17] = a25.reduceLanes(VectorOperators.ADD);
    }
    for (; j < m; j++) {
      float[] xa = ia[j];
      int x = io[j];
      FloatVector a0 = FloatVector.zero(S);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      FloatVector a4 = a0;
      FloatVector a5 = a0;
      for (int c = 0; c < n; c += L) {
        FloatVector u = FloatVector.fromArray(S, xa, x + c);
        a0 = u.fma(FloatVector.fromArray(S, ya0, y0 + c), a0);
        a1 = u.fma(FloatVector.fromArray(S, ya1, y1 + c), a1);
        a2 = u.fma(FloatVector.fromArray(S, ya2, y2 + c), a2);
        a3 = u.fma(FloatVector.fromArray(S, ya3, y3 + c), a3);
        a4 = u.fma(FloatVector.fromArray(S, ya4, y4 + c), a4);
        a5 = u.fma(FloatVector.fromArray(S, ya5, y5 + c), a5);
      }
      int r = j * NT6;
      s[r] = a0.reduceLanes(VectorOperators.ADD);
      s[r + 1] = a1.reduceLanes(VectorOperators.ADD);
      s[r + 2] = a2.reduceLanes(VectorOperators.ADD);
      s[r + 3] = a3.reduceLanes(VectorOperators.ADD);
      s[r + 4] = a4.reduceLanes(VectorOperators.ADD);
      s[r + 5] = a5.reduceLanes(VectorOperators.ADD);
    }
  }

  /**
   * {@link #blockUpdateV} for exactly six output rows ({@link #NT6}) in one pass: for each vector column, the six
   * output vectors stay in registers (as they were, and as they become) while each input row's vector is read once,
   * gets {@code sum_k g_jk O_k} added and is written back, and feeds the six output sums. So every row is read
   * and written once, and no error buffer is needed. The m input rows must be distinct rows, and so must the six
   * output rows (the caller checks; a repeated row would lose one of its updates here).
   */
  public static void blockUpdate6V(float[][] ia, int[] io, int m, float[][] oa, int[] oo, int n, float[] g) {
    final float[] ya0 = oa[0];
    final float[] ya1 = oa[1];
    final float[] ya2 = oa[2];
    final float[] ya3 = oa[3];
    final float[] ya4 = oa[4];
    final float[] ya5 = oa[5];
    final int y0 = oo[0];
    final int y1 = oo[1];
    final int y2 = oo[2];
    final int y3 = oo[3];
    final int y4 = oo[4];
    final int y5 = oo[5];
    for (int c = 0; c < n; c += L) {
      FloatVector o0 = FloatVector.fromArray(S, ya0, y0 + c);
      FloatVector o1 = FloatVector.fromArray(S, ya1, y1 + c);
      FloatVector o2 = FloatVector.fromArray(S, ya2, y2 + c);
      FloatVector o3 = FloatVector.fromArray(S, ya3, y3 + c);
      FloatVector o4 = FloatVector.fromArray(S, ya4, y4 + c);
      FloatVector o5 = FloatVector.fromArray(S, ya5, y5 + c);
      FloatVector n0 = o0;
      FloatVector n1 = o1;
      FloatVector n2 = o2;
      FloatVector n3 = o3;
      FloatVector n4 = o4;
      FloatVector n5 = o5;
      for (int j = 0, gi = 0; j < m; j++, gi += NT6) {
        float[] xa = ia[j];
        int x = io[j] + c;
        FloatVector u = FloatVector.fromArray(S, xa, x);
        FloatVector g0 = FloatVector.broadcast(S, g[gi]);
        FloatVector g1 = FloatVector.broadcast(S, g[gi + 1]);
        FloatVector g2 = FloatVector.broadcast(S, g[gi + 2]);
        FloatVector g3 = FloatVector.broadcast(S, g[gi + 3]);
        FloatVector g4 = FloatVector.broadcast(S, g[gi + 4]);
        FloatVector g5 = FloatVector.broadcast(S, g[gi + 5]);
        FloatVector e = o0.fma(g0, u);
        e = o1.fma(g1, e);
        e = o2.fma(g2, e);
        e = o3.fma(g3, e);
        e = o4.fma(g4, e);
        e = o5.fma(g5, e);
        e.intoArray(xa, x);
        n0 = u.fma(g0, n0);
        n1 = u.fma(g1, n1);
        n2 = u.fma(g2, n2);
        n3 = u.fma(g3, n3);
        n4 = u.fma(g4, n4);
        n5 = u.fma(g5, n5);
      }
      n0.intoArray(ya0, y0 + c);
      n1.intoArray(ya1, y1 + c);
      n2.intoArray(ya2, y2 + c);
      n3.intoArray(ya3, y3 + c);
      n4.intoArray(ya4, y4 + c);
      n5.intoArray(ya5, y5 + c);
    }
  }

  /** {@code y = a0 x0 + a1 x1 + a2 x2 (+ y unless fresh)}, n a multiple of {@link #L}. */
  private static void combine3(float[] x0a, int x0, float[] x1a, int x1, float[] x2a, int x2, float a0, float a1,
      float a2, float[] y, int yo, int n, boolean fresh) {
    FloatVector b0 = FloatVector.broadcast(S, a0);
    FloatVector b1 = FloatVector.broadcast(S, a1);
    FloatVector b2 = FloatVector.broadcast(S, a2);
    for (int c = 0; c < n; c += L) {
      FloatVector acc = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, y, yo + c);
      acc = FloatVector.fromArray(S, x0a, x0 + c).fma(b0, acc);
      acc = FloatVector.fromArray(S, x1a, x1 + c).fma(b1, acc);
      acc = FloatVector.fromArray(S, x2a, x2 + c).fma(b2, acc);
      acc.intoArray(y, yo + c);
    }
  }

  /**
   * {@link VectorMath#linComb}: y = sum_t a_t x_t (+ y unless fresh). Rows go four at a time, their broadcast
   * coefficients held in registers, so y is read and written once per four rows and each multiply-add costs one
   * load. Any n (a scalar tail past the last whole vector).
   */
  public static void linCombV(float[][] xa, int[] xo, float[] a, int ao, int as, int cnt, float[] y, int yo, int n,
      boolean fresh) {
    int t = 0;
    boolean first = fresh;
    for (; t + 4 <= cnt; t += 4, first = false) {
      comb4(xa[t], xo[t], xa[t + 1], xo[t + 1], xa[t + 2], xo[t + 2], xa[t + 3], xo[t + 3], a[ao + t * as],
          a[ao + (t + 1) * as], a[ao + (t + 2) * as], a[ao + (t + 3) * as], y, yo, n, first);
    }
    int r = cnt - t;
    if (r == 3) {
      comb3(xa[t], xo[t], xa[t + 1], xo[t + 1], xa[t + 2], xo[t + 2], a[ao + t * as], a[ao + (t + 1) * as],
          a[ao + (t + 2) * as], y, yo, n, first);
    } else if (r == 2) {
      comb2(xa[t], xo[t], xa[t + 1], xo[t + 1], a[ao + t * as], a[ao + (t + 1) * as], y, yo, n, first);
    } else if (r == 1) {
      if (first) {
        java.util.Arrays.fill(y, yo, yo + n, 0f);
      }
      axpyV(a[ao + t * as], xa[t], xo[t], y, yo, n);
    } else if (first) {
      java.util.Arrays.fill(y, yo, yo + n, 0f);
    }
  }

  /**
   * {@link VectorMath#errUpdate} a vector of columns at a time: h's and the error's vectors stay in registers while
   * every target row passes through once (read, added to the error, updated, written), instead of one pass over
   * the rows for the error and another for the updates.
   */
  public static void errUpdateV(float[][] xa, int[] xo, float[] g, int cnt, float[] h, int ho, float[] err, int eo,
      int n) {
    int bound = S.loopBound(n);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector hv = FloatVector.fromArray(S, h, ho + c);
      FloatVector e = FloatVector.zero(S);
      for (int t = 0; t < cnt; t++) {
        float[] x = xa[t];
        int o = xo[t] + c;
        FloatVector gv = FloatVector.broadcast(S, g[t]);
        FloatVector v = FloatVector.fromArray(S, x, o);
        e = v.fma(gv, e);
        hv.fma(gv, v).intoArray(x, o);
      }
      e.intoArray(err, eo + c);
    }
    for (; c < n; c++) {
      float e = 0f;
      for (int t = 0; t < cnt; t++) {
        float[] x = xa[t];
        int o = xo[t] + c;
        float v = x[o];
        e = Math.fma(v, g[t], e);
        x[o] = Math.fma(h[ho + c], g[t], v);
      }
      err[eo + c] = e;
    }
  }

  @Override
  public void errUpdate(float[][] xa, int[] xo, float[] g, int cnt, float[] h, int ho, float[] err, int eo, int n) {
    errUpdateV(xa, xo, g, cnt, h, ho, err, eo, n);
  }

  @Override
  public void linComb(float[][] xa, int[] xo, float[] a, int ao, int as, int cnt, float[] y, int yo, int n,
      boolean fresh) {
    linCombV(xa, xo, a, ao, as, cnt, y, yo, n, fresh);
  }

  /** {@code y = a0 x0 + a1 x1 + a2 x2 + a3 x3 (+ y unless fresh)}, any n. */
  private static void comb4(float[] x0a, int x0, float[] x1a, int x1, float[] x2a, int x2, float[] x3a, int x3,
      float a0, float a1, float a2, float a3, float[] y, int yo, int n, boolean fresh) {
    FloatVector b0 = FloatVector.broadcast(S, a0);
    FloatVector b1 = FloatVector.broadcast(S, a1);
    FloatVector b2 = FloatVector.broadcast(S, a2);
    FloatVector b3 = FloatVector.broadcast(S, a3);
    int bound = S.loopBound(n);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector acc = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, y, yo + c);
      acc = FloatVector.fromArray(S, x0a, x0 + c).fma(b0, acc);
      acc = FloatVector.fromArray(S, x1a, x1 + c).fma(b1, acc);
      acc = FloatVector.fromArray(S, x2a, x2 + c).fma(b2, acc);
      acc = FloatVector.fromArray(S, x3a, x3 + c).fma(b3, acc);
      acc.intoArray(y, yo + c);
    }
    for (; c < n; c++) {
      float v = fresh ? 0f : y[yo + c];
      v = Math.fma(x0a[x0 + c], a0, v);
      v = Math.fma(x1a[x1 + c], a1, v);
      v = Math.fma(x2a[x2 + c], a2, v);
      y[yo + c] = Math.fma(x3a[x3 + c], a3, v);
    }
  }

  /** {@code y = a0 x0 + a1 x1 + a2 x2 (+ y unless fresh)}, any n. */
  private static void comb3(float[] x0a, int x0, float[] x1a, int x1, float[] x2a, int x2, float a0, float a1,
      float a2, float[] y, int yo, int n, boolean fresh) {
    FloatVector b0 = FloatVector.broadcast(S, a0);
    FloatVector b1 = FloatVector.broadcast(S, a1);
    FloatVector b2 = FloatVector.broadcast(S, a2);
    int bound = S.loopBound(n);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector acc = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, y, yo + c);
      acc = FloatVector.fromArray(S, x0a, x0 + c).fma(b0, acc);
      acc = FloatVector.fromArray(S, x1a, x1 + c).fma(b1, acc);
      acc = FloatVector.fromArray(S, x2a, x2 + c).fma(b2, acc);
      acc.intoArray(y, yo + c);
    }
    for (; c < n; c++) {
      float v = fresh ? 0f : y[yo + c];
      v = Math.fma(x0a[x0 + c], a0, v);
      v = Math.fma(x1a[x1 + c], a1, v);
      y[yo + c] = Math.fma(x2a[x2 + c], a2, v);
    }
  }

  /** {@code y = a0 x0 + a1 x1 (+ y unless fresh)}, any n. */
  private static void comb2(float[] x0a, int x0, float[] x1a, int x1, float a0, float a1, float[] y, int yo, int n,
      boolean fresh) {
    FloatVector b0 = FloatVector.broadcast(S, a0);
    FloatVector b1 = FloatVector.broadcast(S, a1);
    int bound = S.loopBound(n);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector acc = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, y, yo + c);
      acc = FloatVector.fromArray(S, x0a, x0 + c).fma(b0, acc);
      acc = FloatVector.fromArray(S, x1a, x1 + c).fma(b1, acc);
      acc.intoArray(y, yo + c);
    }
    for (; c < n; c++) {
      float v = fresh ? 0f : y[yo + c];
      v = Math.fma(x0a[x0 + c], a0, v);
      y[yo + c] = Math.fma(x1a[x1 + c], a1, v);
    }
  }

  /** {@code y += x}, n a multiple of {@link #L}. */
  private static void addV(float[] x, int xo, float[] y, int yo, int n) {
    for (int c = 0; c < n; c += L) {
      FloatVector.fromArray(S, x, xo + c).add(FloatVector.fromArray(S, y, yo + c)).intoArray(y, yo + c);
    }
  }

  /** Unit-length rows via a SIMD sum of squares and one reciprocal multiply per element. */
  public static void normaliseRowsV(float[] m, int mo, int rows, int dim) {
    for (int r = 0; r < rows; r++) {
      int o = mo + r * dim;
      float ss = dotV(m, o, m, o, dim);
      if (!(ss >= Float.MIN_NORMAL && ss < Float.POSITIVE_INFINITY)) {
        ScalarMath.divideWide(m, o, dim); // overflow or underflow in float: the length in double
        continue;
      }
      float len = (float) Math.sqrt(ss);
      scaleV(1f / len, m, o, dim);
    }
  }

  @Override
  public void matVec(float[] m, int mo, int rows, int dim, float[] x, int xo, float[] out, int oo) {
    matVecV(m, mo, rows, dim, x, xo, out, oo);
  }

  @Override
  public void normaliseRows(float[] m, int mo, int rows, int dim) {
    normaliseRowsV(m, mo, rows, dim);
  }

  @Override
  public String name() {
    return "simd" + L * 32;
  }
}
