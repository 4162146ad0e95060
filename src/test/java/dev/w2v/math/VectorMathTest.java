// The training kernels (dot, axpy, scale, normalise): SIMD against the scalar twin, scalar against the C order.
package dev.w2v.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorMathTest {
  private static float[] random(Random rnd, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    return a;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 100, 112, 300, 4097})
  void dotScalarIsSequentialAndSimdIsClose(int n) {
    Random rnd = new Random(n);
    float[] x = random(rnd, n + 3);
    float[] y = random(rnd, n + 5);
    float exact = 0;
    double mag = 0;
    for (int c = 0; c < n; c++) {
      exact += x[3 + c] * y[5 + c]; // word2vec.c: f += syn0[c + l1] * syn1neg[c + l2]
      mag += Math.abs((double) x[3 + c] * y[5 + c]);
    }
    assertEquals(exact, ScalarMath.INSTANCE.dot(x, 3, y, 5, n), 0f);
    assertEquals(exact, SimdMath.INSTANCE.dot(x, 3, y, 5, n), 2 * n * 0x1p-24 * mag);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 100, 112, 300, 4097})
  void axpyTouchesOnlyItsSliceAndAgrees(int n) {
    Random rnd = new Random(7 * n);
    float[] x = random(rnd, n + 2);
    float[] y = random(rnd, n + 4);
    float a = 0.37f;
    float[] scalar = y.clone();
    float[] simd = y.clone();
    ScalarMath.INSTANCE.axpy(a, x, 2, scalar, 1, n);
    SimdMath.INSTANCE.axpy(a, x, 2, simd, 1, n);
    assertEquals(y[0], scalar[0]);
    assertEquals(y[0], simd[0]);
    for (int c = n + 1; c < y.length; c++) {
      assertEquals(y[c], scalar[c]);
      assertEquals(y[c], simd[c]);
    }
    for (int c = 0; c < n; c++) {
      float expected = y[1 + c] + a * x[2 + c]; // two roundings, as the C source
      assertEquals(expected, scalar[1 + c], 0f);
      // fma rounds once: within one rounding of the product
      assertEquals(expected, simd[1 + c], Math.ulp(expected) + Math.ulp(a * x[2 + c]));
    }
  }

  @Test
  void axpyWithOneIsAnExactAddInBothKernels() {
    Random rnd = new Random(3);
    float[] x = random(rnd, 300);
    float[] y = random(rnd, 300);
    float[] scalar = y.clone();
    float[] simd = y.clone();
    ScalarMath.INSTANCE.axpy(1f, x, 0, scalar, 0, 300);
    SimdMath.INSTANCE.axpy(1f, x, 0, simd, 0, 300);
    for (int c = 0; c < 300; c++) {
      assertEquals(y[c] + x[c], scalar[c], 0f);
      assertEquals(y[c] + x[c], simd[c], 0f);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 100, 300, 4097})
  void scaleAndNormalise(int n) {
    Random rnd = new Random(11 * n);
    float[] x = random(rnd, n);
    float[] scalar = x.clone();
    float[] simd = x.clone();
    ScalarMath.INSTANCE.scale(0.5f, scalar, 0, n);
    SimdMath.INSTANCE.scale(0.5f, simd, 0, n);
    for (int c = 0; c < n; c++) {
      assertEquals(x[c] * 0.5f, scalar[c], 0f);
      assertEquals(x[c] * 0.5f, simd[c], 0f);
    }
    for (VectorMath k : new VectorMath[] {ScalarMath.INSTANCE, SimdMath.INSTANCE}) {
      float[] v = x.clone();
      k.normalise(v, 0, n);
      assertEquals(1.0, k.norm(v, 0, n), 1e-5, k.name());
    }
    float[] zero = new float[n];
    SimdMath.INSTANCE.normalise(zero, 0, n);
    assertTrue(zero[0] == 0f && zero[n - 1] == 0f, "an all-zero vector stays zero");
  }

  @Test
  void roundUpPadsToWholeVectors() {
    int l = Kernels.simd() ? SimdMath.L : 1;
    assertEquals(0, Kernels.roundUp(100) % l);
    assertTrue(Kernels.roundUp(100) >= 100 && Kernels.roundUp(100) < 100 + l);
    assertEquals(Kernels.roundUp(4 * l), 4 * l);
  }
}
