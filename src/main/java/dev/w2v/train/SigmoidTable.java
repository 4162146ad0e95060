// word2vec.c's precomputed logistic function: EXP_TABLE_SIZE entries over (-MAX_EXP, MAX_EXP).
package dev.w2v.train;

/**
 * {@code expTable[i] = e / (e + 1)} with {@code e = exp((i / 1000f * 2 - 1) * 6)}, each step rounded to float as
 * in the C source. Lookups use word2vec.c's index {@code (int)((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2))},
 * whose integer division makes the scale 83, not 83.3: we keep that, since it is what the original computes.
 */
public final class SigmoidTable {
  public static final int EXP_TABLE_SIZE = 1000;
  public static final int MAX_EXP = 6;
  /** EXP_TABLE_SIZE / MAX_EXP / 2 in C integer arithmetic. */
  public static final float SCALE = EXP_TABLE_SIZE / MAX_EXP / 2;

  private static final float[] TABLE = build();

  private SigmoidTable() {}

  private static float[] build() {
    float[] t = new float[EXP_TABLE_SIZE + 1];
    for (int i = 0; i < EXP_TABLE_SIZE; i++) {
      float x = (i / (float) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP;
      float e = (float) StrictMath.exp(x);
      t[i] = e / (e + 1);
    }
    return t;
  }

  /** The table itself (shared, read-only by convention). */
  public static float[] table() {
    return TABLE;
  }

  /** sigmoid(f) for -MAX_EXP < f < MAX_EXP, by table lookup. */
  public static float lookup(float f) {
    return TABLE[(int) ((f + MAX_EXP) * SCALE)];
  }
}
