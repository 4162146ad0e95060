// Loaded word vectors: the word table and the (normally unit-length) matrix that every query command uses.
package dev.w2v.vectors;

import java.nio.file.Path;

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

  public Embeddings(
      Path source, VectorFormat format, long headerCount, WordTable words, FloatMatrix matrix, boolean normalised) {
    if (words.size() != matrix.rows()) {
      throw new IllegalArgumentException(words.size() + " words for " + matrix.rows() + " rows");
    }
    this.source = source;
    this.format = format;
    this.headerCount = headerCount;
    this.words = words;
    this.matrix = matrix;
    this.normalised = normalised;
  }

  /** The file the vectors came from (null when built in memory). */
  public Path source() {
    return source;
  }

  public VectorFormat format() {
    return format;
  }

  /** The word count the file's header announced (more than {@link #size()} when loaded with a limit). */
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
    return words.word(i);
  }

  /** A copy of row i. */
  public float[] vector(int i) {
    return matrix.row(i);
  }
}
