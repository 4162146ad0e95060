// The one reader of word-vector files behind every query command: format from content, refuses corrupt files.
package dev.w2v.vectors;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.InputFiles;
import dev.w2v.io.W2vException;
import dev.w2v.math.ScalarMath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads word2vec.c binary (a newline after each vector), gensim binary (none), and text with or without a trailing
 * space (word2vec.c {@code -binary 0}, gensim, fastText {@code .vec}). The layout is decided from the bytes after the
 * first word, never from the file name. The file streams through one reusable buffer straight into the matrix, so
 * memory stays near the matrix's own size; binary floats are little-endian float32, as every x86/ARM tool writes.
 *
 * <p>A file that does not hold what its header announces is refused with a message naming the file and the entry:
 * fewer entries than the header's count, a vector cut short, a text line with too few or too many numbers, or data
 * after the last announced entry (a header whose count is too small). Only whitespace may follow the last entry.
 * With a limit, reading stops after that many entries and the rest of the file is not examined.
 */
public final class VectorReader {
  /** No limit on the number of words. */
  public static final long ALL = Long.MAX_VALUE;

  private static final int MAX_WORD_BYTES = 1 << 16;
  private static final int NORMALISE_BATCH = 256;

  private final Path file;
  private final FileChannel ch;
  private final long fileSize;
  private ByteBuffer buf;
  private long bufBase; // file offset of buf index 0
  private boolean eof;
  private final int maxChunkFloats;

  private VectorReader(Path file, FileChannel ch, long fileSize, int maxChunkFloats) {
    this.file = file;
    this.ch = ch;
    this.fileSize = fileSize;
    this.maxChunkFloats = maxChunkFloats;
    this.buf = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
    buf.limit(0);
  }

  /** Loads the first {@code limit} words ({@link #ALL} for every word), rows normalised for cosine queries. */
  public static Embeddings read(Path file, long limit) {
    return read(file, limit, true);
  }

  /** Loads the first {@code limit} words; {@code normalise} false keeps the file's values exactly. */
  public static Embeddings read(Path file, long limit, boolean normalise) {
    return read(file, limit, normalise, FloatMatrix.MAX_CHUNK_FLOATS);
  }

  /** As {@link #read(Path, long, boolean)} with a smaller matrix chunk (for tests of multi-chunk matrices). */
  static Embeddings read(Path file, long limit, boolean normalise, int maxChunkFloats) {
    if (java.nio.file.Files.isDirectory(file)) {
      return PartDirectory.read(file, limit, normalise); // the Spark trainer's part directory
    }
    InputFiles.requireReadable(file, "vectors file");
    if (limit < 0) {
      throw W2vException.usage("the word limit must be 0 or more, got " + limit);
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      VectorReader r = new VectorReader(file, ch, ch.size(), maxChunkFloats);
      return r.load(limit, normalise);
    } catch (IOException e) {
      throw W2vException.io("cannot read vectors file " + file + ": " + AtomicFile.reason(e), e);
    }
  }

  private Embeddings load(long limit, boolean normalise) throws IOException {
    if (fileSize == 0) {
      throw bad("the file is empty");
    }
    long[] header = header();
    long count = header[0];
    int dim = (int) header[1];
    VectorFormat format = count == 0 ? VectorFormat.BINARY_NEWLINE : detect(count, dim);
    long want = Math.min(count, limit);
    // Refuse a header that the file cannot possibly satisfy before allocating for it.
    long minEntry = format == VectorFormat.TEXT ? 2L * dim : 1L + 4L * dim;
    long rest = fileSize - (bufBase + buf.position());
    if (rest / minEntry < want) {
      throw bad(
          "the header says "
              + count
              + " words of "
              + dim
              + " numbers, at least "
              + want * minEntry
              + " bytes, but only "
              + rest
              + " bytes follow it: the file is truncated or the header is wrong");
    }
    if (want > Integer.MAX_VALUE - 16) {
      throw bad("the header says " + count + " words; at most " + (Integer.MAX_VALUE - 16) + " can be loaded (use -limit)");
    }
    int n = (int) want;
    FloatMatrix m = FloatMatrix.allocate(n, dim, maxChunkFloats);
    WordTable words = new WordTable(n);
    int pending = 0;
    for (int i = 0; i < n; i++) {
      if (format == VectorFormat.TEXT) {
        readTextEntry(i, count, dim, words, m);
      } else {
        readBinaryEntry(i, count, dim, format, words, m);
      }
      if (normalise && (i + 1 - pending >= NORMALISE_BATCH || (i + 1) % m.rowsPerChunk() == 0 || i + 1 == n)) {
        normalise(m, pending, i + 1);
        pending = i + 1;
      }
    }
    if (want == count) {
      checkTrailing(count);
    }
    return new Embeddings(file, format, count, words, m, normalise);
  }

  // rows [from, to) lie in one chunk: the caller flushes at every chunk boundary
  private static void normalise(FloatMatrix m, int from, int to) {
    if (to > from) {
      ScalarMath.normaliseRowsS(m.arrayOf(from), m.offsetOf(from), to - from, m.dim());
    }
  }

  // ---- header and format detection

  private long[] header() throws IOException {
    int len = lineLength(4096);
    boolean last = len < -1;
    if (last) {
      len = -2 - len; // a header with no newline: the file holds nothing else
    }
    if (len < 0) {
      throw bad("the first line is not a \"word-count dimension\" header (no newline in its first 4096 bytes)");
    }
    byte[] line = new byte[len];
    buf.get(buf.position(), line);
    String s = new String(line, StandardCharsets.ISO_8859_1).trim();
    String[] parts = s.split("[ \t]+");
    long count;
    long dim;
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      count = Long.parseLong(parts[0]);
      dim = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
      throw bad(
          "the first line \""
              + shown
              + "\" is not a \"word-count dimension\" header (headerless files such as GloVe's need one added)");
    }
    if (count < 0 || dim <= 0 || dim > maxChunkFloats) {
      throw bad("the header \"" + s + "\" gives an impossible word count or dimension");
    }
    buf.position(Math.min(buf.limit(), buf.position() + len + 1));
    return new long[] {count, dim};
  }

  /** Bytes before the next '\n' from the position (making them available), or -1 if there is none within max. */
  private int lineLength(int max) throws IOException {
    int k = 0;
    while (true) {
      int p = buf.position();
      int lim = buf.limit();
      for (; p + k < lim; k++) {
        if (buf.get(p + k) == '\n') {
          return k;
        }
        if (k >= max) {
          return -1;
        }
      }
      if (!ensure(k + 1)) {
        return eofLength(k, max);
      }
    }
  }

  private int eofLength(int k, int max) {
    return k <= max && k > 0 ? -2 - k : -1; // -2-k: the last line, without a newline, has k bytes
  }

  private VectorFormat detect(long count, int dim) throws IOException {
    // Peek at the first entry: its word, then the bytes after the space. Text has only number characters up to the
    // line's end; binary has raw floats, which virtually never do.
    skipNewlines();
    int w = wordLength(0, false);
    if (w < 0) {
      throw bad("the header says " + count + " words, but the file ends after 0");
    }
    ensure((int) Math.min(1 << 24, w + 1 + 40L * dim + 64));
    int p = buf.position() + w + 1;
    int lim = buf.limit();
    int tokens = 0;
    boolean inToken = false;
    boolean text = true;
    int q = p;
    for (; q < lim; q++) {
      byte c = buf.get(q);
      if (c == '\n') {
        break;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        inToken = false;
        continue;
      }
      if (!numberChar(c)) {
        text = false;
        break;
      }
      if (!inToken) {
        tokens++;
        inToken = true;
      }
    }
    if (text && tokens > 0 && (q < lim || eof || q - p > 4 * dim)) {
      return VectorFormat.TEXT;
    }
    int after = p + 4 * dim;
    if (after < lim && buf.get(after) == '\n') {
      return VectorFormat.BINARY_NEWLINE;
    }
    return VectorFormat.BINARY;
  }

  private static boolean numberChar(byte c) {
    switch (c) {
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      case '-': case '+': case '.': case 'e': case 'E':
      case 'n': case 'N': case 'a': case 'A': case 'i': case 'I': case 'f': case 'F':
      case 't': case 'T': case 'y': case 'Y':
        return true;
      default:
        return false;
    }
  }

  // ---- entries

  private void skipNewlines() throws IOException {
    while (ensure(1)) {
      byte c = buf.get(buf.position());
      if (c != '\n' && c != '\r') {
        return;
      }
      buf.position(buf.position() + 1);
    }
  }

  /**
   * Length of the word at the position, which ends at a space (or also a tab, when {@code tab}); -1 at end of file
   * before any byte. The bytes and the separator are made available in the buffer.
   */
  private int wordLength(int entry, boolean tab) throws IOException {
    int k = 0;
    while (true) {
      int p = buf.position();
      int lim = buf.limit();
      for (; p + k < lim; k++) {
        byte c = buf.get(p + k);
        if (c == ' ' || (tab && c == '\t')) {
          return k;
        }
        if (k >= MAX_WORD_BYTES) {
          throw badEntry(entry, null, "no space after the first " + MAX_WORD_BYTES + " bytes of the word"
              + " (the header's dimension does not match the file, or it is corrupt)");
        }
      }
      if (!ensure(k + 1)) {
        if (k == 0) {
          return -1;
        }
        throw badEntry(entry, null, "the file ends inside the word");
      }
    }
  }

  private void readBinaryEntry(int i, long count, int dim, VectorFormat format, WordTable words, FloatMatrix m)
      throws IOException {
    skipNewlines();
    int w = wordLength(i, false);
    if (w < 0) {
      throw ended(count, i);
    }
    int p = buf.position();
    if (format == VectorFormat.BINARY) {
      // With no newline to check after each vector, a wrong dimension shows as a "word" holding float bytes.
      for (int k = p; k < p + w; k++) {
        byte c = buf.get(k);
        if (c == '\n' || c == 0) {
          throw badEntry(i, null, "its word holds a " + (c == 0 ? "NUL" : "newline") + " byte, so the vector before"
              + " it was not " + dim + " numbers long (the header's dimension does not match the file, or it is"
              + " corrupt)");
        }
      }
    }
    words.add(buf, p, w);
    buf.position(p + w + 1);
    int bytes = 4 * dim;
    if (!ensure(bytes)) {
      throw badEntry(i, words, "the file ends " + (buf.remaining() / 4) + " numbers into its vector of " + dim);
    }
    buf.asFloatBuffer().get(m.arrayOf(i), m.offsetOf(i), dim);
    buf.position(buf.position() + bytes);
    if (format == VectorFormat.BINARY_NEWLINE) {
      if (ensure(1)) {
        byte c = buf.get(buf.position());
        if (c != '\n') {
          throw badEntry(i, words, "no newline after its " + dim + " numbers (the header's dimension does not"
              + " match the file, or it is corrupt)");
        }
        buf.position(buf.position() + 1);
      }
    }
  }

  private void readTextEntry(int i, long count, int dim, WordTable words, FloatMatrix m) throws IOException {
    skipNewlines();
    int len = lineLength(Integer.MAX_VALUE - 64);
    int lineBytes;
    if (len >= 0) {
      lineBytes = len;
    } else if (len < -1) {
      lineBytes = -2 - len;
    } else {
      throw ended(count, i);
    }
    int p = buf.position();
    int end = p + lineBytes;
    if (end > p && buf.get(end - 1) == '\r') {
      end--;
    }
    int w = p;
    while (w < end && buf.get(w) != ' ' && buf.get(w) != '\t') {
      w++;
    }
    words.add(buf, p, w - p);
    float[] a = m.arrayOf(i);
    int o = m.offsetOf(i);
    int got = 0;
    int q = w;
    while (true) {
      while (q < end && (buf.get(q) == ' ' || buf.get(q) == '\t')) {
        q++;
      }
      if (q >= end) {
        break;
      }
      int t = q;
      while (t < end && buf.get(t) != ' ' && buf.get(t) != '\t') {
        t++;
      }
      if (got == dim) {
        throw badEntry(i, words, "more than the header's " + dim + " numbers on its line");
      }
      try {
        a[o + got] = FastFloat.parse(buf, q, t);
      } catch (FastFloat.NotANumber e) {
        byte[] tok = new byte[Math.min(t - q, 40)];
        buf.get(q, tok);
        throw badEntry(i, words, "\"" + new String(tok, StandardCharsets.UTF_8) + "\" is not a number");
      }
      got++;
      q = t;
    }
    if (got < dim) {
      throw badEntry(i, words, "only " + got + " numbers on its line, the header says " + dim);
    }
    buf.position(Math.min(buf.limit(), p + lineBytes + 1));
  }

  private void checkTrailing(long count) throws IOException {
    while (ensure(1)) {
      int p = buf.position();
      int lim = buf.limit();
      for (; p < lim; p++) {
        byte c = buf.get(p);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          throw bad(
              "there is more data after the "
                  + count
                  + " words the header announces (at byte "
                  + (bufBase + p)
                  + "): the header's count is wrong or the file is corrupt");
        }
      }
      buf.position(lim);
    }
  }

  // ---- buffer

  /** Makes at least n bytes available from the position; false when the file ends first. */
  private boolean ensure(int n) throws IOException {
    if (buf.remaining() >= n) {
      return true;
    }
    if (eof) {
      return false;
    }
    if (n > buf.capacity()) {
      ByteBuffer bigger =
          ByteBuffer.allocateDirect((int) Math.min(Integer.MAX_VALUE - 64, Math.max(n, 2L * buf.capacity())))
              .order(ByteOrder.LITTLE_ENDIAN);
      bufBase += buf.position();
      bigger.put(buf);
      buf = bigger;
    } else {
      bufBase += buf.position();
      buf.compact();
    }
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) {
        eof = true;
        break;
      }
    }
    buf.flip();
    return buf.remaining() >= n;
  }

  // ---- messages

  private W2vException bad(String what) {
    return W2vException.badInput("vectors file " + file + ": " + what);
  }

  private W2vException ended(long count, int entries) {
    return bad("the header says " + count + " words, but the file ends after " + entries);
  }

  private W2vException badEntry(int i, WordTable words, String what) {
    String w = words != null && words.size() > i ? " (\"" + shorten(words.word(i)) + "\")" : "";
    return bad("entry " + (i + 1) + w + ": " + what);
  }

  private static String shorten(String s) {
    return s.length() > 50 ? s.substring(0, 50) + "..." : s;
  }
}
