// Default-mode token source: word ids from the encoded corpus, read in blocks into a per-thread buffer.
package dev.w2v.train;

import dev.w2v.corpus.EncodedCorpus;

/** Thread {@code id} of {@code threads} starts at token {@code size * id / threads}. */
final class EncodedTokenSource implements TokenSource {
  private final EncodedCorpus corpus;
  private final long start;
  private final int[] buf = new int[8192];
  private long pos;
  private int bufPos;
  private int bufLen;

  EncodedTokenSource(EncodedCorpus corpus, int id, int threads) {
    this.corpus = corpus;
    this.start = corpus.size() * id / threads;
    rewind();
  }

  @Override
  public void rewind() {
    pos = start;
    bufPos = 0;
    bufLen = 0;
  }

  @Override
  public int next() {
    if (bufPos == bufLen) {
      bufLen = corpus.read(pos, buf, 0, buf.length);
      pos += bufLen;
      bufPos = 0;
      if (bufLen == 0) {
        return EOF;
      }
    }
    return buf[bufPos++];
  }

  @Override
  public void close() {}
}
