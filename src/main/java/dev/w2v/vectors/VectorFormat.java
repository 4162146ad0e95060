// The word-vector file layouts the reader recognises from their content.
package dev.w2v.vectors;

/** A word-vector file layout, recognised from the bytes (the file name never matters). */
public enum VectorFormat {
  /** word2vec.c {@code -binary 1}: {@code word<space>} then dim little-endian float32, then a newline. */
  BINARY_NEWLINE("word2vec.c binary"),
  /** gensim's binary: as word2vec.c's but with no newline after the vector. */
  BINARY("binary without newlines (gensim)"),
  /** Binary as gensim's, without the header line (gensim's {@code binary=True, write_header=False}). */
  BINARY_NO_HEADER("binary without a header (gensim write_header=False)"),
  /** word2vec.c {@code -binary 0}, gensim text and fastText {@code .vec}: one {@code word v1 .. vdim} line per word. */
  TEXT("text"),
  /** Text with no {@code count dim} header: GloVe, gensim's {@code write_header=False}, fastText print-word-vectors. */
  TEXT_NO_HEADER("text without a header (GloVe)"),
  /** A fastText unsupervised model ({@code .bin}): the in-vocabulary words' vectors, as fastText computes them. */
  FASTTEXT_BIN("fastText .bin model");

  private final String description;

  VectorFormat(String description) {
    this.description = description;
  }

  /** A short human description for logs. */
  public String description() {
    return description;
  }
}
