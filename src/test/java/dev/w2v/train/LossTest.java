// The training loss against a direct computation of word2vec's objective on a tiny hand-built model, and the
// merging of the per-thread sums.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.corpus.EncodedCorpus;
import dev.w2v.corpus.WordReader;
import dev.w2v.vocab.HuffmanTree;
import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LossTest {
  private static final String TEXT = "the the the the the the cat cat cat cat dog dog dog sat sat on mat a\n";
  /** The trained sentence, ending in </s> (id 0) so that it is trained before the end of the data. */
  private static final String[] SENTENCE = {"the", "cat", "sat", "on", "the", "mat", "dog", "the", "a", "cat"};
  private static final int SIZE = 5;
  /** Small enough that no update changes a weight: every term is the objective at the initial weights. */
  private static final float FROZEN = 1e-30f;

  private static Vocabulary vocab() throws IOException {
    VocabBuilder b = new VocabBuilder();
    b.scan(new WordReader(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.US_ASCII)), 100), null);
    return b.build(1, new int[1][]);
  }

  private static TrainConfig config(boolean cbow, int hs, int negative, int window, boolean shared, float alpha,
      int threads, long iter) {
    return new TrainConfig(Path.of("unused.txt"), Path.of("unused.bin"), SIZE, window, 0f, hs, negative, threads,
        iter, 1, alpha, 0, 0, true, null, null, cbow, false, shared);
  }

  /** Weights with scores well beyond +-MAX_EXP, so the clipped region is exercised. */
  private static Model model(int v, boolean hs, boolean ns) {
    Model m = Model.allocate(v, SIZE, SIZE, hs, ns);
    for (int i = 0; i < m.syn0.length; i++) {
      m.syn0[i] = (float) (1.5 * Math.sin(1.7 * i + 0.3));
      if (m.syn1 != null) {
        m.syn1[i] = (float) (1.9 * Math.cos(0.9 * i));
      }
      if (m.syn1neg != null) {
        m.syn1neg[i] = (float) (2.1 * Math.sin(0.6 * i + 1));
      }
    }
    return m;
  }

  private static int[] ids(Vocabulary vocab) {
    int[] s = new int[SENTENCE.length + 1];
    for (int i = 0; i < SENTENCE.length; i++) {
      s[i] = vocab.index(SENTENCE[i]);
      assertTrue(s[i] > 0, SENTENCE[i]);
    }
    s[SENTENCE.length] = 0;
    return s;
  }

  /** One pass over {@code ids} then the end of the data, restartable. */
  private static TokenSource source(int[] ids) {
    return new TokenSource() {
      int pos;

      @Override
      public void rewind() {
        pos = 0;
      }

      @Override
      public int next() {
        return pos < ids.length ? ids[pos++] : EOF;
      }

      @Override
      public void close() {}
    };
  }

  /** -log sigmoid(x), computed directly in double. */
  private static double nls(double x) {
    return x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
  }

  private static double dot(float[] a, int ao, double[] b) {
    double s = 0;
    for (int k = 0; k < SIZE; k++) {
      s += a[ao + k] * b[k];
    }
    return s;
  }

  private static double[] row(float[] m, int w) {
    double[] r = new double[SIZE];
    for (int k = 0; k < SIZE; k++) {
      r[k] = m[w * SIZE + k];
    }
    return r;
  }

  /**
   * word2vec's objective over one sentence at fixed weights: per prediction, -log sigmoid(+-u.v) along the Huffman
   * path (target 1 - code) and -log sigmoid(u_o.v) - sum_k log sigmoid(-u_k.v) over the drawn negatives. The draws
   * follow word2vec.c's random stream (thread 0 seeds it with 0): one step for the window shrink per centre word,
   * one per negative.
   */
  private static double[] objective(TrainConfig cfg, Vocabulary vocab, Model m, HuffmanTree tree,
      UnigramTable table, int[] s) {
    if (cfg.cbow() && cfg.sharedNegatives() && Trainer.CBOW_BATCH > 1) {
      return batchedCbowObjective(cfg, vocab, m, table, s, Trainer.CBOW_BATCH);
    }
    long next = 0;
    double sum = 0;
    long predictions = 0;
    long terms = 0;
    int len = s.length - 1;
    for (int i = 0; i < len; i++) {
      int word = s[i];
      next = next * 25214903917L + 11;
      int b = (int) Long.remainderUnsigned(next, cfg.window());
      java.util.List<Integer> ctx = new java.util.ArrayList<>();
      for (int a = b; a < cfg.window() * 2 + 1 - b; a++) {
        int c = i - cfg.window() + a;
        if (a != cfg.window() && c >= 0 && c < len) {
          ctx.add(s[c]);
        }
      }
      if (ctx.isEmpty()) {
        continue;
      }
      java.util.List<double[]> inputs = new java.util.ArrayList<>();
      if (cfg.cbow()) {
        double[] mean = new double[SIZE];
        for (int c : ctx) {
          for (int k = 0; k < SIZE; k++) {
            mean[k] += m.syn0[c * SIZE + k] / ctx.size();
          }
        }
        inputs.add(mean);
      } else {
        for (int c : ctx) {
          inputs.add(row(m.syn0, c));
        }
      }
      int[] shared = null;
      for (double[] v : inputs) {
        predictions++;
        if (tree != null) {
          for (int d = 0; d < tree.codeLen(word); d++) {
            double f = dot(m.syn1, tree.points()[tree.offset(word) + d] * SIZE, v);
            sum += nls(tree.codes()[tree.offset(word) + d] == 0 ? f : -f);
            terms++;
          }
        }
        if (table != null) {
          sum += nls(dot(m.syn1neg, word * SIZE, v));
          terms++;
          if (shared == null || !cfg.sharedNegatives()) {
            shared = new int[cfg.negative()];
            for (int d = 0; d < cfg.negative(); d++) {
              next = next * 25214903917L + 11;
              int t = table.get((int) ((next >>> 16) % table.tableSize()));
              shared[d] = t != 0 ? t : (int) Long.remainderUnsigned(next, vocab.size() - 1) + 1;
            }
          }
          for (int t : shared) {
            if (t != word) {
              sum += nls(-dot(m.syn1neg, t * SIZE, v));
              terms++;
            }
          }
        }
      }
    }
    return new double[] {sum, predictions, terms};
  }

  /**
   * Batched CBOW's objective: the sentence in runs of {@code batch} centre words; each word of a run draws its window
   * shrink, in order, then each word with a context draws its own negatives, in order. Per such word,
   * -log sigmoid(P . h) - sum over its negatives other than the word of log sigmoid(-N . h), h the mean of its
   * context rows.
   */
  private static double[] batchedCbowObjective(TrainConfig cfg, Vocabulary vocab, Model m, UnigramTable table,
      int[] s, int batch) {
    long next = 0;
    double sum = 0;
    long predictions = 0;
    long terms = 0;
    int len = s.length - 1;
    for (int p0 = 0; p0 < len; p0 += batch) {
      int nb = Math.min(batch, len - p0);
      int[] b = new int[nb];
      for (int i = 0; i < nb; i++) {
        next = next * 25214903917L + 11;
        b[i] = (int) Long.remainderUnsigned(next, cfg.window());
      }
      java.util.List<double[]> means = new java.util.ArrayList<>();
      java.util.List<Integer> words = new java.util.ArrayList<>();
      for (int i = 0; i < nb; i++) {
        int p = p0 + i;
        java.util.List<Integer> ctx = new java.util.ArrayList<>();
        for (int a = b[i]; a < cfg.window() * 2 + 1 - b[i]; a++) {
          int c = p - cfg.window() + a;
          if (a != cfg.window() && c >= 0 && c < len) {
            ctx.add(s[c]);
          }
        }
        if (ctx.isEmpty()) {
          continue;
        }
        double[] mean = new double[SIZE];
        for (int c : ctx) {
          for (int k = 0; k < SIZE; k++) {
            mean[k] += m.syn0[c * SIZE + k] / ctx.size();
          }
        }
        means.add(mean);
        words.add(s[p]);
      }
      for (int j = 0; j < means.size(); j++) {
        int word = words.get(j);
        double[] h = means.get(j);
        predictions++;
        sum += nls(dot(m.syn1neg, word * SIZE, h));
        terms++;
        for (int d = 0; d < cfg.negative(); d++) {
          next = next * 25214903917L + 11;
          int t = table.get((int) ((next >>> 16) % table.tableSize()));
          t = t != 0 ? t : (int) Long.remainderUnsigned(next, vocab.size() - 1) + 1;
          if (t != word) {
            sum += nls(-dot(m.syn1neg, t * SIZE, h));
            terms++;
          }
        }
      }
    }
    return new double[] {sum, predictions, terms};
  }

  private static void check(boolean cbow, int hs, int negative, int window, boolean shared) throws Exception {
    Vocabulary vocab = vocab();
    TrainConfig cfg = config(cbow, hs, negative, window, shared, FROZEN, 1, 1);
    Model m = model(vocab.size(), hs == 1, negative > 0);
    HuffmanTree tree = hs == 1 ? HuffmanTree.build(vocab.counts()) : null;
    UnigramTable table = negative > 0 ? new UnigramTable(vocab.counts()) : null;
    int[] s = ids(vocab);
    double[] expected = objective(cfg, vocab, m, tree, table, s);
    float[] before = m.syn0.clone();
    Trainer t = new Trainer(cfg, vocab, m, tree, table, false);
    t.lossEvery(1); // every prediction, to compare term by term
    t.train(id -> source(s));
    assertTrue(java.util.Arrays.equals(before, m.syn0), "alpha 1e-30 must leave the weights as they were");
    String what = (cbow ? "cbow" : "sg") + " hs " + hs + " negative " + negative + (shared ? " shared" : "");
    double[] totals = t.loss().totals();
    assertEquals(expected[1], totals[1], 0, what + ": predictions");
    assertTrue(expected[0] > 0.5 * expected[1], what + ": a loss this small tests little: " + expected[0]);
    // each term is within 0.0061 of the exact one (LogSigmoid); the dot products differ in rounding only
    double bound = 0.0061 * expected[2] + 1e-5 * expected[0];
    assertEquals(expected[0], totals[0], bound, what + ": summed loss over " + expected[2] + " terms");
    assertEquals(expected[0] / expected[1], t.loss().epochLoss(0), bound / expected[1], what);
  }

  @Test
  void cbowNegativeSamplingMatchesTheObjective() throws Exception {
    check(true, 0, 3, 2, false);
  }

  /** Neighbouring centre words trained as one batch (batched CBOW, -shared-negatives 1). */
  @Test
  void cbowSharedNegativesMatchesTheObjective() throws Exception {
    assertTrue(Trainer.CBOW_BATCH > 1 && Trainer.CBOW_BATCH < SENTENCE.length, "a batch ends inside the sentence");
    check(true, 0, 3, 2, true);
    check(true, 0, 4, 3, true);
  }

  @Test
  void skipGramHierarchicalSoftmaxMatchesTheObjective() throws Exception {
    check(false, 1, 0, 2, false);
  }

  @Test
  void cbowBothObjectivesMatch() throws Exception {
    check(true, 1, 2, 3, false);
  }

  @Test
  void skipGramNegativeSamplingMatchesTheObjective() throws Exception {
    check(false, 0, 4, 2, false);
  }

  @Test
  void skipGramSharedNegativesMatchesTheObjective() throws Exception {
    check(false, 0, 4, 2, true);
  }

  @Test
  void lossTermsAreCloseToTheExactOnesEverywhere() {
    float[] table = LogSigmoid.table();
    double worst = 0;
    for (double x = -40; x <= 40; x += 0.00137) {
      float f = (float) x;
      double tol = Math.abs(f) > 6 ? 0.0025 : 0.0061;
      assertEquals(nls(f), LogSigmoid.term(table, f, 1), tol + 1e-6 * Math.abs(x), "label 1, f = " + x);
      assertEquals(nls(-f), LogSigmoid.term(table, f, 0), tol + 1e-6 * Math.abs(x), "label 0, f = " + x);
      worst = Math.max(worst, Math.abs(nls(f) - LogSigmoid.term(table, f, 1)));
    }
    assertTrue(worst > 0.004, "the bins are 1/83 wide: " + worst); // the bound above is not slack
    assertTrue(Float.isNaN(LogSigmoid.term(table, Float.NaN, 0)));
    assertEquals(Float.POSITIVE_INFINITY, LogSigmoid.term(table, Float.POSITIVE_INFINITY, 0));
    assertEquals(Float.POSITIVE_INFINITY, LogSigmoid.term(table, Float.NEGATIVE_INFINITY, 1));
    assertEquals(0f, LogSigmoid.term(table, Float.POSITIVE_INFINITY, 1));
  }

  /** Several threads over a real corpus: the merged total is the sum of what each thread added, and learning lowers it. */
  @Test
  void mergedLossIsTheSumOfThePerThreadSumsAndFalls() throws Exception {
    DemoEncoded demo = DemoEncoded.of(6_000, 7, 5);
    Vocabulary vocab = demo.vocab();
    EncodedCorpus corpus = demo.corpus();
    TrainConfig cfg = config(false, 0, 5, 5, true, 0.025f, 3, 3);
    Model m = Model.allocate(vocab.size(), SIZE * 4, SIZE * 4, false, true);
    m.initSyn0();
    Trainer t = new Trainer(cfg, vocab, m, null, new UnigramTable(vocab.counts()), false);
    t.train(id -> new EncodedTokenSource(corpus, id, 3));
    double perThread = 0;
    for (double x : t.threadLoss()) {
      assertTrue(x > 0, "every thread adds its loss");
      perThread += x;
    }
    assertEquals(perThread, t.loss().totals()[0], 1e-9 * perThread);
    double sumOfEpochs = 0;
    for (int e = 0; e < 3; e++) {
      assertTrue(t.loss().epochComplete(e), "epoch " + e);
      sumOfEpochs += t.loss().epochLoss(e) * t.loss().epochPredictions(e);
    }
    assertEquals(perThread, sumOfEpochs, 1e-9 * perThread);
    assertTrue(t.loss().epochLoss(2) < t.loss().epochLoss(0),
        "loss should fall: " + t.loss().epochLoss(0) + " -> " + t.loss().epochLoss(2));
  }

  /**
   * The loss of one centre word in Trainer.LOSS_EVERY (the default) against every word's, on the same training (the
   * loss only reads the weights, so one thread and one seed train the same bytes either way): within 1% per epoch.
   */
  @Test
  void sampledLossIsWithinOnePercentOfEveryWordsLoss() throws Exception {
    DemoEncoded demo = DemoEncoded.of(20_000, 11, 5);
    Vocabulary vocab = demo.vocab();
    EncodedCorpus corpus = demo.corpus();
    assertTrue(Trainer.LOSS_EVERY > 1, "the default samples: " + Trainer.LOSS_EVERY);
    for (boolean cbow : new boolean[] {false, true}) {
      double[][] perEpoch = new double[2][];
      long[][] predictions = new long[2][];
      byte[][] weights = new byte[2][];
      for (int every : new int[] {1, Trainer.LOSS_EVERY}) {
        int r = every == 1 ? 0 : 1;
        TrainConfig cfg = config(cbow, 0, 5, 5, !cbow, cbow ? 0.05f : 0.025f, 1, 2);
        Model m = Model.allocate(vocab.size(), SIZE * 4, SIZE * 4, false, true);
        m.initSyn0();
        Trainer t = new Trainer(cfg, vocab, m, null, new UnigramTable(vocab.counts()), false);
        t.lossEvery(every);
        t.train(id -> new EncodedTokenSource(corpus, id, 1));
        perEpoch[r] = new double[] {t.loss().epochLoss(0), t.loss().epochLoss(1)};
        predictions[r] = new long[] {t.loss().epochPredictions(0), t.loss().epochPredictions(1)};
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(4 * m.syn0.length);
        bb.asFloatBuffer().put(m.syn0);
        weights[r] = bb.array();
      }
      String what = cbow ? "cbow" : "skip-gram";
      assertTrue(java.util.Arrays.equals(weights[0], weights[1]), what + ": the loss must not change training");
      for (int e = 0; e < 2; e++) {
        double exact = perEpoch[0][e];
        double sampled = perEpoch[1][e];
        assertTrue(exact > 1, what + " epoch " + e + ": a real loss: " + exact);
        double ratio = predictions[0][e] / (double) predictions[1][e];
        assertTrue(Math.abs(ratio - Trainer.LOSS_EVERY) < 0.05 * Trainer.LOSS_EVERY,
            what + " epoch " + e + ": one word in " + Trainer.LOSS_EVERY + " is sampled, not one in " + ratio);
        assertEquals(exact, sampled, 0.01 * exact, what + " epoch " + e + ": sampled " + sampled + ", every word "
            + exact);
      }
    }
  }
}
