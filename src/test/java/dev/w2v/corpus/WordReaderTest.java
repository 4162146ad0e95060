// word2vec.c's ReadWord, byte for byte: separators, CR, newline tokens, long-word cut, NUL bytes, end of input.
package dev.w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordReaderTest {
  private static final String NL = "<NL>";

  /** Tokens of {@code input}, words decoded as ISO-8859-1 (one char per byte), newlines as {@link #NL}. */
  static List<String> tokens(byte[] input, int maxString, int bufferSize) throws IOException {
    return tokens(input, maxString, bufferSize, false, null);
  }

  /**
   * As {@link #tokens(byte[], int, int)}, read with {@link WordReader#nextInPlace()} when {@code inPlace}; the
   * reader's {@link WordReader#position()} after each token is added to {@code positions} (if given).
   */
  static List<String> tokens(byte[] input, int maxString, int bufferSize, boolean inPlace, List<Long> positions)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (WordReader r = new WordReader(new ByteArrayInputStream(input), maxString, bufferSize)) {
      while (true) {
        int len = inPlace ? r.nextInPlace() : r.next();
        if (positions != null) {
          positions.add(r.position());
        }
        if (len == WordReader.EOF) {
          return out;
        }
        if (len == WordReader.NEWLINE) {
          out.add(NL);
        } else if (inPlace) {
          out.add(new String(r.placeArray(), r.placeStart(), len, StandardCharsets.ISO_8859_1));
        } else {
          out.add(new String(r.word(), 0, len, StandardCharsets.ISO_8859_1));
        }
      }
    }
  }

  static List<String> tokens(String input) throws IOException {
    return tokens(input.getBytes(StandardCharsets.ISO_8859_1), 100, 1 << 16);
  }

  @Test
  void spacesTabsAndRunsSeparateWords() throws IOException {
    assertEquals(List.of("a", "bb", "c", NL), tokens("  a\t\tbb   c \t\n"));
  }

  @Test
  void newlineIsATokenAfterTheWordItEnds() throws IOException {
    assertEquals(List.of("a", "b", NL, NL, "c", NL), tokens("a b\n\nc\n"));
    assertEquals(List.of(NL), tokens("\n"));
  }

  @Test
  void carriageReturnsAreDropped() throws IOException {
    assertEquals(List.of("a", NL, "b", NL), tokens("a\r\nb\r\n"));
    assertEquals(List.of("abc", NL), tokens("ab\rc\r\n"));
    assertEquals(List.of(NL), tokens("\r\r\n\r"));
  }

  @Test
  void finalWordWithoutSeparatorIsDropped() throws IOException {
    assertEquals(List.of("a"), tokens("a b"));
    assertEquals(List.of("a", NL), tokens("a\nlast"));
    assertEquals(List.of(), tokens("lonely"));
  }

  @Test
  void emptyAndBlankInputHaveNoTokens() throws IOException {
    assertEquals(List.of(), tokens(""));
    assertEquals(List.of(), tokens(" \t \r "));
  }

  @Test
  void longWordsKeepTheirFirst98Bytes() throws IOException {
    // ReadWord keeps overwriting word[98] once a word reaches 99 bytes, then word[98] = 0 ends the string
    String head = "0123456789".repeat(9) + "abcdefgh"; // 98 bytes
    assertEquals(98, head.length());
    assertEquals(List.of(head), tokens(head + " "));
    assertEquals(List.of(head), tokens(head + "X "));
    assertEquals(List.of(head, "z"), tokens(head + "XYZ".repeat(20) + " z "));
    assertEquals(List.of(head.substring(0, 97)), tokens(head.substring(0, 97) + " "));
  }

  @Test
  void word2phraseCutIs58Bytes() throws IOException {
    String w = "x".repeat(58);
    byte[] in = (w + "yyyy " + w.substring(1) + " ").getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(List.of(w, w.substring(1)), tokens(in, 60, 1 << 16));
  }

  @Test
  void nulBytesCutTheWord() throws IOException {
    assertEquals(List.of("ab", "c"), tokens("ab\0cd c "));
    assertEquals(List.of("", "x"), tokens("\0ab x "), "a leading NUL gives a 0-length word");
  }

  @Test
  void bytesAreKeptAsTheyAre() throws IOException {
    byte[] in = {(byte) 0xC3, (byte) 0xA9, (byte) 0xFF, ' ', (byte) 0x80, '\n'};
    assertEquals(List.of("\u00c3\u00a9\u00ff", "\u0080", NL), tokens(in, 100, 16));
  }

  @Test
  void positionIsBytesConsumed() throws IOException {
    byte[] in = "ab cd\n\nef".getBytes(StandardCharsets.US_ASCII);
    try (WordReader r = new WordReader(new ByteArrayInputStream(in), 100, 2)) {
      assertEquals(0, r.position());
      assertEquals(2, r.next());
      assertEquals(3, r.position()); // the separating space is consumed
      assertEquals(2, r.next());
      assertEquals(5, r.position()); // the newline is pushed back
      assertEquals(WordReader.NEWLINE, r.next());
      assertEquals(6, r.position());
      assertEquals(WordReader.NEWLINE, r.next());
      assertEquals(7, r.position());
      assertEquals(WordReader.EOF, r.next());
      assertEquals(9, r.position());
    }
  }

  @Test
  void readAndUnreadMixWithWords() throws IOException {
    byte[] in = "w 12\nv".getBytes(StandardCharsets.US_ASCII);
    try (WordReader r = new WordReader(new ByteArrayInputStream(in), 100, 3)) {
      assertEquals(1, r.next());
      assertEquals('1', r.read());
      assertEquals('2', r.read());
      assertEquals('\n', r.read());
      r.unread();
      assertEquals(WordReader.NEWLINE, r.next());
      assertEquals('v', r.read());
      assertEquals(-1, r.read());
    }
  }

  /** A literal transcription of ReadWord's semantics: a char array, fgetc, ungetc and a NUL terminator. */
  static List<String> referenceTokens(byte[] in, int maxString) {
    List<String> out = new ArrayList<>();
    int[] p = {0};
    while (true) {
      byte[] word = new byte[maxString];
      int a = 0;
      boolean eof = false;
      boolean newline = false;
      while (true) {
        if (p[0] >= in.length) {
          eof = true;
          break;
        }
        byte ch = in[p[0]++];
        if (ch == 13) {
          continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\n') {
          if (a > 0) {
            if (ch == '\n') {
              p[0]--;
            }
            break;
          }
          if (ch == '\n') {
            newline = true;
            break;
          }
          continue;
        }
        word[a] = ch;
        a++;
        if (a >= maxString - 1) {
          a--;
        }
      }
      if (eof) {
        return out;
      }
      if (newline) {
        out.add(NL);
        continue;
      }
      word[a] = 0;
      int len = 0;
      while (word[len] != 0) {
        len++;
      }
      out.add(new String(word, 0, len, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void agreesWithALiteralReadWordOnRandomBytesAndBufferSizes() throws IOException {
    byte[] alphabet = {'a', 'b', 'c', ' ', ' ', '\t', '\n', '\r', 0, (byte) 0xC3, (byte) 0xA9};
    Random rnd = new Random(42);
    for (int t = 0; t < 300; t++) {
      byte[] in = new byte[rnd.nextInt(400)];
      for (int i = 0; i < in.length; i++) {
        // occasional long runs of letters exercise the cut
        in[i] = rnd.nextInt(10) == 0 && i > 0 ? in[i - 1] : alphabet[rnd.nextInt(alphabet.length)];
        if (rnd.nextInt(50) == 0) {
          int run = Math.min(in.length - i - 1, 50 + rnd.nextInt(150));
          Arrays.fill(in, i, i + Math.max(run, 0), (byte) ('d' + rnd.nextInt(3)));
          i += Math.max(run - 1, 0);
        }
      }
      for (int max : new int[] {100, 60}) {
        List<String> expected = referenceTokens(in, max);
        for (int buf : new int[] {1, 3, 64, 1 << 16}) {
          String at = "input #" + t + ", MAX_STRING " + max + ", buffer " + buf;
          List<Long> positions = new ArrayList<>();
          assertEquals(expected, tokens(in, max, buf, false, positions), at);
          List<Long> inPlacePositions = new ArrayList<>();
          assertEquals(expected, tokens(in, max, buf, true, inPlacePositions), at + ", in place");
          assertEquals(positions, inPlacePositions, at + ": positions, in place");
        }
      }
    }
  }
}
