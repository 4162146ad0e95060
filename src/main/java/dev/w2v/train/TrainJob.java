// The whole `w2v train` pipeline: vocabulary, encoded corpus, network, training threads, output.
package dev.w2v.train;

import dev.w2v.corpus.CorpusEncoder;
import dev.w2v.corpus.EncodedCorpus;
import dev.w2v.corpus.WordReader;
import dev.w2v.io.AtomicFile;
import dev.w2v.io.InputFiles;
import dev.w2v.io.W2vException;
import dev.w2v.math.Kernels;
import dev.w2v.vectors.VectorWriter;
import dev.w2v.vocab.HuffmanTree;
import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.VocabFile;
import dev.w2v.vocab.Vocabulary;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one training job as word2vec.c's TrainModel does, publishing its progress to a {@link TrainListener}. */
public final class TrainJob {
  /** What a finished job did, for the summary line and tests; {@code epochLoss} is per epoch, per prediction. */
  public record Result(int vocabSize, long trainWords, long wordsTrained, double seconds, double[] epochLoss) {}

  private final TrainConfig cfg;
  private final TrainListener listener;

  public TrainJob(TrainConfig cfg, TrainListener listener) {
    this.cfg = cfg;
    this.listener = listener;
  }

  /** A job that reports nothing. */
  public TrainJob(TrainConfig cfg) {
    this(cfg, TrainListener.SILENT);
  }

  public Result run() {
    long jobStart = System.nanoTime();
    Path train = InputFiles.requireReadable(cfg.train(), "training file");
    if (cfg.output() != null) {
      AtomicFile.checkWritable(cfg.output(), "output file");
    }
    if (cfg.saveVocab() != null) {
      AtomicFile.checkWritable(cfg.saveVocab(), "vocabulary file");
    }
    long fileSize;
    try {
      fileSize = Files.size(train);
    } catch (IOException e) {
      throw W2vException.io("cannot read training file " + train + ": " + AtomicFile.reason(e), e);
    }
    if (fileSize == 0) {
      throw W2vException.badInput("training file " + train + " is empty");
    }
    boolean encode = !cfg.reference() && cfg.trains();
    // ids beyond a quarter of the heap go to a memory-mapped temporary file (w2v.corpus.budget overrides, in bytes)
    long budget = Long.getLong("w2v.corpus.budget", Runtime.getRuntime().maxMemory() / 4);
    CorpusEncoder.Recorder recorder = encode && cfg.readVocab() == null ? new CorpusEncoder.Recorder(budget) : null;

    // Vocabulary: LearnVocabFromTrainFile or ReadVocab, then SortVocab
    Vocabulary vocab;
    int[][] map = new int[1][];
    long scanned;
    if (cfg.readVocab() != null) {
      vocab = VocabFile.read(cfg.readVocab(), cfg.minCount());
      scanned = vocab.trainWords();
    } else {
      VocabBuilder builder = new VocabBuilder();
      ScanProgress meter = new ScanProgress(builder, fileSize, listener);
      try (InputStream in = new BufferedInputStream(meter.count(Files.newInputStream(train)), 1 << 16)) {
        builder.scan(new WordReader(in, 100), recorder);
      } catch (IOException e) {
        throw W2vException.io("cannot read training file " + train + ": " + AtomicFile.reason(e), e);
      } finally {
        meter.stop();
      }
      vocab = builder.build(cfg.minCount(), map);
      scanned = builder.tokens();
      if (builder.tokens() == 0) {
        throw W2vException.badInput("training file " + train + " contains no words");
      }
    }
    listener.vocabulary(vocab.size(), vocab.trainWords());
    if (cfg.saveVocab() != null) {
      VocabFile.save(vocab, cfg.saveVocab());
    }
    if (!cfg.trains()) {
      double secs = (System.nanoTime() - jobStart) / 1e9;
      listener.finished(new TrainListener.Summary(vocab.size(), vocab.trainWords(), 0, new double[0], secs, 0,
          outputs()));
      return new Result(vocab.size(), vocab.trainWords(), 0, 0, new double[0]);
    }
    if (vocab.size() < 2) {
      throw W2vException.badInput("training file " + train + ": no word occurs at least -min-count "
          + cfg.minCount() + " times (" + scanned + " words read); lower -min-count");
    }

    // The network
    boolean hs = cfg.hs() != 0;
    boolean ns = cfg.negative() > 0;
    // -Dw2v.scalar=true runs the default pipeline (encoded corpus, every epoch) with the exact scalar kernels:
    // with -threads 1 and -shared-negatives 0 that is word2vec.c with its epoch fix, bit for bit
    boolean simd = !cfg.reference() && Kernels.simd() && !Boolean.getBoolean("w2v.scalar");
    int stride = simd ? Kernels.roundUp(cfg.size()) : cfg.size();
    Model model = Model.allocate(vocab.size(), cfg.size(), stride, hs, ns);
    model.initSyn0();
    HuffmanTree tree = hs ? HuffmanTree.build(vocab.counts()) : null;
    UnigramTable table = ns ? new UnigramTable(vocab.counts()) : null;

    EncodedCorpus corpus = null;
    if (encode) {
      corpus = recorder != null ? recorder.finish(map[0]) : null;
      if (corpus == null) {
        Path tmp = cfg.output().toAbsolutePath().getParent();
        corpus = CorpusEncoder.encode(train, vocab, budget, tmp);
      }
    }
    Trainer trainer = new Trainer(cfg, vocab, model, tree, table, simd);
    listener.started(new TrainListener.Start(cfg, vocab.size(), vocab.trainWords(), simd));
    Progress progress = new Progress(trainer, listener, vocab.trainWords(), cfg.iter());
    long t0 = System.nanoTime();
    final EncodedCorpus enc = corpus;
    try {
      trainer.train(id -> {
        if (enc != null) {
          return new EncodedTokenSource(enc, id, cfg.threads());
        }
        try {
          return new FileTokenSource(train, fileSize, id, cfg.threads(), vocab);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw W2vException.io("training interrupted", e);
    } catch (UncheckedIOException e) {
      throw W2vException.io("cannot read training file " + train + ": " + AtomicFile.reason(e.getCause()), e);
    } finally {
      progress.finish();
      if (corpus != null) {
        corpus.close();
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    long words = trainer.wordsDone();
    Divergence.check(trainer, model, cfg);

    // Output
    if (cfg.classes() == 0) {
      VectorWriter.write(cfg.output(), vocab.words(), model.syn0, model.size, model.stride, cfg.binary());
    } else {
      int[] cl = KMeans.cluster(model.syn0, model.vocabSize, model.size, model.stride, cfg.classes(),
          listener::kmeans);
      VectorWriter.writeClasses(cfg.output(), vocab.words(), cl);
    }
    double[] epochLoss = new double[(int) Math.min(cfg.iter(), 1 << 20)];
    for (int e = 0; e < epochLoss.length; e++) {
      epochLoss[e] = trainer.loss().epochLoss(e);
    }
    listener.finished(new TrainListener.Summary(vocab.size(), vocab.trainWords(), words, epochLoss,
        (System.nanoTime() - jobStart) / 1e9, secs, outputs()));
    return new Result(vocab.size(), vocab.trainWords(), words, secs, epochLoss);
  }

  /** The files this job writes. */
  private List<Path> outputs() {
    List<Path> out = new ArrayList<>();
    if (cfg.saveVocab() != null) {
      out.add(cfg.saveVocab());
    }
    if (cfg.output() != null) {
      out.add(cfg.output());
    }
    return out;
  }
}
