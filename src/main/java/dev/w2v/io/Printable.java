// Text from untrusted input made safe to print in a one-line message: control bytes escaped, length bounded.
package dev.w2v.io;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * A word read from a file can hold any byte: a terminal escape sequence ({@code ESC ] 0 ; ... BEL} retitles the
 * window), a NUL, a carriage return that hides the start of the line. Messages show such words through here, in
 * the form the query commands accept back (query/Words): C0 and C1 control characters, DEL, a byte-order mark,
 * bidi overrides and bytes that are not UTF-8 become {@code \xHH} per byte, a backslash is doubled, and anything
 * longer than the limit is cut with "...".
 */
public final class Printable {
  /** The longest word a message shows in full, in characters. */
  public static final int MAX_SHOWN = 60;

  private Printable() {}

  /** {@code s} escaped and shortened to {@link #MAX_SHOWN} characters. */
  public static String of(String s) {
    return of(s, MAX_SHOWN);
  }

  /** {@code s} escaped and shortened to {@code max} characters of input. */
  public static String of(String s, int max) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return of(b, 0, b.length, max);
  }

  /** Bytes (normally UTF-8) escaped: invalid UTF-8 shows as {@code \xNN}, never as U+FFFD. */
  public static String of(byte[] b, int off, int len) {
    return of(b, off, len, MAX_SHOWN);
  }

  /** As {@link #of(byte[], int, int)} with a limit of {@code max} characters of input. */
  public static String of(byte[] b, int off, int len, int max) {
    StringBuilder sb = new StringBuilder(Math.min(len, max) + 8);
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int n = 0;
    int i = off;
    int end = off + len;
    while (i < end) {
      if (n++ >= max) {
        sb.append("...");
        break;
      }
      int c = b[i] & 0xff;
      int k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
      if (k == 1) {
        append(sb, c);
        i++;
        continue;
      }
      String ch = null;
      if (k > 1 && i + k <= end) {
        try {
          ch = dec.reset().decode(ByteBuffer.wrap(b, i, k)).toString();
        } catch (CharacterCodingException e) {
          ch = null;
        }
      }
      if (ch == null) {
        hex(sb, c);
        i++;
      } else {
        int cp = ch.codePointAt(0);
        if (unsafe(cp)) {
          for (int j = 0; j < k; j++) {
            hex(sb, b[i + j] & 0xff);
          }
        } else {
          sb.append(ch);
        }
        i += k;
      }
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, int c) {
    if (c < 0x20 || c == 0x7F) {
      hex(sb, c);
    } else if (c == '\\') {
      sb.append("\\\\");
    } else {
      sb.append((char) c);
    }
  }

  /** C1 controls, the byte-order mark, line separators and bidi overrides: shown as their bytes. */
  private static boolean unsafe(int c) {
    return (c >= 0x80 && c <= 0x9F) || c == 0xFEFF || c == 0xFFFD || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  private static void hex(StringBuilder sb, int c) {
    sb.append("\\x").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
  }
}
