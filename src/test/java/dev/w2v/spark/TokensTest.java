// Tokens: word2vec.c's word splitting on one line, and long lines cut into sentences of at most N words.
package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
  private static List<String[]> sentences(String line, int max) {
    byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
    List<String[]> out = new ArrayList<>();
    Iterator<String[]> it = Tokens.sentences(b, b.length, max);
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void splitsAsReadWordDoes() {
    String longWord = "x".repeat(120);
    byte[] b = (" a\tb\r c  " + longWord + " d\0e ").getBytes(StandardCharsets.ISO_8859_1);
    assertArrayEquals(new String[] {"a", "b", "c", "x".repeat(98), "d"}, Tokens.split(b, b.length));
  }

  @Test
  void aLongLineBecomesSentencesAndOnlyTheLastEndsTheLine() {
    List<String[]> s = sentences(" one two three four five ", 2);
    assertEquals(3, s.size());
    assertArrayEquals(new String[] {"one", "two", null}, s.get(0));
    assertArrayEquals(new String[] {"three", "four", null}, s.get(1));
    assertArrayEquals(new String[] {"five"}, s.get(2));
    // exactly full: no continuation marker, and trailing blanks do not make an empty sentence
    List<String[]> t = sentences("one two  \t", 2);
    assertEquals(1, t.size());
    assertArrayEquals(new String[] {"one", "two"}, t.get(0));
    List<String[]> empty = sentences("", 2);
    assertEquals(1, empty.size());
    assertEquals(0, empty.get(0).length);
    assertFalse(sentences("a b c", 1000).get(0).length != 3);
  }
}
