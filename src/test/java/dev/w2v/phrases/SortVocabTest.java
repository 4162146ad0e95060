// SortVocab: the one-walk shortcut must agree with the literal sort-and-prune loop, and the sort with glibc's.
package dev.w2v.phrases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortVocabTest {
  // Counts whose differences overflow an int, so VocabCompare misorders them; order and hashed set printed by
  // glibc 2.36's qsort running word2phrase.c's VocabCompare and SortVocab loop (min_count 4) on these counts.
  private static final long[] HUGE = {0, 5, 4294967296L, 7, 3, 2147483649L, 2, 4294967303L, 9, 1, 3000000000L, 5, 7, 1};
  private static final int[] HUGE_SORTED = {0, 5, 8, 3, 7, 12, 1, 11, 4, 6, 9, 13, 2, 10};
  private static final int[] HUGE_HASHED = {5, 8, 3, 7, 12, 1, 11};

  @Test
  void msortMatchesGlibcQsortWithTheTruncatingComparator() {
    int[] order = new int[HUGE.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SortVocab.msort(order, 1, order.length - 1, new int[order.length], HUGE);
    assertArrayEquals(HUGE_SORTED, order);
  }

  @Test
  void hugeCountsTakeTheLiteralPath() {
    CountTable t = table(HUGE);
    assertEquals(HUGE_HASHED.length, SortVocab.apply(t, 4));
    boolean[] expected = new boolean[HUGE.length];
    for (int i : HUGE_HASHED) {
      expected[i] = true;
    }
    assertArrayEquals(expected, findable(t, HUGE.length));
  }

  @Test
  void whenOnlyTheFirstEntryIsRareTheLastOfTheSortedOrderIsLost() {
    // sorted: 4, 3, 3, 2, 2(index 4, added after index 2): the loop's bound skips index 4
    long[] cn = {0, 3, 2, 4, 2, 3};
    assertArrayEquals(new boolean[] {false, true, true, true, false, true}, SortVocab.hashed(cn, 1));
    CountTable t = table(cn);
    assertEquals(4, SortVocab.apply(t, 1));
    assertArrayEquals(SortVocab.hashed(cn, 1), findable(t, cn.length));
    // with a rare entry besides the first, every frequent entry is kept
    long[] cn2 = {0, 3, 2, 4, 1, 3};
    assertArrayEquals(new boolean[] {false, true, true, true, false, true}, SortVocab.hashed(cn2, 2));
    // min-count 0 keeps everything, </s> included
    assertArrayEquals(new boolean[] {true, true, true, true, true, true}, SortVocab.hashed(cn, 0));
  }

  @Test
  void shortcutAgreesWithTheLiteralLoop() {
    Random r = new Random(42);
    for (int round = 0; round < 3000; round++) {
      int n = 1 + r.nextInt(round < 1000 ? 8 : 60);
      long[] cn = new long[n];
      int max = 1 + r.nextInt(6);
      for (int i = 0; i < n; i++) {
        cn[i] = i == 0 && r.nextInt(4) != 0 ? 0 : 1 + r.nextInt(max); // </s>: count 0, or >0 if seen in the text
      }
      int minCount = r.nextInt(max + 2);
      CountTable t = table(cn);
      int kept = SortVocab.apply(t, minCount);
      boolean[] expected = SortVocab.hashed(cn, minCount);
      assertArrayEquals(expected, findable(t, n), () -> java.util.Arrays.toString(cn) + " min " + minCount);
      int hashed = 0;
      for (boolean h : expected) {
        hashed += h ? 1 : 0;
      }
      assertEquals(hashed, kept);
    }
  }

  /** A table holding keys "0", "1", ... with the given counts, in that order. */
  private static CountTable table(long[] cn) {
    CountTable t = new CountTable();
    for (int i = 0; i < cn.length; i++) {
      byte[] k = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
      t.put(k, k.length, cn[i]);
    }
    return t;
  }

  private static boolean[] findable(CountTable t, int n) {
    boolean[] f = new boolean[n];
    for (int i = 0; i < n; i++) {
      byte[] k = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
      f[i] = t.get(k, k.length) >= 0;
    }
    return f;
  }
}
