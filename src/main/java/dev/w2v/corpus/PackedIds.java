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
  /**
   * Bytes past the last code that a chunk always has: the codes below 2^21 (every id of a vocabulary under two
   * million words) are written and read as three bytes at once, whatever their length, so that neither writing nor
   * reading branches on it (a code's length is as unpredictable as the words of a text).
   */
  private static final int SLACK = 2;

  private final List<byte[]> chunks = new ArrayList<>();
  /** Chunks of the corpus being remapped into this one that were read to their end: reused before allocating. */
  private final List<byte[]> spare = new ArrayList<>();
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
    if ((size & (BLOCK - 1)) == 0) {
      startBlock();
    }
    curFill = put(cur, curFill, id);
    size++;
  }

  /** Appends {@code ids[0..n)}, as many {@link #add} calls would. */
  private void addAll(int[] ids, int n) {
    int i = 0;
    while (i < n) {
      if ((size & (BLOCK - 1)) == 0) {
        startBlock();
      }
      int m = (int) Math.min(n - i, BLOCK - (size & (BLOCK - 1)));
      final byte[] c = cur;
      int p = curFill;
      for (int end = i + m; i < end; i++) {
        p = put(c, p, ids[i]);
      }
      curFill = p;
      size += m;
    }
  }

  /** Records where the block that starts now starts, in a new chunk if this one might not hold it. */
  private void startBlock() {
    if (curFill > CHUNK - BLOCK * MAX_CODE - SLACK) {
      cur = spare.isEmpty() ? new byte[CHUNK] : spare.remove(spare.size() - 1);
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

  /** Writes the code of {@code id} at {@code c[p]}; returns the position after it. */
  private static int put(byte[] c, int p, int id) {
    if ((id & ~0x1FFFFF) == 0) {
      int more1 = (127 - id) >>> 31; // 1 when a second byte follows
      int more2 = (16383 - id) >>> 31; // 1 when a third does
      c[p] = (byte) (id | more1 << 7);
      c[p + 1] = (byte) (id >>> 7 | more2 << 7);
      c[p + 2] = (byte) (id >>> 14);
      return p + 1 + more1 + more2;
    }
    while ((id & ~0x7F) != 0) {
      c[p++] = (byte) (id | 0x80);
      id >>>= 7;
    }
    c[p++] = (byte) id;
    return p;
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
   * read, a chunk at a time, and the copy is written into the chunks already read, so the two together hold little
   * more than the larger of them and the copy touches little memory the process has not touched already (a page's
   * first touch, not the copying, was most of the remap's time: gutenberg8 in a virtual machine).
   */
  public PackedIds remapped(int[] map) {
    PackedIds out = new PackedIds();
    int[] buf = new int[BLOCK];
    for (long pos = 0; pos < size; pos += BLOCK) {
      int n = read(pos, buf, 0, BLOCK);
      int kept = 0;
      for (int i = 0; i < n; i++) {
        int m = map[buf[i]];
        buf[kept] = m;
        kept += ~m >>> 31; // kept unless m is -1 (no branch: which words are dropped is unpredictable)
      }
      out.addAll(buf, kept);
      long next = pos + BLOCK;
      int chunkNow = (int) (blockStart[(int) (pos / BLOCK)] >>> CHUNK_SHIFT);
      if (next >= size || (int) (blockStart[(int) (next / BLOCK)] >>> CHUNK_SHIFT) != chunkNow) {
        byte[] done = chunks.set(chunkNow, null); // read to its end: the copy's next chunk
        if (done.length == CHUNK) {
          out.spare.add(done);
        }
      }
    }
    out.spare.clear();
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
    if (cur != null && curFill + SLACK < CHUNK) {
      cur = Arrays.copyOf(cur, curFill + SLACK);
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
    int done = 0;
    while (done < n) {
      long t = pos + done;
      long bs = blockStart[(int) (t / BLOCK)];
      byte[] c = chunks.get((int) (bs >>> CHUNK_SHIFT));
      int p = (int) bs & (CHUNK - 1);
      int inBlock = (int) (t % BLOCK);
      for (int skip = inBlock; skip > 0; skip--) {
        while (c[p++] < 0) {
          // continuation bytes
        }
      }
      int m = Math.min(n - done, BLOCK - inBlock);
      decode(c, p, dst, off + done, m);
      done += m;
    }
    return n;
  }

  /** Decodes {@code n} ids from {@code c[p]} into {@code dst[off..]}. */
  private static void decode(byte[] c, int p, int[] dst, int off, int n) {
    for (int i = 0; i < n; i++) {
      int b0 = c[p];
      int b1 = c[p + 1];
      int b2 = c[p + 2];
      int more1 = b0 >> 31; // -1 when a second byte follows
      int more2 = b1 >> 31 & more1; // -1 when a third does
      if ((b2 & more2) < 0) { // four bytes or five
        int id = 0;
        int shift = 0;
        int b;
        do {
          b = c[p++];
          id |= (b & 0x7F) << shift;
          shift += 7;
        } while (b < 0);
        dst[off + i] = id;
        continue;
      }
      dst[off + i] = b0 & 0x7F | (b1 & 0x7F) << 7 & more1 | (b2 & 0x7F) << 14 & more2;
      p += 1 - more1 - more2;
    }
  }
}
