// The small dense kernels shared by training and queries; nothing here knows about words.
package dev.w2v.math;

import java.nio.ByteBuffer;

/**
 * Dense float kernels over slices of flat arrays ({@code x[xo .. xo+n)}). Two implementations: {@link ScalarMath},
 * which evaluates in exactly word2vec.c's order (one float rounding per operation, no fused multiply-add) and is
 * the reference, and {@link SimdMath}, which uses the JDK Vector API. Pick one with {@link Kernels}.
 */
public interface VectorMath {
  /** Returns sum of x[i] * y[i]. */
  float dot(float[] x, int xo, float[] y, int yo, int n);

  /** y[i] += a * x[i]. */
  void axpy(float a, float[] x, int xo, float[] y, int yo, int n);

  /**
   * A linear combination of rows: {@code y[yo ..] = sum_t a[ao + t * as] * xa[t][xo[t] ..]} for t in [0, cnt), plus
   * y's own values unless {@code fresh}. The batched CBOW step is made of these (means of context rows, errors,
   * summed updates).
   */
  void linComb(float[][] xa, int[] xo, float[] a, int ao, int as, int cnt, float[] y, int yo, int n, boolean fresh);

  /**
   * The error and the update of one centre word's target rows, in one pass over them: for t in [0, cnt), in order,
   * {@code err += g[t] * x_t}, then {@code x_t += g[t] * h}, where {@code x_t = xa[t][xo[t] ..]},
   * {@code h = h[ho ..]} and {@code err = err[eo ..]} (overwritten). A row given twice is read the second time
   * with the first update in it, as word2vec.c's loop over the targets reads it. None of the rows may overlap
   * {@code h} or {@code err}.
   */
  void errUpdate(float[][] xa, int[] xo, float[] g, int cnt, float[] h, int ho, float[] err, int eo, int n);

  /** x[i] *= a. */
  void scale(float a, float[] x, int xo, int n);

  /** Returns the Euclidean norm of x. */
  default float norm(float[] x, int xo, int n) {
    return (float) Math.sqrt(dot(x, xo, x, xo, n));
  }

  /** Scales x to unit length; leaves an all-zero x unchanged; no overflow for huge values or underflow for tiny. */
  default void normalise(float[] x, int xo, int n) {
    float ss = dot(x, xo, x, xo, n);
    if (!(ss >= Float.MIN_NORMAL && ss < Float.POSITIVE_INFINITY)) {
      ScalarMath.divideWide(x, xo, n);
      return;
    }
    scale(1f / (float) Math.sqrt(ss), x, xo, n);
  }

  /**
   * A matrix-vector product over row-major rows: {@code out[oo + r] = dot(m[mo + r*dim ..], x[xo ..])} for r in
   * [0, rows). The nearest-neighbour scan; m is (rows, dim), x is (dim), out is (rows).
   */
  default void matVec(float[] m, int mo, int rows, int dim, float[] x, int xo, float[] out, int oo) {
    for (int r = 0; r < rows; r++) {
      out[oo + r] = dot(m, mo + r * dim, x, xo, dim);
    }
  }

  /**
   * The nearest-neighbour scan over rows that live in a byte buffer (a memory-mapped vector file) at arbitrary byte
   * offsets: {@code out[r] = dot(row r, x[0 .. dim))} for r in [from, from + rows), row r being dim little-endian
   * float32 values starting at byte {@code offsets[r] - base} of m.
   */
  default void matVec(ByteBuffer m, long base, long[] offsets, int from, int rows, int dim, float[] x, float[] out) {
    ScalarMath.matVecBytesS(m, base, offsets, from, rows, dim, x, out);
  }

  /**
   * The scan over a compact int8 copy of a matrix: {@code out[oo + r] = sum_c x[c] * m[mo + r * stride + c]} (each
   * byte a signed integer) for r in [0, rows), c in [0, stride). {@code stride} is a multiple of 16 and x holds
   * {@code stride} floats (zeros past the real dimension). The caller scales each sum by its row's step.
   */
  default void matVecI8(ByteBuffer m, int mo, int rows, int stride, float[] x, float[] out, int oo) {
    ScalarMath.matVecI8S(m, mo, rows, stride, x, out, oo);
  }

  /**
   * Scales each of {@code rows} consecutive rows of length {@code dim} to unit length, leaving all-zero rows as they
   * are. {@link ScalarMath} does it exactly as distance.c does (sequential float sum of squares, {@code sqrt},
   * division); the SIMD twin is faster and differs in the last bits.
   */
  void normaliseRows(float[] m, int mo, int rows, int dim);

  /** A short name for logs and benchmarks. */
  String name();
}
