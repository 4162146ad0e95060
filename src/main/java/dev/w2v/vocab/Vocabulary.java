// The final, sorted vocabulary: words (raw bytes), counts, and word2vec.c's train_words.
package dev.w2v.vocab;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.nio.charset.StandardCharsets;

/**
 * Words sorted by descending count, index 0 kept first (normally {@code </s>}, the sentence break: word2vec.c
 * ends a sentence at word index 0, whatever that word is). {@code trainWords} is the sum of the kept counts, as
 * SortVocab computes it.
 */
public final class Vocabulary {
  public static final byte[] EOS = "</s>".getBytes(StandardCharsets.US_ASCII);

  private final ByteWords words;
  private final long[] counts;
  private final long trainWords;

  Vocabulary(ByteWords words, long[] counts) {
    this.words = words;
    this.counts = counts;
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    this.trainWords = sum;
  }

  /** A vocabulary over words already in their final order (a loaded model's), with {@code counts} indexed alike. */
  public static Vocabulary of(ByteWords words, long[] counts) {
    if (counts.length != words.size()) {
      throw new IllegalArgumentException(counts.length + " counts for " + words.size() + " words");
    }
    return new Vocabulary(words, counts);
  }

  /**
   * word2vec.c's SortVocab: a stable sort of entries 1.. by descending count (glibc's qsort is a merge sort, so
   * ties keep their first-seen order), then every entry but the first with a count below {@code minCount} is
   * dropped. {@code counts} is indexed like {@code words}. Returns the vocabulary and fills {@code oldToNew}
   * (when not null) with each old index's new index or -1.
   */
  public static Vocabulary sortAndPrune(ByteWords words, long[] counts, int minCount, int[][] oldToNew) {
    int n = words.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n > 2) {
      IntArrays.mergeSort(order, 1, n, (a, b) -> Long.compare(counts[b], counts[a]));
    }
    boolean[] keep = new boolean[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      keep[i] = i == 0 || counts[i] >= minCount;
      if (keep[i]) {
        kept++;
      }
    }
    int[] map = words.reorder(order, keep);
    long[] newCounts = new long[kept];
    for (int i = 0; i < n; i++) {
      if (map[i] >= 0) {
        newCounts[map[i]] = counts[i];
      }
    }
    if (oldToNew != null) {
      oldToNew[0] = map;
    }
    return new Vocabulary(words, newCounts);
  }

  public int size() {
    return counts.length;
  }

  public long count(int i) {
    return counts[i];
  }

  public long[] counts() {
    return counts;
  }

  public long trainWords() {
    return trainWords;
  }

  /** Index of a word given as bytes, or -1. */
  public int index(byte[] w, int off, int len) {
    return words.find(w, off, len);
  }

  public int index(String w) {
    byte[] b = w.getBytes(StandardCharsets.UTF_8);
    return words.find(b, 0, b.length);
  }

  public ByteWords words() {
    return words;
  }

  public String word(int i) {
    return words.string(i);
  }
}
