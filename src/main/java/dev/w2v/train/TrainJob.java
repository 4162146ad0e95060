// The whole `w2v train` pipeline: vocabulary, encoded corpus, network, training threads, output.
package dev.w2v.train;

import dev.w2v.corpus.CorpusEncoder;
import dev.w2v.corpus.EncodedCorpus;
import dev.w2v.corpus.ParallelScan;
import dev.w2v.corpus.WordReader;
import dev.w2v.io.AtomicFile;
import dev.w2v.io.Inputs;
import dev.w2v.io.NotAnInput;
import dev.w2v.io.OutputTarget;
import dev.w2v.io.W2vException;
import dev.w2v.math.Kernels;
import dev.w2v.model.ModelFile;
import dev.w2v.model.TrainingState;
import dev.w2v.vectors.FastTextBinWriter;
import dev.w2v.vectors.FastTextFormat;
import dev.w2v.vectors.VectorWriter;
import dev.w2v.vocab.HuffmanTree;
import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.VocabFile;
import dev.w2v.vocab.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one training job as word2vec.c's TrainModel does. Its progress, header and summary go to a {@link
 * TrainListener} (the command line renders them); other diagnostics (resuming, checkpoints) go to slf4j.
 */
public final class TrainJob {
  private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

  /** What a finished job did, for the summary line and tests; {@code epochLoss} is per epoch, per prediction. */
  public record Result(int vocabSize, long trainWords, long wordsTrained, double seconds, double[] epochLoss) {}

  private final TrainConfig cfg;
  private final List<Path> sources;
  private final RunConfig rc;
  private final TrainListener listener;
  private long jobStart;
  /** Tests: stop (as if killed) once this many epochs are done and checkpointed; 0 = never. */
  long stopAfterEpoch;
  private int checkpoints;
  private long checkpointNanos;
  private long listenerNanos;
  /** Subword settings (-minn/-maxn/-bucket/-save-fasttext); null or off: word2vec. */
  private SubwordConfig subwords;

  /** A job that reports nothing. */
  public TrainJob(TrainConfig cfg) {
    this(cfg, TrainListener.SILENT);
  }

  public TrainJob(TrainConfig cfg, TrainListener listener) {
    this(cfg, List.of(cfg.train()), listener);
  }

  public TrainJob(TrainConfig cfg, RunConfig rc, TrainListener listener) {
    this(cfg, List.of(cfg.train()), rc, listener);
  }

  public TrainJob(TrainConfig cfg, List<Path> corpus, TrainListener listener) {
    this(cfg, corpus, RunConfig.NONE, listener);
  }

  /**
   * @param corpus the training inputs as typed (files, {@code -}, directories, globs: see {@link Inputs});
   *     {@code cfg.train()} is the first of them
   */
  public TrainJob(TrainConfig cfg, List<Path> corpus, RunConfig rc, TrainListener listener) {
    this.cfg = cfg;
    this.sources = List.copyOf(corpus);
    this.rc = rc;
    this.listener = listener;
  }

  /** Trains fastText's subword model when {@code sc} is on (-maxn > 0); returns this job. */
  public TrainJob subwords(SubwordConfig sc) {
    this.subwords = sc != null && (sc.on() || sc.saveFastText() != null) ? sc : null;
    return this;
  }

  /** Thrown by the {@link #stopAfterEpoch} test hook. */
  static final class Stopped extends RuntimeException {
    Stopped(long epoch) {
      super("stopped after epoch " + epoch, null, false, false);
    }
  }

  public Result run() {
    jobStart = System.nanoTime();
    if (subwords != null) {
      subwords.check(cfg, rc);
    }
    Inputs inputs = Inputs.expand(sources, "training file");
    TrainInputs.checkOutputs(cfg, inputs);
    if (subwords != null && subwords.saveFastText() != null) {
      Path ft = subwords.saveFastText();
      NotAnInput.check(ft, "-save-fasttext", inputs.files(), "the training file");
      NotAnInput.check(ft, "-save-fasttext", cfg.output() == null ? List.of() : List.of(cfg.output()), "-output");
      AtomicFile.checkWritable(subwords.saveFastText(), "fastText model file");
    }
    Path train = cfg.reference() ? TrainInputs.referenceFile(inputs) : null; // word2vec.c's one seekable file
    if (cfg.output() != null) {
      AtomicFile.checkWritable(cfg.output(), "output file");
    }
    if (cfg.saveVocab() != null) {
      AtomicFile.checkWritable(cfg.saveVocab(), "vocabulary file");
    }
    Continuation.checkStateFiles(cfg, rc, inputs.files());
    long fileSize = inputs.totalBytes(); // -1: not all regular files
    if (fileSize == 0) {
      throw W2vException.badInput("training file " + inputs.describe() + " is empty");
    }
    boolean encode = !cfg.reference() && cfg.trains();
    // ids beyond a quarter of the heap go to a memory-mapped temporary file beside the output (w2v.corpus.budget
    // overrides, in bytes)
    long budget = Long.getLong("w2v.corpus.budget", Runtime.getRuntime().maxMemory() / 4);
    Path tmp = encode ? spillDir() : null;
    CorpusEncoder.Recorder recorder = encode && cfg.readVocab() == null
        ? new CorpusEncoder.Recorder(budget, tmp, inputs.rereadable()) : null;
    // -resume / -init-model: the saved state, checked against the flags before the corpus is read
    boolean simd = !cfg.reference() && Kernels.simd() && !Boolean.getBoolean("w2v.scalar");
    int stride = simd ? Kernels.roundUp(cfg.size()) : cfg.size();
    Continuation cont = cfg.trains() ? Continuation.load(cfg, rc, stride, subwords) : null;
    if (cont != null) {
      cont.checkCorpusSize(inputs.describe(), fileSize);
    }
    try {
      return run(inputs, train, fileSize, encode, budget, tmp, recorder, cont, simd, stride);
    } catch (RuntimeException | Error e) {
      if (recorder != null) {
        recorder.discard();
      }
      throw e;
    }
  }

  /**
   * The vocabulary scan and the encoding over several threads ({@link ParallelScan}), when the input is one plain
   * regular file of at least 8 MB, training uses the encoded corpus, is not continuing a model, more than one
   * thread and core are there (or -Dw2v.scanParts=N, N > 1) and the ids surely fit the memory budget (at most 2 bytes an input byte); else null
   * (and null when the serial scan would have pruned the vocabulary). {@code -Dw2v.parallelScan=false} turns it off.
   */
  private ParallelScan parallelScan(Inputs inputs, long fileSize, boolean encode, CorpusEncoder.Recorder recorder,
      Continuation cont) {
    // -Dw2v.scanParts=N sets the number of parts (checks: -threads 1 training after a parallel scan)
    int n = Integer.getInteger("w2v.scanParts", Math.min(cfg.threads(), Runtime.getRuntime().availableProcessors()));
    if (!encode || recorder == null || cont != null || n < 2 || fileSize < (8L << 20)
        || "false".equals(System.getProperty("w2v.parallelScan")) || inputs.sources().size() != 1) {
      return null;
    }
    Inputs.Source s = inputs.sources().get(0);
    if (!s.regular() || s.stdin() || inputs.compression(s) != null
        || 2 * fileSize + (16L << 20) > recorder.budgetBytes()) {
      return null;
    }
    List<VocabBuilder> parts = new java.util.concurrent.CopyOnWriteArrayList<>();
    ScanProgress meter = new ScanProgress(() -> parts.stream().mapToLong(VocabBuilder::tokensSoFar).sum(),
        listener.progressMillis() > 0 ? fileSize : -1, listener);
    try {
      ParallelScan p = ParallelScan.scan(s.path(), fileSize, n, meter.bytes(), parts::add);
      if (p != null) {
        recorder.discard(); // nothing was recorded through it
      }
      return p;
    } catch (IOException e) {
      throw W2vException.io("cannot read training file " + inputs.describe() + ": " + AtomicFile.reason(e), e);
    } finally {
      meter.stop();
    }
  }

  /**
   * Where the encoded corpus spills past its budget: beside the output (a device's directory, /dev, is no place for
   * it: then the system's temporary directory).
   */
  private Path spillDir() {
    OutputTarget out = OutputTarget.check(cfg.output(), "output file");
    return out.kind() == OutputTarget.Kind.FILE ? out.path().getParent()
        : Path.of(System.getProperty("java.io.tmpdir"));
  }

  private Result run(Inputs inputs, Path train, long fileSize, boolean encode, long budget, Path tmp,
      CorpusEncoder.Recorder recorder, Continuation cont, boolean simd, int stride) {

    // Vocabulary: LearnVocabFromTrainFile or ReadVocab, then SortVocab
    Vocabulary vocab;
    int[][] map = new int[1][];
    ParallelScan par = null;
    long scanned;
    if (cfg.readVocab() != null) {
      vocab = VocabFile.read(cfg.readVocab(), cfg.minCount());
      scanned = vocab.trainWords();
    } else if ((par = parallelScan(inputs, fileSize, encode, recorder, cont)) != null) {
      vocab = par.builder().build(cfg.minCount(), map);
      scanned = par.builder().tokens();
      if (scanned == 0) {
        throw W2vException.badInput("training file " + inputs.describe() + " contains no words");
      }
    } else {
      VocabBuilder builder = new VocabBuilder();
      // the bytes counted are those the tokeniser reads: decompressed, so a total is known only without compression
      boolean plain = fileSize > 0 && listener.progressMillis() > 0
          && inputs.sources().stream().allMatch(x -> inputs.compression(x) == null);
      ScanProgress meter = new ScanProgress(builder, plain ? fileSize : -1, listener);
      try (InputStream in = meter.count(inputs.open())) {
        builder.scan(new WordReader(in, 100), recorder);
      } catch (IOException e) {
        throw W2vException.io("cannot read training file " + inputs.describe() + ": " + AtomicFile.reason(e), e);
      } finally {
        meter.stop();
      }
      if (cont == null) {
        vocab = builder.build(cfg.minCount(), map);
      } else {
        cont.attach(builder.build(1, map), builder.tokens(), cfg.minCount(), map[0], inputs.describe());
        vocab = cont.vocab();
      }
      scanned = builder.tokens();
      if (builder.tokens() == 0) {
        throw W2vException.badInput("training file " + inputs.describe() + " contains no words");
      }
    }
    listener.vocabulary(vocab.size(), (cont != null ? cont.trainVocab() : vocab).trainWords());
    if (cfg.saveVocab() != null) {
      VocabFile.save(vocab, cfg.saveVocab());
    }
    if (!cfg.trains()) {
      double secs = (System.nanoTime() - jobStart) / 1e9;
      listener.finished(new TrainListener.Summary(vocab.size(), vocab.trainWords(), 0, new double[0], 0, secs, 0,
          outputs()));
      return new Result(vocab.size(), vocab.trainWords(), 0, 0, new double[0]);
    }
    if (vocab.size() < 2) {
      throw W2vException.badInput("training file " + inputs.describe() + ": no word occurs at least -min-count "
          + cfg.minCount() + " times (" + scanned + " words read); lower -min-count");
    }

    cfg.checkVocabulary(vocab.size());

    // The encoded corpus before the network: remapping the scan's ids writes a second copy while it frees the first,
    // and that transient, with the model already beside it, set the peak of the heap (gutenberg8: 87 MB live, against
    // 73 MB while training)
    Vocabulary trainVocab = cont != null ? cont.trainVocab() : vocab; // the counts of the corpus being trained
    EncodedCorpus corpus = null;
    if (encode) {
      corpus = par != null ? par.finish(map[0]) : recorder != null ? recorder.finish(map[0], vocab) : null;
      if (corpus == null) { // -read-vocab, or a ReduceVocab during the scan of a rereadable input
        corpus = CorpusEncoder.encode(inputs, trainVocab, budget, tmp);
      }
    }
    map[0] = null;
    par = null; // the scan's counts and hash table (gutenberg8: some 3 MB), which this frame would keep till the end
    if (corpus != null) {
      // One full collection here leaves the old generation holding the corpus alone, so the model is placed right
      // after it. Otherwise the remap's freed chunks could still sit below it when it was allocated, and the peak
      // resident memory varied by 13 MB between identical runs (gutenberg8).
      System.gc();
    }

    // The network
    boolean hs = cfg.hs() != 0;
    boolean ns = cfg.negative() > 0;
    // -Dw2v.scalar=true (simd, above) runs the default pipeline (encoded corpus, every epoch) with the exact
    // scalar kernels: with -threads 1 and -shared-negatives 0 that is word2vec.c with its epoch fix, bit for bit
    Model model;
    if (cont != null) {
      model = cont.model(stride, hs, ns, rc.seed());
      if (cfg.debug() > 0) {
        LOG.info(cont.resume()
            ? "Resuming " + rc.resume() + " after epoch " + cont.state().position().epochsDone() + " of " + cfg.iter()
            : "Continuing " + rc.initModel() + " (" + cont.baseEpochs() + " epochs): " + cont.addedWords()
                + " new words");
      }
    } else {
      model = Model.allocate(vocab.size(), cfg.size(), stride, hs, ns);
      model.initSyn0(rc.seed());
      if (model.chunked()) {
        refuseChunked(cfg, rc, vocab.size());
      }
    }
    SubwordModel sub = cont != null ? cont.subwords(subwords, stride) : null;
    if (sub == null && subwords != null && subwords.on()) {
      sub = SubwordModel.allocate(vocab, subwords, cfg.size(), stride);
      sub.init(model.syn0, model.vocabSize, rc.seed());
    }
    HuffmanTree tree = hs ? HuffmanTree.build(vocab.counts()) : null;
    UnigramTable table = ns ? new UnigramTable(vocab.counts()) : null;

    Trainer trainer = new Trainer(cfg, trainVocab, model, tree, table, simd, rc.seed(), sub);
    if (cont != null && cont.resume()) {
      TrainingState.Position p = cont.state().position();
      trainer.restore(p.epochsDone(), p.wordsDone(), p.alpha(), p.threadRandom(), p.threadAlpha(), p.threadEof());
    }
    long baseEpochs = cont != null ? cont.baseEpochs() : 0;
    long tokens = cfg.readVocab() != null ? -1 : scanned;
    // -resume: the checkpoint's epochs are done; their loss comes from it, the others' from this run's meter
    TrainingState.Position resumed = cont != null && cont.resume() ? cont.state().position() : null;
    long epochsResumed = resumed != null ? resumed.epochsDone() : 0;
    final SubwordModel subState = sub;
    Supplier<TrainingState> state = () -> Continuation.capture(cfg, rc, simd, trainer, model, subState, vocab,
        trainVocab, baseEpochs, inputs.describe(), fileSize, tokens, epochLoss(trainer, resumed,
        trainer.epochsDone()));
    long wordsBefore = trainer.wordsDone();
    long[] pausedNanos = new long[1]; // checkpoints and evaluation, left out of the training rate
    listener.started(new TrainListener.Start(cfg, rc, vocab.size(), trainVocab.trainWords(), simd));
    Progress progress = new Progress(trainer, listener, trainVocab.trainWords(), cfg.iter());
    long t0 = System.nanoTime();
    final EncodedCorpus enc = corpus;
    final SubwordModel subModel = sub;
    try {
      trainer.train(id -> {
        if (enc != null) {
          return new EncodedTokenSource(enc, id, cfg.threads());
        }
        try {
          return new FileTokenSource(train, fileSize, id, cfg.threads(), trainVocab);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, epoch -> pausedNanos[0] += afterEpoch(epoch, state, vocab, model, subModel));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw W2vException.io("training interrupted", e);
    } catch (UncheckedIOException e) {
      throw W2vException.io("cannot read training file " + inputs.describe() + ": "
          + AtomicFile.reason(e.getCause()), e);
    } finally {
      progress.finish();
      if (corpus != null) {
        corpus.close();
      }
    }
    double secs = (System.nanoTime() - t0 - pausedNanos[0]) / 1e9;
    long words = trainer.wordsDone() - wordsBefore;
    Divergence.check(trainer, model, cfg);
    if (cfg.debug() > 0) {
      if (rc.epochListener() != null) {
        LOG.info(String.format(Locale.ROOT, "Evaluation after each epoch: %.1f s in all, not counted above",
            listenerNanos / 1e9));
      }
      if (checkpoints > 0) {
        LOG.info(String.format(Locale.ROOT, "Checkpoints: %d written to %s, %.2f s each (%s MB), not counted above",
            checkpoints, rc.checkpoint(), checkpointNanos / 1e9 / checkpoints,
            String.format(Locale.ROOT, "%.1f", rc.checkpoint().toFile().length() / 1048576.0)));
      }
    }

    // Output
    if (rc.saveModel() != null) {
      ModelFile.write(rc.saveModel(), "model file", state.get());
    }
    if (sub != null) {
      if (subwords.saveFastText() != null) {
        FastTextBinWriter.write(subwords.saveFastText(), "fastText model file", fastTextHeader(), vocab.words(),
            vocab.counts(), vocab.trainWords(), model.syn0, sub.ngrams, model.syn1neg, stride);
      }
      sub.wordVectors(model.syn0, model.vocabSize, model.syn0); // each word's final vector, as fastText's .vec
    }
    if (cfg.classes() == 0) {
      VectorWriter.write(cfg.output(), vocab.words(), model.syn0Chunks, model.chunkShift, model.size, model.stride,
          cfg.binary());
    } else {
      int[] cl = KMeans.cluster(model.syn0, model.vocabSize, model.size, model.stride, cfg.classes(),
          listener::kmeans);
      VectorWriter.writeClasses(cfg.output(), vocab.words(), cl);
    }
    double[] epochLoss = epochLoss(trainer, resumed, cfg.iter());
    listener.finished(new TrainListener.Summary(vocab.size(), vocab.trainWords(), words, epochLoss,
        Math.min(epochsResumed, epochLoss.length), (System.nanoTime() - jobStart) / 1e9, secs, outputs()));
    return new Result(vocab.size(), vocab.trainWords(), words, secs, epochLoss);
  }

  /** fastText's args block for this run (the README lists the fields). */
  private FastTextBinWriter.Header fastTextHeader() {
    return new FastTextBinWriter.Header(cfg.size(), cfg.window(), (int) cfg.iter(), cfg.minCount(), cfg.negative(),
        FastTextFormat.LOSS_NS, cfg.cbow() ? FastTextFormat.MODEL_CBOW : FastTextFormat.MODEL_SKIPGRAM,
        subwords.bucket(), subwords.minn(), subwords.maxn(), cfg.sample());
  }

  /**
   * What does not yet handle matrices of more than 2^31 floats (they are several arrays): the model file
   * (-save-model, -checkpoint), -classes and the evaluation after each epoch. Refused before training, not after.
   */
  private static void refuseChunked(TrainConfig cfg, RunConfig rc, int words) {
    String what = rc.saveModel() != null ? "-save-model" : rc.checkpoint() != null ? "-checkpoint"
        : cfg.classes() > 0 ? "-classes" : rc.epochListener() != null ? "the evaluation after each epoch" : null;
    if (what != null) {
      throw W2vException.usage(String.format(Locale.ROOT, "%s does not support a model of more than 2^31 floats"
          + " per matrix (%,d words x -size %d); train without it, or raise -min-count", what, words, cfg.size()));
    }
  }

  /**
   * The loss of the first {@code epochs} epochs (at most 2^20): those a resumed run found done in its checkpoint
   * from {@code resumed} (NaN when it does not carry them), the others from this run's meter.
   */
  private static double[] epochLoss(Trainer trainer, TrainingState.Position resumed, long epochs) {
    double[] loss = new double[(int) Math.min(epochs, 1 << 20)];
    long before = resumed != null ? resumed.epochsDone() : 0;
    for (int e = 0; e < loss.length; e++) {
      loss[e] = e < before ? resumed.epochLoss(e) : trainer.loss().epochLoss(e);
    }
    return loss;
  }

  /** The files this job writes. */
  private List<Path> outputs() {
    List<Path> out = new ArrayList<>();
    if (subwords != null && subwords.saveFastText() != null) {
      out.add(subwords.saveFastText());
    }
    if (cfg.saveVocab() != null) {
      out.add(cfg.saveVocab());
    }
    if (rc.saveModel() != null) {
      out.add(rc.saveModel());
    }
    if (cfg.output() != null) {
      out.add(cfg.output());
    }
    return out;
  }

  /** Between epochs (threads parked): checkpoint, evaluation hook, test stop. Returns the nanoseconds spent. */
  private long afterEpoch(long epoch, Supplier<TrainingState> state, Vocabulary vocab, Model model,
      SubwordModel sub) {
    long t = System.nanoTime();
    if (rc.checkpoint() != null) {
      ModelFile.write(rc.checkpoint(), "checkpoint", state.get());
      checkpoints++;
      checkpointNanos += System.nanoTime() - t;
      if (cfg.debug() > 2) {
        LOG.info(String.format(Locale.ROOT, "Checkpoint after epoch %d written to %s in %.2f s", epoch,
            rc.checkpoint(), (System.nanoTime() - t) / 1e9));
      }
    }
    if (rc.epochListener() != null) {
      long e0 = System.nanoTime();
      float[] vectors = model.syn0;
      if (sub != null) { // the words' final vectors, as they would be written now
        vectors = new float[model.syn0.length];
        sub.wordVectors(model.syn0, model.vocabSize, vectors);
      }
      rc.epochListener().epochDone(
          new EpochListener.Snapshot(epoch, cfg.iter(), vocab, vectors, model.size, model.stride));
      listenerNanos += System.nanoTime() - e0;
    }
    if (stopAfterEpoch > 0 && epoch >= stopAfterEpoch && epoch < cfg.iter()) {
      throw new Stopped(epoch);
    }
    return System.nanoTime() - t;
  }
}
