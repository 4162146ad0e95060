// A dense (rows, dim) float matrix stored row-major in a few large chunks, so that it can pass 2^31 elements.
package dev.w2v.vectors;

import dev.w2v.io.W2vException;

/**
 * Row r lives in {@code chunk(r / rowsPerChunk())} at offset {@code (r % rowsPerChunk()) * dim}. Every chunk holds a
 * whole number of rows and at most 2^28 floats, so a row never straddles two arrays and offsets fit in an int.
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

  private FloatMatrix(int rows, int dim, int rowsPerChunk, float[][] chunks) {
    this.rows = rows;
    this.dim = dim;
    this.rowsPerChunk = rowsPerChunk;
    this.chunks = chunks;
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
    long max = Runtime.getRuntime().maxMemory() / (1 << 20);
    return new W2vException(
        W2vException.Kind.MEMORY,
        "not enough memory for the " + mb + " MB of vectors (the Java heap may grow to " + max
            + " MB); give it more with W2V_JAVA_OPTS=-Xmx<size>, or load fewer words with -limit");
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }

  public int rowsPerChunk() {
    return rowsPerChunk;
  }

  public int chunkCount() {
    return chunks.length;
  }

  /** The c-th chunk's array: {@link #chunkRows(int)} rows of dim floats. */
  public float[] chunk(int c) {
    return chunks[c];
  }

  /** Rows held by chunk c. */
  public int chunkRows(int c) {
    return chunks[c].length / dim;
  }

  /** The array holding row r. */
  public float[] arrayOf(int r) {
    return chunks[r / rowsPerChunk];
  }

  /** Offset of row r in {@link #arrayOf(int)}. */
  public int offsetOf(int r) {
    return (r % rowsPerChunk) * dim;
  }

  public float get(int r, int c) {
    return chunks[r / rowsPerChunk][(r % rowsPerChunk) * dim + c];
  }

  /** A copy of row r. */
  public float[] row(int r) {
    float[] out = new float[dim];
    System.arraycopy(arrayOf(r), offsetOf(r), out, 0, dim);
    return out;
  }
}
