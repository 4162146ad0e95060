// word2vec.c's ReadWord applied to one line of a Spark text input, with words kept as raw bytes.
package dev.w2v.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes of one line (Hadoop's {@code Text}, newline already removed) as word2vec.c's ReadWord does:
 * space and tab separate words, carriage returns are dropped, a word keeps its first 98 bytes and ends at a NUL
 * byte. Words are returned as ISO-8859-1 strings, one char per byte, so any byte sequence (invalid UTF-8 included)
 * survives the trip through Spark and back to the same bytes ({@link #bytes}). The line's end is the word
 * {@code </s>}, as a newline is in word2vec.c; callers add it.
 */
final class Tokens {
  static final String EOS = "</s>";
  /** word2vec.c's MAX_STRING - 2: the bytes a word keeps. */
  static final int MAX_WORD = 98;

  private Tokens() {}

  /** All the words of a line: its one sentence when sentences are unbounded. */
  static String[] split(byte[] b, int len) {
    return sentences(b, len, Integer.MAX_VALUE).next();
  }

  /**
   * The words of a line in sentences of at most {@code max} words, lazily (a 100 MB line never exists as one
   * array of words). Every sentence but the line's last ends with a {@code null} element: "the line goes on", so
   * only the line's end counts as {@code </s>}. word2vec.c also cuts sentences at 1000 words (counting after
   * subsampling; here the cut is before it, so long lines give slightly shorter sentences).
   */
  static java.util.Iterator<String[]> sentences(byte[] b, int len, int max) {
    return new java.util.Iterator<>() {
      int i = 0;
      boolean done = false;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public String[] next() {
        List<String> out = new ArrayList<>();
        byte[] w = new byte[MAX_WORD];
        int a = 0;
        boolean inWord = false;
        for (; i <= len; i++) {
          byte ch = i < len ? b[i] : (byte) ' ';
          if (ch == 13) {
            continue;
          }
          if (ch == ' ' || ch == '\t' || ch == '\n') {
            if (inWord) {
              out.add(word(w, a));
              a = 0;
              inWord = false;
              if (out.size() == max) {
                i++;
                break;
              }
            }
            continue;
          }
          inWord = true;
          if (a < MAX_WORD) {
            w[a++] = ch;
          }
        }
        // more words after this sentence?
        int j = i;
        while (j < len && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == 13)) {
          j++;
        }
        if (j >= len) {
          done = true;
          return out.toArray(new String[0]);
        }
        out.add(null);
        return out.toArray(new String[0]);
      }
    };
  }

  private static String word(byte[] w, int a) {
    int n = 0;
    while (n < a && w[n] != 0) {
      n++; // C strings: the word ends at its first NUL byte
    }
    return new String(w, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** The raw bytes of a word returned by {@link #split}. */
  static byte[] bytes(String word) {
    return word.getBytes(StandardCharsets.ISO_8859_1);
  }
}
