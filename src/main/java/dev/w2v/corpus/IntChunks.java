// An in-memory EncodedCorpus: ids in fixed-size int[] chunks (growing never copies what is already stored).
package dev.w2v.corpus;

import java.util.ArrayList;
import java.util.List;

/** Growable, chunked int storage; also the single-pass recorder of provisional ids. */
public final class IntChunks implements EncodedCorpus {
  static final int SHIFT = 20;
  static final int CHUNK = 1 << SHIFT;
  static final int MASK = CHUNK - 1;

  private final List<int[]> chunks = new ArrayList<>();
  private int[] cur;
  private int curFill = CHUNK;
  private long size;

  public void add(int id) {
    if (curFill == CHUNK) {
      cur = new int[CHUNK];
      chunks.add(cur);
      curFill = 0;
    }
    cur[curFill++] = id;
    size++;
  }

  /** True right after {@link #add} started a new chunk (the moment to check a memory budget). */
  public boolean startedChunk() {
    return curFill == 1;
  }

  @Override
  public long size() {
    return size;
  }

  /** Bytes held. */
  public long bytes() {
    return (long) chunks.size() * CHUNK * 4L;
  }

  /**
   * Replaces every id by {@code map[id]} and drops those mapped to -1, in place; frees the chunks no longer
   * needed.
   */
  public void remapAndCompact(int[] map) {
    long w = 0;
    for (long r = 0; r < size; r++) {
      int id = chunks.get((int) (r >>> SHIFT))[(int) (r & MASK)];
      int m = map[id];
      if (m >= 0) {
        chunks.get((int) (w >>> SHIFT))[(int) (w & MASK)] = m;
        w++;
      }
    }
    size = w;
    int keep = (int) ((w + CHUNK - 1) >>> SHIFT);
    while (chunks.size() > keep) {
      chunks.remove(chunks.size() - 1);
    }
    curFill = (int) (w - ((long) Math.max(0, keep - 1) << SHIFT));
    cur = keep == 0 ? null : chunks.get(keep - 1);
    if (keep == 0) {
      curFill = CHUNK;
    }
  }

  @Override
  public int read(long pos, int[] dst, int off, int len) {
    if (pos >= size) {
      return 0;
    }
    int n = (int) Math.min(len, size - pos);
    int done = 0;
    while (done < n) {
      long p = pos + done;
      int[] c = chunks.get((int) (p >>> SHIFT));
      int o = (int) (p & MASK);
      int k = Math.min(n - done, CHUNK - o);
      System.arraycopy(c, o, dst, off + done, k);
      done += k;
    }
    return n;
  }
}
