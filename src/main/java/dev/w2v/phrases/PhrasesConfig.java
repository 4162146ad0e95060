// Validated settings of `w2v phrases`: the corpus, the output, and each pass's min-count and threshold.
package dev.w2v.phrases;

import dev.w2v.io.W2vException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code w2v phrases} run does: pass 1 reads {@code inputs} (as typed: files, {@code -}, directories,
 * globs; see {@link dev.w2v.io.Inputs}), pass k reads pass k-1's output, the last pass writes {@code output}
 * ({@code -}: standard output). Rejects bad values with a message naming the flag.
 */
public record PhrasesConfig(List<Path> inputs, Path output, List<Pass> passes, int debug) {
  /** word2phrase.c's defaults. */
  public static final int DEFAULT_MIN_COUNT = 5;

  public static final double DEFAULT_THRESHOLD = 100;

  /** Upper bound of -passes (each pass joins at most one more word into a phrase, and reads the text twice). */
  public static final int MAX_PASSES = 100;

  /** One pass: pairs join when their score is above {@code threshold}; rarer words never join. */
  public record Pass(int minCount, float threshold) {
    public Pass {
      if (minCount < 0) {
        throw W2vException.usage("-min-count must be 0 or more (got " + minCount + ")");
      }
      if (!(threshold >= 0) || Float.isInfinite(threshold)) {
        throw W2vException.usage("-threshold must be a finite number, 0 or more (got " + threshold + ")");
      }
    }

    /** word2phrase.c parses -threshold with atof (a double) and stores it in a float. */
    public static Pass of(int minCount, double threshold) {
      return new Pass(minCount, (float) threshold);
    }
  }

  public PhrasesConfig {
    if (inputs == null || inputs.isEmpty() || inputs.stream().anyMatch(Objects::isNull)) {
      throw W2vException.usage("no training file given: use -train FILE or give it as an argument");
    }
    inputs = List.copyOf(inputs);
    if (output == null) {
      throw W2vException.usage("no output file given: use -output FILE");
    }
    Objects.requireNonNull(passes, "passes");
    if (passes.isEmpty()) {
      throw W2vException.usage("-passes must be 1 or more");
    }
    if (passes.size() > MAX_PASSES) {
      throw W2vException.usage(passes.size() + " passes is out of range (-passes at most " + MAX_PASSES + ")");
    }
    passes = List.copyOf(passes);
  }

  /** One input file. */
  public PhrasesConfig(Path train, Path output, List<Pass> passes, int debug) {
    this(train == null ? List.of() : List.of(train), output, passes, debug);
  }

  /** The first input, as typed. */
  public Path train() {
    return inputs.get(0);
  }

  /** True when the result goes to standard output ({@code -output -}). */
  public boolean toStdout() {
    return output.toString().equals("-");
  }

  /**
   * Combines the command-line flags. {@code passes}, {@code minCount}, {@code threshold} and the two lists are
   * null when not given. A single {@code -min-count}/{@code -threshold} applies to every pass; a list gives one
   * value per pass and sets the number of passes.
   */
  public static PhrasesConfig fromFlags(
      List<Path> train,
      Path output,
      Integer passes,
      Integer minCount,
      List<Integer> minCounts,
      Double threshold,
      List<Double> thresholds,
      int debug) {
    if (minCount != null && minCounts != null) {
      throw W2vException.usage("give either -min-count or -min-counts, not both");
    }
    if (threshold != null && thresholds != null) {
      throw W2vException.usage("give either -threshold or -thresholds, not both");
    }
    if (passes != null && passes < 1) {
      throw W2vException.usage("-passes must be 1 or more (got " + passes + ")");
    }
    if (passes != null && passes > MAX_PASSES) {
      throw W2vException.usage("-passes " + passes + " is out of range (at most " + MAX_PASSES + ")");
    }
    int n = passes != null ? passes : 1;
    if (minCounts != null) {
      if (passes == null) {
        n = minCounts.size();
      } else if (minCounts.size() != n) {
        throw W2vException.usage(
            "-min-counts has " + minCounts.size() + " values but -passes is " + n + ": give one per pass");
      }
    }
    if (thresholds != null) {
      if (passes == null && minCounts == null) {
        n = thresholds.size();
      } else if (thresholds.size() != n) {
        throw W2vException.usage(
            "-thresholds has " + thresholds.size() + " values but there are " + n + " passes"
                + (passes != null ? " (-passes)" : " (-min-counts)") + ": give one per pass");
      }
    }
    List<Pass> list = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int mc = minCounts != null ? minCounts.get(k) : minCount != null ? minCount : DEFAULT_MIN_COUNT;
      double t = thresholds != null ? thresholds.get(k) : threshold != null ? threshold : DEFAULT_THRESHOLD;
      list.add(Pass.of(mc, t));
    }
    return new PhrasesConfig(train, output, list, debug);
  }
}
