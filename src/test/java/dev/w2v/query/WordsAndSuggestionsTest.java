// The \xHH word syntax and the bounded did-you-mean search.
package dev.w2v.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vectors.WordTable;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordsAndSuggestionsTest {
  @Test
  void escapesParseToBytesAndShowRoundTrips() {
    assertArrayEquals(new byte[] {'a', (byte) 0xff, 'b'}, Words.parse("a\\xffb"));
    assertArrayEquals(new byte[] {'a', '\\', 'b'}, Words.parse("a\\\\b"));
    assertArrayEquals(new byte[] {'a', '\\', 'q'}, Words.parse("a\\q"));
    assertArrayEquals(new byte[] {'\\', 'x', '4'}, Words.parse("\\x4"));
    assertEquals("café", Words.show("café".getBytes(StandardCharsets.UTF_8)));
    assertEquals("a\\b", Words.show("a\\b".getBytes(StandardCharsets.UTF_8)), "printable words are shown as they are");
    Random rnd = new Random(7);
    for (int t = 0; t < 2000; t++) {
      byte[] b = new byte[rnd.nextInt(8)];
      rnd.nextBytes(b);
      String shown = Words.show(b);
      for (int i = 0; i < shown.length(); i++) {
        char c = shown.charAt(i);
        assertTrue(c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0), "no control character shown");
      }
      WordTable words = new WordTable(1);
      words.add(b, 0, b.length);
      assertEquals(0, Words.find(words, shown), "pasting back finds the word: " + shown);
    }
  }

  @Test
  void echoCutsLongWords() {
    assertEquals("short", Words.echo("short"));
    String e = Words.echo("é".repeat(1000));
    assertEquals("é".repeat(60) + "…(2000 bytes)", e);
  }

  /** The plain quadratic Levenshtein distance. */
  private static int naive(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        d[i][j] = i == 0 ? j : j == 0 ? i
            : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
    }
    return d[a.length()][b.length()];
  }

  @Test
  void bandedDistanceEqualsTheFullOneUpToTheLimit() {
    Random rnd = new Random(3);
    for (int t = 0; t < 20000; t++) {
      String a = random(rnd, rnd.nextInt(9));
      String b = random(rnd, rnd.nextInt(9));
      int limit = rnd.nextInt(4);
      int full = naive(a, b);
      assertEquals(Math.min(full, limit + 1), Suggestions.distance(a, b, limit), a + " / " + b + " limit " + limit);
    }
  }

  private static String random(Random rnd, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + rnd.nextInt(3)));
    }
    return sb.toString();
  }

  @Test
  void suggestionWorkIsBoundedWhateverTheWordLength() {
    WordTable words = new WordTable(4);
    for (String w : new String[] {"x".repeat(100), "x".repeat(99) + "y", "a".repeat(65000)}) {
      byte[] b = w.getBytes(StandardCharsets.UTF_8);
      words.add(b, 0, b.length);
    }
    long before = SuggestionsWork.get();
    assertEquals(-1, Suggestions.closest(words, "a".repeat(64999) + "b"), "no suggestion past 100 characters");
    assertEquals(before, SuggestionsWork.get(), "and no work");
    assertEquals(0, Suggestions.closest(words, "x".repeat(99) + "z"));
    long work = SuggestionsWork.get() - before;
    assertTrue(work > 0 && work <= 2 * 100 * 5, "banded: at most rows x (2 limit + 1) steps per word, was " + work);
  }
}
