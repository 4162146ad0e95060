// A growable read-ahead buffer over a byte channel, shared by the vector-file readers.
package dev.w2v.vectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * The readers look at the bytes from {@code buf.position()} on through absolute gets; {@link #ensure(int)} makes
 * more of them available, compacting or (for one long line) growing the buffer. Floats are little-endian, as every
 * x86/ARM tool writes them.
 */
final class ByteSource {
  private static final int INITIAL = 1 << 22;
  private static final int MAX = Integer.MAX_VALUE - 64;

  private final ReadableByteChannel ch;
  ByteBuffer buf;
  private long base; // stream offset of buf index 0
  private boolean eof;

  ByteSource(ReadableByteChannel ch) {
    this.ch = ch;
    this.buf = ByteBuffer.allocateDirect(INITIAL).order(ByteOrder.LITTLE_ENDIAN);
    buf.limit(0);
  }

  /** Makes at least n bytes available from the position; false when the input ends first. */
  boolean ensure(int n) throws IOException {
    if (buf.remaining() >= n) {
      return true;
    }
    if (eof) {
      return false;
    }
    if (n > buf.capacity()) {
      ByteBuffer bigger = ByteBuffer.allocateDirect((int) Math.min(MAX, Math.max(n, 2L * buf.capacity())))
          .order(ByteOrder.LITTLE_ENDIAN);
      base += buf.position();
      bigger.put(buf);
      buf = bigger;
    } else {
      base += buf.position();
      buf.compact();
    }
    while (buf.position() < n && buf.hasRemaining()) { // a pipe may deliver a few bytes per read
      int r = ch.read(buf);
      if (r < 0) {
        eof = true;
        break;
      }
    }
    buf.flip();
    return buf.remaining() >= n;
  }

  /** Reads ahead up to {@code n} bytes (fewer at the end of the input) and returns how many are available. */
  int peek(int n) throws IOException {
    ensure(n);
    return Math.min(n, buf.remaining());
  }

  /** {@link #scan}: the input ended before the byte was found. */
  static final int END = -1;
  /** {@link #scan}: none of the first {@code max + 1} bytes is the byte. */
  static final int TOO_LONG = -2;

  /**
   * The offset from the position of the first byte {@code b}, reading ahead as needed (the position does not
   * move): at most {@code max}, else {@link #TOO_LONG}; {@link #END} when the input ends first.
   */
  int scan(byte b, int max) throws IOException {
    int k = 0;
    while (true) {
      int p = buf.position();
      int lim = buf.limit();
      for (; p + k < lim; k++) {
        if (buf.get(p + k) == b) {
          return k;
        }
        if (k >= max) {
          return TOO_LONG;
        }
      }
      if (!ensure(k + 1)) {
        return END;
      }
    }
  }

  /** The stream offset of the position. */
  long offset() {
    return base + buf.position();
  }

  /** The stream offset of absolute buffer index i. */
  long offsetOf(int i) {
    return base + i;
  }

  int position() {
    return buf.position();
  }

  void skip(int n) {
    buf.position(buf.position() + n);
  }

  byte get(int i) {
    return buf.get(i);
  }

  /** True when nothing at all remains. */
  boolean atEnd() throws IOException {
    return !ensure(1);
  }

  /** Copies bytes [i, i + len) of the buffer. */
  byte[] bytes(int i, int len) {
    byte[] b = new byte[len];
    buf.get(i, b);
    return b;
  }

  /** Reads n bytes (which {@link #ensure(int)} made available) as a little-endian int / long / double. */
  int int32() throws IOException {
    need(4);
    int v = buf.getInt();
    return v;
  }

  long int64() throws IOException {
    need(8);
    return buf.getLong();
  }

  double float64() throws IOException {
    need(8);
    return buf.getDouble();
  }

  byte int8() throws IOException {
    need(1);
    return buf.get();
  }

  private void need(int n) throws IOException {
    if (!ensure(n)) {
      throw new java.io.EOFException();
    }
  }

  /**
   * Skips everything up to the end of the input, returning the offset of the first byte that is not whitespace
   * (space, tab, CR, LF), or -1 when only whitespace remains.
   */
  long firstNonBlank() throws IOException {
    while (ensure(1)) {
      int p = buf.position();
      int lim = buf.limit();
      for (; p < lim; p++) {
        byte c = buf.get(p);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          return base + p;
        }
      }
      buf.position(lim);
    }
    return -1;
  }
}
