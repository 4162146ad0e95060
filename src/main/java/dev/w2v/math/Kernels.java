// Chooses the kernel implementation once, at start-up.
package dev.w2v.math;

/**
 * The SIMD kernels when the JVM was started with {@code --add-modules jdk.incubator.vector} (the {@code w2v}
 * launcher does this), otherwise the scalar ones.
 */
public final class Kernels {
  private static final VectorMath BEST = load();

  private Kernels() {}

  private static VectorMath load() {
    if (Boolean.getBoolean("w2v.scalar")) {
      return ScalarMath.INSTANCE;
    }
    try {
      Class.forName("jdk.incubator.vector.FloatVector");
      return SimdMath.INSTANCE;
    } catch (ClassNotFoundException | LinkageError e) {
      return ScalarMath.INSTANCE;
    }
  }

  /** The fastest available kernels. */
  public static VectorMath best() {
    return BEST;
  }

  /** True when {@link #best()} is the SIMD implementation. */
  public static boolean simd() {
    return BEST != ScalarMath.INSTANCE;
  }

  /** {@code n} rounded up to a whole number of SIMD vectors (so row kernels need no scalar tail). */
  public static int roundUp(int n) {
    int l = simd() ? SimdMath.L : 1;
    return (n + l - 1) / l * l;
  }

  /** The exact, word2vec.c-order kernels. */
  public static VectorMath scalar() {
    return ScalarMath.INSTANCE;
  }
}
