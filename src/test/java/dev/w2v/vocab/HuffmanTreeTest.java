// CreateBinaryTree on small vocabularies worked out by hand, plus the prefix-code property on random ones.
package dev.w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HuffmanTreeTest {

  static String code(HuffmanTree t, int w) {
    StringBuilder s = new StringBuilder();
    for (int d = 0; d < t.codeLen(w); d++) {
      s.append(t.codes()[t.offset(w) + d]);
    }
    return s.toString();
  }

  /** The inner nodes on the path, root first (codeLen entries: the ones training uses). */
  static int[] points(HuffmanTree t, int w) {
    return Arrays.copyOfRange(t.points(), t.offset(w), t.offset(w) + t.codeLen(w));
  }

  @Test
  void fiveWordsByHand() {
    // counts 5 4 3 2 1 (words 0..4), nodes 5..8. Two-pointer merge: (4,3)->5 [6 has count 3: 1+2];
    // count[2]=3 is not < count[5]=3, so (5,2)->6 [6]; (1,0)->7 [9]; (6,7)->8 [15] = root.
    // The second of each pair gets bit 1: words 3, 2, 0 and node 7. Point = node - V, root = 8 - 5 = 3.
    HuffmanTree t = HuffmanTree.build(new long[] {5, 4, 3, 2, 1});
    assertEquals("11", code(t, 0));
    assertEquals("10", code(t, 1));
    assertEquals("01", code(t, 2));
    assertEquals("001", code(t, 3));
    assertEquals("000", code(t, 4));
    assertEquals("[3, 2]", Arrays.toString(points(t, 0)));
    assertEquals("[3, 2]", Arrays.toString(points(t, 1)));
    assertEquals("[3, 1]", Arrays.toString(points(t, 2)));
    assertEquals("[3, 1, 0]", Arrays.toString(points(t, 3)));
    assertEquals("[3, 1, 0]", Arrays.toString(points(t, 4)));
    assertEquals(3, t.maxCodeLen());
  }

  @Test
  void equalCountsByHand() {
    // counts 1 1 1 1: (3,2)->4, (1,0)->5, (4,5)->6 = root; bit 1 for words 2, 0 and node 5.
    HuffmanTree t = HuffmanTree.build(new long[] {1, 1, 1, 1});
    assertEquals("11", code(t, 0));
    assertEquals("10", code(t, 1));
    assertEquals("01", code(t, 2));
    assertEquals("00", code(t, 3));
    assertEquals("[2, 1]", Arrays.toString(points(t, 0)));
    assertEquals("[2, 0]", Arrays.toString(points(t, 3)));
  }

  @Test
  void twoWords() {
    // (1,0)->2 = root; word 0 is the second pick: bit 1
    HuffmanTree t = HuffmanTree.build(new long[] {7, 3});
    assertEquals("1", code(t, 0));
    assertEquals("0", code(t, 1));
    assertEquals("[0]", Arrays.toString(points(t, 0)));
    assertEquals("[0]", Arrays.toString(points(t, 1)));
  }

  @Test
  void randomVocabulariesGivePrefixFreeCodesOfMinimalCost() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int v = 2 + rnd.nextInt(300);
      long[] cn = new long[v];
      for (int i = 0; i < v; i++) {
        cn[i] = 1 + (long) Math.exp(rnd.nextDouble() * 10);
      }
      // word2vec.c sorts entries 1.. descending; entry 0 (</s>) may be anywhere, so sort it in too here
      Arrays.sort(cn);
      for (int i = 0; i < v / 2; i++) {
        long x = cn[i];
        cn[i] = cn[v - 1 - i];
        cn[v - 1 - i] = x;
      }
      HuffmanTree t = HuffmanTree.build(cn);
      Set<String> codes = new HashSet<>();
      long cost = 0;
      for (int w = 0; w < v; w++) {
        String c = code(t, w);
        assertTrue(codes.add(c), "duplicate code");
        cost += cn[w] * c.length();
        for (int p : points(t, w)) {
          assertTrue(p >= 0 && p < v - 1, "point out of range: " + p);
        }
        assertEquals(v - 2, points(t, w)[0], "every path starts at the root");
      }
      for (String a : codes) {
        for (int k = 1; k < a.length(); k++) {
          assertFalse(codes.contains(a.substring(0, k)), "prefix");
        }
      }
      assertEquals(optimalCost(cn), cost, "Huffman codes have minimal weighted length");
    }
  }

  @Test
  void countsAboveWord2vecsPlaceholderBuildATreeAndTerminate() {
    // word2vec.c's 1e15 placeholder made this spin forever (the walk to the root followed a cycle)
    long[] cn = {2_000_000_000_000_000L, 1_000_000_000_000_000L, 7, 5, 3, 1};
    HuffmanTree t = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10), () -> HuffmanTree.build(cn));
    assertEquals("1", code(t, 0), "the most frequent word sits next to the root");
    assertEquals(optimalCost(cn), weightedLength(t, cn));
    // the largest counts a vocabulary file may hold, and sums that would overflow a long: saturated, still a tree
    long big = Long.MAX_VALUE / 2;
    long[] huge = {big, big, big, big};
    HuffmanTree h = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10), () -> HuffmanTree.build(huge));
    for (int w = 0; w < huge.length; w++) {
      assertEquals(2, h.codeLen(w));
    }
  }

  private static long weightedLength(HuffmanTree t, long[] cn) {
    long cost = 0;
    for (int w = 0; w < cn.length; w++) {
      cost += cn[w] * t.codeLen(w);
    }
    return cost;
  }

  /** Sum of the merged weights, computed with a priority queue: the weighted length of any Huffman code. */
  private static long optimalCost(long[] cn) {
    java.util.PriorityQueue<Long> q = new java.util.PriorityQueue<>();
    for (long c : cn) {
      q.add(c);
    }
    long cost = 0;
    while (q.size() > 1) {
      long s = q.poll() + q.poll();
      cost += s;
      q.add(s);
    }
    return cost;
  }
}
