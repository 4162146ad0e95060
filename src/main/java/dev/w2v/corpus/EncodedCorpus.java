// The corpus as word ids: tokenised and looked up once, then read by every epoch without re-hashing text.
package dev.w2v.corpus;

import java.io.Closeable;

/**
 * A sequence of vocabulary indices (0 is the sentence break {@code </s>}; out-of-vocabulary words are already
 * dropped, as word2vec.c's training loop skips them without counting them). Held in memory, or memory-mapped from
 * a temporary file when it would take too large a share of the heap.
 */
public interface EncodedCorpus extends Closeable {
  /** Number of tokens. */
  long size();

  /** Copies up to {@code len} ids starting at {@code pos} into {@code dst}; returns how many were copied. */
  int read(long pos, int[] dst, int off, int len);

  @Override
  default void close() {}
}
