// A run whose learning rate is too high ends with NaN or infinite weights: refuse to write them.
package dev.w2v.train;

import dev.w2v.io.W2vException;
import java.util.Locale;

/**
 * Two checks, both cheap. While training, every thread stops at its next 10,000-word sync once a loss sum is NaN
 * or infinite ({@link LossMeter}): a score computed from a non-finite weight is non-finite, so the loss sees any
 * diverged row the moment it is used. A finite loss does not prove every weight finite, though (a row changed
 * after its last use, or after the last sync), so after training one pass over the matrices (a fraction of one
 * epoch's work) checks every weight before anything is written.
 */
final class Divergence {
  private Divergence() {}

  /** Throws a {@link W2vException.Kind#DIVERGED} error naming -alpha if the run diverged. */
  static void check(Trainer trainer, Model model, TrainConfig cfg) {
    if (trainer.diverged()) {
      throw error(cfg, String.format(Locale.ROOT, "the loss became NaN or infinite after %.0f%% of the run",
          100.0 * trainer.wordsDone() / Math.max(1, trainer.wordsTotal())));
    }
    String bad = nonFinite("syn0", model.syn0Chunks);
    if (bad == null) {
      bad = nonFinite("syn1", model.syn1Chunks);
    }
    if (bad == null) {
      bad = nonFinite("syn1neg", model.syn1negChunks);
    }
    if (bad != null) {
      throw error(cfg, bad);
    }
  }

  private static W2vException error(TrainConfig cfg, String what) {
    float usual = cfg.cbow() ? 0.05f : 0.025f;
    return new W2vException(W2vException.Kind.DIVERGED, String.format(Locale.ROOT,
        "training diverged: %s; -alpha %s is too high for this corpus (the default for %s is %s): lower -alpha."
            + " Nothing was written", what, number(cfg.alpha()), cfg.cbow() ? "CBOW" : "skip-gram", number(usual)));
  }

  private static String number(float f) {
    return Float.toString(f).replace('E', 'e');
  }

  /** A description of the first NaN or infinite weight of {@code m}, or null. */
  private static String nonFinite(String name, float[][] chunks) {
    if (chunks == null) {
      return null;
    }
    for (float[] m : chunks) {
      for (int i = 0; i < m.length; i++) {
        if (!Float.isFinite(m[i])) {
          return "a weight of " + name + " is " + m[i];
        }
      }
    }
    return null;
  }
}
