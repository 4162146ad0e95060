// An int8 copy of a mapped matrix's normalised rows, kept in its index: a quarter of the bytes for the first pass.
package dev.w2v.vectors;

import dev.w2v.math.VectorMath;
import java.nio.ByteBuffer;

/**
 * Row r of the normalised matrix, x, is stored as {@code stride} signed bytes q and one step s (a float):
 * {@code s = max |x[c]| / 127}, {@code q[c] = round(x[c] / s)}, zero past the dimension. So every element is within
 * {@code s / 2} of {@code s * q[c]} (plus the float division's rounding, see {@link #STEP_ERROR}), and for any
 * query vector v, {@code |v . x - s * (v . q)| <= s * STEP_ERROR * |v|_1}: a bound that lets the scan over these
 * bytes pick out every row that could be among the exact top n (see {@code NearestNeighbours}).
 *
 * <p>The bytes live in memory-mapped windows of whole rows ({@code rowsPerWindow} each); the steps are mapped too.
 */
final class CompactRows {
  /** Bytes per row are the dimension rounded up to a multiple of this (a whole number of SIMD vectors). */
  static final int ALIGN = 16;
  /**
   * |x[c] - s * q[c]| <= s * STEP_ERROR: half a step, plus the roundings of x * (1 / s) (two float roundings of a
   * value of at most 127 in magnitude: under 127 * 2^-22).
   */
  static final double STEP_ERROR = 0.5 + 1e-4;

  @SuppressWarnings("unused")
  private static volatile int sink;

  final ByteBuffer[] windows;
  final int stride;
  final int rowsPerWindow;
  final java.nio.FloatBuffer step;

  CompactRows(ByteBuffer[] windows, int stride, int rowsPerWindow, java.nio.FloatBuffer step) {
    this.windows = windows;
    this.stride = stride;
    this.rowsPerWindow = rowsPerWindow;
    this.step = step;
  }

  static int strideOf(int dim) {
    return (dim + ALIGN - 1) / ALIGN * ALIGN;
  }

  /** Rows per mapped window: as many whole rows as fit in 1 GiB. */
  static int rowsPerWindow(int stride) {
    return Math.max(1, (1 << 30) / stride);
  }

  /**
   * Quantises one normalised row x[0 .. dim) into {@code out[off .. off + stride)} and returns its step (0 for an
   * all-zero row).
   */
  static float quantise(float[] x, int dim, byte[] out, int off, int stride) {
    float max = 0;
    for (int c = 0; c < dim; c++) {
      max = Math.max(max, Math.abs(x[c]));
    }
    float s = max / 127f;
    float inv = s > 0 ? 1f / s : 0f;
    for (int c = 0; c < stride; c++) {
      int v = 0;
      if (c < dim && s > 0) {
        v = Math.round(x[c] * inv);
        v = Math.max(-127, Math.min(127, v));
      }
      out[off + c] = (byte) v;
    }
    return s > 0 ? s : 0f;
  }

  /** Reads a byte of every 4 KB of rows [from, to) (a page fault each, the first time), and of their steps. */
  int touch(int from, int to) {
    int sum = 0;
    int r = from;
    while (r < to) {
      int w = r / rowsPerWindow;
      int first = w * rowsPerWindow;
      int n = Math.min(first + rowsPerWindow, to) - r;
      ByteBuffer b = windows[w];
      int end = (r - first + n) * stride;
      for (int p = (r - first) * stride; p < end; p += 4096) {
        sum += b.get(p);
      }
      r += n;
    }
    for (int i = from; i < to; i += 1024) {
      sum += (int) step.get(i);
    }
    sink = sum; // so that the reads are not optimised away
    return sum;
  }

  /** {@code out[r] = step[r] * (x . q_r)} for r in [from, to); x holds {@code stride} floats. */
  void scan(VectorMath kernels, float[] x, float[] out, int from, int to) {
    int r = from;
    while (r < to) {
      int w = r / rowsPerWindow;
      int first = w * rowsPerWindow;
      int n = Math.min(first + rowsPerWindow, to) - r;
      kernels.matVecI8(windows[w], (r - first) * stride, n, stride, x, out, r);
      for (int i = r; i < r + n; i++) {
        out[i] *= step.get(i);
      }
      r += n;
    }
  }
}
