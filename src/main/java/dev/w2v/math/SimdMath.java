// Vector API kernels (jdk.incubator.vector): vector body over loopBound, scalar tail; fma in reductions.
package dev.w2v.math;

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

  @Override
  public String name() {
    return "simd" + L * 32;
  }
}
