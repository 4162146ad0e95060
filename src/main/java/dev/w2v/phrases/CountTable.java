// Counts of byte strings (words and bigrams) kept in insertion order: what word2phrase.c holds in vocab[] and its
// 2 GB vocab_hash[], here in memory that grows with the distinct entries actually seen.
package dev.w2v.phrases;

import dev.w2v.io.W2vException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An open-addressing hash table from byte strings of at most {@link #MAX_KEY} bytes to {@code long} counts.
 *
 * <p>Entries live one after another in an arena of {@code long} pages, in the order they were added (the order of
 * word2phrase.c's {@code vocab[]}): one long for the count, then the key packed little-endian as its length byte
 * followed by its bytes, zero-padded to whole longs. A key of {@code len} bytes takes {@code 1 + (len + 8) / 8}
 * longs, so a 12-byte bigram costs 24 bytes plus its slot in {@code table} (an {@code int} address, at most 3/4
 * full): about 30 bytes an entry. Because the length byte leads the first key long, comparing the packed longs
 * compares lengths and bytes at once.
 *
 * <p>An entry's address is {@code page << PAGE_BITS | offset}; address 0 is never used, so 0 marks an empty slot.
 * Not thread-safe; {@link #get}/{@link #add} reuse one scratch key.
 */
final class CountTable {
  /** The longest key in bytes: word2phrase.c's {@code MAX_STRING - 1}. */
  static final int MAX_KEY = 59;

  private static final int PAGE_BITS = 20; // 8 MB pages: growth never copies more than one page
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int OFFSET_MASK = PAGE - 1;
  private static final int MAX_ENTRY_LONGS = 1 + (MAX_KEY + 8) / 8;
  private static final int MAX_TABLE = 1 << 30;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long[][] pages = new long[16][];
  private int[] pageFill = new int[16]; // longs used in each page
  private int lastPage; // the page new entries go to
  private int[] table;
  private int mask;
  private int size;
  private int resizeAt;

  // the key being looked up: [len][bytes][zero padding] and its packed longs
  private final byte[] keyBytes = new byte[8 * (MAX_ENTRY_LONGS - 1)];
  private final long[] key = new long[MAX_ENTRY_LONGS - 1];
  private int keyLongs;

  CountTable() {
    pages[0] = new long[1024];
    pageFill[0] = 1; // address 0 means "empty slot"
    allocateTable(1 << 10);
  }

  /** Distinct keys held. */
  int size() {
    return size;
  }

  /** Count of {@code b[0..len)}, or -1 when absent (or hidden with {@link #setCount} to a negative value). */
  long get(byte[] b, int len) {
    int slot = find(setKey(b, len));
    int a = table[slot];
    return a == 0 ? -1 : count(a);
  }

  /** Adds one to the count of {@code b[0..len)}, adding it with count 1 if absent (word2phrase.c's cn++). */
  void add(byte[] b, int len) {
    int slot = find(setKey(b, len));
    int a = table[slot];
    if (a != 0) {
      pages[a >>> PAGE_BITS][a & OFFSET_MASK]++;
    } else {
      insert(slot, 1);
    }
  }

  /** Adds {@code b[0..len)}, which must be absent, with the given count (AddWordToVocab). */
  void put(byte[] b, int len, long count) {
    int slot = find(setKey(b, len));
    if (table[slot] != 0) {
      throw new IllegalStateException("key already present");
    }
    insert(slot, count);
  }

  // ---- walking entries in insertion order (addresses are valid until the next add, put or retain)

  /** Address of the first entry, or 0 when empty. */
  int first() {
    return next(0);
  }

  /** Address of the entry after {@code a} (0 for "before the first"), or 0 at the end. */
  int next(int a) {
    int p;
    int o;
    if (a == 0) {
      p = 0;
      o = 1;
    } else {
      p = a >>> PAGE_BITS;
      o = (a & OFFSET_MASK) + entryLongs(pages[p], a & OFFSET_MASK);
    }
    while (o >= pageFill[p]) {
      if (p >= lastPage) {
        return 0;
      }
      p++;
      o = 0;
    }
    return p << PAGE_BITS | o;
  }

  long count(int a) {
    return pages[a >>> PAGE_BITS][a & OFFSET_MASK];
  }

  void setCount(int a, long count) {
    pages[a >>> PAGE_BITS][a & OFFSET_MASK] = count;
  }

  /** The key at {@code a} as a string of bytes (ISO-8859-1, one char per byte), for tests and messages. */
  String keyString(int a) {
    long[] page = pages[a >>> PAGE_BITS];
    int o = a & OFFSET_MASK;
    int len = (int) (page[o + 1] & 0xFF);
    char[] c = new char[len];
    for (int i = 0; i < len; i++) {
      int j = i + 1; // skip the length byte
      c[i] = (char) ((page[o + 1 + (j >>> 3)] >>> ((j & 7) * 8)) & 0xFF);
    }
    return new String(c);
  }

  /**
   * Keeps only the entries whose count is above {@code minCount}, in their order, and rebuilds the index:
   * word2phrase.c's ReduceVocab.
   */
  void retainAbove(long minCount) {
    int wp = 0; // write page and offset; kept entries only ever move towards the start
    int wo = 1;
    int kept = 0;
    for (int p = 0; p <= lastPage; p++) {
      long[] page = pages[p];
      int fill = pageFill[p];
      for (int o = p == 0 ? 1 : 0; o < fill; ) {
        int n = entryLongs(page, o);
        if (page[o] > minCount) {
          if (wo + n > pages[wp].length) {
            pageFill[wp] = wo;
            wp++;
            wo = 0;
          }
          System.arraycopy(page, o, pages[wp], wo, n);
          wo += n;
          kept++;
        }
        o += n;
      }
    }
    pageFill[wp] = wo;
    for (int p = wp + 1; p <= lastPage; p++) {
      pages[p] = null;
      pageFill[p] = 0;
    }
    lastPage = wp;
    size = kept;
    Arrays.fill(table, 0);
    for (int a = first(); a != 0; a = next(a)) {
      reinsert(a);
    }
  }

  // ---- internals

  /** Packs {@code b[0..len)} into {@link #key}; returns its hash. */
  private int setKey(byte[] b, int len) {
    if (len > MAX_KEY || len < 0) {
      throw new IllegalArgumentException("key length " + len);
    }
    byte[] kb = keyBytes;
    kb[0] = (byte) len;
    System.arraycopy(b, 0, kb, 1, len);
    int n = (len + 8) >>> 3;
    for (int i = len + 1; i < n << 3; i++) {
      kb[i] = 0;
    }
    long[] k = key;
    for (int i = 0; i < n; i++) {
      k[i] = (long) LONGS.get(kb, i << 3);
    }
    keyLongs = n;
    return hash(k, 0, n);
  }

  private static int hash(long[] k, int from, int n) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < n; i++) {
      h ^= k[from + i];
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    h *= 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 32));
  }

  /** The slot holding the current key, or the empty slot where it would go. */
  private int find(int hash) {
    int[] t = table;
    int m = mask;
    long[] k = key;
    int n = keyLongs;
    for (int slot = hash & m; ; slot = (slot + 1) & m) {
      int a = t[slot];
      if (a == 0) {
        return slot;
      }
      long[] page = pages[a >>> PAGE_BITS];
      int o = (a & OFFSET_MASK) + 1;
      // the first long holds the length byte, so a key of another length differs there
      int i = 0;
      while (i < n && page[o + i] == k[i]) {
        i++;
      }
      if (i == n) {
        return slot;
      }
    }
  }

  private void insert(int slot, long count) {
    int n = 1 + keyLongs;
    long[] page = pages[lastPage];
    int o = pageFill[lastPage];
    if (o + n > page.length) {
      if (page.length < PAGE) {
        page = Arrays.copyOf(page, Math.min(PAGE, page.length * 2));
        pages[lastPage] = page;
      } else {
        if (lastPage + 1 >= 1 << (31 - PAGE_BITS)) {
          throw tooMany("16 GB of words and bigrams");
        }
        lastPage++;
        if (lastPage == pages.length) {
          pages = Arrays.copyOf(pages, lastPage * 2);
          pageFill = Arrays.copyOf(pageFill, lastPage * 2);
        }
        if (pages[lastPage] == null) {
          pages[lastPage] = new long[PAGE];
        }
        page = pages[lastPage];
        o = 0;
      }
    }
    page[o] = count;
    System.arraycopy(key, 0, page, o + 1, keyLongs);
    pageFill[lastPage] = o + n;
    table[slot] = lastPage << PAGE_BITS | o;
    size++;
    if (size > resizeAt) {
      grow();
    }
  }

  private static W2vException tooMany(String what) {
    return new W2vException(W2vException.Kind.MEMORY, "the corpus has more than " + what + ", more than w2v can count");
  }

  private static int entryLongs(long[] page, int o) {
    int len = (int) (page[o + 1] & 0xFF);
    return 1 + ((len + 8) >>> 3);
  }

  private void allocateTable(int capacity) {
    table = new int[capacity];
    mask = capacity - 1;
    resizeAt = capacity == MAX_TABLE ? capacity - 1 : capacity / 4 * 3;
  }

  private void grow() {
    if (table.length == MAX_TABLE) {
      if (size >= MAX_TABLE - 1) {
        throw tooMany("2^30 distinct words and bigrams");
      }
      return;
    }
    int[] old = table;
    allocateTable(old.length * 2);
    for (int a : old) {
      if (a != 0) {
        reinsert(a);
      }
    }
  }

  /** Puts a stored entry's address into the table (keys are distinct, so no comparison is needed). */
  private void reinsert(int a) {
    long[] page = pages[a >>> PAGE_BITS];
    int o = a & OFFSET_MASK;
    int n = entryLongs(page, o) - 1;
    int slot = hash(page, o + 1, n) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = a;
  }
}
