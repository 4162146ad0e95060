// The bounds on what one API request may ask, so that no request costs more than a few scans of the vocabulary.
package dev.w2v.serve;

/** Limits of the JSON API (documented in the README's {@code w2v serve} section). */
public final class Limits {
  /** Answers per query ({@code n}): a larger n is refused with a 400. */
  public static final int MAX_N = 1000;
  /** Neighbours per word on a map. */
  public static final int MAX_MAP_NEIGHBOURS = 100;
  /** Words in one query (similar, odd-one-out, a map's list). */
  public static final int MAX_WORDS = 200;
  /** Characters (UTF-16) in one word: a longer word is refused with a 400. */
  public static final int MAX_WORD_CHARS = 200;
  /** Characters of a request's raw query string: a longer one is refused with a 414. */
  public static final int MAX_QUERY_CHARS = 16_384;

  private Limits() {}

  /** A user's text cut for an error message. */
  static String cut(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
