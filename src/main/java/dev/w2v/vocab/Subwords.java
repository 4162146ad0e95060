// fastText's character n-grams: the hash, a word's n-gram buckets, and the word -> n-gram ids table for training.
package dev.w2v.vocab;

/**
 * The n-grams of a word as fastText's {@code Dictionary::computeSubwords} makes them: the word is wrapped in
 * {@code <} {@code >}, every run of minn..maxn UTF-8 characters is hashed with {@link #fnv1a} and taken modulo
 * {@code bucket} (a lone {@code <} or {@code >} is not an n-gram). {@link Table} holds every vocabulary word's
 * buckets in two flat arrays, computed once before training. As in fastText's {@code initNgrams}, the end of
 * sentence {@code </s>} has none; gensim's readers give it n-grams like any other word.
 */
public final class Subwords {
  private Subwords() {}

  /**
   * The buckets of {@code <word>}'s character n-grams (fastText's {@code computeSubwords}, gensim's
   * {@code compute_ngrams_bytes} + {@code ft_hash_bytes}), in fastText's order, written to {@code out} while it has
   * room; returns how many there are.
   */
  public static int ngramBuckets(byte[] word, int minn, int maxn, int bucket, int[] out) {
    return ngramBuckets(word, 0, word.length, minn, maxn, bucket, out);
  }

  /** As above for the word {@code word[from, from + length)}. */
  public static int ngramBuckets(byte[] word, int from, int length, int minn, int maxn, int bucket, int[] out) {
    byte[] w = new byte[length + 2];
    w[0] = '<';
    System.arraycopy(word, from, w, 1, length);
    w[w.length - 1] = '>';
    int len = w.length;
    int count = 0;
    for (int i = 0; i < len; i++) {
      if ((w[i] & 0xC0) == 0x80) {
        continue;
      }
      int j = i;
      for (int n = 1; j < len && n <= maxn; n++) {
        j++;
        while (j < len && (w[j] & 0xC0) == 0x80) {
          j++;
        }
        if (n >= minn && !(n == 1 && (i == 0 || j == len))) {
          int h = fnv1a(w, i, j);
          if (count < out.length) {
            out[count] = (int) (Integer.toUnsignedLong(h) % bucket);
          }
          count++;
        }
      }
    }
    return count;
  }

  /** fastText's {@code Dictionary::hash}: FNV-1a over the bytes, each sign-extended as C's int8_t. */
  public static int fnv1a(byte[] b, int from, int to) {
    int h = 0x811C9DC5;
    for (int k = from; k < to; k++) {
      h ^= b[k]; // sign-extended, as uint32_t(int8_t(c))
      h *= 16777619;
    }
    return h;
  }

  /**
   * Every vocabulary word's n-gram buckets: word w's are {@code ids[start[w] .. start[w + 1])}. {@code </s>}
   * (index 0 in a w2v vocabulary) has none, as in fastText.
   */
  public static final class Table {
    public final int minn;
    public final int maxn;
    public final int bucket;
    /** (V + 1) offsets into {@link #ids}. */
    public final int[] start;
    /** Bucket numbers, 0 .. bucket - 1, word after word. */
    public final int[] ids;

    private Table(int minn, int maxn, int bucket, int[] start, int[] ids) {
      this.minn = minn;
      this.maxn = maxn;
      this.bucket = bucket;
      this.start = start;
      this.ids = ids;
    }

    /** Computes the table for {@code words}. */
    public static Table of(ByteWords words, int minn, int maxn, int bucket) {
      int v = words.size();
      int[] start = new int[v + 1];
      int[] buf = new int[256];
      int[] ids = new int[Math.max(16, v * 16)];
      int n = 0;
      for (int w = 0; w < v; w++) {
        start[w] = n;
        if (isEos(words, w)) {
          continue;
        }
        int k = ngramBuckets(words.arena(), words.start(w), words.length(w), minn, maxn, bucket, buf);
        if (k > buf.length) {
          buf = new int[k];
          ngramBuckets(words.arena(), words.start(w), words.length(w), minn, maxn, bucket, buf);
        }
        if (n + k > ids.length) {
          long grown = Math.max((long) n + k, ids.length * 3L / 2);
          if (grown > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2^31 n-grams in the vocabulary");
          }
          ids = java.util.Arrays.copyOf(ids, (int) grown);
        }
        System.arraycopy(buf, 0, ids, n, k);
        n += k;
      }
      start[v] = n;
      return new Table(minn, maxn, bucket, start, java.util.Arrays.copyOf(ids, n));
    }

    private static boolean isEos(ByteWords words, int w) {
      int len = words.length(w);
      if (len != Vocabulary.EOS.length) {
        return false;
      }
      byte[] a = words.arena();
      int s = words.start(w);
      for (int i = 0; i < len; i++) {
        if (a[s + i] != Vocabulary.EOS[i]) {
          return false;
        }
      }
      return true;
    }

    /** How many n-grams word w has. */
    public int count(int w) {
      return start[w + 1] - start[w];
    }
  }
}
