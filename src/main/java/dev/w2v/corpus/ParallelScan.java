// The vocabulary scan and the corpus encoding of one plain file, split at word boundaries over several threads.
package dev.w2v.corpus;

import dev.w2v.vocab.ByteWords;
import dev.w2v.vocab.VocabBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * word2vec.c's LearnVocabFromTrainFile, in parallel, with the single-pass encoding of {@link CorpusEncoder.Recorder}.
 * The file is cut into parts just after a space, tab or newline, where {@link WordReader} holds no partial word,
 * so the parts' tokens are the whole file's tokens in order. Each part is counted by its own {@link VocabBuilder}
 * (words numbered as first seen in the part) and recorded as those numbers; merging the parts' words in part
 * order then numbers every word as first seen in the whole file, which is the serial scan's provisional order. So
 * the sorted vocabulary (ties included) and the encoded corpus are the serial scan's, byte for byte.
 *
 * <p>It does not replay a ReduceVocab: if the whole file has more distinct words than {@link
 * VocabBuilder#DEFAULT_REDUCE_ABOVE} (the serial scan would have pruned), {@link #scan} returns null and the
 * caller scans serially.
 */
public final class ParallelScan {
  private final VocabBuilder merged;
  private final PackedIds[] parts;
  private final int[][] toMerged;

  private ParallelScan(VocabBuilder merged, PackedIds[] parts, int[][] toMerged) {
    this.merged = merged;
    this.parts = parts;
    this.toMerged = toMerged;
  }

  /** The merged counts, in the serial scan's first-seen order: build the vocabulary from it. */
  public VocabBuilder builder() {
    return merged;
  }

  /**
   * Scans {@code file} ({@code size} bytes, regular, uncompressed) in {@code n} parts on {@code n} threads.
   * {@code bytesRead} is advanced as the parts are read (for a progress meter; may be null), and each part's
   * builder is given to {@code started} before it runs (for the meter's word count; may be null). Returns null if
   * the serial scan would have pruned the vocabulary (see the class comment).
   */
  public static ParallelScan scan(Path file, long size, int n, AtomicLong bytesRead,
      java.util.function.Consumer<VocabBuilder> started) throws IOException {
    long[] cut = cuts(file, size, n);
    VocabBuilder[] builders = new VocabBuilder[n];
    PackedIds[] parts = new PackedIds[n];
    Thread[] threads = new Thread[n];
    Throwable[] failure = new Throwable[n];
    for (int i = 0; i < n; i++) {
      builders[i] = new VocabBuilder();
      parts[i] = new PackedIds();
      if (started != null) {
        started.accept(builders[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      final int p = i;
      threads[i] = new Thread(() -> {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          InputStream in = new Slice(ch, cut[p], cut[p + 1], bytesRead);
          builders[p].scan(new WordReader(in, 100), new Sink(parts[p]));
        } catch (Throwable t) {
          failure[p] = t;
        }
      }, "w2v-scan-" + i);
      threads[i].start();
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the parts finish (they are bounded); the flag is restored below
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Throwable t : failure) {
      if (t instanceof Pruned) {
        return null;
      }
    }
    for (Throwable t : failure) {
      if (t instanceof IOException) {
        throw (IOException) t;
      }
      if (t instanceof UncheckedIOException) {
        throw ((UncheckedIOException) t).getCause();
      }
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      }
      if (t instanceof Error) {
        throw (Error) t;
      }
    }
    VocabBuilder merged = builders[0];
    int[][] toMerged = new int[n][];
    for (int i = 1; i < n; i++) {
      toMerged[i] = merged.absorb(builders[i]);
      builders[i] = null;
      if (merged.distinct() > VocabBuilder.DEFAULT_REDUCE_ABOVE) {
        return null;
      }
    }
    return new ParallelScan(merged, parts, toMerged);
  }

  /**
   * The encoded corpus under the final vocabulary: {@code provisionalToFinal} is {@link VocabBuilder#build}'s map
   * for {@link #builder()}. The parts are renumbered in parallel, each freed as it is read.
   */
  public EncodedCorpus finish(int[] provisionalToFinal) {
    int n = parts.length;
    PackedIds[] out = new PackedIds[n];
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      final int p = i;
      int[] map = provisionalToFinal;
      if (toMerged[p] != null) {
        int[] local = toMerged[p];
        map = new int[local.length];
        for (int l = 0; l < local.length; l++) {
          map[l] = provisionalToFinal[local[l]];
        }
      }
      final int[] m = map;
      threads[i] = new Thread(() -> out[p] = parts[p].remapped(m), "w2v-encode-" + i);
      threads[i].start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while encoding the corpus", e);
      }
    }
    for (int i = 0; i < n; i++) {
      parts[i] = null;
      if (out[i] == null) {
        throw new IllegalStateException("encoding part " + i + " of the corpus failed");
      }
    }
    return new Concat(out);
  }

  /**
   * Where the parts start: {@code cut[i]} for part i, {@code cut[n] = size}. Each inner cut is the position just
   * after the first space, tab or newline at or after {@code size * i / n} (the end of the file if none follows).
   */
  static long[] cuts(Path file, long size, int n) throws IOException {
    long[] cut = new long[n + 1];
    cut[n] = size;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 12);
      for (int i = 1; i < n; i++) {
        long p = Math.max(cut[i - 1], size * i / n);
        long found = size;
        scan:
        while (p < size) {
          buf.clear();
          int r = ch.read(buf, p);
          if (r <= 0) {
            break;
          }
          for (int k = 0; k < r; k++) {
            byte b = buf.get(k);
            if (b == ' ' || b == '\t' || b == '\n') {
              found = p + k + 1;
              break scan;
            }
          }
          p += r;
        }
        cut[i] = found;
      }
    }
    return cut;
  }

  /** Thrown inside a part when its own count passes the pruning threshold: the serial scan would have pruned. */
  private static final class Pruned extends RuntimeException {
    Pruned() {
      super(null, null, false, false);
    }
  }

  /** Records a part's provisional numbers. */
  private static final class Sink implements VocabBuilder.TokenSink {
    private final PackedIds ids;

    Sink(PackedIds ids) {
      this.ids = ids;
    }

    @Override
    public void accept(int provisionalIndex) {
      ids.add(provisionalIndex);
    }

    @Override
    public boolean reducing(ByteWords words) {
      throw new Pruned();
    }
  }

  /** Bytes {@code [from, to)} of a file, read with positional reads (each part has its own channel). */
  private static final class Slice extends InputStream {
    private final FileChannel ch;
    private long pos;
    private final long end;
    private final AtomicLong counter;

    Slice(FileChannel ch, long from, long to, AtomicLong counter) {
      this.ch = ch;
      this.pos = from;
      this.end = to;
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= end) {
        return -1;
      }
      int want = (int) Math.min(len, end - pos);
      int r = ch.read(ByteBuffer.wrap(b, off, want), pos);
      if (r < 0) {
        return -1; // the file shrank since its size was taken: what is there is what is read
      }
      pos += r;
      if (counter != null) {
        counter.addAndGet(r);
      }
      return r;
    }
  }

  /** The parts one after the other. */
  static final class Concat implements EncodedCorpus {
    private final PackedIds[] parts;
    private final long[] start; // start[i]: the first position of part i; start[n]: the size

    Concat(PackedIds[] parts) {
      this.parts = parts;
      this.start = new long[parts.length + 1];
      for (int i = 0; i < parts.length; i++) {
        start[i + 1] = start[i] + parts[i].size();
      }
    }

    @Override
    public long size() {
      return start[parts.length];
    }

    @Override
    public int read(long pos, int[] dst, int off, int len) {
      int done = 0;
      int i = 0;
      while (i < parts.length && pos >= start[i + 1]) {
        i++;
      }
      while (done < len && i < parts.length) {
        int r = parts[i].read(pos - start[i], dst, off + done, len - done);
        done += r;
        pos += r;
        if (pos >= start[i + 1]) {
          i++;
        } else if (r == 0) {
          break;
        }
      }
      return done;
    }
  }
}
