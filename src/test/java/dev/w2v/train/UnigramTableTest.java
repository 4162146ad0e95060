// The compact unigram table must return exactly what word2vec.c's InitUnigramTable would have stored.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnigramTableTest {

  /** InitUnigramTable written out plainly: a full int[tableSize], filled in word2vec.c's double arithmetic. */
  static int[] literalTable(long[] cn, int tableSize) {
    int vocabSize = cn.length;
    int[] table = new int[tableSize];
    double trainWordsPow = 0;
    double power = 0.75;
    for (int a = 0; a < vocabSize; a++) {
      trainWordsPow += Math.pow(cn[a], power);
    }
    int i = 0;
    double d1 = Math.pow(cn[i], power) / trainWordsPow;
    for (int a = 0; a < tableSize; a++) {
      table[a] = i;
      if (a / (double) tableSize > d1) {
        i++;
        d1 += Math.pow(i < vocabSize ? cn[i] : 0, power) / trainWordsPow;
      }
      if (i >= vocabSize) {
        i = vocabSize - 1;
      }
    }
    return table;
  }

  static void assertSameAsLiteral(long[] cn, int tableSize) {
    int[] expected = literalTable(cn, tableSize);
    UnigramTable t = new UnigramTable(cn, tableSize);
    assertEquals(tableSize, t.tableSize());
    for (int a = 0; a < tableSize; a++) {
      assertEquals(expected[a], t.get(a), "table[" + a + "] for " + cn.length + " words");
    }
  }

  @Test
  void smallVocabulariesByHand() {
    // counts 1 and 1: d1 = 0.5; a / 10 first exceeds it at a = 6, and i moves on only after table[6] is stored
    int[] t = literalTable(new long[] {1, 1}, 10);
    assertEquals("[0, 0, 0, 0, 0, 0, 0, 1, 1, 1]", java.util.Arrays.toString(t));
    assertSameAsLiteral(new long[] {1, 1}, 10);
    assertSameAsLiteral(new long[] {16, 1}, 1000);
    assertSameAsLiteral(new long[] {5, 4, 3, 2, 1}, 1000);
    assertSameAsLiteral(new long[] {42}, 1000);
  }

  @Test
  void fullSizeTableAgreesAtEveryRunBoundary() {
    // word2vec.c's 1e8 entries (too many to hold as ints in a test): the literal loop, streamed, against get() on
    // both sides of every change of word, for a Zipf-like vocabulary with a long tail of rare words
    long[] cn = new long[40_000];
    for (int w = 0; w < cn.length; w++) {
      cn[w] = Math.max(5, (long) (3e6 / (w + 1)));
    }
    UnigramTable t = new UnigramTable(cn);
    int tableSize = UnigramTable.TABLE_SIZE;
    double trainWordsPow = 0;
    for (long c : cn) {
      trainWordsPow += Math.pow(c, 0.75);
    }
    int i = 0;
    int prev = -1;
    int changes = 0;
    double d1 = Math.pow(cn[i], 0.75) / trainWordsPow;
    for (int a = 0; a < tableSize; a++) {
      if (i != prev) {
        assertEquals(i, t.get(a), "table[" + a + "]");
        if (a > 0) {
          assertEquals(prev, t.get(a - 1), "table[" + (a - 1) + "]");
        }
        prev = i;
        changes++;
      }
      if (a / (double) tableSize > d1) {
        i++;
        d1 += Math.pow(i < cn.length ? cn[i] : 0, 0.75) / trainWordsPow;
      }
      if (i >= cn.length) {
        i = cn.length - 1;
      }
    }
    assertEquals(cn.length - 1, t.get(tableSize - 1));
    assertEquals(changes, t.words(), "every word has a run");
  }

  @Test
  void wordsTooRareForASlotAreSkipped() {
    // a word whose share is below one slot may get no run at all; get() must still agree everywhere
    long[] cn = new long[50];
    cn[0] = 1_000_000;
    for (int i = 1; i < cn.length; i++) {
      cn[i] = 1;
    }
    assertSameAsLiteral(cn, 1000);
    assertSameAsLiteral(cn, 977);
  }

  @Test
  void randomVocabulariesAgreeEverywhere() {
    Random rnd = new Random(3);
    for (int trial = 0; trial < 40; trial++) {
      int v = 1 + rnd.nextInt(trial < 20 ? 30 : 3000);
      long[] cn = new long[v];
      for (int i = 0; i < v; i++) {
        cn[i] = rnd.nextInt(4) == 0 ? 0 : 1 + (long) Math.exp(rnd.nextDouble() * 12);
      }
      if (cn[0] == 0 && v == 1) {
        cn[0] = 1;
      }
      int size = 1 + rnd.nextInt(20_000);
      assertSameAsLiteral(cn, size);
    }
  }

  @Test
  void fullSizeTableAgreesAtSampledIndices() {
    long[] cn = new long[2000];
    Random rnd = new Random(11);
    for (int i = 0; i < cn.length; i++) {
      cn[i] = 1 + (long) (1e6 / (i + 1)) + rnd.nextInt(5);
    }
    int[] expected = literalTable(cn, UnigramTable.TABLE_SIZE);
    UnigramTable t = new UnigramTable(cn);
    for (int k = 0; k < 200_000; k++) {
      int a = rnd.nextInt(UnigramTable.TABLE_SIZE);
      assertEquals(expected[a], t.get(a), "table[" + a + "]");
    }
    assertEquals(expected[0], t.get(0));
    assertEquals(expected[UnigramTable.TABLE_SIZE - 1], t.get(UnigramTable.TABLE_SIZE - 1));
  }

  /** negative() is word2vec.c's draw with its word-0 branch, for every state, including those that land on word 0. */
  @Test
  void negativeIsWord2vecsDrawWithItsBranch() {
    long[] cn = {5000, 900, 700, 40, 30, 7, 5, 5};
    int tableSize = 10_000;
    int[] literal = literalTable(cn, tableSize);
    UnigramTable t = new UnigramTable(cn, tableSize);
    long nextRandom = 1;
    int zeros = 0;
    for (int d = 0; d < 200_000; d++) {
      nextRandom = nextRandom * 25214903917L + 11;
      int target = literal[(int) ((nextRandom >>> 16) % tableSize)];
      if (target == 0) {
        target = (int) Long.remainderUnsigned(nextRandom, cn.length - 1) + 1;
        zeros++;
      }
      assertEquals(target, t.negative(nextRandom, cn.length), "draw " + d);
    }
    assertTrue(zeros > 1000, "the draws met word 0 " + zeros + " times");
  }
}
