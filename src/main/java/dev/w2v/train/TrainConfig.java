// Validated training settings: word2vec.c's flags, under their original names in every message.
package dev.w2v.train;

import dev.w2v.io.W2vException;
import java.nio.file.Path;

/**
 * Every word2vec.c training option plus w2v's own. The constructor rejects bad values with a message naming the
 * flag. {@code output} may be null (vocabulary only, as word2vec.c without -output).
 *
 * @param reference word2vec.c's exact arithmetic and quirks (scalar kernels, the 400 MB-table draws, the
 *     never-cleared end-of-file flag that skips epochs after the first reaches the end of the file)
 * @param sharedNegatives skip-gram only: the context words of a centre word share one draw of negatives
 */
public record TrainConfig(
    Path train,
    Path output,
    int size,
    int window,
    float sample,
    int hs,
    int negative,
    int threads,
    long iter,
    int minCount,
    float alpha,
    int classes,
    int debug,
    boolean binary,
    Path saveVocab,
    Path readVocab,
    boolean cbow,
    boolean reference,
    boolean sharedNegatives) {

  public TrainConfig {
    positive("-size", size);
    positive("-window", window);
    positive("-threads", threads);
    if (iter <= 0) {
      throw W2vException.usage("-iter must be a positive number, got " + iter);
    }
    if (negative < 0) {
      throw W2vException.usage("-negative must be 0 or more, got " + negative);
    }
    if (hs != 0 && hs != 1) {
      throw W2vException.usage("-hs must be 0 or 1, got " + hs);
    }
    if (!(sample >= 0) || Float.isInfinite(sample)) {
      throw W2vException.usage("-sample must be 0 or more, got " + sample);
    }
    if (!(alpha > 0) || Float.isInfinite(alpha)) {
      throw W2vException.usage("-alpha must be a positive number, got " + alpha);
    }
    if (minCount < 0) {
      throw W2vException.usage("-min-count must be 0 or more, got " + minCount);
    }
    if (classes < 0) {
      throw W2vException.usage("-classes must be 0 or more, got " + classes);
    }
    if (output != null && hs == 0 && negative == 0) {
      throw W2vException.usage(
          "-hs 0 -negative 0 trains nothing: use hierarchical softmax (-hs 1), negative sampling (-negative N), or both");
    }
    atMost("-size", size, MAX_SIZE, "");
    atMost("-window", window, MAX_WINDOW, ": word2vec.c cuts sentences at 1000 words, so no wider window can matter");
    atMost("-negative", negative, MAX_NEGATIVE, "");
    atMost("-threads", threads, MAX_THREADS, "");
    atMost("-iter", iter, MAX_ITER, "");
    atMost("-classes", classes, MAX_CLASSES, "");
    if (sample > MAX_SAMPLE) {
      throw W2vException.usage("-sample " + sample + " is out of range (at most " + MAX_SAMPLE
          + "; 0 turns down-sampling off)");
    }
  }

  /** Upper bounds of the numeric flags (the lower ones are 0 or 1); the README lists them. */
  public static final int MAX_SIZE = 1_000_000;

  public static final int MAX_WINDOW = 1000;
  public static final int MAX_NEGATIVE = 1000;
  public static final int MAX_THREADS = 1024;
  /** Also keeps -iter times the largest word total a vocabulary file may hold (2^53) within a long. */
  public static final long MAX_ITER = 1000;
  /** A static cap; the real one, at most one class per word, is {@link #checkVocabulary}'s. */
  public static final int MAX_CLASSES = 10_000_000;

  public static final float MAX_SAMPLE = 1;

  private static void atMost(String flag, long v, long max, String why) {
    if (v > max) {
      throw W2vException.usage(flag + " " + v + " is out of range (at most " + max + why + ")");
    }
  }

  /**
   * The bounds that depend on the vocabulary, checked once it is known and before training: -classes at most one
   * class per word.
   */
  public void checkVocabulary(int vocabSize) {
    if (classes > vocabSize) {
      throw W2vException.usage("-classes " + classes + " is out of range: at most the vocabulary size, " + vocabSize
          + " words (one word per class)");
    }
  }

  private static void positive(String flag, long v) {
    if (v <= 0) {
      throw W2vException.usage(flag + " must be a positive number, got " + v);
    }
  }

  /** Refuses a 0/1 flag (-cbow, -hs, -binary, ...) with any other value; for the command line and Spark alike. */
  public static void flag01(String flag, int v) {
    if (v != 0 && v != 1) {
      throw W2vException.usage(flag + " must be 0 or 1, got " + v);
    }
  }

  /** atof then a float store, as word2vec.c reads -alpha and -sample; but a non-number is an error. */
  public static float parseFloat(String flag, String s) {
    try {
      double d = Double.parseDouble(s.trim());
      if (Double.isNaN(d)) {
        throw new NumberFormatException();
      }
      return (float) d;
    } catch (NumberFormatException e) {
      throw W2vException.usage("Invalid value for option '" + flag + "': '" + s + "' is not a number");
    }
  }

  /** Whether this run trains (and writes vectors or classes), rather than only building the vocabulary. */
  public boolean trains() {
    return output != null;
  }
}
