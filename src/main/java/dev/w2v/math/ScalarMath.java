// Plain loops in word2vec.c's evaluation order: the algorithmic reference and the exact-parity path.
package dev.w2v.math;

import java.nio.ByteBuffer;

/** Scalar kernels; every float operation rounds as the C source reads (no contraction, sequential sums). */
public final class ScalarMath implements VectorMath {
  public static final ScalarMath INSTANCE = new ScalarMath();

  private ScalarMath() {}

  /** word2vec.c: {@code for (c = 0; c < layer1_size; c++) f += syn0[c + l1] * syn1neg[c + l2];} */
  public static float dotS(float[] x, int xo, float[] y, int yo, int n) {
    float f = 0;
    for (int c = 0; c < n; c++) {
      f += x[xo + c] * y[yo + c];
    }
    return f;
  }

  /** word2vec.c: {@code for (c = 0; c < layer1_size; c++) neu1e[c] += g * syn1neg[c + l2];} */
  public static void axpyS(float a, float[] x, int xo, float[] y, int yo, int n) {
    for (int c = 0; c < n; c++) {
      y[yo + c] += a * x[xo + c];
    }
  }

  /** {@link VectorMath#linComb}: one axpy per row, in row order. */
  public static void linCombS(float[][] xa, int[] xo, float[] a, int ao, int as, int cnt, float[] y, int yo, int n,
      boolean fresh) {
    if (fresh) {
      java.util.Arrays.fill(y, yo, yo + n, 0f);
    }
    for (int t = 0; t < cnt; t++) {
      axpyS(a[ao + t * as], xa[t], xo[t], y, yo, n);
    }
  }

  /** {@link VectorMath#errUpdate}, element by element, with the fused multiply-adds of its SIMD twin. */
  public static void errUpdateS(float[][] xa, int[] xo, float[] g, int cnt, float[] h, int ho, float[] err, int eo,
      int n) {
    java.util.Arrays.fill(err, eo, eo + n, 0f);
    for (int t = 0; t < cnt; t++) {
      float[] x = xa[t];
      int o = xo[t];
      float a = g[t];
      for (int c = 0; c < n; c++) {
        float v = x[o + c];
        err[eo + c] = Math.fma(v, a, err[eo + c]);
        x[o + c] = Math.fma(h[ho + c], a, v);
      }
    }
  }

  @Override
  public void errUpdate(float[][] xa, int[] xo, float[] g, int cnt, float[] h, int ho, float[] err, int eo, int n) {
    errUpdateS(xa, xo, g, cnt, h, ho, err, eo, n);
  }

  @Override
  public void linComb(float[][] xa, int[] xo, float[] a, int ao, int as, int cnt, float[] y, int yo, int n,
      boolean fresh) {
    linCombS(xa, xo, a, ao, as, cnt, y, yo, n, fresh);
  }

  @Override
  public float dot(float[] x, int xo, float[] y, int yo, int n) {
    return dotS(x, xo, y, yo, n);
  }

  @Override
  public void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    axpyS(a, x, xo, y, yo, n);
  }

  @Override
  public void scale(float a, float[] x, int xo, int n) {
    for (int c = 0; c < n; c++) {
      x[xo + c] *= a;
    }
  }

  /**
   * {@link #dotS} for each row of m (rows, dim) against x: distance.c's {@code for (a = 0; a < size; a++) dist +=
   * vec[a] * M[a + c * size];}. Four rows run interleaved so that their sums, each still sequential and so exact,
   * overlap in the pipeline.
   */
  public static void matVecS(float[] m, int mo, int rows, int dim, float[] x, int xo, float[] out, int oo) {
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int m0 = mo + r * dim;
      int m1 = m0 + dim;
      int m2 = m1 + dim;
      int m3 = m2 + dim;
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      for (int c = 0; c < dim; c++) {
        float xc = x[xo + c];
        s0 += m[m0 + c] * xc;
        s1 += m[m1 + c] * xc;
        s2 += m[m2 + c] * xc;
        s3 += m[m3 + c] * xc;
      }
      out[oo + r] = s0;
      out[oo + r + 1] = s1;
      out[oo + r + 2] = s2;
      out[oo + r + 3] = s3;
    }
    for (; r < rows; r++) {
      out[oo + r] = dotS(m, mo + r * dim, x, xo, dim);
    }
  }

  /**
   * {@link VectorMath#matVec(ByteBuffer, long, long[], int, int, int, float[], float[])} with each row's sum
   * sequential, as {@link #dotS}; m must be little-endian.
   */
  public static void matVecBytesS(ByteBuffer m, long base, long[] offsets, int from, int rows, int dim, float[] x,
      float[] out) {
    int r = from;
    int end = from + rows;
    for (; r + 4 <= end; r += 4) { // four rows interleaved, each sum still sequential, as matVecS
      int m0 = (int) (offsets[r] - base);
      int m1 = (int) (offsets[r + 1] - base);
      int m2 = (int) (offsets[r + 2] - base);
      int m3 = (int) (offsets[r + 3] - base);
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      for (int c = 0; c < dim; c++) {
        float xc = x[c];
        s0 += m.getFloat(m0 + 4 * c) * xc;
        s1 += m.getFloat(m1 + 4 * c) * xc;
        s2 += m.getFloat(m2 + 4 * c) * xc;
        s3 += m.getFloat(m3 + 4 * c) * xc;
      }
      out[r] = s0;
      out[r + 1] = s1;
      out[r + 2] = s2;
      out[r + 3] = s3;
    }
    for (; r < end; r++) {
      int o = (int) (offsets[r] - base);
      float s = 0;
      for (int c = 0; c < dim; c++) {
        s += m.getFloat(o + 4 * c) * x[c];
      }
      out[r] = s;
    }
  }

  /** See {@link VectorMath#matVecI8}: a sequential float sum per row. */
  public static void matVecI8S(ByteBuffer m, int mo, int rows, int stride, float[] x, float[] out, int oo) {
    for (int r = 0; r < rows; r++) {
      int o = mo + r * stride;
      float s = 0;
      for (int c = 0; c < stride; c++) {
        s += m.get(o + c) * x[c];
      }
      out[oo + r] = s;
    }
  }

  /**
   * distance.c's normalisation of each row: {@code len += M[a]*M[a]} in order, {@code len = sqrt(len)},
   * {@code M[a] /= len}. An all-zero row stays zero (the C code would divide by zero and make it NaN). When the float
   * sum of squares overflows to infinity or loses the row to underflow (values near 3e38 or below 1e-19), the length
   * is taken in double instead, where neither can happen for float inputs: such a row still becomes a unit vector
   * (distance.c would make it all zeros or all NaN). Every other row keeps distance.c's exact float result.
   */
  public static void normaliseRowsS(float[] m, int mo, int rows, int dim) {
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int m0 = mo + r * dim;
      int m1 = m0 + dim;
      int m2 = m1 + dim;
      int m3 = m2 + dim;
      float l0 = 0;
      float l1 = 0;
      float l2 = 0;
      float l3 = 0;
      for (int c = 0; c < dim; c++) {
        l0 += m[m0 + c] * m[m0 + c];
        l1 += m[m1 + c] * m[m1 + c];
        l2 += m[m2 + c] * m[m2 + c];
        l3 += m[m3 + c] * m[m3 + c];
      }
      divide(m, m0, dim, l0);
      divide(m, m1, dim, l1);
      divide(m, m2, dim, l2);
      divide(m, m3, dim, l3);
    }
    for (; r < rows; r++) {
      int o = mo + r * dim;
      divide(m, o, dim, dotS(m, o, m, o, dim));
    }
  }

  private static void divide(float[] m, int o, int dim, float sumSquares) {
    if (!(sumSquares >= Float.MIN_NORMAL && sumSquares < Float.POSITIVE_INFINITY)) {
      divideWide(m, o, dim);
      return;
    }
    float len = (float) Math.sqrt(sumSquares);
    if (len > 0) {
      for (int c = 0; c < dim; c++) {
        m[o + c] /= len;
      }
    }
  }

  /**
   * Scales row {@code m[o .. o+dim)} to unit length with its length computed in double: a float squared is at most
   * 1.2e77 and at least 2e-90, so the double sum neither overflows nor underflows. Rows holding NaN or infinity, and
   * all-zero rows, are left as they are.
   */
  public static void divideWide(float[] m, int o, int dim) {
    double ss = 0;
    for (int c = 0; c < dim; c++) {
      ss += (double) m[o + c] * m[o + c];
    }
    double len = Math.sqrt(ss);
    if (len > 0 && len < Double.POSITIVE_INFINITY) {
      for (int c = 0; c < dim; c++) {
        m[o + c] = (float) (m[o + c] / len);
      }
    }
  }

  @Override
  public void matVec(float[] m, int mo, int rows, int dim, float[] x, int xo, float[] out, int oo) {
    matVecS(m, mo, rows, dim, x, xo, out, oo);
  }

  @Override
  public void normaliseRows(float[] m, int mo, int rows, int dim) {
    normaliseRowsS(m, mo, rows, dim);
  }

  @Override
  public String name() {
    return "scalar";
  }
}
