// word2vec.c's LearnVocabFromTrainFile: one pass over the corpus that counts words, pruning rare ones as it grows.
package dev.w2v.vocab;

import dev.w2v.corpus.WordReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * Counts the words of a corpus as word2vec.c does: {@code </s>} is added first; every token (a newline is the
 * token {@code </s>}) counts towards {@code train_words}; when the vocabulary grows past 70% of the original's
 * 30M-entry hash table, ReduceVocab drops every word seen at most {@code min_reduce} times (then min_reduce++).
 *
 * <p>An optional {@link TokenSink} receives each token's provisional index as it is read, so the corpus can be
 * encoded in this same pass.
 */
public final class VocabBuilder {
  /** word2vec.c: {@code vocab_size > vocab_hash_size * 0.7} with a 30,000,000-entry table. */
  public static final long DEFAULT_REDUCE_ABOVE = 21_000_000L;

  /** Receives the provisional word index of every token read (for single-pass corpus encoding). */
  public interface TokenSink {
    void accept(int provisionalIndex);

    /**
     * A ReduceVocab is about to renumber the words: the indices given so far are positions in {@code words} as it
     * is now, and later ones will be positions in it after the reduction (the same object). Returns false to
     * receive no more indices.
     */
    boolean reducing(ByteWords words);
  }

  private final long reduceAbove;
  private final ByteWords words = new ByteWords();
  private long[] counts = new long[1024];
  private long tokens;
  /** Tokens read so far, published every 2^16 tokens for a progress thread to read. */
  private volatile long tokensSoFar;
  private int minReduce = 1;
  private int reductions;

  public VocabBuilder() {
    this(DEFAULT_REDUCE_ABOVE);
  }

  /** @param reduceAbove prune when the vocabulary size exceeds this (tests use small values) */
  public VocabBuilder(long reduceAbove) {
    this.reduceAbove = reduceAbove;
    add(Vocabulary.EOS, 0, Vocabulary.EOS.length);
  }

  private int add(byte[] w, int off, int len) {
    int i = words.add(w, off, len);
    if (i >= counts.length) {
      counts = Arrays.copyOf(counts, counts.length * 2);
    }
    counts[i] = 0;
    return i;
  }

  /** Reads every token of {@code reader}; {@code sink} may be null. Returns the number of tokens read. */
  public long scan(WordReader reader, TokenSink sink) throws IOException {
    long n = 0;
    while (true) {
      int len = reader.nextInPlace();
      if (len == WordReader.EOF) {
        break;
      }
      byte[] b;
      int off;
      if (len == WordReader.NEWLINE) {
        b = Vocabulary.EOS;
        off = 0;
        len = b.length;
      } else {
        b = reader.placeArray();
        off = reader.placeStart();
      }
      n++;
      if ((n & 0xFFFF) == 0) {
        tokensSoFar = tokens + n;
      }
      int i = words.find(b, off, len);
      if (i == -1) {
        i = add(b, off, len);
        counts[i] = 1;
      } else {
        counts[i]++;
      }
      if (sink != null) {
        sink.accept(i);
      }
      if (words.size() > reduceAbove) {
        if (sink != null && !sink.reducing(words)) {
          sink = null;
        }
        reduce();
      }
    }
    tokens += n;
    tokensSoFar = tokens;
    return n;
  }

  /**
   * Adds the words and counts of {@code part}, a builder that scanned the text following this one's (see {@code
   * corpus.ParallelScan}): its words not yet here are appended in its order, so the numbering is that of one scan
   * over both texts. Returns part's index to this builder's index. Neither may have pruned (ReduceVocab).
   */
  public int[] absorb(VocabBuilder part) {
    if (reductions > 0 || part.reductions > 0) {
      throw new IllegalStateException("a pruned vocabulary cannot be merged");
    }
    ByteWords w = part.words;
    int n = w.size();
    int[] map = new int[n];
    byte[] arena = w.arena();
    for (int l = 0; l < n; l++) {
      int s = w.start(l);
      int len = w.length(l);
      int i = words.find(arena, s, len);
      if (i == -1) {
        i = add(arena, s, len);
      }
      counts[i] += part.counts[l];
      map[l] = i;
    }
    tokens += part.tokens;
    tokensSoFar = tokens;
    return map;
  }

  /** Tokens read so far, to within 2^16, readable from any thread while {@link #scan} runs. */
  public long tokensSoFar() {
    return tokensSoFar;
  }

  /** word2vec.c's ReduceVocab: keep words seen more than min_reduce times, in order; then min_reduce++. */
  private void reduce() {
    int n = words.size();
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      keep[i] = counts[i] > minReduce;
    }
    int[] map = words.retain(keep);
    long[] c = new long[Math.max(1024, counts.length)];
    for (int i = 0; i < n; i++) {
      if (map[i] >= 0) {
        c[map[i]] = counts[i];
      }
    }
    counts = c;
    minReduce++;
    reductions++;
  }

  /** Tokens read (word2vec.c's train_words before sorting). */
  public long tokens() {
    return tokens;
  }

  public int reductions() {
    return reductions;
  }

  /** Distinct words before sorting and pruning. */
  public int distinct() {
    return words.size();
  }

  /** SortVocab; fills {@code oldToNew[0]} (if given) with the provisional-to-final index map. */
  public Vocabulary build(int minCount, int[][] oldToNew) {
    return Vocabulary.sortAndPrune(words, Arrays.copyOf(counts, words.size()), minCount, oldToNew);
  }
}
