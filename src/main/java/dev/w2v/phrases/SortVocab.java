// word2phrase.c's SortVocab, reduced to what it decides: which words and bigrams SearchVocab can find afterwards.
package dev.w2v.phrases;

/**
 * After counting, word2phrase.c sorts {@code vocab[1..]} by count (glibc's stable merge sort, with a comparator
 * that truncates the count difference to {@code int}) and then runs a buggy pruning loop:
 *
 * <pre>
 *   for (a = 0; a &lt; vocab_size; a++)
 *     if (vocab[a].cn &lt; min_count) { vocab_size--; free(vocab[vocab_size].word); }
 *     else hash vocab[a]
 * </pre>
 *
 * It never moves an entry: a rare entry is simply not hashed, while the loop's end moves one place closer. Only
 * the hashed entries can be found later, so that set is all the output depends on. When every entry but
 * {@code vocab[0]} (normally {@code </s>}, count 0) is frequent enough, the shrinking bound skips the last entry of
 * the sorted order, which is then never found.
 *
 * <p>{@link #apply} computes the set in one walk when counts fit in an {@code int} (the comparator is then exact
 * and the sort stable, so the order need not be built); otherwise it sorts exactly as glibc does.
 */
final class SortVocab {
  private SortVocab() {}

  /**
   * Marks (count -1) every entry of {@code vocab} that word2phrase.c's SortVocab would leave out of its hash, so
   * that {@link CountTable#get} no longer finds it. Returns the number of entries still findable.
   */
  static int apply(CountTable vocab, int minCount) {
    int first = vocab.first();
    if (first == 0) {
      return 0;
    }
    boolean exact = true; // every count sorted fits in an int, so (int) (b - a) has the sign of b - a
    boolean anyRare = false; // some entry after the first is below minCount
    int last = 0; // the entry a stable descending sort puts last: the last-added one with the smallest count
    long smallest = Long.MAX_VALUE;
    for (int a = vocab.next(first); a != 0; a = vocab.next(a)) {
      long c = vocab.count(a);
      if (c > Integer.MAX_VALUE) {
        exact = false;
      }
      if (c < minCount) {
        anyRare = true;
      }
      if (c <= smallest) {
        smallest = c;
        last = a;
      }
    }
    if (!exact) {
      return applyLiterally(vocab, minCount);
    }
    boolean firstRare = vocab.count(first) < minCount;
    int kept = 0;
    for (int a = first; a != 0; a = vocab.next(a)) {
      if (vocab.count(a) < minCount) {
        vocab.setCount(a, -1);
      } else {
        kept++;
      }
    }
    if (firstRare && !anyRare && last != 0) {
      vocab.setCount(last, -1);
      kept--;
    }
    return kept;
  }

  /** {@link #apply} by sorting: for counts beyond the int range, where the truncating comparator misorders. */
  private static int applyLiterally(CountTable vocab, int minCount) {
    int n = vocab.size();
    int[] address = new int[n];
    long[] cn = new long[n];
    int i = 0;
    for (int a = vocab.first(); a != 0; a = vocab.next(a)) {
      address[i] = a;
      cn[i] = vocab.count(a);
      i++;
    }
    boolean[] hashed = hashed(cn, minCount);
    int kept = 0;
    for (i = 0; i < n; i++) {
      if (hashed[i]) {
        kept++;
      } else {
        vocab.setCount(address[i], -1);
      }
    }
    return kept;
  }

  /**
   * The literal SortVocab over counts in insertion order ({@code cn[0]} is {@code </s>}'s): returns which
   * entries end up hashed.
   */
  static boolean[] hashed(long[] cn, int minCount) {
    int n = cn.length;
    int[] vocab = new int[n]; // entry indices, sorted in place like vocab[]
    for (int i = 0; i < n; i++) {
      vocab[i] = i;
    }
    if (n > 1) {
      msort(vocab, 1, n - 1, new int[n - 1], cn); // qsort(&vocab[1], vocab_size - 1, ...)
    }
    boolean[] hashed = new boolean[n];
    long vocabSize = n;
    for (int a = 0; a < vocabSize; a++) {
      if (cn[vocab[a]] < minCount) {
        vocabSize--;
      } else {
        hashed[vocab[a]] = true;
      }
    }
    return hashed;
  }

  /**
   * glibc's {@code msort_with_tmp} (stdlib/msort.c, used by qsort up to at least 2.36 when the temporary array
   * fits in a quarter of the RAM) over {@code b[off..off+n)}, with word2phrase.c's VocabCompare.
   */
  static void msort(int[] b, int off, int n, int[] tmp, long[] cn) {
    if (n <= 1) {
      return;
    }
    int n1 = n / 2;
    int n2 = n - n1;
    int b1 = off;
    int b2 = off + n1;
    msort(b, b1, n1, tmp, cn);
    msort(b, b2, n2, tmp, cn);
    int t = 0;
    while (n1 > 0 && n2 > 0) {
      if (vocabCompare(cn[b[b1]], cn[b[b2]]) <= 0) {
        tmp[t++] = b[b1++];
        n1--;
      } else {
        tmp[t++] = b[b2++];
        n2--;
      }
    }
    if (n1 > 0) {
      System.arraycopy(b, b1, tmp, t, n1);
    }
    System.arraycopy(tmp, 0, b, off, n - n2);
  }

  /** VocabCompare: {@code b->cn - a->cn}, a long long difference returned as an int (truncated). */
  static int vocabCompare(long a, long b) {
    return (int) (b - a);
  }
}
