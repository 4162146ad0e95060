// word2phrase's running word count on stderr: in place on a terminal, a plain line every 10 s otherwise.
package dev.w2v.phrases;

import java.io.PrintWriter;

/**
 * On a terminal each update rewrites the line ({@code \r}, as word2phrase.c does); anywhere else (a pipe, a log
 * file) an update is a whole line, at most one every {@link #LOG_EVERY_NANOS}, so no carriage return ever reaches
 * a file.
 */
public final class ProgressLine {
  static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final PrintWriter log;
  private final boolean tty;
  private final long everyNanos;
  private long last = System.nanoTime();
  private boolean shown;

  /** {@code tty}: whether {@code log} is a terminal (the command line decides, from stderr). */
  public ProgressLine(PrintWriter log, boolean tty) {
    this(log, tty, LOG_EVERY_NANOS);
  }

  ProgressLine(PrintWriter log, boolean tty, long everyNanos) {
    this.log = log;
    this.tty = tty;
    this.everyNanos = everyNanos;
  }

  /** Shows {@code text} as the current progress. */
  void update(String text) {
    if (tty) {
      log.print(text + "  \r");
      shown = true;
    } else {
      long now = System.nanoTime();
      if (now - last < everyNanos) {
        return;
      }
      last = now;
      log.println(text);
    }
    log.flush();
  }

  /** Ends an in-place line, so the next message starts on a line of its own (the count stays visible). */
  void end() {
    if (shown) {
      log.println();
      log.flush();
      shown = false;
    }
  }
}
