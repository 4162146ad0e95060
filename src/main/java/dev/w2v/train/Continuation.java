// -init-model and -resume: a saved training state checked against the run's flags and corpus, its vocabulary
// merged with the corpus's, and the state of a running job gathered for -save-model and -checkpoint.
package dev.w2v.train;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.NotAnInput;
import dev.w2v.io.W2vException;
import dev.w2v.model.ModelFile;
import dev.w2v.model.TrainingState;
import dev.w2v.vocab.ByteWords;
import dev.w2v.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A loaded state and what the run makes of it.
 *
 * <p>{@code -init-model} (gensim's {@code build_vocab(update=True)} then {@code train}): the model's words keep
 * their vectors; words of the new corpus that are not in the model and reach {@code -min-count} in it are added;
 * a word's count becomes its model count plus its count in the new corpus; the merged vocabulary is sorted again by
 * count (descending, stable, {@code </s>} first, as SortVocab), rows moving with their words, so the output stays
 * in frequency order. New syn0 rows get word2vec.c's initialisation (the value InitNet gives that row of a fresh
 * model of the merged size, with the run's seed), new syn1neg rows zeros. With {@code -hs 1} the Huffman tree is
 * rebuilt from the merged counts and syn1 keeps its rows (inner nodes; the new rows are zero), so paths change under
 * the old inner-node vectors as in gensim; the unigram table is rebuilt from the merged counts. The schedule starts
 * afresh: {@code -alpha} decays over {@code -iter} epochs of the new corpus, whose counts drive the subsampling.
 *
 * <p>{@code -resume}: the checkpoint's vocabulary, matrices, learning-rate position and per-thread random states
 * are used as they are, after checking every setting against the flags and the corpus against the one recorded.
 */
final class Continuation {
  private final TrainingState state;
  private final Path file;
  private final String what;
  private final boolean resume;
  private Vocabulary vocab;
  private Vocabulary trainVocab;
  private int[] oldToNew;

  private Continuation(TrainingState state, Path file, String what, boolean resume) {
    this.state = state;
    this.file = file;
    this.what = what;
    this.resume = resume;
  }

  /** Loads {@code -resume}'s checkpoint (when given) or {@code -init-model}'s model, or returns null. */
  static Continuation load(TrainConfig cfg, RunConfig rc, int stride) {
    return load(cfg, rc, stride, null);
  }

  /** As above, for a run whose subword settings are {@code sc} (null or off: none); they must be the model's. */
  static Continuation load(TrainConfig cfg, RunConfig rc, int stride, SubwordConfig sc) {
    if (rc.resume() == null && rc.initModel() == null) {
      return null;
    }
    boolean resume = rc.resume() != null;
    Path file = resume ? rc.resume() : rc.initModel();
    String what = resume ? "checkpoint" : "model file";
    TrainingState s = ModelFile.read(file, what, size -> size == cfg.size() ? stride : size);
    Continuation c = new Continuation(s, file, what, resume);
    if (resume) {
      c.checkResume(cfg, rc);
    } else {
      c.checkInit(cfg);
    }
    c.checkSubwords(sc);
    return c;
  }

  boolean resume() {
    return resume;
  }

  TrainingState state() {
    return state;
  }

  /** Epochs the model had before this run started. */
  long baseEpochs() {
    return state.position().epochsTotal() - (resume ? state.position().epochsDone() : 0);
  }

  private void mismatch(String flag, Object given, Object saved) {
    throw W2vException.badInput(flag + " " + given + " does not match " + what + " " + file + " (made with " + flag
        + " " + saved + ")" + (resume ? ": a resumed run must repeat the original's settings" : ""));
  }

  private void same(String flag, Object given, Object saved) {
    if (!Objects.equals(given, saved)) {
      mismatch(flag, given, saved);
    }
  }

  /** -init-model: the flags that shape the stored matrices must match; the schedule's flags may change. */
  private void checkInit(TrainConfig cfg) {
    TrainingState.Settings s = state.settings();
    same("-size", cfg.size(), s.size());
    same("-hs", cfg.hs(), s.hs());
    if ((cfg.negative() > 0) != (s.negative() > 0)) {
      mismatch("-negative", cfg.negative(), s.negative());
    }
    same("-cbow", cfg.cbow() ? 1 : 0, s.cbow() ? 1 : 0);
  }

  /** Subwords shape the matrices and the hashing: -minn, -maxn and -bucket must be the model's. */
  private void checkSubwords(SubwordConfig sc) {
    TrainingState.Ngrams n = state.ngrams();
    boolean on = sc != null && sc.on();
    same("-maxn", on ? sc.maxn() : 0, n != null ? n.maxn() : 0);
    if (on) {
      same("-minn", sc.minn(), n.minn());
      same("-bucket", sc.bucket(), n.bucket());
    }
  }

  /**
   * The n-gram rows of the loaded model and the n-gram table of the run's vocabulary (for -init-model, the merged
   * one: the rows do not depend on the words, so they carry over as they are). Null without subwords.
   */
  SubwordModel subwords(SubwordConfig sc, int stride) {
    TrainingState.Ngrams n = state.ngrams();
    return n == null ? null : SubwordModel.wrap(vocab, sc, state.settings().size(), stride, n.rows());
  }

  /** -resume: every setting that shapes the model or the schedule must be the checkpoint's. */
  private void checkResume(TrainConfig cfg, RunConfig rc) {
    TrainingState.Settings s = state.settings();
    same("-size", cfg.size(), s.size());
    same("-window", cfg.window(), s.window());
    same("-sample", cfg.sample(), s.sample());
    same("-hs", cfg.hs(), s.hs());
    same("-negative", cfg.negative(), s.negative());
    same("-cbow", cfg.cbow() ? 1 : 0, s.cbow() ? 1 : 0);
    same("-alpha", cfg.alpha(), s.alpha());
    same("-min-count", cfg.minCount(), s.minCount());
    same("-iter", cfg.iter(), s.iter());
    same("-seed", rc.seed(), s.seed());
    same("-threads", cfg.threads(), s.threads());
    same("-reference", cfg.reference() ? 1 : 0, s.reference() ? 1 : 0);
    same("-shared-negatives", cfg.sharedNegatives() ? 1 : 0, s.sharedNegatives() ? 1 : 0);
    if (state.position().epochsDone() >= cfg.iter()) {
      throw W2vException.badInput(what + " " + file + " has finished all " + cfg.iter() + " epochs: nothing to"
          + " resume (use -init-model to train it further)");
    }
  }

  /** -resume: the corpus's size in bytes must be the recorded one (checked before the vocabulary scan). */
  void checkCorpusSize(String train, long bytes) {
    long saved = state.corpus().bytes();
    if (resume && saved >= 0 && bytes >= 0 && saved != bytes) {
      throw W2vException.badInput("training file " + train + " is not the corpus " + what + " " + file
          + " was made from (" + bytes + " bytes, the checkpoint's corpus " + state.corpus().name() + " had " + saved
          + ")");
    }
  }

  /**
   * Builds the run's vocabulary from the scanned corpus ({@code all}: every distinct word with its count, sorted;
   * {@code tokens}: tokens read) and rewrites {@code map} (provisional ids to {@code all}'s indices) to the run's
   * word ids, -1 for words outside it.
   */
  void attach(Vocabulary all, long tokens, int minCount, int[] map, String train) {
    if (resume) {
      vocab = Vocabulary.of(state.words(), state.counts());
      trainVocab = Vocabulary.of(state.words(), state.corpusCounts());
      for (int i = 0; i < vocab.size(); i++) {
        byte[] w = state.words().bytes(i);
        int a = all.index(w, 0, w.length);
        long c = a < 0 ? 0 : all.count(a);
        if (c != state.corpusCounts()[i] || tokens != state.corpus().tokens()) {
          throw W2vException.badInput("training file " + train + " is not the corpus " + what + " " + file
              + " was made from (" + (tokens != state.corpus().tokens()
                  ? tokens + " words, the checkpoint's corpus had " + state.corpus().tokens()
                  : "'" + state.words().string(i) + "' occurs " + c + " times, " + state.corpusCounts()[i]
                      + " in the checkpoint's corpus") + ")");
        }
      }
    } else {
      merge(all, minCount);
    }
    if (map != null) {
      int[] toRun = new int[all.size()];
      ByteWords aw = all.words();
      for (int a = 0; a < toRun.length; a++) {
        toRun[a] = vocab.index(aw.arena(), aw.start(a), aw.length(a));
      }
      for (int p = 0; p < map.length; p++) {
        map[p] = map[p] < 0 ? -1 : toRun[map[p]];
      }
    }
  }

  private void merge(Vocabulary all, int minCount) {
    ByteWords old = state.words();
    int v = old.size();
    ByteWords merged = new ByteWords();
    long[] counts = new long[v + all.size()];
    long[] corpus = new long[counts.length];
    for (int i = 0; i < v; i++) {
      byte[] w = old.bytes(i);
      merged.add(w, 0, w.length);
      int a = all.index(w, 0, w.length);
      corpus[i] = a < 0 ? 0 : all.count(a);
      counts[i] = state.counts()[i] + corpus[i];
    }
    int n = v;
    ByteWords aw = all.words();
    for (int a = 0; a < all.size(); a++) {
      if (all.count(a) >= minCount && old.find(aw.arena(), aw.start(a), aw.length(a)) < 0) {
        merged.add(aw.arena(), aw.start(a), aw.length(a));
        counts[n] = all.count(a);
        corpus[n] = all.count(a);
        n++;
      }
    }
    counts = Arrays.copyOf(counts, n);
    int[][] m = new int[1][];
    vocab = Vocabulary.sortAndPrune(merged, counts, 0, m);
    long[] runCorpus = new long[n];
    for (int e = 0; e < n; e++) {
      runCorpus[m[0][e]] = corpus[e];
    }
    trainVocab = Vocabulary.of(vocab.words(), runCorpus);
    oldToNew = Arrays.copyOf(m[0], v);
  }

  /** The run's vocabulary: the model's words and counts. */
  Vocabulary vocab() {
    return vocab;
  }

  /** The same words with their counts in this run's corpus (the schedule and subsampling use these). */
  Vocabulary trainVocab() {
    return trainVocab;
  }

  /** Words added from the new corpus (-init-model). */
  int addedWords() {
    return vocab.size() - state.vocabSize();
  }

  /** The network: the checkpoint's matrices, or the loaded rows moved into a model of the merged size. */
  Model model(int stride, boolean hs, boolean ns, long seed) {
    int size = state.settings().size();
    if (resume) {
      return Model.wrap(vocab.size(), size, stride, state.syn0(), state.syn1(), state.syn1neg());
    }
    Model m = Model.allocate(vocab.size(), size, stride, hs, ns, 0);
    if (m.chunked()) {
      throw W2vException.usage(String.format(java.util.Locale.ROOT, "continuing a model grown past 2^31 floats per"
          + " matrix (%,d words x -size %d) is not supported; raise -min-count", vocab.size(), size));
    }
    m.initSyn0(seed);
    int v = state.vocabSize();
    for (int i = 0; i < v; i++) {
      int to = oldToNew[i] * stride;
      System.arraycopy(state.syn0(), i * stride, m.syn0, to, size);
      if (ns) {
        System.arraycopy(state.syn1neg(), i * stride, m.syn1neg, to, size);
      }
    }
    if (hs) {
      System.arraycopy(state.syn1(), 0, m.syn1, 0, v * stride); // inner nodes, not words: they keep their rows
    }
    return m;
  }

  /** The state of a running job at an epoch boundary, for -save-model and -checkpoint (no copies). */
  static TrainingState capture(TrainConfig cfg, RunConfig rc, boolean simd, Trainer trainer, Model model,
      Vocabulary vocab, Vocabulary trainVocab, long baseEpochs, String corpusName, long corpusBytes, long tokens,
      double[] epochLoss) {
    return capture(cfg, rc, simd, trainer, model, null, vocab, trainVocab, baseEpochs, corpusName, corpusBytes,
        tokens, epochLoss);
  }

  /** As above, with a subword model's n-gram rows ({@code sub} may be null). */
  static TrainingState capture(TrainConfig cfg, RunConfig rc, boolean simd, Trainer trainer, Model model,
      SubwordModel sub, Vocabulary vocab, Vocabulary trainVocab, long baseEpochs, String corpusName,
      long corpusBytes, long tokens, double[] epochLoss) {
    TrainingState.Settings s = new TrainingState.Settings(cfg.size(), cfg.window(), cfg.sample(), cfg.hs(),
        cfg.negative(), cfg.cbow(), cfg.alpha(), cfg.minCount(), cfg.iter(), rc.seed(), cfg.threads(),
        cfg.reference(), cfg.sharedNegatives(), simd ? "simd" : "scalar");
    TrainingState.Position p = new TrainingState.Position(trainer.epochsDone(), baseEpochs + trainer.epochsDone(),
        trainer.wordsDone(), trainer.alpha(), trainer.threadRandom(), trainer.threadAlpha(), trainer.threadEof(),
        epochLoss);
    TrainingState.Corpus k = new TrainingState.Corpus(corpusName, corpusBytes, tokens,
        trainVocab.trainWords());
    return new TrainingState(s, p, k, vocab.words(), vocab.counts(), trainVocab.counts(), model.stride,
        model.syn0, model.syn1, model.syn1neg, sub == null ? null
            : new TrainingState.Ngrams(sub.table.minn, sub.table.maxn, sub.table.bucket, sub.ngrams));
  }

  /**
   * Refuses, before any work, a model file or checkpoint that is an input (the corpus, -read-vocab, -init-model;
   * -resume's checkpoint may be -checkpoint: the run continues it in place), and -read-vocab with a saved state.
   */
  static void checkStateFiles(TrainConfig cfg, RunConfig rc, List<Path> corpus) {
    if (cfg.readVocab() != null && (rc.initModel() != null || rc.resume() != null)) {
      throw W2vException.usage("-read-vocab cannot be combined with " + (rc.resume() != null ? "-resume"
          : "-init-model") + ": the vocabulary comes from the model file");
    }
    List<Path> vocab = cfg.readVocab() == null ? List.of() : List.of(cfg.readVocab());
    List<Path> init = rc.initModel() == null ? List.of() : List.of(rc.initModel());
    String[] flags = {"-checkpoint", "-save-model"};
    Path[] outs = {rc.checkpoint(), rc.saveModel()};
    for (int i = 0; i < 2; i++) {
      NotAnInput.check(outs[i], flags[i], corpus, "the training file");
      NotAnInput.check(outs[i], flags[i], vocab, "the -read-vocab file");
      NotAnInput.check(outs[i], flags[i], init, "the -init-model file");
      if (outs[i] != null) {
        AtomicFile.checkWritable(outs[i], i == 0 ? "checkpoint" : "model file");
      }
    }
    List<Path> models = new java.util.ArrayList<>(init);
    if (rc.resume() != null) {
      models.add(rc.resume());
    }
    NotAnInput.check(cfg.output(), "-output", models, "the model file");
    NotAnInput.check(cfg.saveVocab(), "-save-vocab", models, "the model file");
  }
}
