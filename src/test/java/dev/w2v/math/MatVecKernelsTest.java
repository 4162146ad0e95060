// The matrix-vector and row-normalisation kernels: SIMD against the scalar twin, scalar against the C order.
package dev.w2v.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatVecKernelsTest {
  private static float[] random(Random rnd, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    return a;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 100, 300, 4097})
  void matVecSimdAgreesWithScalarAndScalarIsSequential(int dim) {
    Random rnd = new Random(dim);
    int rows = 11; // two blocks of four and a tail of three
    int mo = 5;
    int xo = 3;
    float[] m = random(rnd, mo + rows * dim);
    float[] x = random(rnd, xo + dim);
    float[] scalar = new float[rows + 2];
    float[] simd = new float[rows + 2];
    ScalarMath.INSTANCE.matVec(m, mo, rows, dim, x, xo, scalar, 1);
    SimdMath.INSTANCE.matVec(m, mo, rows, dim, x, xo, simd, 1);
    for (int r = 0; r < rows; r++) {
      float exact = 0;
      double mag = 0;
      for (int c = 0; c < dim; c++) {
        exact += m[mo + r * dim + c] * x[xo + c];
        mag += Math.abs((double) m[mo + r * dim + c] * x[xo + c]);
      }
      assertEquals(exact, scalar[1 + r], 0f, "scalar must sum in C order, row " + r);
      assertEquals(exact, simd[1 + r], 2 * dim * 0x1p-24 * mag + 1e-30, "simd row " + r);
    }
    assertEquals(0f, scalar[0]);
    assertEquals(0f, simd[rows + 1]);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 100, 300, 4097})
  void matVecOverBytesAtUnalignedOffsetsAgreesWithTheArrayKernels(int dim) {
    Random rnd = new Random(7 * dim);
    int rows = 11;
    float[] m = random(rnd, rows * dim);
    float[] x = random(rnd, dim);
    // rows at odd byte offsets, as after words of any length in a word2vec binary file; the buffer starts at base
    long base = 1000;
    long[] offsets = new long[rows + 1];
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(rows * (4 * dim + 7) + 16)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int p = 3;
    for (int r = 0; r < rows; r++) {
      offsets[r + 1] = base + p; // row r of the matrix is entry r + 1 (from = 1)
      for (int c = 0; c < dim; c++) {
        b.putFloat(p + 4 * c, m[r * dim + c]);
      }
      p += 4 * dim + 1 + r % 5;
    }
    float[] want = new float[rows];
    ScalarMath.INSTANCE.matVec(m, 0, rows, dim, x, 0, want, 0);
    float[] scalar = new float[rows + 1];
    float[] simd = new float[rows + 1];
    ScalarMath.INSTANCE.matVec(b, base, offsets, 1, rows, dim, x, scalar);
    SimdMath.INSTANCE.matVec(b, base, offsets, 1, rows, dim, x, simd);
    float[] simdArrays = new float[rows];
    SimdMath.INSTANCE.matVec(m, 0, rows, dim, x, 0, simdArrays, 0);
    for (int r = 0; r < rows; r++) {
      assertEquals(want[r], scalar[r + 1], 0f, "scalar row " + r);
      assertEquals(simdArrays[r], simd[r + 1], 0f, "simd row " + r + " sums as the array kernel does");
    }
    assertEquals(0f, scalar[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 100, 300, 4097})
  void normaliseRowsScalarIsDistanceCAndSimdIsClose(int dim) {
    Random rnd = new Random(31 * dim);
    int rows = 6;
    float[] m = random(rnd, 2 + rows * dim);
    for (int c = 0; c < dim; c++) {
      m[2 + 5 * dim + c] = 0; // an all-zero row stays zero
    }
    float[] expected = m.clone();
    for (int r = 0; r < rows; r++) {
      int o = 2 + r * dim;
      float len = 0;
      for (int c = 0; c < dim; c++) {
        len += expected[o + c] * expected[o + c];
      }
      len = (float) Math.sqrt(len);
      for (int c = 0; c < dim && len > 0; c++) {
        expected[o + c] /= len;
      }
    }
    float[] scalar = m.clone();
    float[] simd = m.clone();
    ScalarMath.INSTANCE.normaliseRows(scalar, 2, rows, dim);
    SimdMath.INSTANCE.normaliseRows(simd, 2, rows, dim);
    assertArrayEquals(expected, scalar, 0f);
    assertArrayEquals(expected, simd, 1e-6f);
    assertEquals(m[0], scalar[0]);
    assertEquals(m[1], simd[1]);
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 32, 304, 4096})
  void matVecI8SimdAgreesWithScalar(int stride) {
    Random rnd = new Random(stride);
    int rows = 11;
    int mo = 32;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(mo + rows * stride);
    for (int i = 0; i < b.capacity(); i++) {
      b.put(i, (byte) (rnd.nextInt(255) - 127));
    }
    float[] x = random(rnd, stride);
    float[] scalar = new float[rows + 1];
    float[] simd = new float[rows + 1];
    ScalarMath.INSTANCE.matVecI8(b, mo, rows, stride, x, scalar, 1);
    SimdMath.INSTANCE.matVecI8(b, mo, rows, stride, x, simd, 1);
    for (int r = 0; r < rows; r++) {
      double exact = 0;
      double mag = 0;
      for (int c = 0; c < stride; c++) {
        exact += (double) b.get(mo + r * stride + c) * x[c];
        mag += Math.abs((double) b.get(mo + r * stride + c) * x[c]);
      }
      assertEquals(exact, scalar[1 + r], 2 * stride * 0x1p-24 * mag + 1e-30, "scalar row " + r);
      assertEquals(exact, simd[1 + r], 2 * stride * 0x1p-24 * mag + 1e-30, "simd row " + r);
    }
    assertEquals(0f, scalar[0]);
    assertEquals(0f, simd[0]);
  }
}
