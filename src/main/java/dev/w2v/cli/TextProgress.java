// `-progress text` (the default): a training run's events as human-readable lines on stderr.
package dev.w2v.cli;

import dev.w2v.train.RunConfig;
import dev.w2v.train.TrainConfig;
import dev.w2v.train.TrainListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders a run on stderr as {@code -debug} asks: at 1 the vocabulary, the header and the summary; at 2 also the
 * live line, one line per epoch, the vocabulary scan and k-means. On a terminal the live line updates in place
 * (carriage returns, four times a second); otherwise it is a plain line every 10 seconds, so a log file stays
 * readable.
 */
final class TextProgress implements TrainListener {
  private final PrintWriter err;
  private final boolean tty;
  private final int debug;
  private int shown; // length of the carriage-return line on screen, 0 if none

  TextProgress(PrintWriter err, boolean tty, int debug) {
    this.err = err;
    this.tty = tty;
    this.debug = debug;
  }

  @Override
  public long progressMillis() {
    return debug >= 2 ? (tty ? 250 : 10_000) : 0;
  }

  @Override
  public void vocabScan(VocabScan s) {
    if (debug >= 2) {
      String of = s.bytesTotal() > 0
          ? String.format(Locale.ROOT, " of %s (%.0f%%)", bytes(s.bytesTotal()), 100.0 * s.bytesRead() / s.bytesTotal())
          : "";
      live(String.format(Locale.ROOT, "Reading vocabulary: %s%s, %s words, %s", bytes(s.bytesRead()), of,
          count(s.words()), clock(Math.round(s.seconds()))));
    }
  }

  @Override
  public void vocabulary(int vocabSize, long trainWords) {
    if (debug >= 1) {
      line("Vocab size: " + vocabSize);
      line("Words in train file: " + trainWords);
    }
  }

  @Override
  public void started(Start s) {
    if (debug >= 1) {
      TrainConfig c = s.config();
      line(header(c, s.simd()));
      line("Settings: " + settings(c) + runSettings(s.run()));
    }
  }

  /** "Training skip-gram with negative sampling (shared negatives), SIMD kernels, 2 threads: a.txt -> v.bin". */
  static String header(TrainConfig c, boolean simd) {
    boolean ns = c.negative() > 0;
    boolean hs = c.hs() != 0;
    String objective = (hs ? "hierarchical softmax" : "") + (hs && ns ? " and " : "")
        + (ns ? "negative sampling" + (c.sharedNegatives() && !hs ? (c.cbow() ? " (batched)" : " (shared negatives)")
            : "") : "");
    return String.format(Locale.ROOT, "Training %s with %s, %s kernels, %d thread%s%s: %s -> %s",
        c.cbow() ? "CBOW" : "skip-gram", objective, simd ? "SIMD" : "scalar", c.threads(),
        c.threads() == 1 ? "" : "s", c.reference() ? ", reference mode (word2vec.c's arithmetic and epochs)" : "",
        c.train(), c.output());
  }

  /** Every flag that shapes the model, as a command line would give it. */
  static String settings(TrainConfig c) {
    return String.format(Locale.ROOT,
        "-cbow %d -size %d -window %d -negative %d -hs %d -sample %s -alpha %s -min-count %d -iter %d -threads %d"
            + " -reference %d -shared-negatives %d -classes %d -binary %d%s",
        c.cbow() ? 1 : 0, c.size(), c.window(), c.negative(), c.hs(), number(c.sample()), number(c.alpha()),
        c.minCount(), c.iter(), c.threads(), c.reference() ? 1 : 0, c.sharedNegatives() ? 1 : 0, c.classes(),
        c.binary() ? 1 : 0, c.readVocab() != null ? " -read-vocab " + c.readVocab() : "");
  }

  /** The seed and the model files, where they are not word2vec.c's defaults. */
  static String runSettings(RunConfig r) {
    StringBuilder b = new StringBuilder();
    if (r == null) {
      return "";
    }
    if (r.seed() != RunConfig.WORD2VEC_SEED) {
      b.append(" -seed ").append(r.seed());
    }
    if (r.initModel() != null) {
      b.append(" -init-model ").append(r.initModel());
    }
    if (r.resume() != null) {
      b.append(" -resume ").append(r.resume());
    }
    return b.toString();
  }

  /** A float as the shortest decimal that reads back to it: 0.001, 0.025, 1.0e-5. */
  static String number(float f) {
    return Float.toString(f).replace('E', 'e');
  }

  @Override
  public void progress(Update u) {
    if (debug >= 2) {
      live(String.format(Locale.ROOT, "Epoch %d/%d  Progress: %5.1f%%  Words/sec: %s  Alpha: %.6f  Loss: %s  ETA: %s",
          u.epoch(), u.epochs(), 100 * u.progress(), rate(u.wordsPerSec()), u.alpha(), loss(u.loss()),
          Double.isNaN(u.etaSeconds()) ? "-" : clock(Math.round(u.etaSeconds()))));
    }
  }

  @Override
  public void epoch(Epoch e) {
    if (debug >= 2) {
      line(String.format(Locale.ROOT, "Epoch %d/%d: loss %s over %,d predictions, %.1f s", e.epoch(), e.epochs(),
          loss(e.loss()), e.predictions(), e.seconds()));
    }
  }

  @Override
  public void kmeans(int iteration, int iterations) {
    if (debug >= 2) {
      live("k-means (-classes): iteration " + iteration + "/" + iterations);
    }
  }

  @Override
  public void finished(Summary s) {
    if (debug < 1) {
      return;
    }
    if (s.epochLoss().length > 0) {
      long trained = s.epochsTrained();
      // a resumed run trained only the epochs after its checkpoint: say which, of how many
      String epochs = s.epochsResumed() == 0
          ? String.format(Locale.ROOT, "%d epoch%s", trained, trained == 1 ? "" : "s")
          : String.format(Locale.ROOT, "%d epoch%s (%s of %d; resumed after epoch %d)", trained,
              trained == 1 ? "" : "s", trained == 1 ? Long.toString(s.epochLoss().length)
                  : (s.epochsResumed() + 1) + "-" + s.epochLoss().length,
              s.epochLoss().length, s.epochsResumed());
      line(String.format(Locale.ROOT, "Trained %s, %,d words in %.1f s: %s words/s (whole run %.1f s)",
          epochs, s.wordsTrained(), s.trainSeconds(),
          rate(s.wordsTrained() / Math.max(s.trainSeconds(), 1e-9)), s.seconds()));
      StringBuilder b = new StringBuilder("Loss per epoch:");
      for (int e = 0; e < s.epochLoss().length; e++) {
        b.append(' ').append(e + 1).append(": ").append(loss(s.epochLoss()[e]));
        if (e >= 49 && s.epochLoss().length > 60) {
          b.append(" ... ").append(s.epochLoss().length).append(": ").append(loss(s.epochLoss()[s.epochLoss().length - 1]));
          break;
        }
      }
      line(b.toString());
    }
    for (Path p : s.outputs()) {
      line("Wrote " + p);
    }
    line("Peak memory: " + PeakMemory.read().describe());
  }

  /** The mean loss per prediction, or "-" when there was none (an epoch word2vec.c's end-of-file bug skipped). */
  static String loss(double l) {
    return Double.isNaN(l) ? "-" : String.format(Locale.ROOT, "%.4f", l);
  }

  static String rate(double r) {
    return r >= 1e6 ? String.format(Locale.ROOT, "%.2fM", r / 1e6) : String.format(Locale.ROOT, "%.1fk", r / 1e3);
  }

  static String count(long n) {
    return n >= 1_000_000 ? String.format(Locale.ROOT, "%.1fM", n / 1e6) : String.format(Locale.ROOT, "%,d", n);
  }

  static String bytes(long n) {
    return n >= 1L << 30 ? String.format(Locale.ROOT, "%.2f GB", n / (double) (1L << 30))
        : String.format(Locale.ROOT, "%,d MB", n >> 20);
  }

  static String clock(long s) {
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Clears the updating line, if one is on screen (before an error message, say). */
  void close() {
    if (shown > 0) {
      err.print("\r" + " ".repeat(shown) + "\r");
      shown = 0;
      err.flush();
    }
  }

  /** The updating line: in place on a terminal, else a plain line. */
  private void live(String s) {
    if (tty) {
      err.print("\r" + s + " ".repeat(Math.max(0, shown - s.length())));
      shown = s.length();
    } else {
      err.println(s);
    }
    err.flush();
  }

  /** A permanent line, after clearing the updating one. */
  private void line(String s) {
    if (shown > 0) {
      err.print("\r" + " ".repeat(shown) + "\r");
      shown = 0;
    }
    err.println(s);
    err.flush();
  }
}
