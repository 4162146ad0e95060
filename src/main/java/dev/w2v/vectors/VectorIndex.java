// The sidecar that lets a large word2vec binary file be queried in place: its words and where each row starts.
package dev.w2v.vectors;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.W2vException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A word2vec binary file's rows start wherever the word before them ends, so finding row r needs the whole file read
 * once. The first query of a large file (at least {@link #MIN_BYTES}) reads it as any load does, checking every entry,
 * but keeps only the words, each row's byte offset and its inverse length; it saves them in {@code FILE.w2vidx}
 * beside the file (or, when that directory is not writable, in {@code $XDG_CACHE_HOME/w2v}, else
 * {@code ~/.cache/w2v}). Every later query reads that index (tens of MB for millions of words) and maps the vector
 * file itself: the floats are never copied into the Java heap, and the operating system's page cache keeps them
 * between commands.
 *
 * <p>The index is not a normalised copy of the matrix: the scan reads the file's raw floats and scales each score by
 * the stored 1 / |row|, and the few rows re-scored exactly are normalised on the fly as an in-memory load normalises
 * them, so the answers are the same and no second 3.6 GB file is written or cached. The index records the file's
 * size, modification time and a hash of its first 64 KB, and is rebuilt when any of them changes; it is written to a
 * temporary file renamed into place, so a killed run never leaves half of one.
 */
final class VectorIndex {
  private static final Logger LOG = LoggerFactory.getLogger(VectorReader.class);

  static final String SUFFIX = ".w2vidx";
  /** Plain files smaller than this are read into memory as before (a few hundred MB load in well under a second). */
  static final long MIN_BYTES = 64L << 20;
  /** Each mapped window starts 2^30 bytes after the previous one (a MappedByteBuffer stops at 2 GB). */
  static final int WINDOW_SHIFT = 30;

  private static final long MAGIC = 0x3230584449563257L; // "W2VIDX02", little-endian (01 had no int8 copy)
  /** Each array in the index starts at a multiple of this (a cache line), so it can be mapped and read in place. */
  private static final int SECTION_ALIGN = 64;
  private static final int HASHED_BYTES = 1 << 16;
  private static final int IO_BUFFER = 1 << 20;

  private VectorIndex() {}

  /** What identifies one version of a vector file. */
  record Stamp(long size, long modified, long hash) {
    static Stamp of(Path file) throws IOException {
      long size = Files.size(file);
      long modified = Files.getLastModifiedTime(file).toMillis();
      long h = 0xcbf29ce484222325L;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(size, HASHED_BYTES));
        while (b.hasRemaining() && ch.read(b) >= 0) {
          // fill
        }
        for (int i = 0; i < b.position(); i++) {
          h = (h ^ (b.get(i) & 0xff)) * 0x100000001b3L;
        }
      }
      return new Stamp(size, modified, h);
    }
  }

  /** True when queries of {@code file} should go through an index: a plain file of at least {@code minBytes}. */
  static boolean eligible(Path file, long minBytes) {
    if (Boolean.getBoolean("w2v.noIndex") || "-".equals(file.toString())) {
      return false;
    }
    try {
      return Files.isRegularFile(file) && Files.size(file) >= minBytes;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** The index's place beside the file. */
  static Path beside(Path file) {
    return file.toAbsolutePath().resolveSibling(file.getFileName() + SUFFIX);
  }

  /** Its place in the cache directory, named after the file's absolute path. */
  static Path inCache(Path file) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path dir = xdg != null && !xdg.isEmpty() ? Path.of(xdg, "w2v")
        : Path.of(System.getProperty("user.home"), ".cache", "w2v");
    String abs = file.toAbsolutePath().normalize().toString();
    long h = 0xcbf29ce484222325L;
    for (byte b : abs.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    String name = file.getFileName().toString();
    if (name.length() > 100) {
      name = name.substring(0, 100);
    }
    return dir.resolve(Long.toHexString(h) + "-" + name + SUFFIX);
  }

  /**
   * The embeddings of {@code file} (its first {@code limit} words) through a valid index, or null when there is none
   * (or it belongs to another version of the file, or cannot be read).
   */
  static Embeddings open(Path file, long limit, int windowShift) {
    Stamp now;
    try {
      now = Stamp.of(file);
    } catch (IOException e) {
      return null;
    }
    for (Path p : new Path[] {beside(file), inCache(file)}) {
      if (!Files.isRegularFile(p)) {
        continue;
      }
      try {
        Embeddings e = read(p, file, now, limit, windowShift);
        if (e != null) {
          LOG.debug("vectors file {}: read through the index {}", file, p);
          return e;
        }
        LOG.debug("vectors file {}: the index {} is for another version of the file; rebuilding it", file, p);
      } catch (IOException | RuntimeException e) {
        LOG.debug("vectors file {}: cannot use the index {}: {}", file, p, e.toString());
      }
    }
    return null;
  }

  private static Embeddings read(Path index, Path file, Stamp now, long limit, int windowShift) throws IOException {
    try (FileChannel ch = FileChannel.open(index, StandardOpenOption.READ)) {
      In in = new In(ch);
      if (in.int64() != MAGIC) {
        return null;
      }
      Stamp s = new Stamp(in.int64(), in.int64(), in.int64());
      if (!s.equals(now)) {
        return null;
      }
      VectorFormat format = VectorFormat.values()[in.int32()];
      int dim = in.int32();
      int rows = in.int32();
      long headerCount = in.int64();
      int nw = in.int32();
      List<String> warnings = new ArrayList<>();
      for (int i = 0; i < nw; i++) {
        byte[] b = new byte[in.int32()];
        in.bytes(b);
        warnings.add(new String(b, StandardCharsets.UTF_8));
      }
      int used = in.int32();
      int nslots = in.int32();
      int stride = in.int32();
      if (stride != CompactRows.strideOf(dim) || rows < 0 || used < 0 || Integer.bitCount(nslots) != 1) {
        throw new IOException("bad header");
      }
      Sections at = new Sections(in.position(), rows, used, nslots, stride);
      if (ch.size() != at.end + 8) {
        throw new IOException("truncated");
      }
      in.seek(at.end);
      if (in.int64() != MAGIC) {
        throw new IOException("truncated");
      }
      WordTable words = WordTable.mapped(map(ch, at.arena, used), map(ch, at.start, 4L * (rows + 1)).asIntBuffer(),
          rows, map(ch, at.hash, 4L * rows).asIntBuffer(), map(ch, at.slots, 4L * nslots).asIntBuffer());
      int n = (int) Math.min(limit, rows);
      if (n < rows) {
        words = words.prefix(n);
        warnings = List.of(); // a load with a limit never looks at the rest of the file
      }
      for (String w : warnings) {
        LOG.warn(w);
      }
      FloatMatrix m = map(file, now.size(), n, dim, map(ch, at.offsets, 8L * rows).asLongBuffer(),
          map(ch, at.inv, 4L * rows).asFloatBuffer(), windowShift);
      m.attachCompact(mapCompact(ch, at.codes, n, stride, map(ch, at.step, 4L * rows).asFloatBuffer()));
      return new Embeddings(file, format, headerCount, words, m, true, null, warnings);
    }
  }

  /**
   * Where each array of an index starts: after the header, each at the next multiple of {@link #SECTION_ALIGN}, in
   * this order: the words' bytes, their starts, hashes and hash slots ({@link WordTable}), each row's byte offset in
   * the vector file and inverse length, the int8 rows and their steps ({@link CompactRows}); then the magic number
   * again.
   */
  private static final class Sections {
    final long arena;
    final long start;
    final long hash;
    final long slots;
    final long offsets;
    final long inv;
    final long codes;
    final long step;
    final long end;

    Sections(long header, int rows, int used, int nslots, int stride) {
      arena = align(header);
      start = align(arena + used);
      hash = align(start + 4L * (rows + 1));
      slots = align(hash + 4L * rows);
      offsets = align(slots + 4L * nslots);
      inv = align(offsets + 8L * rows);
      codes = align(inv + 4L * rows);
      step = align(codes + (long) rows * stride);
      end = align(step + 4L * rows);
    }
  }

  private static ByteBuffer map(FileChannel ch, long at, long len) throws IOException {
    if (len > Integer.MAX_VALUE) {
      throw new IOException("a section of " + len + " bytes");
    }
    return ch.map(FileChannel.MapMode.READ_ONLY, at, len).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** As {@link #map(Path, long, int, int, long[], float[], int)}, the offsets and lengths mapped from the index. */
  static FloatMatrix map(Path file, long size, int rows, int dim, java.nio.LongBuffer offsets,
      java.nio.FloatBuffer inv, int windowShift) throws IOException {
    return FloatMatrix.mapped(rows, dim, windows(file, size, dim, windowShift), windowShift, offsets, inv);
  }

  /** Maps the vector file in windows of 2^windowShift bytes, each reaching one row into the next. */
  static FloatMatrix map(Path file, long size, int rows, int dim, long[] offsets, float[] inv, int windowShift)
      throws IOException {
    return FloatMatrix.mapped(rows, dim, windows(file, size, dim, windowShift), windowShift, offsets, inv);
  }

  private static ByteBuffer[] windows(Path file, long size, int dim, int windowShift) throws IOException {
    long step = 1L << windowShift;
    int n = (int) ((size + step - 1) / step);
    ByteBuffer[] windows = new ByteBuffer[Math.max(1, n)];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int k = 0; k < windows.length; k++) {
        long from = k * step;
        long len = Math.max(0, Math.min(size - from, step + 4L * dim));
        windows[k] = ch.map(FileChannel.MapMode.READ_ONLY, from, len).order(ByteOrder.LITTLE_ENDIAN);
      }
    }
    return windows;
  }

  /** Maps the int8 rows of an index: windows of whole rows, from byte {@code at} of the index on. */
  private static CompactRows mapCompact(FileChannel ch, long at, int rows, int stride, java.nio.FloatBuffer step)
      throws IOException {
    int per = CompactRows.rowsPerWindow(stride);
    int n = Math.max(1, (rows + per - 1) / per);
    ByteBuffer[] windows = new ByteBuffer[n];
    for (int k = 0; k < n; k++) {
      long first = (long) k * per;
      long len = Math.max(0, Math.min((long) per, rows - first)) * stride;
      windows[k] = ch.map(FileChannel.MapMode.READ_ONLY, at + first * stride, len).order(ByteOrder.LITTLE_ENDIAN);
    }
    return new CompactRows(windows, stride, per, step);
  }

  private static long align(long p) {
    return (p + SECTION_ALIGN - 1) / SECTION_ALIGN * SECTION_ALIGN;
  }

  /**
   * Saves the index of a file just read (beside it, else in the cache directory); a failure only costs the next
   * query a full read, so it is logged, not thrown.
   */
  static void write(Path file, Stamp stamp, Embeddings e, long[] offsets, float[] inv) {
    Path[] places = {beside(file), inCache(file)};
    for (int i = 0; i < places.length; i++) {
      Path p = places[i];
      try {
        if (i > 0) {
          Files.createDirectories(p.getParent());
        }
        if (!Files.isWritable(p.getParent())) {
          continue;
        }
        try (AtomicFile out = AtomicFile.create(p, "vector index")) {
          writeTo(out.stream(), stamp, e, offsets, inv);
          out.commit();
        }
        LOG.info("vectors file {}: saved its index as {} (later queries read the file in place)", file, p);
        return;
      } catch (IOException | W2vException | SecurityException x) {
        LOG.debug("vectors file {}: cannot save its index as {}: {}", file, p, x.getMessage());
      }
    }
    LOG.warn("vectors file {}: could not save an index beside it or in the cache directory; every query will read"
        + " the whole file", file);
  }

  private static void writeTo(OutputStream os, Stamp stamp, Embeddings e, long[] offsets, float[] inv)
      throws IOException {
    Out o = new Out(os);
    WordTable w = e.words();
    int rows = e.size();
    int dim = e.dim();
    int stride = CompactRows.strideOf(dim);
    o.int64(MAGIC);
    o.int64(stamp.size());
    o.int64(stamp.modified());
    o.int64(stamp.hash());
    o.int32(e.format().ordinal());
    o.int32(dim);
    o.int32(rows);
    o.int64(e.headerCount());
    o.int32(e.warnings().size());
    for (String s : e.warnings()) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      o.int32(b.length);
      o.bytes(b, b.length);
    }
    int[] slots = w.rawSlots();
    o.int32(w.rawUsed());
    o.int32(slots.length);
    o.int32(stride);
    Sections at = new Sections(o.written(), rows, w.rawUsed(), slots.length, stride);
    o.padTo(at.arena);
    o.bytes(w.rawArena(), w.rawUsed());
    o.padTo(at.start);
    int[] start = w.rawStart();
    for (int i = 0; i <= rows; i++) {
      o.int32(start[i]);
    }
    o.padTo(at.hash);
    int[] hash = w.rawHash();
    for (int i = 0; i < rows; i++) {
      o.int32(hash[i]);
    }
    o.padTo(at.slots);
    for (int s : slots) {
      o.int32(s);
    }
    o.padTo(at.offsets);
    for (int i = 0; i < rows; i++) {
      o.int64(offsets[i]);
    }
    o.padTo(at.inv);
    for (int i = 0; i < rows; i++) {
      o.float32(inv[i]);
    }
    // the int8 copy of the normalised rows (CompactRows), then each row's step
    o.padTo(at.codes);
    float[] step = new float[rows];
    FloatMatrix m = e.matrix();
    int batch = Math.max(1, IO_BUFFER / stride);
    byte[] codes = new byte[batch * stride];
    for (int r = 0; r < rows; r += batch) {
      int k = Math.min(batch, rows - r);
      for (int j = 0; j < k; j++) {
        step[r + j] = CompactRows.quantise(m.row(r + j), dim, codes, j * stride, stride);
      }
      o.bytes(codes, k * stride);
    }
    o.padTo(at.step);
    for (int i = 0; i < rows; i++) {
      o.float32(step[i]);
    }
    o.padTo(at.end);
    o.int64(MAGIC);
    o.flush();
  }

  /** Little-endian output through a 1 MB staging buffer. */
  private static final class Out {
    private final OutputStream os;
    private final ByteBuffer b = ByteBuffer.allocate(IO_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    Out(OutputStream os) {
      this.os = os;
    }

    private void room(int n) throws IOException {
      if (b.remaining() < n) {
        flush();
      }
    }

    void flush() throws IOException {
      os.write(b.array(), 0, b.position());
      written += b.position();
      b.clear();
    }

    /** Writes zeros up to file position p. */
    void padTo(long p) throws IOException {
      if (p < written()) {
        throw new IllegalStateException("section overlap");
      }
      while (written() < p) {
        room(1);
        b.put((byte) 0);
      }
    }

    /** Bytes written so far (after {@link #flush()}, all of them). */
    long written() {
      return written + b.position();
    }

    void int32(int v) throws IOException {
      room(4);
      b.putInt(v);
    }

    void int64(long v) throws IOException {
      room(8);
      b.putLong(v);
    }

    void float32(float v) throws IOException {
      room(4);
      b.putFloat(v);
    }

    void bytes(byte[] a, int n) throws IOException {
      flush();
      os.write(a, 0, n);
      written += n;
    }
  }

  /** Little-endian input in bulk. */
  private static final class In {
    private final FileChannel ch;
    private final ByteBuffer b = ByteBuffer.allocateDirect(IO_BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    In(FileChannel ch) {
      this.ch = ch;
      b.limit(0);
    }

    /** The position in the file of the next byte to read. */
    long position() throws IOException {
      return ch.position() - b.remaining();
    }

    void seek(long p) throws IOException {
      ch.position(p);
      b.clear();
      b.limit(0);
    }

    private void need(int n) throws IOException {
      if (b.remaining() >= n) {
        return;
      }
      b.compact();
      while (b.position() < n) {
        if (ch.read(b) < 0) {
          throw new IOException("truncated");
        }
      }
      b.flip();
    }

    int int32() throws IOException {
      need(4);
      return b.getInt();
    }

    long int64() throws IOException {
      need(8);
      return b.getLong();
    }

    void bytes(byte[] a) throws IOException {
      int done = 0;
      while (done < a.length) {
        need(1);
        int k = Math.min(b.remaining(), a.length - done);
        b.get(a, done, k);
        done += k;
      }
    }
  }
}
