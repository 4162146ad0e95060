// An in-memory EncodedCorpus: ids as variable-length bytes (7 bits a byte) in fixed-size byte[] chunks.
package dev.w2v.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Growable id storage, also the single-pass recorder of provisional ids. Each id takes 1 byte below 128, 2 below
 * 16384, 3 below 2^21 (LEB128): once the vocabulary is sorted by frequency most tokens are among the first 128
 * words, so the corpus takes about 1.5 bytes a token instead of 4 (gutenberg8: 29 MB, not 77). Growing never copies
 * what is stored. Tokens are grouped in blocks of {@link #BLOCK}, whose start positions are kept, so a read at any
 * position decodes at most {@code BLOCK - 1} ids to get there; a block never straddles two chunks.
 */
public final class PackedIds implements EncodedCorpus {
  static final int CHUNK_SHIFT = 20;
  static final int CHUNK = 1 << CHUNK_SHIFT;
  static final int BLOCK = 1024;
  /** The longest code of a non-negative int. */
  private static final int MAX_CODE = 5;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] cur;
  private int curFill = CHUNK;
  private boolean startedChunk;
  /** Where each block starts: chunk index << CHUNK_SHIFT | offset. */
  private long[] blockStart = new long[64];
  private long size;
  private boolean sealed;

  public void add(int id) {
    if (sealed) {
      throw new IllegalStateException("a remapped corpus is complete");
    }
    startedChunk = false;
    if (size % BLOCK == 0) {
      if (curFill > CHUNK - BLOCK * MAX_CODE) {
        cur = new byte[CHUNK];
        chunks.add(cur);
        curFill = 0;
        startedChunk = true;
      }
      int b = (int) (size / BLOCK);
      if (b == blockStart.length) {
        blockStart = Arrays.copyOf(blockStart, 2 * b);
      }
      blockStart[b] = ((long) (chunks.size() - 1) << CHUNK_SHIFT) | curFill;
    }
    byte[] c = cur;
    int p = curFill;
    while ((id & ~0x7F) != 0) {
      c[p++] = (byte) (id | 0x80);
      id >>>= 7;
    }
    c[p++] = (byte) id;
    curFill = p;
    size++;
  }

  /** True right after {@link #add} started a new chunk (the moment to check a memory budget). */
  public boolean startedChunk() {
    return startedChunk;
  }

  @Override
  public long size() {
    return size;
  }

  /** Bytes held. */
  public long bytes() {
    long b = 0;
    for (byte[] c : chunks) {
      b += c == null ? 0 : c.length;
    }
    return b + 8L * blockStart.length;
  }

  /**
   * A copy with every id replaced by {@code map[id]} and those mapped to -1 dropped; this one is emptied as it is
   * read, a chunk at a time, so the two together hold little more than the larger of them.
   */
  public PackedIds remapped(int[] map) {
    PackedIds out = new PackedIds();
    int[] buf = new int[BLOCK];
    for (long pos = 0; pos < size; pos += BLOCK) {
      int n = read(pos, buf, 0, BLOCK);
      for (int i = 0; i < n; i++) {
        int m = map[buf[i]];
        if (m >= 0) {
          out.add(m);
        }
      }
      long next = pos + BLOCK;
      int chunkNow = (int) (blockStart[(int) (pos / BLOCK)] >>> CHUNK_SHIFT);
      if (next >= size || (int) (blockStart[(int) (next / BLOCK)] >>> CHUNK_SHIFT) != chunkNow) {
        chunks.set(chunkNow, null); // read to its end: free it now
      }
    }
    chunks.clear();
    cur = null;
    curFill = CHUNK;
    size = 0;
    blockStart = new long[1];
    out.trim();
    return out;
  }

  /** Shrinks the last chunk and the block index to what they hold; no id may be added afterwards. */
  private void trim() {
    if (cur != null && curFill < CHUNK) {
      cur = Arrays.copyOf(cur, curFill);
      chunks.set(chunks.size() - 1, cur);
    }
    sealed = true;
    blockStart = Arrays.copyOf(blockStart, Math.max(1, (int) ((size + BLOCK - 1) / BLOCK)));
  }

  @Override
  public int read(long pos, int[] dst, int off, int len) {
    if (pos >= size) {
      return 0;
    }
    int n = (int) Math.min(len, size - pos);
    long bs = blockStart[(int) (pos / BLOCK)];
    byte[] c = chunks.get((int) (bs >>> CHUNK_SHIFT));
    int p = (int) bs & (CHUNK - 1);
    for (int skip = (int) (pos % BLOCK); skip > 0; skip--) {
      while (c[p++] < 0) {
        // continuation bytes
      }
    }
    long t = pos;
    for (int i = 0; i < n; i++, t++) {
      if (t % BLOCK == 0 && t != pos) {
        bs = blockStart[(int) (t / BLOCK)];
        c = chunks.get((int) (bs >>> CHUNK_SHIFT));
        p = (int) bs & (CHUNK - 1);
      }
      int b = c[p++];
      int id = b & 0x7F;
      int shift = 7;
      while (b < 0) {
        b = c[p++];
        id |= (b & 0x7F) << shift;
        shift += 7;
      }
      dst[off + i] = id;
    }
    return n;
  }
}
