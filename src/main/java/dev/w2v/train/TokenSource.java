// Where a training thread gets its words: the text file itself (reference mode) or the encoded corpus.
package dev.w2v.train;

import java.io.IOException;

/** A per-thread stream of word indices, restartable at the thread's share of the corpus. */
public interface TokenSource extends AutoCloseable {
  /** {@link #next()} result at the end of the data. */
  int EOF = -2;

  /** Positions the stream at thread {@code id}'s start (of {@code threads}), as word2vec.c's fseek does. */
  void rewind() throws IOException;

  /** Next word index, -1 for a word not in the vocabulary, or {@link #EOF}. */
  int next() throws IOException;

  @Override
  void close() throws IOException;
}
