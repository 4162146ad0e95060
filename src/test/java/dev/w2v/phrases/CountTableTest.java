// The compact byte-string count table: exact keys of every length, growth, order, pruning.
package dev.w2v.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountTableTest {
  @Test
  void countsKeysOfEveryLengthExactly() {
    CountTable t = new CountTable();
    byte[] k = new byte[CountTable.MAX_KEY];
    for (int len = 0; len <= CountTable.MAX_KEY; len++) {
      for (int i = 0; i <= len; i++) {
        t.add(k, len); // len + 1 times
      }
    }
    for (int len = 0; len <= CountTable.MAX_KEY; len++) {
      assertEquals(len + 1, t.get(k, len), "zero bytes of length " + len);
    }
    assertEquals(CountTable.MAX_KEY + 1, t.size());
    assertThrows(IllegalArgumentException.class, () -> t.add(new byte[60], 60));
  }

  @Test
  void keysDifferingInAnyOneByteAreDistinct() {
    CountTable t = new CountTable();
    byte[] base = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456".getBytes(StandardCharsets.US_ASCII);
    t.add(base, base.length);
    for (int i = 0; i < base.length; i++) {
      byte[] k = base.clone();
      k[i] = (byte) 0xE9; // a high byte: keys are unsigned bytes, never text
      t.add(k, k.length);
      t.add(k, k.length);
      assertEquals(2, t.get(k, k.length));
    }
    assertEquals(1, t.get(base, base.length));
    assertEquals(-1, t.get(base, base.length - 1));
    assertEquals(base.length + 1, t.size());
  }

  @Test
  void agreesWithAHashMapAndKeepsInsertionOrderWhileGrowing() {
    CountTable t = new CountTable();
    Map<String, Long> expected = new HashMap<>();
    List<String> order = new ArrayList<>();
    Random r = new Random(1);
    for (int i = 0; i < 300_000; i++) {
      String key = Integer.toString((int) Math.floor(Math.exp(r.nextDouble() * Math.log(150_000))), 7)
          + "x".repeat(r.nextInt(3) == 0 ? r.nextInt(50) : 0);
      if (key.length() > CountTable.MAX_KEY) {
        continue;
      }
      byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
      t.add(k, k.length);
      if (expected.merge(key, 1L, Long::sum) == 1L) {
        order.add(key);
      }
    }
    assertEquals(expected.size(), t.size());
    int i = 0;
    for (int a = t.first(); a != 0; a = t.next(a), i++) {
      String key = t.keyString(a);
      assertEquals(order.get(i), key);
      assertEquals(expected.get(key), t.count(a));
    }
    assertEquals(order.size(), i);
  }

  @Test
  void retainAboveKeepsFrequentEntriesInOrder() {
    CountTable t = new CountTable();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < 400_000; i++) { // about 1.2M longs: more than one page
      String key = "k" + i + "-padding"; // 3 longs an entry
      byte[] k = key.getBytes(StandardCharsets.US_ASCII);
      for (int c = 0; c <= i % 4; c++) {
        t.add(k, k.length);
      }
      if (i % 4 > 1) {
        kept.add(key);
      }
    }
    t.retainAbove(2);
    assertEquals(kept.size(), t.size());
    int i = 0;
    for (int a = t.first(); a != 0; a = t.next(a), i++) {
      assertEquals(kept.get(i), t.keyString(a));
    }
    byte[] gone = "k1-padding".getBytes(StandardCharsets.US_ASCII);
    assertEquals(-1, t.get(gone, gone.length));
    byte[] there = "k3-padding".getBytes(StandardCharsets.US_ASCII);
    assertEquals(4, t.get(there, there.length));
    // added again after pruning: a new entry at the end, as ReduceVocab's callers do
    t.add(gone, gone.length);
    assertEquals(1, t.get(gone, gone.length));
    int last = 0;
    for (int a = t.first(); a != 0; a = t.next(a)) {
      last = a;
    }
    assertEquals("k1-padding", t.keyString(last));
  }
}
