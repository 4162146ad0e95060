// Loaded word vectors: the word table and the (normally unit-length) matrix that every query command uses.
package dev.w2v.vectors;

import java.nio.file.Path;
import java.util.List;

/**
 * Words and their vectors, row i belonging to word i. As loaded for queries the rows are normalised exactly as
 * distance.c normalises them (so cosine similarity is a dot product); {@link #normalised()} says whether they were.
 */
public final class Embeddings {
  private final Path source;
  private final VectorFormat format;
  private final long headerCount;
  private final WordTable words;
  private final FloatMatrix matrix;
  private final boolean normalised;
  private final String compression;
  private final List<String> warnings;
  /** A fastText model's n-gram rows (null for every other file): vectors for words outside the vocabulary. */
  private NgramVectors ngrams;
  /** Words outside the vocabulary given vectors so far: row {@code size() + k} is extra k. */
  private final List<byte[]> extraWords = new java.util.ArrayList<>();
  private final List<float[]> extraRows = new java.util.ArrayList<>();
  private final java.util.Map<String, Integer> extraIndex = new java.util.HashMap<>();

  public Embeddings(
      Path source, VectorFormat format, long headerCount, WordTable words, FloatMatrix matrix, boolean normalised) {
    this(source, format, headerCount, words, matrix, normalised, null, List.of());
  }

  /** As loaded from a file: {@code compression} undone ("gzip", or null) and the reader's warnings. */
  public Embeddings(Path source, VectorFormat format, long headerCount, WordTable words, FloatMatrix matrix,
      boolean normalised, String compression, List<String> warnings) {
    if (words.size() != matrix.rows()) {
      throw new IllegalArgumentException(words.size() + " words for " + matrix.rows() + " rows");
    }
    this.source = source;
    this.format = format;
    this.headerCount = headerCount;
    this.words = words;
    this.matrix = matrix;
    this.normalised = normalised;
    this.compression = compression;
    this.warnings = List.copyOf(warnings);
  }

  /** Keeps a fastText model's n-gram rows, so that {@link #oov} can build vectors for unknown words. */
  void attachNgrams(NgramVectors n) {
    this.ngrams = n;
  }

  /** Whether words outside the vocabulary get vectors from their n-grams (a fastText model with subwords). */
  public boolean hasSubwords() {
    return ngrams != null;
  }

  /**
   * The row of a word outside the vocabulary, built from its n-grams (normalised when the rows are): an index from
   * {@link #size()} on, valid for {@link #arrayOf}, {@link #offsetOf}, {@link #vector} and {@link #bytes} but never
   * a row that nearest-neighbour searches see. -1 without subwords or when the word has no n-gram.
   */
  public synchronized int oov(byte[] word) {
    if (ngrams == null) {
      return -1;
    }
    String key = new String(word, java.nio.charset.StandardCharsets.ISO_8859_1);
    Integer known = extraIndex.get(key);
    if (known != null) {
      return known;
    }
    float[] v = ngrams.vector(word);
    if (v == null) {
      return -1;
    }
    if (normalised) {
      dev.w2v.math.ScalarMath.normaliseRowsS(v, 0, 1, v.length);
    }
    int idx = size() + extraRows.size();
    extraWords.add(word.clone());
    extraRows.add(v);
    extraIndex.put(key, idx);
    return idx;
  }

  /** How many n-grams built the word of row {@code i} (an {@link #oov} row); 0 for a vocabulary row. */
  public int ngramCount(int i) {
    return i < size() || ngrams == null ? 0 : ngrams.count(bytes(i));
  }

  /** The array holding row i (a vocabulary row or an {@link #oov} one). */
  public float[] arrayOf(int i) {
    return i < size() ? matrix.arrayOf(i) : extra(i);
  }

  /** Where row i starts in {@link #arrayOf}(i). */
  public int offsetOf(int i) {
    return i < size() ? matrix.offsetOf(i) : 0;
  }

  /** The bytes of word i (a vocabulary word or an {@link #oov} one). */
  public byte[] bytes(int i) {
    if (i < size()) {
      return words.bytes(i);
    }
    synchronized (this) {
      return extraWords.get(i - size()).clone();
    }
  }

  private synchronized float[] extra(int i) {
    return extraRows.get(i - size());
  }

  /** The compression the reader undid ("gzip", "bzip2", "xz", "zstd"), or null. */
  public String compression() {
    return compression;
  }

  /**
   * What the reader noticed but did not refuse, one line each, for the command to print at its warning level (for
   * example a header that counts fewer words than the file holds).
   */
  public List<String> warnings() {
    return warnings;
  }

  /** The file the vectors came from (null when built in memory). */
  public Path source() {
    return source;
  }

  public VectorFormat format() {
    return format;
  }

  /**
   * The word count the file's header announced (more than {@link #size()} when loaded with a limit); for a file
   * without a header, the number of words read.
   */
  public long headerCount() {
    return headerCount;
  }

  public int size() {
    return matrix.rows();
  }

  public int dim() {
    return matrix.dim();
  }

  public WordTable words() {
    return words;
  }

  public FloatMatrix matrix() {
    return matrix;
  }

  /** True when every non-zero row has unit length. */
  public boolean normalised() {
    return normalised;
  }

  /** Index of the first word equal to {@code word} (compared as UTF-8 bytes), or -1. */
  public int indexOf(String word) {
    return words.indexOf(word);
  }

  /** Word i for display (invalid UTF-8 shown as U+FFFD). */
  public String word(int i) {
    return i < size() ? words.word(i) : new String(bytes(i), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The given rows (their words and vectors, in that order) as new embeddings from the same source. */
  public Embeddings select(int[] rows) {
    WordTable w = new WordTable(rows.length);
    FloatMatrix m = FloatMatrix.allocate(rows.length, dim());
    for (int i = 0; i < rows.length; i++) {
      byte[] b = words.bytes(rows[i]);
      w.add(b, 0, b.length);
      System.arraycopy(matrix.arrayOf(rows[i]), matrix.offsetOf(rows[i]), m.arrayOf(i), m.offsetOf(i), dim());
    }
    return new Embeddings(source, format, rows.length, w, m, normalised, compression, warnings);
  }

  /** A copy of row i (a vocabulary row or an {@link #oov} one). */
  public float[] vector(int i) {
    return i < size() ? matrix.row(i) : extra(i).clone();
  }
}
