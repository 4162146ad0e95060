// A dense (rows, dim) float matrix stored row-major in a few large chunks, so that it can pass 2^31 elements; or the
// rows of a memory-mapped word2vec binary file, read in place.
package dev.w2v.vectors;

import dev.w2v.io.W2vException;
import dev.w2v.math.ScalarMath;
import dev.w2v.math.VectorMath;
import java.nio.ByteBuffer;

/**
 * Row r lives in {@code chunk(r / rowsPerChunk())} at offset {@code (r % rowsPerChunk()) * dim}. Every chunk holds a
 * whole number of rows and at most 2^28 floats, so a row never straddles two arrays and offsets fit in an int.
 *
 * <p>A {@linkplain #mapped() mapped} matrix holds no floats on the heap: row r is the file's raw float32 values at
 * byte {@code offsets[r]} of a memory-mapped file (see {@link VectorIndex}), and {@link #row(int)} normalises a copy
 * exactly as an in-heap load does. For such a matrix {@link #arrayOf(int)} returns a fresh copy of the (normalised)
 * row and {@link #offsetOf(int)} 0, so read-only callers work unchanged; {@link #scan} is the fast whole-matrix path,
 * and the chunk accessors are not available.
 */
public final class FloatMatrix {
  /**
   * The largest chunk, in floats (1 GiB). Java arrays stop at 2^31 elements; smaller pieces also fit a
   * generational heap more easily than one huge array.
   */
  public static final int MAX_CHUNK_FLOATS = 1 << 28;

  private final int rows;
  private final int dim;
  private final int rowsPerChunk;
  private final float[][] chunks;

  // the mapped form: windows[k] maps the file from byte k << windowShift, reaching one row past the next window's start
  private final ByteBuffer[] windows;
  private final int windowShift;
  private volatile long[] offsets; // byte offset in the file of each row's first float (set after invLength)
  private volatile float[] invLength; // 1 / |row| (0 for an all-zero row), for the scan's scores
  // or the same two arrays mapped from the index, copied into the two above only when a float scan needs them
  private final java.nio.LongBuffer offsetBuf;
  private final java.nio.FloatBuffer invBuf;
  private final int[] windowFirstRow; // first row starting in window k; windows.length + 1 entries
  private CompactRows compact; // an int8 copy of the normalised rows, from the index (or null)

  private FloatMatrix(int rows, int dim, int rowsPerChunk, float[][] chunks) {
    this.rows = rows;
    this.dim = dim;
    this.rowsPerChunk = rowsPerChunk;
    this.chunks = chunks;
    this.windows = null;
    this.windowShift = 0;
    this.offsets = null;
    this.invLength = null;
    this.offsetBuf = null;
    this.invBuf = null;
    this.windowFirstRow = null;
  }

  private FloatMatrix(int rows, int dim, ByteBuffer[] windows, int windowShift, long[] offsets, float[] invLength,
      java.nio.LongBuffer offsetBuf, java.nio.FloatBuffer invBuf) {
    this.rows = rows;
    this.dim = dim;
    this.rowsPerChunk = Integer.MAX_VALUE;
    this.chunks = null;
    this.windows = windows;
    this.windowShift = windowShift;
    this.offsets = offsets;
    this.invLength = invLength;
    this.offsetBuf = offsetBuf;
    this.invBuf = invBuf;
    this.windowFirstRow = new int[windows.length + 1];
    for (int k = 0; k < windows.length; k++) { // the first row with offset >> windowShift >= k (offsets ascend)
      int lo = 0;
      int hi = rows;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if ((offset(mid) >>> windowShift) < k) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      windowFirstRow[k] = lo;
    }
    windowFirstRow[windows.length] = rows;
  }

  private long offset(int r) {
    return offsets != null ? offsets[r] : offsetBuf.get(r);
  }

  /** The float scan's arrays, copied from the mapped index the first time a float scan needs them. */
  private synchronized void arrays() {
    if (offsets == null) {
      float[] inv = new float[rows];
      invBuf.get(0, inv);
      long[] off = new long[rows];
      offsetBuf.get(0, off);
      invLength = inv;
      offsets = off;
    }
  }

  /**
   * A matrix over rows of a mapped file: row r is {@code dim} little-endian floats at file byte {@code offsets[r]}
   * (ascending), found in {@code windows[offsets[r] >>> windowShift]}, which maps the file from byte
   * {@code k << windowShift} on for at least the window's size plus one row. {@code invLength[r]} is 1 / |row r|.
   */
  static FloatMatrix mapped(int rows, int dim, ByteBuffer[] windows, int windowShift, long[] offsets,
      float[] invLength) {
    return new FloatMatrix(rows, dim, windows, windowShift, offsets, invLength, null, null);
  }

  /** As {@link #mapped(int, int, ByteBuffer[], int, long[], float[])}, the offsets and lengths mapped too. */
  static FloatMatrix mapped(int rows, int dim, ByteBuffer[] windows, int windowShift, java.nio.LongBuffer offsets,
      java.nio.FloatBuffer invLength) {
    return new FloatMatrix(rows, dim, windows, windowShift, null, null, offsets, invLength);
  }

  /** Gives a mapped matrix the int8 copy of its rows that its index holds. */
  void attachCompact(CompactRows c) {
    this.compact = c;
  }

  /** True when an int8 copy of the normalised rows is available for {@link #scanCompact}. */
  public boolean hasCompact() {
    return compact != null;
  }

  /** The length of the query vector {@link #scanCompact} takes: the dimension rounded up to 16. */
  public int compactStride() {
    return compact.stride;
  }

  /**
   * Approximate scores from the int8 copy: {@code out[r] = step(r) * (x . q_r)} for r in [from, to), where
   * {@code x} is the query padded with zeros to {@link #compactStride()}. The exact normalised dot product is within
   * {@code compactStep(r) * CompactRows.STEP_ERROR * |x|_1} of it, up to float roundings.
   */
  public void scanCompact(VectorMath kernels, float[] x, float[] out, int from, int to) {
    compact.scan(kernels, x, out, from, to);
  }

  /** Reads one byte of each page of rows [from, to) of the int8 copy, so that the scan finds them mapped. */
  public void touchCompact(int from, int to) {
    compact.touch(from, to);
  }

  /** Row r's quantisation step in the int8 copy: its elements are within half of it of their bytes' values. */
  public float compactStep(int r) {
    return compact.step.get(r);
  }

  /** See {@link CompactRows#STEP_ERROR}. */
  public static double compactStepError() {
    return CompactRows.STEP_ERROR;
  }

  /** True when the rows are read in place from a memory-mapped file rather than held in arrays. */
  public boolean mapped() {
    return windows != null;
  }

  /**
   * {@code out[r] = dot(q, row r)} for r in [from, to), with the fast kernels: the nearest-neighbour scan. For a
   * mapped matrix the rows are read in place and the dot product scaled by 1 / |row|, so that the scores are those of
   * the normalised rows up to a few float roundings more than an in-heap scan (see {@link #scanRoundings()}).
   */
  public void scan(VectorMath kernels, float[] q, float[] out, int from, int to) {
    if (windows == null) {
      int r = from;
      while (r < to) {
        int n = Math.min(rowsPerChunk - r % rowsPerChunk, to - r);
        kernels.matVec(arrayOf(r), offsetOf(r), n, dim, q, 0, out, r);
        r += n;
      }
      return;
    }
    if (this.offsets == null) {
      arrays();
    }
    float[] invLength = this.invLength; // read after offsets, which is written last
    long[] offsets = this.offsets;
    int r = from;
    while (r < to) {
      int k = (int) (offsets[r] >>> windowShift);
      int n = Math.min(windowFirstRow[k + 1], to) - r;
      kernels.matVec(windows[k], (long) k << windowShift, offsets, r, n, dim, q, out);
      for (int i = r; i < r + n; i++) {
        out[i] *= invLength[i];
      }
      r += n;
    }
  }

  /**
   * Roundings per element, beyond the kernels' own, by which {@link #scan}'s scores may differ from the exact
   * normalised dot product: 0 in memory; for a mapped matrix the division of each element by the length and the
   * final scaling.
   */
  public int scanRoundings() {
    return windows == null ? 0 : 4;
  }

  /** A zeroed matrix; throws {@link W2vException} of kind MEMORY when the heap cannot hold it. */
  public static FloatMatrix allocate(int rows, int dim) {
    return allocate(rows, dim, MAX_CHUNK_FLOATS);
  }

  /** As {@link #allocate(int, int)} with a smaller chunk limit (tests use it to exercise several chunks). */
  public static FloatMatrix allocate(int rows, int dim, int maxChunkFloats) {
    if (rows < 0 || dim <= 0 || dim > maxChunkFloats) {
      throw new IllegalArgumentException("bad matrix shape " + rows + " x " + dim);
    }
    int perChunk = Math.max(1, maxChunkFloats / dim);
    int n = rows == 0 ? 0 : (int) ((rows + (long) perChunk - 1) / perChunk);
    float[][] chunks = new float[n][];
    try {
      for (int c = 0; c < n; c++) {
        int r = Math.min(perChunk, rows - c * perChunk);
        chunks[c] = new float[r * dim];
      }
    } catch (OutOfMemoryError e) {
      throw outOfMemory((long) rows * dim);
    }
    return new FloatMatrix(rows, dim, perChunk, chunks);
  }

  /** A matrix over existing chunks: every chunk but the last holds exactly {@code rowsPerChunk} rows. */
  static FloatMatrix of(int rows, int dim, int rowsPerChunk, float[][] chunks) {
    return new FloatMatrix(rows, dim, rowsPerChunk, chunks);
  }

  /** One zeroed chunk of {@code rows} rows, failing as {@link #allocate(int, int)} does when memory runs out. */
  static float[] allocateChunk(int rows, int dim) {
    try {
      return new float[checkedFloats(rows, dim)];
    } catch (OutOfMemoryError e) {
      throw outOfMemory((long) rows * dim);
    }
  }

  /** rows * dim, which the chunk size keeps below 2^31. */
  static int checkedFloats(int rows, int dim) {
    long n = (long) rows * dim;
    if (n > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("chunk of " + rows + " x " + dim);
    }
    return (int) n;
  }

  private static W2vException outOfMemory(long floats) {
    long mb = floats * 4 / (1 << 20);
    return new W2vException(
        W2vException.Kind.MEMORY,
        "not enough memory for the " + mb + " MB of vectors: " + dev.w2v.io.HeapLimit.describe((mb >> 10) + 2)
            + "; or load fewer words with -limit, or convert the file once to word2vec binary (w2v convert IN"
            + " OUT.bin), which queries read in place, without this memory");
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }

  /** Rows per chunk (of an in-memory matrix; {@link Integer#MAX_VALUE} for a mapped one). */
  public int rowsPerChunk() {
    return rowsPerChunk;
  }

  public int chunkCount() {
    return inMemory().length;
  }

  /** The c-th chunk's array: {@link #chunkRows(int)} rows of dim floats. */
  public float[] chunk(int c) {
    return inMemory()[c];
  }

  /** Rows held by chunk c. */
  public int chunkRows(int c) {
    return inMemory()[c].length / dim;
  }

  private float[][] inMemory() {
    if (chunks == null) {
      throw new UnsupportedOperationException("a memory-mapped matrix has no chunks");
    }
    return chunks;
  }

  /** The array holding row r (for a mapped matrix, a fresh copy of the normalised row, at offset 0). */
  public float[] arrayOf(int r) {
    return chunks != null ? chunks[r / rowsPerChunk] : row(r);
  }

  /** Offset of row r in {@link #arrayOf(int)}. */
  public int offsetOf(int r) {
    return chunks != null ? (r % rowsPerChunk) * dim : 0;
  }

  public float get(int r, int c) {
    return chunks != null ? chunks[r / rowsPerChunk][(r % rowsPerChunk) * dim + c] : row(r)[c];
  }

  /** A copy of row r. */
  public float[] row(int r) {
    float[] out = new float[dim];
    if (chunks != null) {
      System.arraycopy(arrayOf(r), offsetOf(r), out, 0, dim);
      return out;
    }
    if (r < 0 || r >= rows) {
      throw new IndexOutOfBoundsException("row " + r + " of " + rows);
    }
    long at = offset(r);
    int k = (int) (at >>> windowShift);
    ByteBuffer w = windows[k]; // little-endian
    int o = (int) (at - ((long) k << windowShift));
    for (int c = 0; c < dim; c++) {
      out[c] = w.getFloat(o + 4 * c);
    }
    ScalarMath.normaliseRowsS(out, 0, 1, dim); // exactly what an in-heap load does to the row
    return out;
  }
}
