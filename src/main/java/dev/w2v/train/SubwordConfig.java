// Validated subword settings (fastText's -minn, -maxn, -bucket) and where the fastText .bin goes.
package dev.w2v.train;

import dev.w2v.io.W2vException;
import java.nio.file.Path;

/**
 * Subwords are on when {@code maxn > 0}: each word's input vector is then the mean of its own row and the rows of
 * its character n-grams of minn..maxn characters, hashed into {@code bucket} rows (fastText's unsupervised model).
 *
 * @param saveFastText write the whole model in fastText's .bin format here at the end; may be null
 */
public record SubwordConfig(int minn, int maxn, int bucket, Path saveFastText) {
  /** fastText's defaults when subwords are on. */
  public static final int DEFAULT_MINN = 3;

  public static final int DEFAULT_MAXN = 6;
  public static final int DEFAULT_BUCKET = 2_000_000;
  /** fastText's computeSubwords stops at the word's end; longer n-grams than this are never useful. */
  public static final int MAX_N = 100;

  public SubwordConfig {
    if (maxn < 0 || maxn > MAX_N) {
      throw W2vException.usage("-maxn " + maxn + " is out of range (0 turns subwords off; at most " + MAX_N + ")");
    }
    if (maxn > 0) {
      if (minn < 1 || minn > maxn) {
        throw W2vException.usage("-minn " + minn + " is out of range (from 1 to -maxn " + maxn + ")");
      }
      if (bucket < 1) {
        throw W2vException.usage("-bucket must be a positive number, got " + bucket);
      }
    }
  }

  /** Whether subwords are on. */
  public boolean on() {
    return maxn > 0;
  }

  /**
   * The combinations subword training does not support, refused with the flag's name: -reference 1 (word2vec.c
   * has no subwords), hierarchical softmax, and the w2v model-state files.
   */
  public void check(TrainConfig cfg, RunConfig rc) {
    if (!on()) {
      if (saveFastText != null) {
        throw W2vException.usage("-save-fasttext needs subwords: give -maxn N (fastText's default is 6)");
      }
      return;
    }
    if (cfg.reference()) {
      throw W2vException.usage("-reference 1 reproduces word2vec.c, which has no subwords: drop -minn/-maxn or"
          + " -reference 1");
    }
    if (cfg.hs() != 0) {
      throw W2vException.usage("-hs 1 with subwords (-maxn > 0) is not supported: use negative sampling (-hs 0"
          + " -negative N)");
    }
    if (cfg.trains() && cfg.negative() == 0) {
      throw W2vException.usage("subword training (-maxn > 0) needs negative sampling: -negative N");
    }
  }
}
