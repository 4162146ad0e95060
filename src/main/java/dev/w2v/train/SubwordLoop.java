// fastText's unsupervised updates (FastText::skipgram / cbow, Model::update) for one training thread: the gather
// (mean of a word's row and its n-gram rows), negative sampling on the output rows, and the scatter back.
package dev.w2v.train;

import dev.w2v.math.ScalarMath;
import dev.w2v.math.SimdMath;

/**
 * One thread's subword steps and scratch (nothing here is shared; the matrices are updated Hogwild, as in {@link
 * Trainer}). The input of a word w is {@code h = (syn0[w] + sum ngrams[g]) / (1 + n)} over its n buckets g; the
 * error {@code neu1e} goes back undivided to each of those rows, as fastText's {@code Model::update} does for
 * unsupervised models ({@code normalizeGradient} is off).
 *
 * <p>Skip-gram follows fastText's orientation and order: the centre word's subwords predict each context word, with
 * fresh negatives for each ({@code -shared-negatives} does not apply), but the n-gram rows, most of the memory
 * traffic, are gathered and scattered once per centre word instead of once per context word ({@link #skipGram}).
 */
final class SubwordLoop {
  private final Model model;
  private final SubwordModel sub;
  private final UnigramTable table;
  private final int vocabSize;
  private final int negative;
  private final boolean simd;
  private final int n; // kernel length
  private final int stride;
  private final float[] expTable = SigmoidTable.table();
  private final float[] lossTable = LogSigmoid.table();
  private final float[] neu1;
  private final float[] neu1e;
  private final float[] sum; // skip-gram: the errors of all context words, scattered at the end
  private final int[] ctx;
  private final int[] bag; // CBOW: row offsets of the context words' rows (in syn0) and n-gram rows (in ngrams)
  private final boolean[] bagIsWord;
  /** The thread's random stream (word2vec.c's next_random): the caller hands it in and takes it back each step. */
  long nextRandom;
  /** Predictions made by the last step (for the loss average). */
  int predictions;

  SubwordLoop(TrainConfig cfg, Model model, SubwordModel sub, UnigramTable table, int vocabSize, boolean simd) {
    this.model = model;
    this.sub = sub;
    this.table = table;
    this.vocabSize = vocabSize;
    this.negative = cfg.negative();
    this.simd = simd;
    this.stride = model.stride;
    this.n = simd ? model.stride : model.size;
    this.neu1 = new float[n];
    this.neu1e = new float[n];
    this.sum = new float[n];
    this.ctx = new int[2 * cfg.window()];
    int maxNgrams = 0;
    for (int w = 0; w < vocabSize; w++) {
      maxNgrams = Math.max(maxNgrams, sub.table.count(w));
    }
    int cap = 2 * cfg.window() * (maxNgrams + 1);
    this.bag = cfg.cbow() ? new int[cap] : null;
    this.bagIsWord = cfg.cbow() ? new boolean[cap] : null;
  }

  private float dot(float[] x, int xo, float[] y, int yo) {
    return simd ? SimdMath.dotV(x, xo, y, yo, n) : ScalarMath.dotS(x, xo, y, yo, n);
  }

  private void axpy(float a, float[] x, int xo, float[] y, int yo) {
    if (simd) {
      SimdMath.axpyV(a, x, xo, y, yo, n);
    } else {
      ScalarMath.axpyS(a, x, xo, y, yo, n);
    }
  }

  private int drawNegative() {
    nextRandom = nextRandom * 25214903917L + 11;
    int target = table.get((int) ((nextRandom >>> 16) % table.tableSize()));
    if (target == 0) {
      target = (int) Long.remainderUnsigned(nextRandom, vocabSize - 1) + 1;
    }
    return target;
  }

  private float gradient(float f, int label, float alpha) {
    if (f > SigmoidTable.MAX_EXP) {
      return (label - 1) * alpha;
    } else if (f < -SigmoidTable.MAX_EXP) {
      return (label - 0) * alpha;
    }
    return (label - expTable[(int) ((f + SigmoidTable.MAX_EXP) * SigmoidTable.SCALE)]) * alpha;
  }

  /** neu1 = mean of word w's row and its n-gram rows (fastText's computeHidden); returns how many rows. */
  private int gather(int w) {
    final float[] syn0 = model.syn0;
    final float[] ngrams = sub.ngrams;
    final int[] ids = sub.table.ids;
    final int s0 = sub.table.start[w];
    final int s1 = sub.table.start[w + 1];
    System.arraycopy(syn0, w * stride, neu1, 0, n);
    for (int k = s0; k < s1; k++) {
      axpy(1f, ngrams, ids[k] * stride, neu1, 0);
    }
    int rows = s1 - s0 + 1;
    if (rows > 1) {
      float inv = 1f / rows;
      for (int c = 0; c < n; c++) {
        neu1[c] *= inv;
      }
    }
    return rows;
  }

  /** Adds neu1e to word w's row and each of its n-gram rows. */
  private void scatter(int w) {
    final float[] ngrams = sub.ngrams;
    final int[] ids = sub.table.ids;
    axpy(1f, neu1e, 0, model.syn0, w * stride);
    for (int k = sub.table.start[w], e = sub.table.start[w + 1]; k < e; k++) {
      axpy(1f, neu1e, 0, ngrams, ids[k] * stride);
    }
  }

  /**
   * One update of output row {@code target} with {@code label} from the hidden neu1 (fastText's
   * {@code binaryLogistic}): neu1e += g o, o += g h with g = (label - sigmoid(h.o)) alpha.
   */
  private float output(int target, int label, float alpha) {
    final float[] syn1neg = model.syn1neg;
    int l2 = target * stride;
    float f = dot(neu1, 0, syn1neg, l2);
    float g = gradient(f, label, alpha);
    axpy(g, syn1neg, l2, neu1e, 0);
    axpy(g, neu1, 0, syn1neg, l2);
    return Trainer.LOSS ? LogSigmoid.term(lossTable, f, label) : 0f;
  }

  /** Context words of {@code sen[pos]} within the shrunk window b, in word2vec.c's order, into ctx. */
  private int contexts(int[] sen, int b, int window, int pos, int len) {
    return Trainer.contexts(sen, b, window, pos, len, ctx);
  }

  /**
   * Skip-gram (fastText's {@code skipgram}): the centre word's subwords predict each context word in turn, with
   * fresh negatives per context word. fastText gathers the hidden vector and scatters the error once per context
   * word; as every input row gains the same error e, their mean, the hidden vector, gains exactly e (more when two
   * n-grams share a bucket: {@link SubwordModel#hiddenMove}): so the hidden vector is gathered once, moved by each
   * context word's e, and the summed errors scattered once. The same
   * updates as fastText's, in the same order (within a thread), with one gather and one scatter per centre word.
   * Returns the loss; {@link #predictions} the context words.
   */
  float skipGram(int[] sen, int b, int window, int pos, int len, float alpha) {
    int word = sen[pos];
    int m = contexts(sen, b, window, pos, len);
    predictions = m;
    if (m == 0) {
      return 0f;
    }
    gather(word);
    final float move = sub.hiddenMove[word];
    java.util.Arrays.fill(sum, 0f);
    float l = 0;
    for (int j = 0; j < m; j++) {
      java.util.Arrays.fill(neu1e, 0f);
      l += output(ctx[j], 1, alpha);
      for (int d = 0; d < negative; d++) {
        int t = drawNegative();
        if (t != ctx[j]) {
          l += output(t, 0, alpha);
        }
      }
      axpy(move, neu1e, 0, neu1, 0); // the hidden vector after this context word's update
      axpy(1f, neu1e, 0, sum, 0);
    }
    System.arraycopy(sum, 0, neu1e, 0, n);
    scatter(word);
    return l;
  }

  /**
   * CBOW (fastText's {@code cbow}): the mean of every context word's row and n-gram rows predicts the centre word;
   * the error goes back undivided to each of those rows. Returns the loss; {@link #predictions} is 1 or 0.
   */
  float cbow(int[] sen, int b, int window, int pos, int len, float alpha) {
    int word = sen[pos];
    int m = contexts(sen, b, window, pos, len);
    predictions = m == 0 ? 0 : 1;
    if (m == 0) {
      return 0f;
    }
    final float[] syn0 = model.syn0;
    final float[] ngrams = sub.ngrams;
    final int[] ids = sub.table.ids;
    final int[] start = sub.table.start;
    int rows = 0;
    java.util.Arrays.fill(neu1, 0f);
    for (int j = 0; j < m; j++) {
      int c = ctx[j];
      bag[rows] = c * stride;
      bagIsWord[rows++] = true;
      axpy(1f, syn0, c * stride, neu1, 0);
      for (int k = start[c], e = start[c + 1]; k < e; k++) {
        int g = ids[k] * stride;
        bag[rows] = g;
        bagIsWord[rows++] = false;
        axpy(1f, ngrams, g, neu1, 0);
      }
    }
    float inv = 1f / rows;
    for (int c = 0; c < n; c++) {
      neu1[c] *= inv;
    }
    java.util.Arrays.fill(neu1e, 0f);
    float l = output(word, 1, alpha);
    for (int d = 0; d < negative; d++) {
      int t = drawNegative();
      if (t != word) {
        l += output(t, 0, alpha);
      }
    }
    for (int r = 0; r < rows; r++) {
      axpy(1f, neu1e, 0, bagIsWord[r] ? syn0 : ngrams, bag[r]);
    }
    return l;
  }
}
