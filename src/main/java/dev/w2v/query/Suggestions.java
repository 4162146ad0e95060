// "Did you mean ...?" for a word that is not in the vocabulary.
package dev.w2v.query;

import dev.w2v.vectors.WordTable;
import java.util.Locale;

/** Finds the vocabulary word closest in spelling to a missing one. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The first (most frequent, in a frequency-sorted file) word equal ignoring case, else the first within edit
   * distance 1 (2 for words of 6 characters or more), or null.
   */
  public static String closest(WordTable words, String missing) {
    String lower = missing.toLowerCase(Locale.ROOT);
    int max = missing.length() >= 6 ? 2 : 1;
    String best = null;
    int bestD = max + 1;
    int n = words.size();
    int len = missing.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    for (int i = 0; i < n; i++) {
      if (Math.abs(words.length(i) - len) > 4 * max) {
        continue;
      }
      String w = words.word(i);
      if (w.toLowerCase(Locale.ROOT).equals(lower)) {
        return w;
      }
      if (bestD > 1 || best == null) {
        int d = distance(lower, w.toLowerCase(Locale.ROOT), Math.min(max, bestD - 1));
        if (d < bestD) {
          bestD = d;
          best = w;
        }
      }
    }
    return best;
  }

  /** Levenshtein distance of a and b, or limit + 1 when it is above limit. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
