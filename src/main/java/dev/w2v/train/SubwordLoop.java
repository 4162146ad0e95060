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
  // CBOW's window of composed positions: slot k (position p at k = p % ring) holds the sum of the word's input rows
  // (sums), the error gathered for them since (errs), the position (slotPos, -1 when empty), its word and row count
  private final int ring;
  private final float[] sums;
  private final float[] errs;
  private final int[] slotPos;
  private final int[] slotWord;
  private final int[] ctxSlot;
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
    this.ring = 2 * cfg.window() + 1;
    boolean cbow = cfg.cbow();
    this.sums = cbow ? new float[ring * n] : null;
    this.errs = cbow ? new float[ring * n] : null;
    this.slotPos = cbow ? new int[ring] : null;
    this.slotWord = cbow ? new int[ring] : null;
    this.ctxSlot = cbow ? new int[2 * cfg.window()] : null;
    if (cbow) {
      java.util.Arrays.fill(slotPos, -1);
    }
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
    return table.negative(nextRandom, vocabSize);
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
   * the error goes back undivided to each of those rows. fastText gathers every context word's rows and scatters to
   * them again for each centre word, some 2 x 6 x 15 random rows of the n-gram matrix per word; here each position
   * of the sentence is gathered once, into the sum of its rows, when a centre word first needs it, and scattered
   * once, the errors of all its centre words summed, when it leaves the window (a delayed update, as Hogwild's
   * other threads see anyway). Meanwhile its sum moves with each error as its rows would ({@link
   * SubwordModel#sumMove}), so a centre word sees the updates of every earlier one, except where two positions in one
   * window share a row. The caller visits a sentence's positions in order, 0 to len - 1; the last one scatters
   * whatever is pending. Returns the loss; {@link #predictions} is 1 or 0.
   */
  float cbow(int[] sen, int b, int window, int pos, int len, float alpha) {
    if (pos == 0) {
      flushAll(); // nothing is pending unless the last sentence was left unfinished
    }
    int word = sen[pos];
    int m = 0;
    int rows = 0;
    for (int a = b; a < window * 2 + 1 - b; a++) {
      int p = pos - window + a;
      if (a == window || p < 0 || p >= len) {
        continue;
      }
      int k = slot(sen, p);
      ctxSlot[m++] = k;
      rows += sub.table.count(slotWord[k]) + 1;
    }
    predictions = m == 0 ? 0 : 1;
    float l = 0;
    if (m > 0) {
      System.arraycopy(sums, ctxSlot[0] * n, neu1, 0, n);
      for (int j = 1; j < m; j++) {
        axpy(1f, sums, ctxSlot[j] * n, neu1, 0);
      }
      scale(1f / rows, neu1);
      java.util.Arrays.fill(neu1e, 0f);
      l = output(word, 1, alpha);
      for (int d = 0; d < negative; d++) {
        int t = drawNegative();
        if (t != word) {
          l += output(t, 0, alpha);
        }
      }
      for (int j = 0; j < m; j++) {
        int k = ctxSlot[j];
        axpy(1f, neu1e, 0, errs, k * n);
        axpy(sub.sumMove[slotWord[k]], neu1e, 0, sums, k * n);
      }
    }
    // no later centre word's window reaches position pos - window; at the sentence's end, none reaches any
    if (pos == len - 1) {
      for (int p = Math.max(0, pos - window); p <= pos; p++) {
        flush(p);
      }
    } else if (pos >= window) {
      flush(pos - window);
    }
    return l;
  }

  /** The slot holding position p's sum of rows, gathered now if it is not there yet. */
  private int slot(int[] sen, int p) {
    int k = p % ring;
    if (slotPos[k] != p) {
      // empty: the position that held it left the window, and was scattered then
      int w = sen[p];
      slotPos[k] = p;
      slotWord[k] = w;
      final float[] ngrams = sub.ngrams;
      final int[] ids = sub.table.ids;
      int o = k * n;
      System.arraycopy(model.syn0, w * stride, sums, o, n);
      for (int i = sub.table.start[w], e = sub.table.start[w + 1]; i < e; i++) {
        axpy(1f, ngrams, ids[i] * stride, sums, o);
      }
      java.util.Arrays.fill(errs, o, o + n, 0f);
    }
    return k;
  }

  /** Scatters position p's summed error to its word's rows and empties its slot (if it was gathered). */
  private void flush(int p) {
    int k = p % ring;
    if (slotPos[k] != p) {
      return;
    }
    slotPos[k] = -1;
    int w = slotWord[k];
    int o = k * n;
    final float[] ngrams = sub.ngrams;
    final int[] ids = sub.table.ids;
    axpy(1f, errs, o, model.syn0, w * stride);
    for (int i = sub.table.start[w], e = sub.table.start[w + 1]; i < e; i++) {
      axpy(1f, errs, o, ngrams, ids[i] * stride);
    }
  }

  /** Scatters every pending position. */
  void flushAll() {
    for (int k = 0; k < ring; k++) {
      if (slotPos[k] >= 0) {
        flush(slotPos[k]);
      }
    }
  }

  private void scale(float a, float[] x) {
    if (simd) {
      SimdMath.scaleV(a, x, 0, n);
    } else {
      for (int c = 0; c < n; c++) {
        x[c] *= a;
      }
    }
  }
}
