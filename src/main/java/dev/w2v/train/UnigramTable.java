// Negative sampling from unigram counts raised to 0.75: word2vec.c's 1e8-entry table, stored compactly.
package dev.w2v.train;

/**
 * word2vec.c's InitUnigramTable fills {@code table[a]} (a < 1e8) with a non-decreasing word index. We run the
 * same loop, in the same double arithmetic, but keep only where each word's run starts ({@code first[i]}) and a
 * coarse bucket index over it: {@link #get(int)} returns exactly {@code table[a]} from well under 1 MB instead of
 * 400 MB, and is faster, because the bucket array stays in cache where the full table missed on nearly every draw.
 * A bucket spans 1,024 entries (a 390 KB index, in a core's L2); where a bucket holds many runs (rare words in a
 * large vocabulary) the word is found by bisection between the words at its two ends.
 */
public final class UnigramTable {
  public static final int TABLE_SIZE = 100_000_000;
  private static final int BUCKET_SHIFT = 10; // 1,024 table entries per bucket
  /** Runs in a bucket above which {@link #get} bisects instead of stepping. */
  private static final int STEPS = 8;

  private final int tableSize;
  private final int[] first; // first[i] = smallest a with table[a] == i; first[n] = tableSize
  private final int[] bucket; // bucket[k] = table[k << BUCKET_SHIFT]; the last, one past: the last word

  public UnigramTable(long[] counts) {
    this(counts, TABLE_SIZE);
  }

  /** @param tableSize word2vec.c's table_size (1e8); smaller sizes are for tests */
  public UnigramTable(long[] counts, int tableSize) {
    this.tableSize = tableSize;
    int vocabSize = counts.length;
    double power = 0.75;
    double trainWordsPow = 0;
    for (int a = 0; a < vocabSize; a++) {
      trainWordsPow += Math.pow(counts[a], power);
    }
    int[] starts = new int[vocabSize + 1];
    int runs = 0;
    // word2vec.c's loop stores table[a] = i, then moves i on (once) when a / table_size > d1. Between two moves
    // nothing changes, so this jumps from one move to the next: a run of word i starts at a and ends at the first
    // a' >= a where the test holds (found exactly, by the same double expression, from a guess at d1 * table_size).
    int i = 0;
    double d1 = Math.pow(counts[i], power) / trainWordsPow;
    long at = 0;
    while (at < tableSize) {
      starts[runs++] = (int) at;
      if (i == vocabSize - 1) {
        break; // the last word: word2vec.c's i stays clamped here to the end
      }
      long n = firstAbove(d1, at, tableSize);
      if (n >= tableSize) {
        break;
      }
      i++;
      // word2vec.c reads vocab[vocab_size].cn when i passes the end; here i < vocabSize always
      d1 += Math.pow(counts[i], power) / trainWordsPow;
      at = n + 1;
    }
    // runs are for words 0 .. runs-1, in order
    this.first = new int[runs + 1];
    System.arraycopy(starts, 0, first, 0, runs);
    first[runs] = tableSize;
    int nb = (int) (((long) tableSize + (1 << BUCKET_SHIFT) - 1) >> BUCKET_SHIFT);
    this.bucket = new int[nb + 1];
    int w = 0;
    for (int k = 0; k < nb; k++) {
      int a = k << BUCKET_SHIFT;
      while (first[w + 1] <= a) {
        w++;
      }
      bucket[k] = w;
    }
    bucket[nb] = runs - 1;
  }

  /**
   * The smallest {@code x} in {@code [from, tableSize)} with {@code x / (double) tableSize > d1} (word2vec.c's
   * test), or {@code tableSize} if there is none. The test is monotone in x, and {@code d1 * tableSize} is within
   * a step or two of the answer, so the two loops are short (a NaN d1 fails every test, as in word2vec.c).
   */
  private static long firstAbove(double d1, long from, int tableSize) {
    double guess = Math.floor(d1 * tableSize);
    long x = guess >= tableSize ? tableSize : Math.max(from, (long) guess);
    while (x > from && (x - 1) / (double) tableSize > d1) {
      x--;
    }
    while (x < tableSize && !(x / (double) tableSize > d1)) {
      x++;
    }
    return x;
  }

  /** {@code table[a]} of word2vec.c, for 0 <= a < tableSize. */
  public int get(int a) {
    int k = a >>> BUCKET_SHIFT;
    int w = bucket[k];
    int hi = bucket[k + 1]; // table[a] is in [w, hi]
    final int[] f = first;
    if (hi - w > STEPS) {
      while (w < hi) { // the last word whose run starts at or before a
        int mid = (w + hi + 1) >>> 1;
        if (f[mid] <= a) {
          w = mid;
        } else {
          hi = mid - 1;
        }
      }
      return w;
    }
    while (f[w + 1] <= a) {
      w++;
    }
    return w;
  }

  /**
   * word2vec.c's negative sample for a generator state {@code nextRandom} (already advanced):
   * {@code table[(next_random >> 16) % table_size]}, never 0 (word 0 becomes
   * {@code next_random % (vocab_size - 1) + 1}). The replacement is computed every time and selected
   * arithmetically: a branch on so rare a case is compiled by the JIT as a trap, which a run meets once, minutes
   * in, and pays for with a recompile of the training loop.
   */
  public int negative(long nextRandom, int vocabSize) {
    int target = get((int) ((nextRandom >>> 16) % tableSize));
    int other = (int) Long.remainderUnsigned(nextRandom, vocabSize - 1) + 1;
    return target | (other & ((target - 1) >> 31)); // target is never negative: -1 only when it is 0
  }

  public int tableSize() {
    return tableSize;
  }

  /** How many words the table can return. */
  public int words() {
    return first.length - 1;
  }
}
