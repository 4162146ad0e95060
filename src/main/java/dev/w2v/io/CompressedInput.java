// Opens an input for reading whatever it is: a file, a pipe or FIFO, or "-" (standard input), and undoes gzip,
// bzip2, xz or zstd compression recognised from the first bytes (never from the name).
package dev.w2v.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;

/**
 * An opened input. A plain regular file is read through its {@link FileChannel} (and its size is known); anything
 * else (compressed data, a pipe, standard input) is a stream of unknown length. Concatenated gzip, bzip2 and xz
 * members are read as one stream, as {@code zcat} does. Failures while decompressing are reported as
 * {@link CorruptInput}, so a reader can say the data is corrupt rather than that the disk failed.
 */
public final class CompressedInput implements AutoCloseable {
  /** The path that means standard input. */
  public static final String STDIN = "-";

  /** A compression format, recognised by its magic bytes ({@link #codec}, shared by corpus and vector input). */
  public enum Codec {
    GZIP("gzip"), BZIP2("bzip2"), XZ("xz"), ZSTD("zstd");

    private final String label;

    Codec(String label) {
      this.label = label;
    }

    /** "gzip", "bzip2", "xz" or "zstd". */
    public String label() {
      return label;
    }
  }

  /** An I/O failure inside the decompressor: the compressed data is corrupt or cut short. */
  public static final class CorruptInput extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptInput(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ReadableByteChannel channel;
  private final Codec codec;
  private final long size;
  private final boolean stdin;
  private final boolean regular;

  private CompressedInput(ReadableByteChannel channel, Codec codec, long size, boolean stdin, boolean regular) {
    this.channel = channel;
    this.codec = codec;
    this.size = size;
    this.stdin = stdin;
    this.regular = regular;
  }

  /** True when {@code path} names standard input. */
  public static boolean isStdin(Path path) {
    return path != null && path.toString().equals(STDIN);
  }

  /**
   * Opens {@code path} ("-" for standard input), refusing a missing, unreadable or directory path with a message
   * naming {@code what}. Opening a FIFO blocks until a writer opens it, as for any Unix reader.
   */
  public static CompressedInput open(Path path, String what) throws IOException {
    if (isStdin(path)) {
      return wrap(System.in, true); // System.in, so that an embedding program (or a test) can replace it
    }
    InputFiles.requireReadable(path, what);
    if (Files.isRegularFile(path)) {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
      try {
        ByteBuffer head = ByteBuffer.allocate(12);
        while (head.hasRemaining() && ch.read(head) >= 0) {
          // read the magic bytes
        }
        Codec c = codec(head.array(), head.position());
        ch.position(0);
        if (c == null) {
          return new CompressedInput(ch, null, ch.size(), false, true);
        }
        return new CompressedInput(
            Channels.newChannel(decompress(c, Channels.newInputStream(ch))), c, -1, false, true);
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    }
    // a FIFO, a pipe (/dev/fd/N), a character device: a plain FileInputStream, which never seeks (the NIO stream of
    // Files.newInputStream asks the channel for its position and fails on a pipe with "Illegal seek")
    return wrap(new java.io.FileInputStream(path.toFile()), false);
  }

  /**
   * {@code path} ("-" for standard input) opened as {@link #open} does, as a decompressed stream; closing it closes
   * the input (standard input stays open). For inputs read once from start to end: question, pair and word lists,
   * the sources of a corpus.
   */
  public static InputStream stream(Path path, String what) throws IOException {
    CompressedInput ci = open(path, what);
    return new FilterInputStream(Channels.newInputStream(ci.channel())) {
      @Override
      public void close() throws IOException {
        ci.close();
      }
    };
  }

  /**
   * The one-line error for a failed read of {@code subject} (such as "word-pair file p.gz"): corrupt or truncated
   * compressed data is bad input, anything else an I/O failure.
   */
  public static W2vException failure(String subject, IOException e) {
    if (e instanceof CorruptInput) {
      return new W2vException(W2vException.Kind.BAD_INPUT, subject + ": " + e.getMessage(), e);
    }
    return W2vException.io("cannot read " + subject + ": " + AtomicFile.reason(e), e);
  }

  /** Wraps an already open stream (closed with this input), undoing any compression. */
  public static CompressedInput of(InputStream in) throws IOException {
    return wrap(in, false);
  }

  private static CompressedInput wrap(InputStream raw, boolean stdin) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(16);
    byte[] head = in.readNBytes(12);
    in.reset();
    Codec c = codec(head, head.length);
    InputStream s = c == null ? in : decompress(c, in);
    return new CompressedInput(Channels.newChannel(s), c, -1, stdin, false);
  }

  /** The codec whose magic number starts {@code b[0..n)}, or null: the one test for corpora and vector files. */
  public static Codec codec(byte[] b, int n) {
    if (GzipCompressorInputStream.matches(b, n)) {
      return Codec.GZIP;
    }
    if (BZip2CompressorInputStream.matches(b, n)) {
      return Codec.BZIP2;
    }
    if (XZCompressorInputStream.matches(b, n)) {
      return Codec.XZ;
    }
    if (ZstdUtils.matches(b, n)) {
      return Codec.ZSTD;
    }
    return null;
  }

  private static InputStream decompress(Codec c, InputStream in) throws IOException {
    InputStream d;
    try {
      switch (c) {
        case GZIP:
          // not the JDK's GZIPInputStream: it looks for a next member only when in.available() > 0, so on a pipe
          // (zcat | pigz -c | cat a.gz b.gz ...) it can stop silently after the first member
          d = new GzipCompressorInputStream(in instanceof BufferedInputStream ? in
              : new BufferedInputStream(in, 1 << 16), true);
          break;
        case BZIP2:
          d = new BZip2CompressorInputStream(in, true);
          break;
        case XZ:
          d = new XZCompressorInputStream(in, true);
          break;
        default:
          d = new ZstdCompressorInputStream(in);
          break;
      }
    } catch (IOException e) {
      throw new CorruptInput(c.label() + " data is corrupt: " + message(e), e);
    }
    return new BufferedInputStream(new Corruption(d, c), 1 << 16);
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** Turns the decompressor's failures into {@link CorruptInput}. */
  private static final class Corruption extends FilterInputStream {
    private final Codec codec;

    Corruption(InputStream in, Codec codec) {
      super(in);
      this.codec = codec;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException | RuntimeException e) {
        throw corrupt(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        throw corrupt(e);
      }
    }

    private IOException corrupt(Exception e) {
      if (e instanceof CorruptInput) {
        return (CorruptInput) e;
      }
      String what = e instanceof java.io.EOFException ? "it ends too early (truncated?)" : message(e);
      return new CorruptInput("the " + codec.label() + " data is corrupt: " + what, e);
    }
  }

  /** The decompressed bytes. */
  public ReadableByteChannel channel() {
    return channel;
  }

  /** The compression undone, or null for none. */
  public Codec codec() {
    return codec;
  }

  /** The byte count of a plain (uncompressed) regular file, else -1 (unknown until read). */
  public long size() {
    return size;
  }

  /** True for a regular file (compressed or not), false for a pipe, FIFO, device or standard input. */
  public boolean regularFile() {
    return regular;
  }

  /** True when reading standard input. */
  public boolean stdin() {
    return stdin;
  }

  /** Closes the input (standard input is left open). */
  @Override
  public void close() throws IOException {
    if (!stdin) {
      channel.close();
    }
  }
}
