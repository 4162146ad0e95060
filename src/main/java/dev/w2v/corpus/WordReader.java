// Byte-level word reader with word2vec.c's exact tokenisation (ReadWord in word2vec.c and word2phrase.c).
package dev.w2v.corpus;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into words exactly as word2vec.c's {@code ReadWord}: space, tab and newline separate
 * words; carriage returns (byte 13) are dropped; a newline is a token of its own ({@link #NEWLINE}), returned
 * after the word it ends; a longer word keeps only its first {@code maxString - 2} bytes (the C code keeps
 * overwriting {@code word[MAX_STRING - 2]}, then ends the string there with its NUL); a word containing a NUL byte
 * is cut at that byte (C strings); a final word that no separator follows is dropped, as the original drops it.
 *
 * <p>word2vec.c uses {@code MAX_STRING = 100} (words up to 98 bytes), word2phrase.c {@code 60} (58 bytes).
 */
public final class WordReader implements AutoCloseable {
  /** {@link #next()} result: end of input. */
  public static final int EOF = -1;
  /** {@link #next()} result: a newline, which word2vec.c reads as the word {@code </s>}. */
  public static final int NEWLINE = -2;

  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int lim;
  private long consumed; // bytes of the stream before buf[0]
  private final byte[] word;
  private final int maxString;
  /** Where {@link #nextInPlace()} left the current word: the buffer or {@link #word}, and its start there. */
  private byte[] placeArray;
  private int placeStart;

  /** @param maxString word2vec.c's MAX_STRING (100 for training, 60 for word2phrase) */
  public WordReader(InputStream in, int maxString) {
    this(in, maxString, 1 << 16);
  }

  public WordReader(InputStream in, int maxString, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
    this.maxString = maxString;
    this.word = new byte[maxString];
  }

  /** The current word's bytes; valid up to the length {@link #next()} returned, until the next call. */
  public byte[] word() {
    return word;
  }

  /** Bytes consumed from the stream so far (word2vec.c's {@code ftell} after the last read). */
  public long position() {
    return consumed + pos;
  }

  /**
   * Reads the next token: returns its length in bytes (possibly 0, for a word starting with a NUL byte),
   * {@link #NEWLINE} or {@link #EOF}.
   */
  public int next() throws IOException {
    int a = 0;
    final int last = maxString - 1;
    while (true) {
      if (pos >= lim && !fill()) {
        return EOF; // word2vec.c sets eof and its callers drop a partial word
      }
      byte ch = buf[pos++];
      if (ch == 13) {
        continue;
      }
      if (ch == ' ' || ch == '\t' || ch == '\n') {
        if (a > 0) {
          if (ch == '\n') {
            pos--; // ungetc: the newline is the next token
          }
          break;
        }
        if (ch == '\n') {
          return NEWLINE;
        }
        continue;
      }
      word[a] = ch;
      a++;
      if (a >= last) {
        a--;
      }
    }
    // C string semantics: the word ends at its first NUL byte
    for (int i = 0; i < a; i++) {
      if (word[i] == 0) {
        return i;
      }
    }
    return a;
  }

  /**
   * As {@link #next()}, but the word may be left where it lies in the read buffer instead of copied: its bytes are
   * {@link #placeArray()} from {@link #placeStart()}, valid until the next call. Same tokens as {@code next()}: a
   * word that lies whole in the buffer, with no carriage return or NUL byte in it and not too long, is found by one
   * tight loop; any other word (and the tokens around a refill) goes through {@code next()}.
   */
  public int nextInPlace() throws IOException {
    final byte[] b = buf;
    final int l = lim;
    int p = pos;
    byte c = 0;
    while (p < l && ((c = b[p]) == ' ' || c == '\t')) {
      p++;
    }
    if (p < l) {
      if (c == '\n') {
        pos = p + 1;
        return NEWLINE;
      }
      final int start = p;
      while (p < l && PLAIN[(c = b[p]) & 0xFF]) {
        p++;
      }
      int len = p - start;
      if (p < l && len > 0 && len < maxString - 1 && (c == ' ' || c == '\t' || c == '\n')) {
        pos = c == '\n' ? p : p + 1; // a newline is the next token
        placeArray = b;
        placeStart = start;
        return len;
      }
    }
    placeArray = word;
    placeStart = 0;
    return next();
  }

  /** The array holding the word {@link #nextInPlace()} returned. */
  public byte[] placeArray() {
    return placeArray;
  }

  /** Where in {@link #placeArray()} that word starts. */
  public int placeStart() {
    return placeStart;
  }

  /** Bytes that may be part of a word as they stand: all but the separators, the carriage return and NUL. */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    java.util.Arrays.fill(PLAIN, true);
    for (int ch : new int[] {' ', '\t', '\n', 13, 0}) {
      PLAIN[ch] = false;
    }
  }

  /**
   * Reads one byte, or -1 at end of input. For parsers (such as the vocabulary file reader) that mix words
   * with other fields.
   */
  public int read() throws IOException {
    if (pos >= lim && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  /** Pushes back the byte just returned by {@link #read()} (like C's ungetc). */
  public void unread() {
    pos--;
  }

  private boolean fill() throws IOException {
    consumed += lim;
    pos = 0;
    lim = 0;
    int n = in.read(buf, 0, buf.length);
    while (n == 0) {
      n = in.read(buf, 0, buf.length);
    }
    if (n < 0) {
      return false;
    }
    lim = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
