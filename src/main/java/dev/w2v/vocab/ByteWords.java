// A growable list of byte strings with an open-addressing hash index: the vocabulary's storage.
package dev.w2v.vocab;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Words as raw bytes (word2vec.c compares them with strcmp: no decoding, invalid UTF-8 kept as is), stored in one
 * byte arena with offsets, plus a linear-probing hash from bytes to the word's index. A flat layout keeps memory
 * near the bytes themselves: no object per word.
 */
public final class ByteWords {
  private byte[] arena = new byte[1 << 16];
  private int arenaSize;
  private int[] offset = new int[1024];
  private int size;
  private int[] table = newTable(1 << 12); // word index + 1; 0 = empty
  private int mask = table.length - 1;

  private static int[] newTable(int n) {
    return new int[n];
  }

  public int size() {
    return size;
  }

  /** Byte length of word i. */
  public int length(int i) {
    return offset[i + 1] - offset[i];
  }

  /** Copy of word i's bytes. */
  public byte[] bytes(int i) {
    return Arrays.copyOfRange(arena, offset[i], offset[i + 1]);
  }

  /** The arena and the start of word i in it, for writers that avoid copies. */
  public byte[] arena() {
    return arena;
  }

  public int start(int i) {
    return offset[i];
  }

  /** Word i decoded as UTF-8 (invalid bytes become replacement characters). */
  public String string(int i) {
    return new String(arena, offset[i], length(i), StandardCharsets.UTF_8);
  }

  static int hash(byte[] w, int off, int len) {
    int h = 0x811c9dc5;
    for (int i = 0; i < len; i++) {
      h = (h ^ w[off + i]) * 0x01000193;
    }
    return h ^ (h >>> 15);
  }

  /** Index of the word {@code w[off .. off+len)}, or -1. */
  public int find(byte[] w, int off, int len) {
    int slot = hash(w, off, len) & mask;
    final int[] t = table;
    while (true) {
      int e = t[slot];
      if (e == 0) {
        return -1;
      }
      int i = e - 1;
      int s = offset[i];
      if (offset[i + 1] - s == len && Arrays.equals(arena, s, s + len, w, off, off + len)) {
        return i;
      }
      slot = (slot + 1) & mask;
    }
  }

  public int find(byte[] w) {
    return find(w, 0, w.length);
  }

  /**
   * Appends a word (even if an equal word is present: word2vec.c's AddWordToVocab does not check) and indexes it
   * unless an equal word is already indexed, so lookups return the first of duplicates. Returns its index.
   */
  public int add(byte[] w, int off, int len) {
    if (arenaSize + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
    }
    System.arraycopy(w, off, arena, arenaSize, len);
    arenaSize += len;
    if (size + 2 > offset.length) {
      offset = Arrays.copyOf(offset, offset.length * 2);
    }
    int i = size++;
    offset[i + 1] = arenaSize;
    if (size * 2L > table.length) {
      rehash(table.length * 2);
    } else {
      index(i);
    }
    return i;
  }

  private void index(int i) {
    int s = offset[i];
    int len = offset[i + 1] - s;
    int slot = hash(arena, s, len) & mask;
    while (table[slot] != 0) {
      int j = table[slot] - 1;
      int sj = offset[j];
      if (offset[j + 1] - sj == len && Arrays.equals(arena, s, s + len, arena, sj, sj + len)) {
        return; // an equal word is indexed already
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = i + 1;
  }

  private void rehash(int capacity) {
    table = newTable(capacity);
    mask = capacity - 1;
    for (int i = 0; i < size; i++) {
      index(i);
    }
  }

  /**
   * Keeps only the words for which {@code keep[i]} is true, in their order, and rebuilds the index; returns the
   * old-index to new-index map (-1 for removed words).
   */
  public int[] retain(boolean[] keep) {
    return reorder(null, keep);
  }

  /**
   * Rebuilds the list in the order {@code order} (old indices), keeping those with {@code keep[old]} (null = all);
   * returns the old-to-new index map (-1 for dropped).
   */
  public int[] reorder(int[] order, boolean[] keep) {
    int n = size;
    int[] map = new int[n];
    Arrays.fill(map, -1);
    byte[] newArena = new byte[Math.max(16, arenaSize)];
    int[] newOffset = new int[Math.max(16, n + 2)];
    int newSize = 0;
    int pos = 0;
    for (int k = 0; k < n; k++) {
      int i = order == null ? k : order[k];
      if (keep != null && !keep[i]) {
        continue;
      }
      int s = offset[i];
      int len = offset[i + 1] - s;
      System.arraycopy(arena, s, newArena, pos, len);
      pos += len;
      map[i] = newSize;
      newOffset[++newSize] = pos;
    }
    arena = newArena;
    arenaSize = pos;
    offset = newOffset;
    size = newSize;
    int cap = 16;
    while (cap < size * 2L) {
      cap <<= 1;
    }
    rehash(cap);
    return map;
  }
}
