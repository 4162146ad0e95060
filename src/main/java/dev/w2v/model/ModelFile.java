// The w2v model file: the whole training state in a versioned, checksummed binary format (layout in README).
package dev.w2v.model;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.W2vException;
import dev.w2v.vocab.ByteWords;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.zip.CRC32C;

/**
 * Layout (every number little-endian):
 *
 * <pre>
 * magic    8 bytes  "W2VMODEL"
 * version  u32      1, or 2 for a subword model (older readers then refuse it by its version)
 * section* tag (4 ASCII bytes), payload length (u64), payload, CRC32C of the payload (u32), in this order:
 *   HEAD   UTF-8 text, one "key=value" line per setting (sizes, flags, learning-rate position, thread states,
 *          and since w2v stored it the optional epoch-loss: each finished epoch's loss; readers ignore keys they
 *          do not know and do without the optional ones, so the version stays 1)
 *   VOCB   u32 V, then V times: u32 byte length, the word's bytes, u64 model count, u64 corpus count
 *   SYN0   u32 rows (V), u32 columns (size), rows x columns f32
 *   SYN1   as SYN0, only with hierarchical softmax
 *   SNEG   as SYN0 (syn1neg), only with negative sampling
 *   NGRM   u32 rows (bucket), u32 columns (size), the n-gram rows; only in version 2, whose HEAD also holds minn,
 *          maxn and bucket
 *   END.   empty: the file is complete
 * </pre>
 *
 * Matrices are streamed through a small buffer in both directions, so saving or loading never holds a second copy
 * of a matrix. Every failure to read names the file and the problem (bad magic, unsupported version, checksum,
 * truncation, inconsistent sizes) as a bad-input error.
 */
public final class ModelFile {
  public static final byte[] MAGIC = "W2VMODEL".getBytes(StandardCharsets.US_ASCII);
  public static final int VERSION = 1;
  /** The version of a model with subwords (an NGRM section and minn/maxn/bucket in HEAD). */
  public static final int VERSION_SUBWORDS = 2;
  private static final int BUF = 1 << 16;

  private ModelFile() {}

  /** Writes {@code s} to {@code path} atomically (temporary file renamed into place); {@code what} names it. */
  public static void write(Path path, String what, TrainingState s) {
    try (AtomicFile f = AtomicFile.create(path, what)) {
      Writer w = new Writer(f.stream());
      w.out.write(MAGIC);
      w.buf.putInt(s.ngrams() != null ? VERSION_SUBWORDS : VERSION);
      w.drain();
      byte[] head = headText(s).getBytes(StandardCharsets.UTF_8);
      w.begin("HEAD", head.length);
      w.bytes(head, 0, head.length);
      w.end();
      ByteWords words = s.words();
      int v = words.size();
      long vocabBytes = 4;
      for (int i = 0; i < v; i++) {
        vocabBytes += 4 + words.length(i) + 16;
      }
      w.begin("VOCB", vocabBytes);
      w.putInt(v);
      for (int i = 0; i < v; i++) {
        w.putInt(words.length(i));
        w.bytes(words.arena(), words.start(i), words.length(i));
        w.putLong(s.counts()[i]);
        w.putLong(s.corpusCounts()[i]);
      }
      w.end();
      int size = s.settings().size();
      w.matrix("SYN0", s.syn0(), v, size, s.stride());
      if (s.syn1() != null) {
        w.matrix("SYN1", s.syn1(), v, size, s.stride());
      }
      if (s.syn1neg() != null) {
        w.matrix("SNEG", s.syn1neg(), v, size, s.stride());
      }
      if (s.ngrams() != null) {
        w.matrix("NGRM", s.ngrams().rows(), s.ngrams().bucket(), size, s.stride());
      }
      w.begin("END.", 0);
      w.end();
      w.out.flush();
      f.commit();
    } catch (IOException e) {
      throw W2vException.io("cannot write " + what + " " + path + ": " + AtomicFile.reason(e), e);
    }
  }

  /** Bytes a model of this shape takes on disk, words' bytes aside. */
  public static long matrixBytes(long vocabSize, int size, boolean hs, boolean negative) {
    return vocabSize * size * 4L * (1 + (hs ? 1 : 0) + (negative ? 1 : 0));
  }

  /**
   * Reads and verifies a model file. {@code strideOf} gives the row stride to allocate for a vector size (the
   * SIMD kernels pad rows); {@code what} names the file in messages ("model file", "checkpoint").
   */
  public static TrainingState read(Path path, String what, IntUnaryOperator strideOf) {
    String name = what + " " + path;
    try (InputStream raw = Files.newInputStream(path)) {
      Reader r = new Reader(new BufferedInputStream(raw, BUF), name);
      r.fileSize = Files.size(path);
      return r.readAll(strideOf);
    } catch (NoSuchFileException e) {
      throw W2vException.badInput("cannot read " + name + ": no such file");
    } catch (IOException e) {
      throw W2vException.badInput("cannot read " + name + ": " + AtomicFile.reason(e));
    }
  }

  // ---- HEAD -------------------------------------------------------------------------------------------------

  static String headText(TrainingState s) {
    TrainingState.Settings c = s.settings();
    TrainingState.Position p = s.position();
    TrainingState.Corpus k = s.corpus();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("size", Integer.toString(c.size()));
    m.put("window", Integer.toString(c.window()));
    m.put("sample", Float.toString(c.sample()));
    m.put("hs", Integer.toString(c.hs()));
    m.put("negative", Integer.toString(c.negative()));
    m.put("cbow", c.cbow() ? "1" : "0");
    m.put("alpha", Float.toString(c.alpha()));
    m.put("min-count", Integer.toString(c.minCount()));
    m.put("iter", Long.toString(c.iter()));
    m.put("seed", Long.toString(c.seed()));
    m.put("threads", Integer.toString(c.threads()));
    m.put("reference", c.reference() ? "1" : "0");
    m.put("shared-negatives", c.sharedNegatives() ? "1" : "0");
    m.put("kernels", c.kernels());
    m.put("epochs-done", Long.toString(p.epochsDone()));
    m.put("epochs-total", Long.toString(p.epochsTotal()));
    m.put("words-done", Long.toString(p.wordsDone()));
    m.put("alpha-now", Float.toString(p.alpha()));
    StringBuilder rnd = new StringBuilder();
    StringBuilder al = new StringBuilder();
    StringBuilder eof = new StringBuilder();
    for (int t = 0; t < p.threadRandom().length; t++) {
      String sep = t == 0 ? "" : ",";
      rnd.append(sep).append(Long.toUnsignedString(p.threadRandom()[t]));
      al.append(sep).append(Float.toString(p.threadAlpha()[t]));
      eof.append(sep).append(p.threadEof()[t] ? '1' : '0');
    }
    m.put("thread-random", rnd.toString());
    m.put("thread-alpha", al.toString());
    m.put("thread-eof", eof.toString());
    StringBuilder loss = new StringBuilder();
    for (int e = 0; e < p.epochLoss().length; e++) {
      loss.append(e == 0 ? "" : ",").append(Double.toString(p.epochLoss()[e])); // exact; NaN for an unknown one
    }
    m.put("epoch-loss", loss.toString());
    m.put("corpus", k.name().replace('\n', ' '));
    m.put("corpus-bytes", Long.toString(k.bytes()));
    m.put("corpus-tokens", Long.toString(k.tokens()));
    m.put("train-words", Long.toString(k.trainWords()));
    if (s.ngrams() != null) {
      m.put("minn", Integer.toString(s.ngrams().minn()));
      m.put("maxn", Integer.toString(s.ngrams().maxn()));
      m.put("bucket", Integer.toString(s.ngrams().bucket()));
    }
    StringBuilder sb = new StringBuilder();
    m.forEach((key, val) -> sb.append(key).append('=').append(val).append('\n'));
    return sb.toString();
  }

  /** The HEAD section's keys, parsed with messages naming the file and key. */
  private static final class Head {
    final Map<String, String> m = new LinkedHashMap<>();

    Head(String text) throws Corrupt {
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
          throw new Corrupt("malformed header line '" + line + "'");
        }
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }

    String str(String key) throws Corrupt {
      String v = m.get(key);
      if (v == null) {
        throw new Corrupt("header lacks '" + key + "'");
      }
      return v;
    }

    long lng(String key) throws Corrupt {
      try {
        return Long.parseLong(str(key));
      } catch (NumberFormatException e) {
        throw new Corrupt("bad header value " + key + "=" + m.get(key));
      }
    }

    int integer(String key) throws Corrupt {
      long v = lng(key);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new Corrupt("bad header value " + key + "=" + v);
      }
      return (int) v;
    }

    float flt(String key) throws Corrupt {
      try {
        return Float.parseFloat(str(key));
      } catch (NumberFormatException e) {
        throw new Corrupt("bad header value " + key + "=" + m.get(key));
      }
    }

    /** An optional list of at most {@code max} doubles (absent in files written before it existed: empty). */
    double[] losses(String key, long max) throws Corrupt {
      String v = m.get(key);
      if (v == null || v.isEmpty()) {
        return new double[0];
      }
      String[] parts = v.split(",");
      if (parts.length > max) {
        throw new Corrupt("header value " + key + " has " + parts.length + " entries for " + max + " epochs");
      }
      double[] d = new double[parts.length];
      try {
        for (int i = 0; i < d.length; i++) {
          d[i] = Double.parseDouble(parts[i]);
        }
      } catch (NumberFormatException e) {
        throw new Corrupt("bad header value " + key + "=" + v);
      }
      return d;
    }

    String[] list(String key, int n) throws Corrupt {
      String v = str(key);
      String[] parts = v.isEmpty() ? new String[0] : v.split(",");
      if (parts.length != n) {
        throw new Corrupt("header value " + key + " has " + parts.length + " entries for " + n + " threads");
      }
      return parts;
    }
  }

  /** A structural problem in the file; becomes a bad-input error naming the file. */
  private static final class Corrupt extends Exception {
    Corrupt(String message) {
      super(message, null, false, false);
    }
  }

  // ---- writing ----------------------------------------------------------------------------------------------

  /** Little-endian section writer: a 64 KB buffer, drained into the stream and the section's CRC. */
  private static final class Writer {
    final OutputStream out;
    final ByteBuffer buf = ByteBuffer.allocate(BUF).order(ByteOrder.LITTLE_ENDIAN);
    final CRC32C crc = new CRC32C();
    long left;

    Writer(OutputStream out) {
      this.out = out;
    }

    void drain() throws IOException {
      out.write(buf.array(), 0, buf.position());
      crc.update(buf.array(), 0, buf.position());
      buf.clear();
    }

    void room(int n) throws IOException {
      if (buf.remaining() < n) {
        drain();
      }
    }

    void begin(String tag, long length) throws IOException {
      drain();
      out.write(tag.getBytes(StandardCharsets.US_ASCII));
      ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(length);
      out.write(b.array());
      crc.reset();
      left = length;
    }

    void end() throws IOException {
      drain();
      if (left != 0) {
        throw new IllegalStateException("section length off by " + left);
      }
      ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
      out.write(b.array());
    }

    void putInt(int v) throws IOException {
      room(4);
      buf.putInt(v);
      left -= 4;
    }

    void putLong(long v) throws IOException {
      room(8);
      buf.putLong(v);
      left -= 8;
    }

    void bytes(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        room(1);
        int n = Math.min(len, buf.remaining());
        buf.put(b, off, n);
        off += n;
        len -= n;
        left -= n;
      }
    }

    void matrix(String tag, float[] m, int rows, int cols, int stride) throws IOException {
      begin(tag, 8 + (long) rows * cols * 4);
      putInt(rows);
      putInt(cols);
      for (int r = 0; r < rows; r++) {
        int o = r * stride;
        for (int c = 0; c < cols; c++) {
          room(4);
          buf.putFloat(m[o + c]);
        }
        left -= cols * 4L;
      }
      end();
    }
  }

  // ---- reading ----------------------------------------------------------------------------------------------

  /** Little-endian section reader that checks each section's CRC32C and reports truncation. */
  private static final class Reader {
    final InputStream in;
    final String name;
    final CRC32C crc = new CRC32C();
    final byte[] small = new byte[8];
    final ByteBuffer sb = ByteBuffer.wrap(small).order(ByteOrder.LITTLE_ENDIAN);
    String section = "the file header";
    long left;
    /** No section can be longer than the file: what bounds every allocation by the file's size. */
    long fileSize = Long.MAX_VALUE;

    Reader(InputStream in, String name) {
      this.in = in;
      this.name = name;
    }

    TrainingState readAll(IntUnaryOperator strideOf) throws IOException {
      try {
        byte[] magic = new byte[MAGIC.length];
        int got = in.readNBytes(magic, 0, magic.length);
        if (got < magic.length || !java.util.Arrays.equals(magic, MAGIC)) {
          throw W2vException.badInput(name + " is not a w2v model file (bad magic bytes; expected \"W2VMODEL\")");
        }
        raw(4);
        int version = sb.getInt(0);
        if (version != VERSION && version != VERSION_SUBWORDS) {
          throw W2vException.badInput(name + " has model format version " + Integer.toUnsignedString(version)
              + "; this w2v reads versions " + VERSION + " and " + VERSION_SUBWORDS);
        }
        byte[] headBytes = new byte[(int) Math.min(begin("HEAD"), 1 << 20)];
        payload(headBytes, 0, headBytes.length);
        end();
        Head h = new Head(new String(headBytes, StandardCharsets.UTF_8));
        int size = h.integer("size");
        int hs = h.integer("hs");
        int negative = h.integer("negative");
        int threads = h.integer("threads");
        if (size <= 0 || threads <= 0 || threads > 1024) {
          throw new Corrupt("bad header: size=" + size + " threads=" + threads);
        }
        TrainingState.Settings settings = new TrainingState.Settings(size, h.integer("window"), h.flt("sample"), hs,
            negative, h.integer("cbow") == 1, h.flt("alpha"), h.integer("min-count"), h.lng("iter"), h.lng("seed"),
            threads, h.integer("reference") == 1, h.integer("shared-negatives") == 1, h.str("kernels"));
        long[] rnd = new long[threads];
        float[] al = new float[threads];
        boolean[] eof = new boolean[threads];
        String[] rs = h.list("thread-random", threads);
        String[] as = h.list("thread-alpha", threads);
        String[] es = h.list("thread-eof", threads);
        try {
          for (int t = 0; t < threads; t++) {
            rnd[t] = Long.parseUnsignedLong(rs[t]);
            al[t] = Float.parseFloat(as[t]);
            eof[t] = es[t].equals("1");
          }
        } catch (NumberFormatException e) {
          throw new Corrupt("bad thread state in the header");
        }
        long epochsDone = h.lng("epochs-done");
        TrainingState.Position position = new TrainingState.Position(epochsDone, h.lng("epochs-total"),
            h.lng("words-done"), h.flt("alpha-now"), rnd, al, eof, h.losses("epoch-loss", epochsDone));
        TrainingState.Corpus corpus = new TrainingState.Corpus(h.str("corpus"), h.lng("corpus-bytes"),
            h.lng("corpus-tokens"), h.lng("train-words"));

        begin("VOCB");
        int v = getInt();
        if (v <= 0 || v > left / 20) { // each word takes at least 4 + 16 bytes of the section
          throw new Corrupt("bad vocabulary size " + v);
        }
        ByteWords words = new ByteWords();
        long[] counts = new long[v];
        long[] corpusCounts = new long[v];
        byte[] w = new byte[256];
        for (int i = 0; i < v; i++) {
          int len = getInt();
          if (len < 0 || len > left) {
            throw new Corrupt("bad word length " + len + " at word " + i);
          }
          if (len > w.length) {
            w = new byte[len];
          }
          payload(w, 0, len);
          words.add(w, 0, len);
          counts[i] = getLong();
          corpusCounts[i] = getLong();
        }
        end();
        int stride = strideOf.applyAsInt(size);
        float[] syn0 = matrix("SYN0", v, size, stride);
        float[] syn1 = hs != 0 ? matrix("SYN1", v, size, stride) : null;
        float[] syn1neg = negative > 0 ? matrix("SNEG", v, size, stride) : null;
        TrainingState.Ngrams ngrams = null;
        if (version == VERSION_SUBWORDS) {
          int bucket = h.integer("bucket");
          int minn = h.integer("minn");
          int maxn = h.integer("maxn");
          if (bucket <= 0 || minn <= 0 || maxn < minn || (long) bucket * size * 4 > fileSize) {
            throw new Corrupt("bad subword header: minn=" + minn + " maxn=" + maxn + " bucket=" + bucket);
          }
          ngrams = new TrainingState.Ngrams(minn, maxn, bucket, matrix("NGRM", bucket, size, stride));
        }
        if (begin("END.") != 0) {
          throw new Corrupt("bad END section");
        }
        end();
        return new TrainingState(settings, position, corpus, words, counts, corpusCounts, stride, syn0, syn1,
            syn1neg, ngrams);
      } catch (EOFException e) {
        throw W2vException.badInput(name + " is truncated (it ends inside " + section + ")");
      } catch (Corrupt e) {
        throw W2vException.badInput(name + " is corrupt: " + e.getMessage());
      }
    }

    private void raw(int n) throws IOException {
      if (in.readNBytes(small, 0, n) < n) {
        throw new EOFException();
      }
    }

    long begin(String tag) throws IOException, Corrupt {
      section = "the " + tag + " section";
      raw(4);
      String got = new String(small, 0, 4, StandardCharsets.ISO_8859_1);
      if (!got.equals(tag)) {
        throw new Corrupt("expected section " + tag + ", found '" + printable(got) + "'");
      }
      raw(8);
      left = sb.getLong(0);
      if (left < 0) {
        throw new Corrupt("bad length of section " + tag);
      }
      if (left > fileSize) {
        throw new EOFException(); // a section longer than the whole file: truncated, or a corrupt length
      }
      crc.reset();
      return left;
    }

    void end() throws IOException, Corrupt {
      if (left != 0) {
        throw new Corrupt(section + " has " + left + " unread bytes");
      }
      raw(4);
      int want = sb.getInt(0);
      if (want != (int) crc.getValue()) {
        throw new Corrupt(String.format(Locale.ROOT, "checksum mismatch in %s (CRC32C %08x, stored %08x)",
            section, (int) crc.getValue(), want));
      }
    }

    void payload(byte[] b, int off, int len) throws IOException, Corrupt {
      if (len > left) {
        throw new Corrupt(section + " is shorter than its contents");
      }
      if (in.readNBytes(b, off, len) < len) {
        throw new EOFException();
      }
      crc.update(b, off, len);
      left -= len;
    }

    int getInt() throws IOException, Corrupt {
      payload(small, 0, 4);
      return sb.getInt(0);
    }

    long getLong() throws IOException, Corrupt {
      payload(small, 0, 8);
      return sb.getLong(0);
    }

    float[] matrix(String tag, int rows, int cols, int stride) throws IOException, Corrupt {
      long len = begin(tag);
      int r = getInt();
      int c = getInt();
      if (r != rows || c != cols || len != 8 + (long) rows * cols * 4) {
        throw new Corrupt(tag + " is " + r + " x " + c + ", expected " + rows + " x " + cols);
      }
      float[] m;
      try {
        m = new float[Math.multiplyExact(rows, stride)];
      } catch (ArithmeticException | OutOfMemoryError e) {
        throw new W2vException(W2vException.Kind.MEMORY, name + ": not enough memory for its " + rows + " x "
            + cols + " " + tag + " matrix; raise the heap with W2V_JAVA_OPTS=-Xmx..");
      }
      byte[] chunk = new byte[BUF];
      ByteBuffer bb = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
      long total = (long) rows * cols;
      long done = 0;
      while (done < total) {
        int n = (int) Math.min(total - done, BUF / 4);
        payload(chunk, 0, n * 4);
        for (int k = 0; k < n; k++) {
          long e = done + k;
          int row = (int) (e / cols);
          int col = (int) (e - (long) row * cols);
          m[row * stride + col] = bb.getFloat(k * 4);
        }
        done += n;
      }
      end();
      return m;
    }

    private static String printable(String s) {
      StringBuilder sb = new StringBuilder();
      for (char ch : s.toCharArray()) {
        sb.append(ch >= 32 && ch < 127 ? ch : '?');
      }
      return sb.toString();
    }
  }
}
