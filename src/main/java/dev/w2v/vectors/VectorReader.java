// The one reader of word-vector files behind every command: the format comes from the bytes, never the name.
package dev.w2v.vectors;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.CompressedInput;
import dev.w2v.io.Printable;
import dev.w2v.io.W2vException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a file, a pipe or FIFO, or "-" (standard input), undoes gzip/bzip2/xz/zstd compression recognised by its
 * magic bytes, then hands the bytes to the reader of the format they hold:
 *
 * <ul>
 *   <li>fastText's {@code .bin} model (its magic number, or the older format's header): {@link FastTextBinReader};
 *   <li>a {@code count dim} header line, then binary entries (word2vec.c, gensim): {@link Word2vecBinaryReader};
 *   <li>a header, then text lines (word2vec.c {@code -binary 0}, gensim, fastText {@code .vec}), or text lines with no
 *       header at all (GloVe, gensim {@code write_header=False}, fastText {@code print-word-vectors}):
 *       {@link TextVectorReader}.
 * </ul>
 *
 * <p>Anything else is refused with a message naming what it looks like ({@link LooksLike}). Memory follows the
 * entries actually read, never the header's claim. A header counting fewer words than the file holds reads that
 * many with a warning ({@link Embeddings#warnings()}); with a limit, reading stops after that many entries and the
 * rest of the input is not examined. Every value must be finite; words in messages are escaped.
 */
public final class VectorReader {
  /** No limit on the number of words. */
  public static final long ALL = Long.MAX_VALUE;

  private static final int SNIFF = 1 << 16;
  private static final int MAX_WORDS = Integer.MAX_VALUE - 16;

  private VectorReader() {}

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
    return read(file, limit, normalise, maxChunkFloats, VectorIndex.MIN_BYTES, VectorIndex.WINDOW_SHIFT);
  }

  /**
   * As {@link #read(Path, long, boolean)}; a word2vec binary file of at least {@code indexBytes} read for queries
   * (normalised) is read in place through its index ({@link VectorIndex}), mapped in windows of 2^windowShift bytes.
   */
  static Embeddings read(Path file, long limit, boolean normalise, int maxChunkFloats, long indexBytes,
      int windowShift) {
    if (limit < 0) {
      throw W2vException.usage("the word limit must be 0 or more, got " + limit);
    }
    if (java.nio.file.Files.isDirectory(file)) {
      return PartDirectory.read(file, limit, normalise); // the Spark trainer's part directory
    }
    boolean index = normalise && VectorIndex.eligible(file, indexBytes);
    VectorIndex.Stamp stamp = null;
    if (index) {
      Embeddings e = VectorIndex.open(file, limit, windowShift);
      if (e != null) {
        return e;
      }
      try {
        stamp = VectorIndex.Stamp.of(file);
      } catch (IOException e2) {
        index = false;
      }
    }
    String name = CompressedInput.isStdin(file) ? "standard input" : Printable.of(String.valueOf(file), 200);
    try (CompressedInput ci = CompressedInput.open(file, "vectors file")) {
      String codec = ci.codec() == null ? null : ci.codec().label();
      VectorInput in = new VectorInput(file, new ByteSource(ci.channel()), limit, normalise, maxChunkFloats, codec,
          ci.size());
      in.index = index && limit == ALL;
      in.windowShift = windowShift;
      Embeddings e = load(in, ci);
      if (in.indexed != null && stamp.equals(VectorIndex.Stamp.of(file))) { // unchanged while it was read
        VectorIndex.write(file, stamp, e, in.indexed.rowOffsets(), in.indexed.invLengths());
      }
      return e;
    } catch (CompressedInput.CorruptInput e) {
      throw W2vException.badInput("vectors file " + name + ": " + Printable.of(e.getMessage(), 300));
    } catch (IOException e) {
      throw W2vException.io("cannot read vectors file " + name + ": " + Printable.of(AtomicFile.reason(e), 300), e);
    }
  }

  private static Embeddings load(VectorInput in, CompressedInput ci) throws IOException {
    ByteSource src = in.src;
    int n = src.peek(SNIFF);
    if (n == 0) {
      throw in.bad(ci.codec() != null ? "the " + ci.codec().label() + " data decompresses to nothing"
          : ci.stdin() ? "standard input is empty (nothing was piped in?)"
          : ci.regularFile() ? "the file is empty" : "the pipe delivered no data");
    }
    byte[] head = src.bytes(src.position(), Math.min(n, 512));
    if (n >= 8 && int32(head, 0) == FastTextBinReader.MAGIC) {
      return new FastTextBinReader(in).read();
    }
    if (FastTextBinReader.isOlderFormat(head, head.length)) {
      return new FastTextBinReader(in, true).read();
    }
    String looks = LooksLike.describe(head, head.length);
    if (looks != null) {
      throw in.bad("not a word-vector file: it looks like " + looks);
    }
    if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      src.skip(3); // a UTF-8 byte-order mark (Windows editors write one)
      n -= 3;
    }
    int p = src.position();
    int len = 0;
    while (len < n && src.get(p + len) != '\n') {
      len++;
    }
    if (len == n && n == SNIFF) {
      throw in.bad("not a word-vector file: no line break in its first " + SNIFF + " bytes (" + firstBytes(in)
          + ")");
    }
    int end = len > 0 && src.get(p + len - 1) == '\r' ? len - 1 : len;
    List<String> tokens = tokens(src.bytes(p, end));
    if (tokens.size() == 2 && digits(tokens.get(0)) && digits(tokens.get(1))) {
      long count = parse(tokens.get(0));
      long dim = parse(tokens.get(1));
      if (count < 0 || dim <= 0 || dim > in.maxChunkFloats) {
        throw in.bad("the header \"" + Printable.of(tokens.get(0) + " " + tokens.get(1)) + "\" gives an impossible"
            + " word count or dimension (at most " + in.maxChunkFloats + " numbers per word)");
      }
      src.skip(Math.min(len + 1, src.buf.remaining()));
      return withHeader(in, count, (int) dim);
    }
    if (tokens.size() >= 2 && allNumbers(tokens)) {
      int dim = tokens.size() - 1;
      if (dim > in.maxChunkFloats) {
        throw in.bad("its first line holds " + dim + " numbers; at most " + in.maxChunkFloats + " per word");
      }
      return new TextVectorReader(in, dim, false).readHeaderless();
    }
    int dim = headerlessBinaryDim(src, n);
    if (dim > 0) {
      return new Word2vecBinaryReader(in, dim, VectorFormat.BINARY).readHeaderless();
    }
    throw in.bad("not a word-vector file: its first line is neither a \"count dimension\" header nor a word followed"
        + " by numbers (" + firstBytes(in) + ")");
  }

  /**
   * The dimension of binary vectors written without a header (gensim's {@code save_word2vec_format(binary=True,
   * write_header=False)}), or 0: the smallest one at which the first {@code n} bytes parse, up to their end, as at
   * least two entries of a word without control bytes, a space, and finite floats of sane size.
   */
  private static int headerlessBinaryDim(ByteSource src, int n) {
    int p0 = src.position();
    int lim = p0 + n;
    int w = wordEnd(src, p0, lim);
    if (w < 0) {
      return 0;
    }
    for (int dim = 1; dim <= 10_000 && w + 1 + 4L * dim <= lim; dim++) {
      int p = w + 1;
      int entries = 0;
      while (true) {
        if (p + 4L * dim > lim) { // the window ends inside this vector: everything before it parsed
          if (entries >= 2) {
            return dim;
          }
          break;
        }
        if (!saneFloats(src, p, dim)) {
          break;
        }
        p += 4 * dim;
        entries++;
        if (p == lim) {
          return entries >= 2 || n < SNIFF ? dim : 0;
        }
        int next = wordEnd(src, p, lim);
        if (next == -2 && entries >= 2) {
          return dim; // the window ends inside the next word
        }
        if (next < 0) {
          break;
        }
        p = next + 1;
      }
    }
    return 0;
  }

  /**
   * The index of the space ending a word of 1..200 bytes without control bytes starting at p; -2 when the window
   * ends first, -1 when it is no such word.
   */
  private static int wordEnd(ByteSource src, int p, int lim) {
    for (int k = p; k < p + 201; k++) {
      if (k >= lim) {
        return -2;
      }
      int c = src.get(k) & 0xff;
      if (c == ' ') {
        return k > p ? k : -1;
      }
      if (c < 0x20 || c == 0x7f) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean saneFloats(ByteSource src, int p, int dim) {
    if (p + 4L * dim > src.buf.limit()) {
      return false;
    }
    for (int c = 0; c < dim; c++) {
      float v = src.buf.getFloat(p + 4 * c);
      if (!(Math.abs(v) < 1e4f)) {
        return false;
      }
    }
    return true;
  }

  private static Embeddings withHeader(VectorInput in, long count, int dim) throws IOException {
    if (Math.min(count, in.limit) > MAX_WORDS) {
      throw in.bad("the header says " + count + " words; at most " + MAX_WORDS + " can be loaded (use -limit)");
    }
    if (count == 0 || in.limit == 0) {
      EmbeddingsBuilder b = new EmbeddingsBuilder(dim, 0, in.normalise, in.maxChunkFloats);
      return in.finish(VectorFormat.TEXT, count, b, b.matrix());
    }
    VectorFormat f = detect(in, dim);
    if (f == null) {
      throw in.bad("the header says " + count + " words, but the file ends after 0");
    }
    if (f == VectorFormat.TEXT) {
      return new TextVectorReader(in, dim, true).readWithHeader(count);
    }
    return new Word2vecBinaryReader(in, dim, f).read(count);
  }

  /**
   * Text or binary, from the first entry: text has only number characters, spaces and tabs after the word up to the
   * line's end; binary has raw floats, which virtually never do. Null when no entry follows the header.
   */
  private static VectorFormat detect(VectorInput in, int dim) throws IOException {
    ByteSource src = in.src;
    while (src.ensure(1) && (src.get(src.position()) == '\n' || src.get(src.position()) == '\r')) {
      src.skip(1);
    }
    int asked = (int) Math.min(1 << 24, VectorInput.MAX_WORD_BYTES + 40L * dim + 64);
    int avail = src.peek(asked);
    if (avail == 0) {
      return null;
    }
    int p0 = src.position();
    int w = 0;
    while (w < avail && src.get(p0 + w) != ' ' && src.get(p0 + w) != '\t') {
      w++;
    }
    int p = p0 + w + 1;
    int lim = p0 + avail;
    int tokens = 0;
    boolean inToken = false;
    boolean text = true;
    int q = p;
    for (; q < lim; q++) {
      byte c = src.get(q);
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
    if (text && tokens > 0 && (q < lim || q - p > 4 * dim || avail < asked)) {
      return VectorFormat.TEXT;
    }
    int after = p + 4 * dim;
    if (after < lim && src.get(after) == '\n') {
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

  // ---- the first line

  private static List<String> tokens(byte[] line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < line.length) {
      while (i < line.length && (line[i] == ' ' || line[i] == '\t')) {
        i++;
      }
      int s = i;
      while (i < line.length && line[i] != ' ' && line[i] != '\t') {
        i++;
      }
      if (i > s) {
        out.add(new String(line, s, i - s, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  private static boolean digits(String s) {
    if (s.isEmpty() || s.length() > 30) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A decimal count; -1 when it does not fit a long. */
  private static long parse(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean allNumbers(List<String> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      String t = tokens.get(i);
      byte[] b = t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
      try {
        FastFloat.parse(bb, 0, b.length);
      } catch (FastFloat.NotANumber e) {
        return false;
      }
    }
    return true;
  }

  private static String firstBytes(VectorInput in) {
    ByteSource src = in.src;
    int n = Math.min(48, src.buf.remaining());
    int len = 0;
    while (len < n && src.get(src.position() + len) != '\n') {
      len++;
    }
    byte[] b = src.bytes(src.position(), len);
    byte[] head = src.bytes(src.position(), n);
    for (byte x : head) {
      if (x == 0) { // text has no NUL bytes: say it is binary, and show its bytes rather than an empty "line"
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(16, n); i++) {
          hex.append(i == 0 ? "" : " ").append(String.format("%02x", head[i] & 0xff));
        }
        return "it is binary data in no format w2v knows; its first bytes are " + hex;
      }
    }
    return "it starts \"" + Printable.of(b, 0, b.length, 40) + "\"";
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }
}
