// Collects the words and rows a reader parses, growing only as entries arrive, so memory follows the data.
package dev.w2v.vectors;

import dev.w2v.math.ScalarMath;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A header's word count is a claim, not a fact: a corrupt header of {@code 250000000 1} must cost no more memory
 * than the entries actually read. The matrix therefore grows chunk by chunk (each chunk doubling up to
 * {@link FloatMatrix}'s chunk size), never past twice the rows read; the rows are normalised a batch at a time
 * when asked, and every value is checked to be finite as it lands.
 */
final class EmbeddingsBuilder {
  private static final int FIRST_ROWS = 1 << 12;
  private static final int NORMALISE_BATCH = 256;

  private final int dim;
  private final int rowsPerChunk;
  private final boolean normalise;
  private final List<float[]> full = new ArrayList<>();
  private float[] cur; // the chunk being filled
  private int curRows;
  private int rows;
  private int normalised; // rows [0, normalised) of cur are normalised
  private final long expectedRows;
  private ByteSource src; // with the input's size, for estimating the rows still to come
  private long inputSize = -1;
  final WordTable words;
  // index mode (a large word2vec binary file to be read in place, see VectorIndex): no matrix, but each row's
  // offset in the file and its inverse length; cur is one row of scratch
  private final boolean indexing;
  private long[] rowOffsets;
  private float[] invLength;
  private long nextRowOffset = -1;

  /**
   * A builder that keeps only the words, each row's byte offset in the file (given by {@link #rowAt(long)} before
   * each row) and its inverse length: for {@link VectorIndex}. {@code inputSize} bounds the row count.
   */
  static EmbeddingsBuilder indexing(int dim, long expectedRows, long inputSize) {
    return new EmbeddingsBuilder(dim, Math.min(expectedRows, inputSize / (2 + 4L * dim) + 1));
  }

  private EmbeddingsBuilder(int dim, long rowBound) {
    this.dim = dim;
    this.rowsPerChunk = Integer.MAX_VALUE;
    this.normalise = true;
    this.expectedRows = rowBound;
    this.indexing = true;
    this.cur = new float[dim];
    int first = (int) Math.max(16, Math.min(rowBound, 1 << 20));
    this.rowOffsets = new long[first];
    this.invLength = new float[first];
    this.words = new WordTable((int) Math.min(rowBound, 1 << 20));
  }

  EmbeddingsBuilder(int dim, long expectedRows, boolean normalise, int maxChunkFloats) {
    this.dim = dim;
    this.rowsPerChunk = Math.max(1, maxChunkFloats / dim);
    this.normalise = normalise;
    this.expectedRows = Math.max(0, expectedRows);
    int first = (int) Math.max(1, Math.min(Math.min(expectedRows, FIRST_ROWS), rowsPerChunk));
    this.cur = new float[first * dim];
    this.words = new WordTable((int) Math.min(expectedRows, FIRST_ROWS));
    this.indexing = false;
  }

  boolean indexing() {
    return indexing;
  }

  /** Index mode: the file offset of the row about to be written. */
  void rowAt(long offset) {
    nextRowOffset = offset;
  }

  /** Index mode: byte offset in the file of each row read (at least {@link #rows()} entries). */
  long[] rowOffsets() {
    return rowOffsets;
  }

  /** Index mode: 1 / |row| for each row read (0 for an all-zero row). */
  float[] invLengths() {
    return invLength;
  }

  /** Index mode: records the scratch row just checked. */
  private void indexRow() {
    if (rows == rowOffsets.length) {
      int n = (int) Math.min(Integer.MAX_VALUE - 16, rows + (long) Math.max(16, rows / 2));
      rowOffsets = Arrays.copyOf(rowOffsets, n);
      invLength = Arrays.copyOf(invLength, n);
    }
    rowOffsets[rows] = nextRowOffset;
    float ss = ScalarMath.dotS(cur, 0, cur, 0, dim);
    double len = ss >= Float.MIN_NORMAL && ss < Float.POSITIVE_INFINITY ? (float) Math.sqrt(ss) : wideLength(cur, dim);
    invLength[rows] = len > 0 && len < Double.POSITIVE_INFINITY ? (float) (1 / len) : 0f;
    rows++;
  }

  private static double wideLength(float[] x, int dim) {
    double ss = 0;
    for (int c = 0; c < dim; c++) {
      ss += (double) x[c] * x[c];
    }
    return Math.sqrt(ss);
  }

  /**
   * Lets the matrix grow straight to the size the input's byte count implies at the rate seen so far (a plain file
   * of known size), instead of doubling: one copy instead of a dozen, and little slack. {@code minEntryBytes}, the
   * fewest bytes an entry can take, bounds the first chunk when it is exact enough (binary entries).
   */
  void trackInput(ByteSource src, long size, long minEntryBytes) {
    if (size <= 0 || indexing) {
      return;
    }
    this.src = src;
    this.inputSize = size;
    if (minEntryBytes > 0 && rows == 0) {
      long bound = Math.min(expectedRows, size / minEntryBytes + 1); // never more floats than the file has bytes
      cur = FloatMatrix.allocateChunk((int) Math.max(1, Math.min(rowsPerChunk, bound)), dim);
    }
  }

  /** The row count the input's size implies at the bytes per row read so far, or -1 when unknown. */
  private long estimatedRows() {
    if (src == null || rows == 0) {
      return -1;
    }
    long read = Math.max(1, src.offset());
    return Math.min(expectedRows, (long) ((double) rows * inputSize / read * 1.02) + 64);
  }

  int dim() {
    return dim;
  }

  int rows() {
    return rows;
  }

  /** Rows allocated so far (for tests of the memory bound). */
  long capacityRows() {
    return (long) full.size() * rowsPerChunk + cur.length / dim;
  }

  /** The array to write the next row into, at {@link #nextOffset()}; call {@link #commitRow()} after. */
  float[] nextArray() {
    if (indexing) {
      return cur;
    }
    if (curRows * dim == cur.length) {
      if (curRows == rowsPerChunk) {
        flushNormalise();
        full.add(cur);
        long est = estimatedRows() - rows;
        int next = (int) Math.min(rowsPerChunk, Math.max(FIRST_ROWS, est > 0 ? est : rows));
        cur = FloatMatrix.allocateChunk(next, dim);
        curRows = 0;
        normalised = 0;
      } else {
        long est = estimatedRows() - (rows - curRows);
        long next = est > curRows ? Math.max(est, curRows + Math.max(FIRST_ROWS, curRows / 4))
            : Math.max(FIRST_ROWS, 2L * curRows);
        cur = Arrays.copyOf(cur, FloatMatrix.checkedFloats((int) Math.min(rowsPerChunk, next), dim));
      }
    }
    return cur;
  }

  int nextOffset() {
    return indexing ? 0 : curRows * dim;
  }

  /**
   * Accepts the row written at {@link #nextOffset()}; returns -1, or the column of its first value that is NaN or
   * infinite (the row is then not kept).
   */
  int commitRow() {
    int o = curRows * dim;
    for (int c = 0; c < dim; c++) {
      float v = cur[o + c];
      if (v - v != 0f) { // NaN or infinite
        return c;
      }
    }
    if (indexing) {
      indexRow();
      return -1;
    }
    curRows++;
    rows++;
    if (normalise && curRows - normalised >= NORMALISE_BATCH) {
      flushNormalise();
    }
    return -1;
  }

  /** Accepts the row written at {@link #nextOffset()} without looking at its values. */
  void commitRowUnchecked() {
    curRows++;
    rows++;
    if (normalise && curRows - normalised >= NORMALISE_BATCH) {
      flushNormalise();
    }
  }

  void addWord(ByteBuffer b, int pos, int len) {
    words.add(b, pos, len);
  }

  void addWord(byte[] b, int off, int len) {
    words.add(b, off, len);
  }

  private void flushNormalise() {
    if (normalise && curRows > normalised) {
      ScalarMath.normaliseRowsS(cur, normalised * dim, curRows - normalised, dim);
      normalised = curRows;
    }
  }

  /** The matrix of the rows read (the last chunk trimmed to size). */
  FloatMatrix matrix() {
    flushNormalise();
    float[][] chunks = new float[full.size() + (curRows > 0 ? 1 : 0)][];
    for (int i = 0; i < full.size(); i++) {
      chunks[i] = full.get(i);
    }
    if (curRows > 0) {
      chunks[full.size()] = cur.length == curRows * dim ? cur : Arrays.copyOf(cur, curRows * dim);
    }
    return FloatMatrix.of(rows, dim, rowsPerChunk, chunks);
  }
}
