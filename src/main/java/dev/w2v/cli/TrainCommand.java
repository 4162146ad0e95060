// `w2v train`: word2vec.c's training flags, under their original names and defaults.
package dev.w2v.cli;

import dev.w2v.eval.TrainingEvaluation;
import dev.w2v.io.InputFiles;
import dev.w2v.io.NotAnInput;
import dev.w2v.io.W2vException;
import dev.w2v.train.RunConfig;
import dev.w2v.train.SubwordConfig;
import dev.w2v.train.TrainConfig;
import dev.w2v.train.TrainJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Parses word2vec.c's flags into a {@link TrainConfig} and runs a {@link TrainJob}. */
@Command(
    name = "train",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Train word vectors on a text corpus, with word2vec.c's flags.",
      "word2vec.c's options under their own names and defaults. Skip-gram or CBOW, with hierarchical softmax and/or negative sampling. Two modes: by default, fast "
          + "kernels (SIMD; for skip-gram with negative sampling, one draw of negatives per centre word) give "
          + "word2vec.c's quality several times faster, with different numbers; -reference 1 runs word2vec.c's "
          + "own arithmetic, and with -threads 1 its output is byte-identical to word2vec.c's."
    },
    footer = {
      "",
      "Examples:",
      "  w2v train -train corpus.txt -output vectors.bin -cbow 0 -size 200 -window 10",
      "  w2v train corpus.txt          (CBOW, 100 dimensions, written to vectors.bin)",
      "  w2v train -train corpus.txt -output ref.bin -reference 1 -threads 1",
      "                        (the same bytes as word2vec.c's with the same flags)",
      "  zcat news.gz | w2v train -output vec.bin -   (several files, directories too)"
    })
public final class TrainCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "CORPUS",
      description = "Training text (instead of -train): one or more files, directories, globs, or - for standard"
          + " input, read one after the other; gzip, bzip2, xz and zstd files are decompressed.")
  List<Path> corpus;

  /** -train to -cbow, declared once for this command and the Spark trainer. */
  @Mixin TrainFlags f = new TrainFlags();

  @Option(names = "-reference", paramLabel = "0|1",
      description = "1 = reproduce word2vec.c exactly: its float arithmetic, its negative-sample table and its"
          + " epoch bug (a thread that reaches the end of the file skips its remaining epochs). With -threads 1"
          + " the output is byte-identical to word2vec.c's. Default 0: fast kernels, every epoch trained.")
  int reference = 0;

  @Option(names = "-shared-negatives", paramLabel = "0|1",
      description = "Negative sampling without -hs: 1 (default) = batched updates, several times faster with the"
          + " same accuracy: in skip-gram the context words of a centre word share one draw of negatives"
          + " (pWord2Vec); in CBOW 4 neighbouring centre words are trained together, each with its own draws;"
          + " 0 = one context word (skip-gram) or centre word (CBOW) at a time, as word2vec.c. Ignored with"
          + " -reference 1.")
  int sharedNegatives = 1;

  @Mixin TrainFlags.Seed seed = new TrainFlags.Seed();

  @Option(names = "-save-model", paramLabel = "FILE",
      description = "Also save the whole training state (vocabulary, syn0, syn1/syn1neg, settings) to FILE, to"
          + " train it further with -init-model.")
  Path saveModel;

  @Option(names = "-init-model", paramLabel = "FILE",
      description = "Start from a model saved with -save-model: train it on the corpus for -iter more epochs,"
          + " adding the corpus's new words that reach -min-count.")
  Path initModel;

  @Option(names = "-checkpoint", paramLabel = "FILE",
      description = "Save the whole training state to FILE after every epoch (replaced atomically).")
  Path checkpoint;

  @Option(names = "-resume", paramLabel = "FILE",
      description = "Continue the interrupted run whose -checkpoint is FILE, from its last finished epoch (repeat"
          + " the original command's flags).")
  Path resume;

  @Mixin SubwordOptions subwords = new SubwordOptions();

  @Option(names = "-eval-analogies", paramLabel = "FILE",
      description = "After every epoch, report analogy accuracy on FILE (questions-words format; as w2v accuracy"
          + " -threshold 30000). Repeatable.")
  List<Path> evalAnalogies = new ArrayList<>();

  @Option(names = "-eval-pairs", paramLabel = "FILE",
      description = "After every epoch, report word-pair similarity on FILE (as w2v similarity). Repeatable.")
  List<Path> evalPairs = new ArrayList<>();

  /** How progress is shown on stderr. */
  enum ProgressFormat { text, json }

  @Option(names = "-progress", paramLabel = "text|json",
      description = "Progress on stderr as text (default: an updating line on a terminal, a line every 10 s"
          + " otherwise) or json (one JSON object per line and event, for programs; fields in the README).")
  ProgressFormat progress = ProgressFormat.text;

  @Override
  public boolean stackTraces() {
    return f.debug >= 3;
  }

  @Override
  public Integer call() {
    TrainConfig cfg = config();
    SubwordConfig sub = subwords.config();
    PrintWriter err = spec.commandLine().getErr();
    boolean tty = Terminal.stderrIsTerminal();
    StdinHint.print(inputs(), err, "train", f.debug);
    RunConfig rc = new RunConfig(seed.seed, saveModel, initModel, checkpoint, resume, null);
    TrainingEvaluation eval = new TrainingEvaluation(evalAnalogies, evalPairs,
        TrainingEvaluation.DEFAULT_ANALOGY_LIMIT);
    if (!eval.isEmpty()) {
      List<Path> evalFiles = new ArrayList<>(evalAnalogies);
      evalFiles.addAll(evalPairs);
      Path[] outs = {cfg.output(), cfg.saveVocab(), saveModel, checkpoint};
      String[] flags = {"-output", "-save-vocab", "-save-model", "-checkpoint"};
      for (int i = 0; i < outs.length; i++) {
        NotAnInput.check(outs[i], flags[i], evalFiles, "the evaluation file");
      }
      for (Path f : evalAnalogies) {
        InputFiles.requireReadable(f, "analogy file");
      }
      for (Path f : evalPairs) {
        InputFiles.requireReadable(f, "word-pair file");
      }
      rc = rc.withListener(s -> {
        for (TrainingEvaluation.Score sc : eval.evaluate(s.epoch(), s.vocab().words(), s.syn0(), s.size(),
            s.stride())) {
          if (cfg.debug() > 0 && progress == ProgressFormat.json) {
            Json.line(err, g -> {
              g.writeStartObject();
              g.writeStringField("event", "eval");
              g.writeNumberField("epoch", sc.epoch());
              g.writeStringField("file", sc.file().toString());
              g.writeStringField("kind", sc.analogies() ? "analogies" : "pairs");
              g.writeFieldName("value");
              Json.number(g, sc.value());
              if (!sc.analogies()) {
                g.writeFieldName("pearson");
                Json.number(g, sc.pearson());
              }
              g.writeNumberField("seen", sc.seen());
              g.writeNumberField("total", sc.total());
              g.writeEndObject();
            });
          } else if (cfg.debug() > 0) {
            err.println((tty ? "\r" + " ".repeat(90) + "\r" : "") + TrainingEvaluation.line(sc, s.epochs()));
          }
        }
        err.flush();
      });
    }
    if (progress == ProgressFormat.json) {
      new TrainJob(cfg, inputs(), rc, new JsonProgress(err, f.debug)).subwords(sub).run();
    } else {
      TextProgress text = new TextProgress(err, tty, f.debug);
      try {
        new TrainJob(cfg, inputs(), rc, text).subwords(sub).run();
      } finally {
        text.close(); // an error message starts on a clean line
      }
    }
    if (!eval.isEmpty() && cfg.debug() > 0 && progress != ProgressFormat.json) { // json: the eval events say it
      err.println("Evaluation per epoch:");
      for (String line : eval.table()) {
        err.println(line);
      }
      err.flush();
    }
    return ExitCodes.OK;
  }

  /** The corpus as typed: -train, or the positional arguments (-train X X is accepted, as before). */
  List<Path> inputs() {
    boolean positional = corpus != null && !corpus.isEmpty();
    if (f.train != null && positional && !corpus.equals(List.of(f.train))) {
      throw W2vException.usage("training files given both as -train " + f.train + " and as arguments "
          + corpus.stream().map(Path::toString).collect(Collectors.joining(" ")) + ": give them in one place");
    }
    if (f.train != null) {
      return List.of(f.train);
    }
    if (!positional) {
      throw W2vException.usage("no training file: give it as -train FILE or as the last argument");
    }
    return corpus;
  }

  TrainConfig config() {
    Path in = inputs().get(0);
    TrainConfig.flag01("-cbow", f.cbow);
    TrainConfig.flag01("-reference", reference);
    TrainConfig.flag01("-shared-negatives", sharedNegatives);
    if (f.binary != null) {
      TrainConfig.flag01("-binary", f.binary);
    }
    Path out = f.output;
    if (out == null && f.saveVocab == null) {
      out = Path.of("vectors.bin");
    }
    boolean bin = f.binary != null ? f.binary == 1 : out != null && out.toString().endsWith(".bin");
    // fastText's -lr 0.05 with subwords, for skip-gram too
    float a = f.alpha != null ? TrainConfig.parseFloat("-alpha", f.alpha)
        : (float) (f.cbow == 1 || subwords.maxn > 0 ? 0.05 : 0.025);
    int t = f.threads != null ? f.threads : Runtime.getRuntime().availableProcessors();
    return new TrainConfig(in, out, f.size, f.window, TrainConfig.parseFloat("-sample", f.sample), f.hs, f.negative,
        t, f.iter, f.minCount, a, f.classes, f.debug, bin, f.saveVocab, f.readVocab, f.cbow == 1, reference == 1,
        sharedNegatives == 1 && reference == 0);
  }
}
