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
  /** {@link #clippedIndex}'s table: 0 below the range, word2vec.c's bins shifted by one, 1 above the range. */
  private static final float[] CLIPPED = clip(TABLE, 0f, 1f);

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

  /**
   * A copy of {@code table}'s bins, one slot further on, between {@code below} (slot 0) and {@code above} (slot
   * {@code EXP_TABLE_SIZE + 1}): the layout {@link #clippedIndex} reads.
   */
  static float[] clip(float[] table, float below, float above) {
    float[] t = new float[EXP_TABLE_SIZE + 2];
    System.arraycopy(table, 0, t, 1, EXP_TABLE_SIZE);
    t[0] = below;
    t[EXP_TABLE_SIZE + 1] = above;
    return t;
  }

  /**
   * The slot of score {@code f} in a clipped table ({@link #clipped}), without a branch: 0 for
   * {@code f < -MAX_EXP}, {@code EXP_TABLE_SIZE + 1} for {@code f > MAX_EXP}, otherwise word2vec.c's index
   * {@code (int) ((f + MAX_EXP) * SCALE)} plus one. The tests are word2vec.c's, exactly: near the bounds
   * {@code f + 6} and {@code 6 - f} are exact (Sterbenz), so their signs are those of the comparisons. The
   * training loops' own branches on these tests are taken so rarely that the JIT compiles them as traps, and a
   * trap taken minutes into a run throws the whole step back to the interpreter and a recompile.
   */
  public static int clippedIndex(float f) {
    int below = Float.floatToRawIntBits(f + MAX_EXP) >> 31; // -1 when f < -MAX_EXP
    int above = Float.floatToRawIntBits(MAX_EXP - f) >> 31; // -1 when f > MAX_EXP
    int bin = (int) ((f + MAX_EXP) * SCALE) + 1;
    return (bin & ~(below | above)) | (above & (EXP_TABLE_SIZE + 1));
  }

  /** sigmoid, saturated to 0 and 1 outside the range as word2vec.c's updates take it, by {@link #clippedIndex}. */
  public static float[] clipped() {
    return CLIPPED;
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
