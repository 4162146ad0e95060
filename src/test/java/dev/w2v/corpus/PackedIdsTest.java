package dev.w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedIdsTest {
  /** Mostly small ids with some of every code length, as a frequency-sorted corpus has. */
  private static int[] ids(int n, long seed) {
    Random r = new Random(seed);
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(10);
      a[i] = k < 6 ? r.nextInt(128) : k < 8 ? r.nextInt(16384) : k < 9 ? r.nextInt(1 << 21) : r.nextInt(Integer.MAX_VALUE);
    }
    a[n / 2] = Integer.MAX_VALUE;
    a[n / 3] = 0;
    return a;
  }

  private static PackedIds packed(int[] a) {
    PackedIds p = new PackedIds();
    for (int x : a) {
      p.add(x);
    }
    return p;
  }

  @Test
  void readsBackAnySliceAcrossBlocksAndChunks() {
    int[] a = ids(700_000, 1); // several 1 MB chunks
    PackedIds p = packed(a);
    assertEquals(a.length, p.size());
    assertTrue(p.bytes() < 4L * a.length, "denser than 4-byte ids: " + p.bytes());
    Random r = new Random(2);
    int[] buf = new int[5000];
    for (int t = 0; t < 300; t++) {
      int pos = r.nextInt(a.length);
      int len = 1 + r.nextInt(buf.length);
      int n = p.read(pos, buf, 0, len);
      assertEquals(Math.min(len, a.length - pos), n);
      assertArrayEquals(Arrays.copyOfRange(a, pos, pos + n), Arrays.copyOf(buf, n), "at " + pos);
    }
    assertEquals(0, p.read(a.length, buf, 0, 10));
    int[] all = new int[a.length];
    assertEquals(a.length, p.read(0, all, 0, a.length));
    assertArrayEquals(a, all);
  }

  @Test
  void remappedDropsAndRenumbers() {
    int[] a = new int[300_000];
    Random r = new Random(3);
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextInt(50_000);
    }
    int[] map = new int[50_000];
    for (int i = 0; i < map.length; i++) {
      map[i] = i % 7 == 0 ? -1 : 49_999 - i;
    }
    PackedIds q = packed(a).remapped(map);
    int[] want = Arrays.stream(a).map(x -> map[x]).filter(x -> x >= 0).toArray();
    assertEquals(want.length, q.size());
    int[] got = new int[want.length];
    q.read(0, got, 0, got.length);
    assertArrayEquals(want, got);
  }

  @Test
  void remappedAcrossChunksWhetherTheCopyGrowsOrShrinks() {
    // several 1 MB chunks: the copy is written into the chunks already read, and must not overrun what is unread
    Random r = new Random(4);
    int[] a = new int[3_000_000];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextInt(8) == 0 ? 128 + r.nextInt(1 << 20) : r.nextInt(128); // mostly one byte, some three
    }
    int[] grow = new int[(1 << 20) + 128]; // one-byte ids to three bytes, three-byte ids to one
    int[] shrink = new int[grow.length]; // about half dropped, the rest kept as they are
    for (int i = 0; i < grow.length; i++) {
      grow[i] = i < 128 ? (1 << 20) + i : i % 128;
      shrink[i] = i % 2 == 0 ? -1 : i;
    }
    for (int[] map : new int[][] {grow, shrink}) {
      PackedIds p = packed(a);
      PackedIds q = p.remapped(map);
      assertEquals(0, p.size(), "the source is emptied");
      int[] want = Arrays.stream(a).map(x -> map[x]).filter(x -> x >= 0).toArray();
      assertEquals(want.length, q.size());
      int[] got = new int[want.length];
      assertEquals(want.length, q.read(0, got, 0, got.length));
      assertArrayEquals(want, got);
      int[] some = new int[3000];
      int at = want.length / 3 + 17;
      assertEquals(some.length, q.read(at, some, 0, some.length));
      assertArrayEquals(Arrays.copyOfRange(want, at, at + some.length), some, "a read from the middle");
    }
  }
}
