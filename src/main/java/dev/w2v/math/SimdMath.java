// Vector API kernels (jdk.incubator.vector): vector body over loopBound, scalar tail; fma in reductions.
package dev.w2v.math;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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
