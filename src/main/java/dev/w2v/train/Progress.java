// Progress on stderr: a single updating line on a terminal, a log line every few seconds otherwise.
package dev.w2v.train;

import java.io.PrintWriter;
import java.util.Locale;

/** Reports a {@link Trainer}'s progress from a daemon thread, so the training loop never prints. */
final class Progress {
  private final Trainer trainer;
  private final PrintWriter err;
  private final boolean tty;
  private final long startNanos = System.nanoTime();
  private final Thread thread;
  private volatile boolean done;

  Progress(Trainer trainer, PrintWriter err, boolean tty) {
    this.trainer = trainer;
    this.err = err;
    this.tty = tty;
    this.thread = new Thread(this::loop, "w2v-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long period = tty ? 250 : 10_000;
    while (!done) {
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
      if (!done) {
        print();
      }
    }
  }

  private synchronized void print() {
    long words = trainer.wordsDone();
    if (words == 0) {
      return; // nothing measured yet: no rate, no time left
    }
    long total = trainer.wordsTotal();
    double secs = (System.nanoTime() - startNanos) / 1e9;
    double rate = words / Math.max(secs, 1e-9);
    double pct = 100.0 * words / Math.max(1, total + 1);
    long left = rate > 0 ? (long) ((total - words) / rate) : 0;
    String line = String.format(Locale.ROOT, "Alpha: %.6f  Progress: %5.1f%%  Words/sec: %s  Time left: %s",
        trainer.alpha(), pct, rate(rate), clock(Math.max(0, left)));
    if (tty) {
      err.print("\r" + line + "   ");
    } else {
      err.println(line);
    }
    err.flush();
  }

  static String rate(double r) {
    return r >= 1e6 ? String.format(Locale.ROOT, "%.2fM", r / 1e6) : String.format(Locale.ROOT, "%.1fk", r / 1e3);
  }

  static String clock(long s) {
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Stops reporting and returns the elapsed seconds. */
  double finish() {
    done = true;
    thread.interrupt();
    synchronized (this) {
      if (tty) {
        err.print("\r" + " ".repeat(90) + "\r");
        err.flush();
      }
    }
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
