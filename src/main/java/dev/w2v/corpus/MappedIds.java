// An EncodedCorpus memory-mapped from a temporary file of little-endian int32 ids, for corpora too large for the heap.
package dev.w2v.corpus;

import dev.w2v.io.TempFiles;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Ids mapped read-only in 1 GiB windows; the file is deleted as soon as it is mapped. */
public final class MappedIds implements EncodedCorpus {
  private static final int SHIFT = 28; // ints per window: 2^28 (1 GiB)
  private static final long WINDOW = 1L << SHIFT;

  private final Path file;
  private final long size;
  private final IntBuffer[] windows;

  public MappedIds(Path file) throws IOException {
    this.file = file;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      this.size = ch.size() / 4;
      int n = (int) ((size + WINDOW - 1) >>> SHIFT);
      windows = new IntBuffer[n];
      for (int i = 0; i < n; i++) {
        long start = (long) i << SHIFT;
        long len = Math.min(WINDOW, size - start);
        MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, start * 4, len * 4);
        windows[i] = m.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
      }
    }
    // Mapped: the name is no longer needed (the pages stay until unmapped), so a kill -9 from here on leaves nothing.
    TempFiles.delete(file);
  }

  @Override
  public long size() {
    return size;
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
      IntBuffer w = windows[(int) (p >>> SHIFT)];
      int o = (int) (p & (WINDOW - 1));
      int k = Math.min(n - done, w.limit() - o);
      w.get(o, dst, off + done, k);
      done += k;
    }
    return n;
  }

  @Override
  public void close() {
    TempFiles.delete(file); // already gone unless the unlink after mapping failed
  }
}
