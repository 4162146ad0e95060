// Test access to the work counter of Suggestions.
package dev.w2v.query;

/** The character steps of edit distance done so far on this thread. */
public final class SuggestionsWork {
  private SuggestionsWork() {}

  public static long get() {
    return Suggestions.WORK.get()[0];
  }
}
