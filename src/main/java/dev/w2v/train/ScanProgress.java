// The vocabulary scan's progress: bytes read (counted where the file is read) and words so far.
package dev.w2v.train;

import dev.w2v.vocab.VocabBuilder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts the bytes a scan reads and publishes {@link TrainListener.VocabScan}s from a {@link Ticker}, starting
 * after one second so that a small corpus shows nothing. The count is updated once per read of the underlying
 * stream (64 KB at a time behind the scan's buffer), so it costs nothing per word.
 */
final class ScanProgress {
  private final LongSupplier tokens;
  private final long bytesTotal;
  private final TrainListener listener;
  private final long startNanos = System.nanoTime();
  private final Ticker ticker;
  private final AtomicLong bytesRead = new AtomicLong();

  ScanProgress(VocabBuilder builder, long bytesTotal, TrainListener listener) {
    this(builder::tokensSoFar, bytesTotal, listener);
  }

  /** A meter whose word count comes from {@code tokens} (the sum over a parallel scan's parts). */
  ScanProgress(LongSupplier tokens, long bytesTotal, TrainListener listener) {
    this.tokens = tokens;
    this.bytesTotal = bytesTotal;
    this.listener = listener;
    long period = listener.progressMillis();
    this.ticker = period > 0 ? new Ticker("w2v-scan-progress", 1000, period, this::tick) : null;
  }

  private void tick() {
    listener.vocabScan(new TrainListener.VocabScan(bytesRead.get(), bytesTotal, tokens.getAsLong(),
        (System.nanoTime() - startNanos) / 1e9));
  }

  /** {@code in}, counting what is read from it. */
  InputStream count(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
          bytesRead.incrementAndGet();
        }
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }
    };
  }

  /** The byte count, for readers that count for themselves (a parallel scan's parts). */
  AtomicLong bytes() {
    return bytesRead;
  }

  void stop() {
    if (ticker != null) {
      ticker.stop();
    }
  }
}
