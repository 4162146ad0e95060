// `w2v phrases`: word2phrase.c's flags and output, plus several passes in one run.
package dev.w2v.cli;

import dev.w2v.io.W2vException;
import dev.w2v.phrases.Phrases;
import dev.w2v.phrases.PhrasesConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Joins frequent word pairs into phrases ({@code new_york}), byte-identical to word2phrase.c. */
@Command(
    name = "phrases",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Join word pairs that often occur together: new york -> new_york.",
      "A pair that occurs together more often than chance becomes one token. The output is byte-identical to word2phrase.c's. A pair a b is joined when (count(a_b) - min-count) "
          + "/ count(a) / count(b) * words > threshold; a word just joined to its left neighbour does not also "
          + "join its right one in the same pass.",
      "",
      "Each pass can only join two tokens, so longer phrases need more passes: with -passes N, pass k reads "
          + "the output of pass k-1 (kept in a temporary file beside the output and deleted afterwards). "
          + "-threshold and -min-count apply to every pass; -thresholds and -min-counts give one value per pass. "
          + "The usual recipe is two passes with the threshold lowered: -thresholds 200,100."
    },
    footer = {
      "",
      "Examples:",
      "  w2v phrases -train text.txt -output phrases.txt -threshold 100 -debug 2",
      "  w2v phrases -train text.txt -output phrases.txt -thresholds 200,100",
      "                        (two passes: longer phrases like new_york_times)",
      "  zcat text.gz | w2v phrases -train - -output - | gzip > phrases.gz",
      "  w2v phrases -output phrases.txt part1.txt.gz part2.txt.bz2 more/",
    })
public final class PhrasesCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Option(
      names = "-train",
      paramLabel = "FILE",
      description = "Text to find phrases in (words separated by spaces, tabs and newlines): a file, - (standard"
          + " input), a directory (its files in name order) or a quoted glob; gzip, bzip2, xz and zstd files are"
          + " decompressed.")
  Path train;

  @Parameters(
      arity = "0..*",
      paramLabel = "CORPUS",
      description = "The text, as an alternative to -train: one or more inputs, read one after the other.")
  List<Path> corpus;

  @Option(
      names = "-output",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the text with phrases joined by '_' (- for standard output).")
  Path output;

  @Option(
      names = "-min-count",
      paramLabel = "N",
      description = "Words and pairs seen fewer than N times never join (default 5).")
  Integer minCount;

  @Option(
      names = "-threshold",
      paramLabel = "T",
      description = "Join a pair when its score is above T; higher means fewer phrases (default 100).")
  Double threshold;

  @Option(
      names = "-passes",
      paramLabel = "N",
      description = "Run N passes, each over the previous one's output (default 1, or the length of the lists).")
  Integer passes;

  @Option(
      names = "-thresholds",
      split = ",",
      paramLabel = "T",
      description = "One threshold per pass, instead of -threshold: 200,100 is the usual two-pass recipe.")
  List<Double> thresholds;

  @Option(
      names = "-min-counts",
      split = ",",
      paramLabel = "N",
      description = "One min-count per pass, instead of -min-count.")
  List<Integer> minCounts;

  @Option(
      names = "-debug",
      paramLabel = "N",
      description = "0: quiet; 1: statistics; 2: also progress (default); 3: also stack traces on errors. "
          + "Always on stderr.")
  int debug = 2;

  @Override
  public boolean stackTraces() {
    return debug >= 3;
  }

  @Override
  public Integer call() {
    if (train != null && corpus != null && !corpus.isEmpty()) {
      throw W2vException.usage("give the training file either with -train or as an argument, not both");
    }
    PhrasesConfig config =
        PhrasesConfig.fromFlags(
            train != null ? List.of(train) : corpus, output, passes, minCount, minCounts, threshold, thresholds,
            debug);
    StdinHint.print(config.inputs(), spec.commandLine().getErr(), "phrases", debug);
    // System.out at call time, so that tests can substitute it; an OutOfMemoryError becomes one line in Main
    Phrases.run(config, spec.commandLine().getErr(), System.out, Terminal.stderrIsTerminal());
    return ExitCodes.OK;
  }
}
