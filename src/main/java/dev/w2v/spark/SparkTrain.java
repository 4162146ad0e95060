// spark-submit entry point: `w2v train`'s flags, on a Spark cluster (skip-gram with negative sampling).
package dev.w2v.spark;

import dev.w2v.cli.ExitCodes;
import dev.w2v.cli.TrainFlags;
import dev.w2v.io.W2vException;
import dev.w2v.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import scala.Tuple2;

/**
 * {@code spark-submit --class dev.w2v.spark.SparkTrain w2v.jar -train PATH -output PATH ...}: the command line's
 * training flags under the same names and defaults (except {@code -cbow}, which defaults to 0: skip-gram with
 * negative sampling is what runs on Spark; {@code -cbow 1}, {@code -hs 1} and {@code -classes} are refused with a
 * pointer to {@code w2v train}), plus {@code -partitions}, {@code -output-format}, {@code -storage-level} and
 * {@code -master}. Paths are anything Spark reads or writes.
 */
@Command(
    name = "w2v-spark",
    sortOptions = false,
    resourceBundle = "dev.w2v.spark.SparkTrainHelp",
    mixinStandardHelpOptions = true,
    description = {
      "Train skip-gram word vectors with negative sampling on Spark, partitioning the model over -partitions K"
          + " (stratified SGD: each pair trained once per epoch, no averaging).",
      "Example: spark-submit --class dev.w2v.spark.SparkTrain w2v.jar -train hdfs:///corpus -output vectors.bin"
    })
public final class SparkTrain implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "CORPUS", description = "Training text (same as -train).")
  String corpus;

  /** -train to -cbow, declared once with w2v train's; this command's texts and defaults: SparkTrainHelp. */
  @Mixin TrainFlags f = new TrainFlags();

  @Option(names = "-partitions", paramLabel = "K",
      description = "Model partitions K (default: spark.default.parallelism). Each task holds about 2/K of the model.")
  Integer partitions;

  @Option(names = "-rounds", paramLabel = "R",
      description = "Each epoch in R slices of the corpus, each slice in K sub-iterations (default: K, at most 8):"
          + " more rounds let what one partition learned reach the others sooner within an epoch.")
  Integer rounds;

  @Option(names = "-noise", paramLabel = "bucket|split",
      description = "Where a pair's negatives come from: bucket (default) = -negative draws from the output bucket"
          + " its centre word is trained with (count^0.75 within the bucket); split = the unigram^0.75 noise term"
          + " split over all buckets by their share of it (exact in expectation, more shuffle: see the README).")
  String noise = "bucket";

  @Option(names = "-output-format", paramLabel = "auto|file|parts",
      description = "file: one word2vec file written by the driver; parts: a directory of word2vec binary parts"
          + " written by the executors, read directly by the query commands; auto (default): file up to"
          + " 50M vector values, else parts.")
  String outputFormat = "auto";

  @Option(names = "-storage-level", paramLabel = "LEVEL",
      description = "Spark storage level of the corpus and the model blocks (default MEMORY_AND_DISK; DISK_ONLY"
          + " for models larger than the executors' memory).")
  String storageLevel = "MEMORY_AND_DISK";

  @Mixin TrainFlags.Seed seed = new TrainFlags.Seed();

  @Option(names = "-master", paramLabel = "URL",
      description = "Spark master when not set by spark-submit (scripts/w2v-spark: local[*]).")
  String master;

  private PrintWriter err = new PrintWriter(System.err, true);

  public static void main(String[] args) {
    // scripts/w2v-spark hands the real stderr over as fd 3, as scripts/w2v does (dev.w2v.cli.Streams)
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(dev.w2v.cli.Streams.stderr(), true));
    System.exit(code);
  }

  /** Parses and runs; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    SparkTrain cmd = new SparkTrain();
    cmd.err = err;
    CommandLine cl = new CommandLine(cmd);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      if (ex instanceof W2vException w) {
        err.println("w2v-spark: " + w.getMessage());
        if (cmd.f.debug >= 3) {
          ex.printStackTrace(err);
        }
        return switch (w.kind()) {
          case USAGE -> ExitCodes.USAGE;
          case BAD_INPUT -> ExitCodes.BAD_INPUT;
          case IO -> ExitCodes.IO;
          case MEMORY -> ExitCodes.MEMORY;
          case DIVERGED -> ExitCodes.DIVERGED;
        };
      }
      err.println("w2v-spark: " + oneLine(ex));
      if (cmd.f.debug >= 3) {
        ex.printStackTrace(err);
      }
      return ExitCodes.SOFTWARE;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("w2v-spark: " + ex.getMessage());
      err.println("Try 'w2v-spark --help' for more information.");
      return ExitCodes.USAGE;
    });
    return cl.execute(args);
  }

  private static String oneLine(Throwable ex) {
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  @Override
  public Integer call() throws IOException {
    Settings s = settings();
    SparkSession.Builder b = SparkSession.builder().appName("w2v-spark");
    SparkConf conf = new SparkConf();
    if (master != null) {
      b.master(master);
    } else if (!conf.contains("spark.master")) {
      b.master("local[*]");
    }
    if (f.threads != null && f.threads > 1 && !conf.contains("spark.task.cpus")) {
      // a session we start gives each task the cores its Hogwild threads use (spark-submit: --conf)
      String m = master != null ? master : conf.get("spark.master", "local[*]");
      java.util.regex.Matcher lm = java.util.regex.Pattern.compile("local\\[(\\d+)(,\\d+)?\\]").matcher(m);
      int cores = m.equals("local") ? 1 : lm.matches() ? Integer.parseInt(lm.group(1))
          : m.startsWith("local[*") ? Runtime.getRuntime().availableProcessors() : Integer.MAX_VALUE;
      if (f.threads > cores) {
        throw W2vException.usage("-threads " + f.threads + " is more than the " + cores + " core(s) of -master " + m);
      }
      b.config("spark.task.cpus", String.valueOf(f.threads));
    }
    if (!conf.contains("spark.storage.replication.proactive")) {
      // after an executor is lost, its blocks' surviving copies are copied again (SparkSkipGram.stateLevel)
      b.config("spark.storage.replication.proactive", "true");
    }
    boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
    SparkSession spark = b.getOrCreate();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (f.debug < 3) {
      jsc.setLogLevel("ERROR");
    }
    try {
      run(jsc, s);
    } finally {
      if (!existing) {
        spark.stop(); // a session we did not start (tests, notebooks) is left running
      }
    }
    return ExitCodes.OK;
  }

  record Settings(String train, String output, String saveVocab, String readVocab, boolean binary, String format,
      SparkSkipGram.Settings sg) {}

  Settings settings() {
    // the paths as typed: Spark's (hdfs://...), which a java.nio Path would change
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    String train = TrainFlags.typed(parsed, "-train");
    String output = TrainFlags.typed(parsed, "-output");
    String saveVocab = TrainFlags.typed(parsed, "-save-vocab");
    String readVocab = TrainFlags.typed(parsed, "-read-vocab");
    if (train != null && corpus != null && !train.equals(corpus)) {
      throw W2vException.usage("two training files given: -train " + train + " and " + corpus);
    }
    String in = train != null ? train : corpus;
    if (in == null) {
      throw W2vException.usage("no training file: give it as -train PATH or as the last argument");
    }
    if (f.cbow == 1) {
      throw W2vException.usage("-cbow 1: Spark trains skip-gram only (-cbow 0); for CBOW use the single-machine"
          + " trainer, w2v train");
    }
    if (f.hs == 1) {
      throw W2vException.usage("-hs 1: Spark trains with negative sampling only; for hierarchical softmax use the"
          + " single-machine trainer, w2v train");
    }
    if (f.classes != 0) {
      throw W2vException.usage("-classes: word classes are not computed on Spark; use the single-machine trainer,"
          + " w2v train");
    }
    TrainConfig.flag01("-cbow", f.cbow);
    TrainConfig.flag01("-hs", f.hs);
    if (f.binary != null) {
      TrainConfig.flag01("-binary", f.binary);
    }
    String out = output;
    if (out == null && saveVocab == null) {
      out = "vectors.bin";
    }
    float a = TrainConfig.parseFloat("-alpha", f.alpha);
    float smp = TrainConfig.parseFloat("-sample", f.sample);
    // the command line's validation of the shared flags (paths are checked separately: they are Spark paths)
    int t = f.threads == null ? 1 : f.threads; // without -threads, run() takes spark.task.cpus
    new TrainConfig(java.nio.file.Path.of("train"), out == null ? null : java.nio.file.Path.of("out"), f.size,
        f.window, smp, f.hs, f.negative, t, f.iter, f.minCount, a, f.classes, f.debug, false, null, null, false, false,
        false);
    if (!List.of("bucket", "split").contains(noise)) {
      throw W2vException.usage("-noise must be bucket or split, got " + noise);
    }
    if (!List.of("auto", "file", "parts").contains(outputFormat)) {
      throw W2vException.usage("-output-format must be auto, file or parts, got " + outputFormat);
    }
    StorageLevel level;
    try {
      level = StorageLevel.fromString(storageLevel.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw W2vException.usage("-storage-level: unknown level " + storageLevel
          + " (e.g. MEMORY_AND_DISK, MEMORY_AND_DISK_SER, DISK_ONLY)");
    }
    if (partitions != null && partitions <= 0) {
      throw W2vException.usage("-partitions must be a positive number, got " + partitions);
    }
    boolean bin = f.binary != null ? f.binary == 1 : out != null && out.endsWith(".bin");
    int k = partitions != null ? partitions : 1; // replaced by the cluster's default parallelism in run()
    return new Settings(in, out, saveVocab, readVocab, bin, outputFormat,
        new SparkSkipGram.Settings(f.size, f.window, smp, Math.max(f.negative, 1), f.iter, f.minCount, a, k,
            rounds == null ? 1 : rounds, seed.seed, level, SparkSkipGram.BROADCAST_LIMIT, noise.equals("split"), t));
  }

  void run(JavaSparkContext jsc, Settings s) throws IOException {
    Configuration hconf = jsc.hadoopConfiguration();
    SparkSkipGram.Settings sg = s.sg();
    if (partitions == null) {
      sg = sg.withPartitions(jsc.defaultParallelism());
    }
    if (rounds == null) {
      sg = sg.withRounds(Math.min(8, sg.partitions()));
    }
    int taskCpus = jsc.getConf().getInt("spark.task.cpus", 1);
    if (f.threads == null) {
      sg = sg.withThreads(taskCpus);
    } else if (f.threads != taskCpus && f.debug >= 1) {
      err.println("warning: -threads " + f.threads + " with spark.task.cpus=" + taskCpus + ": each task runs "
          + f.threads + " threads on " + taskCpus + " core(s); give spark-submit --conf spark.task.cpus=" + f.threads);
    }
    requireInput(s.train(), "training file", hconf);
    if (s.readVocab() != null) {
      requireInput(s.readVocab(), "vocabulary file", hconf);
    }
    if (s.output() != null) {
      if (s.output().equals(s.train()) || s.output().equals(s.readVocab())) {
        throw W2vException.usage("-output " + s.output() + " is also an input");
      }
      Outputs.checkWritable(s.output(), "output file", hconf);
    }
    if (s.saveVocab() != null) {
      if (s.saveVocab().equals(s.train()) || s.saveVocab().equals(s.readVocab())) {
        throw W2vException.usage("-save-vocab " + s.saveVocab() + " is also an input");
      }
      Outputs.checkWritable(s.saveVocab(), "vocabulary file", hconf);
    }
    long t0 = System.nanoTime();
    JavaRDD<String[]> sentences = lines(jsc, s.train(), sg.partitions());
    JavaRDD<VocabWord> vocab = s.readVocab() != null ? readVocab(jsc, s.readVocab(), sg.minCount())
        : SparkVocab.count(sentences, sg.minCount());
    if (s.output() == null) {
      // -save-vocab without -output: only the vocabulary, as word2vec.c
      long n = vocab.count();
      if (n <= 1) {
        throw W2vException.badInput("no word of " + s.train() + " occurs at least -min-count " + sg.minCount()
            + " times");
      }
      saveVocab(vocab, s.saveVocab(), hconf);
      return;
    }
    SparkSkipGram.Result r;
    try {
      r = SparkSkipGram.train(sentences, vocab, sg, line -> {
        if (f.debug >= 2 || f.debug >= 1 && line.startsWith("warning: ")) {
          err.println(line);
        }
      });
    } catch (W2vException e) {
      if (e.kind() == W2vException.Kind.BAD_INPUT) {
        throw W2vException.badInput(s.train() + ": " + e.getMessage());
      }
      throw e;
    }
    if (s.saveVocab() != null) {
      saveVocab(r.vocab(), s.saveVocab(), hconf);
    }
    boolean parts = s.format().equals("parts")
        || s.format().equals("auto") && r.vocabSize() * r.dim() > 50_000_000L;
    if (parts) {
      VectorsOut.parts(r, s.output(), hconf);
    } else {
      VectorsOut.file(r, s.output(), s.binary(), hconf);
    }
    if (f.debug >= 1) {
      err.printf("Trained %d words x %d on %d partitions in %.1f s; vectors in %s%n", r.vocabSize(), r.dim(),
          sg.partitions(), (System.nanoTime() - t0) / 1e9, s.output());
    }
  }

  /**
   * The corpus as sentences of words (Hadoop's TextInputFormat: files, directories, globs, compressed); a line of
   * more than 1000 words is cut into sentences of 1000, all but the last ending in a null ({@link Tokens}).
   */
  static JavaRDD<String[]> lines(JavaSparkContext jsc, String path, int minPartitions) {
    return jsc.hadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, minPartitions)
        .flatMap(t -> Tokens.sentences(t._2().getBytes(), t._2().getLength(), PairGenerator.MAX_SENTENCE_LENGTH));
  }

  /** A {@code -read-vocab} file: {@code word count} per line. */
  static JavaRDD<VocabWord> readVocab(JavaSparkContext jsc, String path, int minCount) {
    JavaRDD<Tuple2<String, Long>> entries = jsc.hadoopFile(path, TextInputFormat.class, LongWritable.class,
            Text.class, 1)
        .map(t -> Tokens.split(t._2().getBytes(), t._2().getLength()))
        .filter(w -> w.length > 0)
        .map(w -> {
          long c = -1;
          if (w.length >= 2) {
            try {
              c = Long.parseLong(w[1]);
            } catch (NumberFormatException e) {
              c = -1;
            }
          }
          return new Tuple2<>(w[0], c);
        });
    List<Tuple2<String, Long>> bad = entries.filter(e -> e._2() < 0).take(1);
    if (!bad.isEmpty()) {
      throw W2vException.badInput("vocabulary file " + path + ": the entry for \"" + bad.get(0)._1()
          + "\" has no count");
    }
    return SparkVocab.fromEntries(entries, minCount);
  }

  /** word2vec.c's SaveVocab, streamed from the executors in index order. */
  static void saveVocab(JavaRDD<VocabWord> vocab, String path, Configuration conf) {
    Outputs.write(path, "vocabulary file", conf, out -> {
      java.io.BufferedOutputStream o = new java.io.BufferedOutputStream(out, 1 << 16);
      java.util.Iterator<VocabWord> it = vocab.sortBy(VocabWord::id, true, vocab.getNumPartitions())
          .toLocalIterator();
      while (it.hasNext()) {
        VocabWord w = it.next();
        o.write(Tokens.bytes(w.word()));
        o.write((" " + w.count() + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      o.flush();
    });
  }

  static void requireInput(String path, String what, Configuration conf) {
    try {
      Path p = new Path(path);
      FileStatus[] st = p.getFileSystem(conf).globStatus(p);
      if (st == null || st.length == 0) {
        throw W2vException.io("cannot read " + what + " " + path + ": no such file or directory", null);
      }
      boolean any = false;
      for (FileStatus f : st) {
        any |= f.isDirectory() || f.getLen() > 0;
      }
      if (!any) {
        throw W2vException.badInput(what + " " + path + " is empty");
      }
    } catch (IOException e) {
      throw W2vException.io("cannot read " + what + " " + path + ": " + e.getMessage(), e);
    }
  }
}
