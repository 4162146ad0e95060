// The training loss's one non-linearity, -log sigmoid(f), looked up in word2vec.c's own sigmoid bins.
package dev.w2v.train;

import java.util.Arrays;

/**
 * The loss terms of word2vec's objective, computed from the score {@code f} the training step already has:
 * {@code -log sigmoid(f)} for a target of label 1 (the centre word; code 0 on the Huffman path) and
 * {@code -log sigmoid(-f) = -log sigmoid(f) + f} for label 0 (a negative sample; code 1).
 *
 * <p>Inside {@code (-MAX_EXP, MAX_EXP)} the value is read from a table indexed exactly as word2vec.c indexes
 * its sigmoid table, so the index the update computes is reused (one load per term); each entry is the exact
 * value at the centre of its bin, at most 0.0061 from the exact term and unbiased on average. Where word2vec.c
 * clips ({@code |f| >= MAX_EXP}: the update saturates, or is skipped in hierarchical softmax) the term is its
 * asymptote, 0 for a right answer and {@code |f|} for a wrong one, at most {@code log(1 + e^-6) = 0.0025} below
 * the exact value: a saturated wrong answer costs about {@code |f|}, not a constant. An infinite score gives an
 * infinite term and a NaN score a NaN one (for label 0; label 1 shares the step's other terms), so a diverging
 * model shows as a non-finite loss.
 */
public final class LogSigmoid {
  private static final float[] TABLE = build();
  // the loss as a + b * f by SigmoidTable.clippedIndex: a (0 where clipped) and b for labels 1 and 0
  private static final float[] CLIPPED_A = SigmoidTable.clip(TABLE, 0f, 0f);
  private static final float[] CLIPPED_B1 = SigmoidTable.clip(new float[TABLE.length], -1f, 0f);
  private static final float[] CLIPPED_B0 = SigmoidTable.clip(filled(TABLE.length, 1f), 0f, 1f);

  private LogSigmoid() {}

  private static float[] build() {
    float[] t = new float[SigmoidTable.EXP_TABLE_SIZE + 1];
    for (int i = 0; i < t.length; i++) {
      double x = (i + 0.5) / SigmoidTable.SCALE - SigmoidTable.MAX_EXP; // bin i holds f in [i, i+1) / SCALE - 6
      t[i] = (float) (x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x)));
    }
    return t;
  }

  private static float[] filled(int n, float v) {
    float[] t = new float[n];
    Arrays.fill(t, v);
    return t;
  }

  /**
   * {@link #term} at slot {@code i = SigmoidTable.clippedIndex(f)}, without a branch: the same value for every
   * finite {@code f} (a NaN gives NaN; an infinite score may give NaN where term gives an infinity).
   */
  public static float clippedTerm(int i, float f, int label) {
    return CLIPPED_A[i] + (label == 1 ? CLIPPED_B1[i] : CLIPPED_B0[i]) * f;
  }

  /** {@code -log sigmoid(x)} at the centre of each of word2vec.c's sigmoid bins (shared, read-only). */
  public static float[] table() {
    return TABLE;
  }

  /** The loss term of score {@code f} for a target of {@code label} 1 or 0 (see the class comment). */
  public static float term(float[] table, float f, int label) {
    if (f > SigmoidTable.MAX_EXP) { // the same tests as the update's, so the compiled code shares them
      return label == 1 ? 0f : f;
    } else if (f < -SigmoidTable.MAX_EXP) {
      return label == 1 ? -f : 0f;
    }
    return table[(int) ((f + SigmoidTable.MAX_EXP) * SigmoidTable.SCALE)] + (label == 1 ? 0f : f);
  }
}
