// The words of a vector file as raw bytes (one arena plus offsets) with an open-addressing hash index.
package dev.w2v.vectors;

import dev.w2v.io.W2vException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Words kept exactly as the file's bytes, so invalid UTF-8 survives a load; {@link #word(int)} decodes them for
 * display (malformed bytes become U+FFFD). Lookups compare bytes. When a word occurs twice the index answers the first
 * occurrence, as the C tools' linear {@code strcmp} search does.
 */
public final class WordTable {
  private byte[] arena;
  private int used;
  private int[] start; // start[i] .. start[i+1] are word i's bytes
  private int size;
  private int[] hash;
  private int[] slots; // index + 1 of a word, 0 = empty; capacity a power of two, at most half full
  // a read-only table mapped from a VectorIndex (the arrays above are then null): the same four arrays, in place
  private java.nio.ByteBuffer mArena;
  private java.nio.IntBuffer mStart;
  private java.nio.IntBuffer mHash;
  private java.nio.IntBuffer mSlots;

  public WordTable(int expectedWords) {
    int n = Math.max(16, expectedWords);
    arena = new byte[(int) Math.min(Integer.MAX_VALUE - 16, 8L * n)];
    start = new int[n + 1];
    hash = new int[n];
    slots = new int[tableSize(n)];
  }

  /**
   * A table over the arrays another table's {@link #rawArena()} etc. gave (as stored in a {@link VectorIndex}): no
   * word is hashed again.
   */
  WordTable(byte[] arena, int used, int[] start, int size, int[] hash, int[] slots) {
    this.arena = arena;
    this.used = used;
    this.start = start;
    this.size = size;
    this.hash = hash;
    this.slots = slots;
  }

  /**
   * A read-only table over the four arrays of a table as {@link VectorIndex} saves them, memory-mapped: nothing is
   * copied, so opening a table of millions of words costs nothing until words are looked up.
   */
  static WordTable mapped(java.nio.ByteBuffer arena, java.nio.IntBuffer start, int size, java.nio.IntBuffer hash,
      java.nio.IntBuffer slots) {
    if (Integer.bitCount(slots.capacity()) != 1 || start.capacity() < size + 1 || hash.capacity() < size) {
      throw new IllegalArgumentException("bad word table");
    }
    WordTable t = new WordTable(null, 0, null, size, null, null);
    t.mArena = arena;
    t.mStart = start;
    t.mHash = hash;
    t.mSlots = slots;
    t.used = start.get(size);
    return t;
  }

  byte[] rawArena() {
    return arena;
  }

  int rawUsed() {
    return used;
  }

  /** Word i's bytes are arena[start[i] .. start[i+1]); size + 1 entries are meaningful. */
  int[] rawStart() {
    return start;
  }

  int[] rawHash() {
    return hash;
  }

  int[] rawSlots() {
    return slots;
  }

  /** A table of the first n words. */
  WordTable prefix(int n) {
    WordTable t = new WordTable(n);
    for (int i = 0; i < n; i++) {
      byte[] b = bytes(i);
      t.add(b, 0, b.length);
    }
    return t;
  }

  private static int tableSize(int words) {
    long cap = Long.highestOneBit(Math.max(16L, 2L * words - 1)) << 1;
    if (cap > (1 << 30)) {
      throw W2vException.badInput("too many words for one table: " + words);
    }
    return (int) cap;
  }

  /** Number of words. */
  public int size() {
    return size;
  }

  /** Appends a word (its raw bytes) and returns its index; duplicates get an index but lookups find the first. */
  public int add(byte[] src, int off, int len) {
    readOnly();
    ensureArena(len);
    System.arraycopy(src, off, arena, used, len);
    return commit(len);
  }

  /** Appends a word read from {@code src} at absolute position {@code pos} (the buffer's position is unchanged). */
  int add(java.nio.ByteBuffer src, int pos, int len) {
    readOnly();
    ensureArena(len);
    src.get(pos, arena, used, len);
    return commit(len);
  }

  private void readOnly() {
    if (mSlots != null) {
      throw new UnsupportedOperationException("a mapped word table is read only");
    }
  }

  private void ensureArena(int len) {
    if (size + 1 >= start.length) {
      int n = (int) Math.min(Integer.MAX_VALUE - 16, start.length + (start.length >> 1) + 16L);
      start = Arrays.copyOf(start, n);
      hash = Arrays.copyOf(hash, n);
    }
    if ((long) used + len > arena.length) {
      long want = Math.max((long) used + len, arena.length + (arena.length >> 1) + 64L);
      if ((long) used + len > Integer.MAX_VALUE - 16) {
        throw W2vException.badInput("the words take more than 2 GiB");
      }
      arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 16, want));
    }
  }

  private int commit(int len) {
    int i = size;
    start[i] = used;
    used += len;
    start[i + 1] = used;
    int h = hashOf(arena, start[i], len);
    hash[i] = h;
    size++;
    if (2L * size > slots.length) {
      rehash(tableSize(size));
    } else {
      insert(i, h);
    }
    return i;
  }

  private void insert(int i, int h) {
    int mask = slots.length - 1;
    int s = h & mask;
    while (slots[s] != 0) {
      int j = slots[s] - 1;
      if (hash[j] == h && sameBytes(j, arena, start[i], start[i + 1] - start[i])) {
        return; // keep the first occurrence
      }
      s = (s + 1) & mask;
    }
    slots[s] = i + 1;
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    for (int i = 0; i < size; i++) {
      insert(i, hash[i]);
    }
  }

  /** The index of the first word equal to {@code w[off..off+len)}, or -1. */
  public int indexOf(byte[] w, int off, int len) {
    int h = hashOf(w, off, len);
    if (mSlots != null) {
      int mask = mSlots.capacity() - 1;
      int s = h & mask;
      int v;
      while ((v = mSlots.get(s)) != 0) {
        int j = v - 1;
        if (mHash.get(j) == h && sameMappedBytes(j, w, off, len)) {
          return j;
        }
        s = (s + 1) & mask;
      }
      return -1;
    }
    int mask = slots.length - 1;
    int s = h & mask;
    while (slots[s] != 0) {
      int j = slots[s] - 1;
      if (hash[j] == h && sameBytes(j, w, off, len)) {
        return j;
      }
      s = (s + 1) & mask;
    }
    return -1;
  }

  /** The index of the first word whose bytes are {@code w}'s UTF-8 encoding, or -1. */
  public int indexOf(String w) {
    byte[] b = w.getBytes(StandardCharsets.UTF_8);
    return indexOf(b, 0, b.length);
  }

  private boolean sameMappedBytes(int j, byte[] w, int off, int len) {
    int s = mStart.get(j);
    if (mStart.get(j + 1) - s != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (mArena.get(s + k) != w[off + k]) {
        return false;
      }
    }
    return true;
  }

  private boolean sameBytes(int j, byte[] w, int off, int len) {
    int s = start[j];
    return start[j + 1] - s == len && Arrays.equals(arena, s, s + len, w, off, off + len);
  }

  /** Word i for display: its bytes decoded as UTF-8, malformed sequences replaced by U+FFFD. */
  public String word(int i) {
    if (mArena != null) {
      return new String(bytes(i), StandardCharsets.UTF_8);
    }
    return new String(arena, start[i], start[i + 1] - start[i], StandardCharsets.UTF_8);
  }

  /** A copy of word i's raw bytes. */
  public byte[] bytes(int i) {
    if (mArena != null) {
      checkIndex(i);
      byte[] b = new byte[mStart.get(i + 1) - mStart.get(i)];
      mArena.get(mStart.get(i), b);
      return b;
    }
    return Arrays.copyOfRange(arena, start[i], start[i + 1]);
  }

  /** Length of word i in bytes. */
  public int length(int i) {
    if (mArena != null) {
      checkIndex(i);
      return mStart.get(i + 1) - mStart.get(i);
    }
    return start[i + 1] - start[i];
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("word " + i + " of " + size);
    }
  }

  /**
   * A table of the same words, in the same order, each upper-cased byte by byte with ASCII {@code toupper} (what
   * compute-accuracy.c does in the C locale); lookups in it answer the first word that upper-cases to the key.
   */
  public WordTable upperAscii() {
    WordTable t = new WordTable(size);
    byte[] tmp = new byte[64];
    for (int i = 0; i < size; i++) {
      int len = length(i);
      if (tmp.length < len) {
        tmp = new byte[len];
      }
      int from = mStart != null ? mStart.get(i) : start[i];
      for (int k = 0; k < len; k++) {
        tmp[k] = upperAscii(mArena != null ? mArena.get(from + k) : arena[from + k]);
      }
      t.add(tmp, 0, len);
    }
    return t;
  }

  /** ASCII {@code toupper}: other bytes are unchanged. */
  public static byte upperAscii(byte b) {
    return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
  }

  static int hashOf(byte[] b, int off, int len) {
    int h = 0x811c9dc5;
    for (int k = 0; k < len; k++) {
      h = (h ^ (b[off + k] & 0xff)) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
