// "Did you mean ...?" for a word that is not in the vocabulary, with its work bounded whatever the word's length.
package dev.w2v.query;

import dev.w2v.vectors.WordTable;
import java.util.Locale;

/**
 * Finds the vocabulary word closest in spelling to a missing one. Only words of at most {@link #MAX_CHARS} characters
 * get a suggestion (a longer one is no typo of a word), and only vocabulary words within a few bytes of its length are
 * compared, by a banded edit distance: one query costs O(vocabulary x MAX_CHARS x 2) character steps at most, so a
 * hostile 64 KB word costs nothing beyond its length check.
 */
public final class Suggestions {
  /** Words longer than this (in UTF-16 characters) get no suggestion. */
  public static final int MAX_CHARS = 100;

  /** Character steps done by the last edit distances on this thread (for tests of the bound). */
  static final ThreadLocal<long[]> WORK = ThreadLocal.withInitial(() -> new long[1]);

  private Suggestions() {}

  /**
   * The first (most frequent, in a frequency-sorted file) word equal ignoring case, else the first within edit
   * distance 1 (2 for words of 6 characters or more), or -1; always -1 for a word longer than {@link #MAX_CHARS}.
   */
  public static int closest(WordTable words, String missing) {
    if (missing.length() > MAX_CHARS || missing.isEmpty()) {
      return -1;
    }
    String lower = missing.toLowerCase(Locale.ROOT);
    int max = missing.length() >= 6 ? 2 : 1;
    int best = -1;
    int bestD = max + 1;
    int n = words.size();
    int len = missing.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    for (int i = 0; i < n; i++) {
      if (Math.abs(words.length(i) - len) > 4 * max) {
        continue;
      }
      String w = words.word(i).toLowerCase(Locale.ROOT);
      if (w.equals(lower)) {
        return i;
      }
      if (bestD > 1 || best < 0) {
        int d = distance(lower, w, Math.min(max, bestD - 1));
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
    }
    return best;
  }

  /**
   * Levenshtein distance of a and b, or limit + 1 when it is above limit. Only the band |i - j| <= limit of the table is
   * computed (cells outside it are above the limit), so the work is O(min(|a|, |b|) x (2 limit + 1)).
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int big = limit + 1;
    int m = b.length();
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = Math.min(j, big);
    }
    long work = 0;
    for (int i = 1; i <= a.length(); i++) {
      int lo = Math.max(1, i - limit);
      int hi = Math.min(m, i + limit);
      cur[0] = Math.min(i, big);
      if (lo > 1) {
        cur[lo - 1] = big;
      }
      int rowMin = lo == 1 ? cur[0] : big;
      for (int j = lo; j <= hi; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int left = cur[j - 1];
        int up = j <= i - 1 + limit ? prev[j] : big;
        int v = Math.min(Math.min(left + 1, up + 1), prev[j - 1] + cost);
        cur[j] = Math.min(v, big);
        rowMin = Math.min(rowMin, cur[j]);
      }
      work += hi - lo + 1;
      if (hi < m) {
        cur[hi + 1] = big;
      }
      if (rowMin > limit) {
        WORK.get()[0] += work;
        return limit + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    WORK.get()[0] += work;
    return Math.min(prev[m], big);
  }
}
