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
