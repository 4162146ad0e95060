// How query words are typed and how vocabulary words are shown: a \xHH escape for bytes that are not printable UTF-8.
package dev.w2v.query;

import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.WordTable;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Vocabulary words are raw bytes, and some are not valid UTF-8 or hold control bytes. So that every word can be asked
 * for and every answer can be pasted back as a query:
 *
 * <ul>
 *   <li>A word that is valid UTF-8 without control characters is shown as it is.
 *   <li>Any other word is shown escaped: each invalid or control byte (0x00-0x1F, 0x7F, and the UTF-8 of U+0080-U+009F)
 *       as {@code \xHH}, each backslash as {@code \\}. So no control byte of a vector file reaches the terminal.
 *   <li>In a query word, {@code \xHH} (two hex digits) is the byte 0xHH and {@code \\} one backslash; any other
 *       backslash is itself. When the decoded word is not in the vocabulary but the word as typed is, the typed one
 *       is used (a word with a literal {@code \x41} in it needs no doubling unless {@code A} would match too).
 * </ul>
 */
public final class Words {
  /** Longest word echoed in full in a message; longer ones are cut. */
  public static final int ECHO_CHARS = 60;

  private Words() {}

  /** The bytes a query word stands for: UTF-8, with {@code \xHH} and {@code \\} decoded. */
  public static byte[] parse(String typed) {
    if (typed.indexOf('\\') < 0) {
      return typed.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(typed.length());
    int i = 0;
    int n = typed.length();
    while (i < n) {
      int bs = typed.indexOf('\\', i);
      if (bs < 0) {
        bs = n;
      }
      out.writeBytes(typed.substring(i, bs).getBytes(StandardCharsets.UTF_8));
      if (bs == n) {
        break;
      }
      if (bs + 1 < n && typed.charAt(bs + 1) == '\\') {
        out.write('\\');
        i = bs + 2;
      } else if (bs + 3 < n && typed.charAt(bs + 1) == 'x'
          && hex(typed.charAt(bs + 2)) >= 0 && hex(typed.charAt(bs + 3)) >= 0) {
        out.write(hex(typed.charAt(bs + 2)) * 16 + hex(typed.charAt(bs + 3)));
        i = bs + 4;
      } else {
        out.write('\\');
        i = bs + 1;
      }
    }
    return out.toByteArray();
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** The row of a typed word ({@link #parse} first, then the word as typed), or -1. */
  public static int find(Embeddings e, String typed) {
    return find(e.words(), typed);
  }

  /** As {@link #find(Embeddings, String)} in a word table. */
  public static int find(WordTable words, String typed) {
    byte[] b = parse(typed);
    int i = words.indexOf(b, 0, b.length);
    if (i < 0 && typed.indexOf('\\') >= 0) {
      i = words.indexOf(typed);
    }
    return i;
  }

  /** Word i as shown in answers: itself when it is printable UTF-8, else escaped (see the class comment). */
  public static String show(Embeddings e, int i) {
    return show(e.bytes(i));
  }

  /** A word's bytes as shown in answers. */
  public static String show(byte[] b) {
    String s = decodeStrict(b);
    if (s != null && printable(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(b.length + 8);
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int i = 0;
    while (i < b.length) {
      int len = utf8Length(b, i);
      if (len == 0) {
        escape(sb, b[i]);
        i++;
        continue;
      }
      String ch;
      try {
        ch = dec.reset().decode(ByteBuffer.wrap(b, i, len)).toString();
      } catch (CharacterCodingException x) {
        escape(sb, b[i]);
        i++;
        continue;
      }
      int cp = ch.codePointAt(0);
      if (control(cp)) {
        for (int k = 0; k < len; k++) {
          escape(sb, b[i + k]);
        }
      } else if (cp == '\\') {
        sb.append("\\\\");
      } else {
        sb.append(ch);
      }
      i += len;
    }
    return sb.toString();
  }

  /** The length of the UTF-8 sequence a lead byte announces, or 0 for a byte that cannot start one. */
  private static int utf8Length(byte[] b, int i) {
    int x = b[i] & 0xff;
    int len = x < 0x80 ? 1 : x >= 0xC2 && x < 0xE0 ? 2 : x >= 0xE0 && x < 0xF0 ? 3 : x >= 0xF0 && x < 0xF5 ? 4 : 0;
    return i + len <= b.length ? len : 0;
  }

  private static void escape(StringBuilder sb, byte x) {
    sb.append("\\x").append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
  }

  private static String decodeStrict(byte[] b) {
    try {
      CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return cb.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (control(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean control(int cp) {
    return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
  }

  /**
   * A word for a message: shown as {@link #show(byte[])} does, and when longer than {@link #ECHO_CHARS} characters
   * cut there and followed by "…(N bytes)", so that a hostile 200 MB word prints one short line.
   */
  public static String echo(String typed) {
    if (typed.length() <= ECHO_CHARS) {
      return show(parse(typed));
    }
    int cut = ECHO_CHARS;
    if (Character.isHighSurrogate(typed.charAt(cut - 1))) {
      cut--;
    }
    long bytes = utf8Bytes(typed);
    return show(parse(typed.substring(0, cut))) + "…(" + bytes + " bytes)";
  }

  private static long utf8Bytes(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
