// The branch-free lookups of the batched kernels against word2vec.c's branching ones, value for value.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SigmoidTableTest {
  /** word2vec.c's (label - sigmoid(f)) * alpha for negative sampling, with its two clipping tests. */
  private static float gradient(float f, int label, float alpha) {
    if (f > SigmoidTable.MAX_EXP) {
      return (label - 1) * alpha;
    } else if (f < -SigmoidTable.MAX_EXP) {
      return (label - 0) * alpha;
    }
    return (label - SigmoidTable.lookup(f)) * alpha;
  }

  private static void same(float f) {
    int i = SigmoidTable.clippedIndex(f);
    float alpha = 0.025f;
    for (int label = 0; label <= 1; label++) {
      float want = gradient(f, label, alpha);
      float got = (label - SigmoidTable.clipped()[i]) * alpha;
      assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got), "gradient, label " + label + ", f = " + f);
      float wantLoss = LogSigmoid.term(LogSigmoid.table(), f, label);
      float gotLoss = LogSigmoid.clippedTerm(i, f, label);
      assertEquals(Float.floatToIntBits(wantLoss), Float.floatToIntBits(gotLoss), "loss, label " + label + ", f = " + f);
    }
  }

  @Test
  void clippedLookupsEqualWord2vecsBranchesAtTheBoundsAndBetween() {
    float[] edges = {6f, -6f, 0f, -0f, 12f, -12f, 3f, -3f};
    for (float e : edges) {
      float up = e;
      float down = e;
      for (int k = 0; k < 64; k++) { // the edge and the 63 floats either side of it
        same(up);
        same(down);
        up = Math.nextUp(up);
        down = Math.nextDown(down);
      }
    }
    for (int b = 0; b <= SigmoidTable.EXP_TABLE_SIZE; b++) { // every bin's lower edge, as the update computes it
      float f = b / SigmoidTable.SCALE - SigmoidTable.MAX_EXP;
      same(f);
      same(Math.nextDown(f));
      same(Math.nextUp(f));
    }
    SplittableRandom r = new SplittableRandom(7);
    for (int k = 0; k < 200_000; k++) {
      same((float) (r.nextDouble() * 40 - 20));
    }
    same(Float.MAX_VALUE);
    same(-Float.MAX_VALUE);
    same(Float.MIN_VALUE);
  }

  @Test
  void clippedIndexIsTheFirstOrLastSlotOnlyOutsideTheRange() {
    assertEquals(0, SigmoidTable.clippedIndex(Math.nextDown(-6f)));
    assertEquals(1, SigmoidTable.clippedIndex(-6f));
    assertEquals(SigmoidTable.EXP_TABLE_SIZE + 1, SigmoidTable.clippedIndex(Math.nextUp(6f)));
    assertTrue(SigmoidTable.clippedIndex(6f) <= SigmoidTable.EXP_TABLE_SIZE);
    assertEquals(SigmoidTable.EXP_TABLE_SIZE + 1, SigmoidTable.clippedIndex(Float.POSITIVE_INFINITY));
    assertEquals(0, SigmoidTable.clippedIndex(Float.NEGATIVE_INFINITY));
    assertTrue(Float.isNaN(LogSigmoid.clippedTerm(SigmoidTable.clippedIndex(Float.NaN), Float.NaN, 0)));
    assertTrue(Float.isNaN(LogSigmoid.clippedTerm(SigmoidTable.clippedIndex(Float.NaN), Float.NaN, 1)));
  }
}
