// The word-vector file layouts the reader recognises from their content.
package dev.w2v.vectors;

/** A word-vector file layout; every one starts with a {@code count dim} header line. */
public enum VectorFormat {
  /** word2vec.c {@code -binary 1}: {@code word<space>} then dim little-endian float32, then a newline. */
  BINARY_NEWLINE("word2vec.c binary"),
  /** gensim's binary: as word2vec.c's but with no newline after the vector. */
  BINARY("binary without newlines (gensim)"),
  /** word2vec.c {@code -binary 0}, gensim text and fastText {@code .vec}: one {@code word v1 .. vdim} line per word. */
  TEXT("text");

  private final String description;

  VectorFormat(String description) {
    this.description = description;
  }

  /** A short human description for logs. */
  public String description() {
    return description;
  }
}
