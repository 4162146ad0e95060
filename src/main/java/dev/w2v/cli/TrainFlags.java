// word2vec.c's training flags, declared once for `w2v train` and the Spark trainer (picocli mixins).
package dev.w2v.cli;

import dev.w2v.train.RunConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The training flags that {@code w2v train} and {@code dev.w2v.spark.SparkTrain} share, in their help's order:
 * {@code -train} to {@code -cbow} here, {@code -seed} in {@link Seed}. The texts and defaults are {@code w2v
 * train}'s; a command with a resource bundle overrides them per flag: the description under the flag's name
 * ({@code size}, {@code min-count}: picocli's own lookup), the parameter label under {@code NAME.label} and the
 * default under {@code NAME.default} (see {@code dev/w2v/spark/SparkTrainHelp.properties}). Fields are public so
 * that the Spark trainer (a top layer like cli/) can read them; paths are {@link Path}s, and the Spark trainer
 * reads their text as typed ({@link #typed}), since a Path would fold {@code hdfs://}'s double slash.
 */
public final class TrainFlags {
  @Option(names = "-train", paramLabel = "${bundle:train.label:-FILE}",
      description = "Use text data from FILE to train the model: a file, - (standard input), a directory (its"
          + " files in name order) or a quoted glob; compressed files are recognised by their first bytes.")
  public Path train;

  @Option(names = "-output", paramLabel = "${bundle:output.label:-FILE}",
      description = "Save the word vectors / word classes to FILE (default vectors.bin; with -save-vocab and no"
          + " -output, only the vocabulary is built, as in word2vec.c).")
  public Path output;

  @Option(names = "-size", paramLabel = "INT", description = "Size of word vectors (default ${DEFAULT-VALUE}).")
  public int size = 100;

  @Option(names = "-window", paramLabel = "INT",
      description = "Max skip length between words (default ${DEFAULT-VALUE}).")
  public int window = 5;

  @Option(names = "-sample", paramLabel = "FLOAT",
      description = "Threshold for down-sampling frequent words (default 1e-3; useful range (0, 1e-5)).")
  public String sample = "1e-3";

  @Option(names = "-hs", paramLabel = "${bundle:hs.label:-0|1}",
      description = "Use hierarchical softmax (default ${DEFAULT-VALUE}).")
  public int hs = 0;

  @Option(names = "-negative", paramLabel = "INT",
      description = "Number of negative examples (default ${DEFAULT-VALUE}, common 3-10, 0 = not used).")
  public int negative = 5;

  @Option(names = "-threads", paramLabel = "INT", description = "Threads (default: the number of processors).")
  public Integer threads;

  @Option(names = "-iter", paramLabel = "INT", description = "Training epochs (default ${DEFAULT-VALUE}).")
  public long iter = 5;

  @Option(names = "-min-count", paramLabel = "INT",
      description = "Discard words that appear fewer than INT times (default ${DEFAULT-VALUE}).")
  public int minCount = 5;

  /** Null: the trainer's default (word2vec.c: 0.025 for skip-gram, 0.05 for CBOW). */
  @Option(names = "-alpha", paramLabel = "FLOAT", defaultValue = "${bundle:alpha.default}",
      description = "Starting learning rate (default 0.025 for skip-gram, 0.05 for CBOW).")
  public String alpha;

  @Option(names = "-classes", paramLabel = "${bundle:classes.label:-INT}",
      description = "Write word classes (k-means) instead of vectors (default 0: vectors).")
  public int classes = 0;

  @Option(names = "-debug", paramLabel = "INT",
      description = "0 silent, 1 summary, 2 progress (default), 3 also stack traces on errors.")
  public int debug = 2;

  @Option(names = "-binary", paramLabel = "0|1",
      description = "Binary output (default: 1 for a .bin output name, else 0).")
  public Integer binary;

  @Option(names = "-save-vocab", paramLabel = "${bundle:save-vocab.label:-FILE}",
      description = "Save the vocabulary to FILE.")
  public Path saveVocab;

  @Option(names = "-read-vocab", paramLabel = "${bundle:read-vocab.label:-FILE}",
      description = "Read the vocabulary from FILE instead of building it from the training data.")
  public Path readVocab;

  @Option(names = "-cbow", paramLabel = "${bundle:cbow.label:-0|1}", defaultValue = "${bundle:cbow.default:-1}",
      description = "1 = continuous bag of words (default), 0 = skip-gram.")
  public int cbow;

  /** {@code -seed}, a mixin of its own: it stands later in both commands' help. */
  public static final class Seed {
    @Option(names = "-seed", paramLabel = "${bundle:seed.label:-N}",
        description = "Seed of every random stream (default 1: word2vec.c's). With -threads 1 the same seed gives"
            + " the same vectors, byte for byte.")
    public long seed = RunConfig.WORD2VEC_SEED;
  }

  /**
   * The text given for a path option ({@code -train}), exactly as typed, or null when it was not given: what the
   * Spark trainer hands to Hadoop ({@code hdfs://host/x} stays as it is).
   */
  public static String typed(picocli.CommandLine.ParseResult parsed, String name) {
    picocli.CommandLine.Model.OptionSpec o = parsed.matchedOption(name);
    if (o == null || o.stringValues().isEmpty()) {
      return null;
    }
    return o.stringValues().get(o.stringValues().size() - 1);
  }
}
