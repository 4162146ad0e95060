// `w2v train`: word2vec.c's training flags, under their original names and defaults.
package dev.w2v.cli;

import dev.w2v.io.W2vException;
import dev.w2v.train.TrainConfig;
import dev.w2v.train.TrainJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Parses word2vec.c's flags into a {@link TrainConfig} and runs a {@link TrainJob}. */
@Command(
    name = "train",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Train word vectors exactly as word2vec.c does (skip-gram or CBOW; hierarchical softmax and/or negative"
          + " sampling).",
      "Example: w2v train -cbow 0 -negative 5 corpus.txt   (writes vectors.bin)"
    })
public final class TrainCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "CORPUS",
      description = "Training text (instead of -train): one or more files, directories, globs, or - for standard"
          + " input, read one after the other; gzip, bzip2, xz and zstd files are decompressed.")
  List<Path> corpus;

  @Option(names = "-train", paramLabel = "FILE",
      description = "Use text data from FILE to train the model: a file, - (standard input), a directory (its"
          + " files in name order) or a quoted glob; compressed files are recognised by their first bytes.")
  Path train;

  @Option(names = "-output", paramLabel = "FILE",
      description = "Save the word vectors / word classes to FILE (default vectors.bin; with -save-vocab and no"
          + " -output, only the vocabulary is built, as in word2vec.c).")
  Path output;

  @Option(names = "-size", paramLabel = "INT", description = "Size of word vectors (default ${DEFAULT-VALUE}).")
  int size = 100;

  @Option(names = "-window", paramLabel = "INT", description = "Max skip length between words (default ${DEFAULT-VALUE}).")
  int window = 5;

  @Option(names = "-sample", paramLabel = "FLOAT",
      description = "Threshold for down-sampling frequent words (default 1e-3; useful range (0, 1e-5)).")
  String sample = "1e-3";

  @Option(names = "-hs", paramLabel = "0|1", description = "Use hierarchical softmax (default ${DEFAULT-VALUE}).")
  int hs = 0;

  @Option(names = "-negative", paramLabel = "INT",
      description = "Number of negative examples (default ${DEFAULT-VALUE}, common 3-10, 0 = not used).")
  int negative = 5;

  @Option(names = "-threads", paramLabel = "INT", description = "Threads (default: the number of processors).")
  Integer threads;

  @Option(names = "-iter", paramLabel = "INT", description = "Training epochs (default ${DEFAULT-VALUE}).")
  long iter = 5;

  @Option(names = "-min-count", paramLabel = "INT",
      description = "Discard words that appear fewer than INT times (default ${DEFAULT-VALUE}).")
  int minCount = 5;

  @Option(names = "-alpha", paramLabel = "FLOAT",
      description = "Starting learning rate (default 0.025 for skip-gram, 0.05 for CBOW).")
  String alpha;

  @Option(names = "-classes", paramLabel = "INT",
      description = "Write word classes (k-means) instead of vectors (default 0: vectors).")
  int classes = 0;

  @Option(names = "-debug", paramLabel = "INT",
      description = "0 silent, 1 summary, 2 progress (default), 3 also stack traces on errors.")
  int debug = 2;

  @Option(names = "-binary", paramLabel = "0|1",
      description = "Binary output (default: 1 for a .bin output name, else 0).")
  Integer binary;

  @Option(names = "-save-vocab", paramLabel = "FILE", description = "Save the vocabulary to FILE.")
  Path saveVocab;

  @Option(names = "-read-vocab", paramLabel = "FILE",
      description = "Read the vocabulary from FILE instead of building it from the training data.")
  Path readVocab;

  @Option(names = "-cbow", paramLabel = "0|1",
      description = "1 = continuous bag of words (default), 0 = skip-gram.")
  int cbow = 1;

  @Option(names = "-reference", paramLabel = "0|1",
      description = "1 = reproduce word2vec.c exactly: its float arithmetic, its negative-sample table and its"
          + " epoch bug (a thread that reaches the end of the file skips its remaining epochs). With -threads 1"
          + " the output is byte-identical to word2vec.c's. Default 0: fast kernels, every epoch trained.")
  int reference = 0;

  @Option(names = "-shared-negatives", paramLabel = "0|1",
      description = "Skip-gram with negative sampling only (no -hs): 1 (default) = the context words of a centre"
          + " word share one draw of negatives (pWord2Vec's batching: several times faster, same accuracy);"
          + " 0 = a fresh draw per context word, as word2vec.c. Ignored with -reference 1.")
  int sharedNegatives = 1;

  /** How progress is shown on stderr. */
  enum ProgressFormat { text, json }

  @Option(names = "-progress", paramLabel = "text|json",
      description = "Progress on stderr as text (default: an updating line on a terminal, a line every 10 s"
          + " otherwise) or json (one JSON object per line and event, for programs; fields in the README).")
  ProgressFormat progress = ProgressFormat.text;

  @Override
  public boolean stackTraces() {
    return debug >= 3;
  }

  @Override
  public Integer call() {
    TrainConfig cfg = config();
    java.io.PrintWriter err = spec.commandLine().getErr();
    if (progress == ProgressFormat.json) {
      new TrainJob(cfg, inputs(), new JsonProgress(err, debug)).run();
      return ExitCodes.OK;
    }
    TextProgress text = new TextProgress(err, Terminal.stderrIsTerminal(), debug);
    try {
      new TrainJob(cfg, inputs(), text).run();
    } finally {
      text.close(); // an error message starts on a clean line
    }
    return ExitCodes.OK;
  }

  /** The corpus as typed: -train, or the positional arguments (-train X X is accepted, as before). */
  List<Path> inputs() {
    boolean positional = corpus != null && !corpus.isEmpty();
    if (train != null && positional && !corpus.equals(List.of(train))) {
      throw W2vException.usage("training files given both as -train " + train + " and as arguments "
          + corpus.stream().map(Path::toString).collect(Collectors.joining(" ")) + ": give them in one place");
    }
    if (train != null) {
      return List.of(train);
    }
    if (!positional) {
      throw W2vException.usage("no training file: give it as -train FILE or as the last argument");
    }
    return corpus;
  }

  TrainConfig config() {
    Path in = inputs().get(0);
    flag01("-cbow", cbow);
    flag01("-reference", reference);
    flag01("-shared-negatives", sharedNegatives);
    if (binary != null) {
      flag01("-binary", binary);
    }
    Path out = output;
    if (out == null && saveVocab == null) {
      out = Path.of("vectors.bin");
    }
    boolean bin = binary != null ? binary == 1 : out != null && out.toString().endsWith(".bin");
    float a = alpha != null ? parseFloat("-alpha", alpha) : (float) (cbow == 1 ? 0.05 : 0.025);
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    return new TrainConfig(in, out, size, window, parseFloat("-sample", sample), hs, negative, t, iter,
        minCount, a, classes, debug, bin, saveVocab, readVocab, cbow == 1, reference == 1,
        sharedNegatives == 1 && reference == 0);
  }

  private static void flag01(String flag, int v) {
    if (v != 0 && v != 1) {
      throw W2vException.usage(flag + " must be 0 or 1, got " + v);
    }
  }

  /** atof then a float store, as word2vec.c reads -alpha and -sample; but a non-number is an error. */
  static float parseFloat(String flag, String s) {
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
}
