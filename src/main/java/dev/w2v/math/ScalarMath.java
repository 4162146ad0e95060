// Plain loops in word2vec.c's evaluation order: the algorithmic reference and the exact-parity path.
package dev.w2v.math;

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

  @Override
  public String name() {
    return "scalar";
  }
}
