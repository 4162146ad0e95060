// A generated item2vec-style corpus: sessions over millions of item ids with Zipf-like counts and planted topics.
package dev.w2v.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes sessions of item ids for benchmarks of very large vocabularies (scripts/bench-spark-large). Item
 * {@code i<r>} (rank r = 1..ids) occurs exactly {@code max(floor, round(top / r^exponent))} times, so counts follow
 * Zipf's law down to a floor that keeps every id in the vocabulary. Each item belongs to topic {@code r mod
 * topics}; a session holds {@code length} items of one topic (a topic's occurrences are shuffled and cut into
 * sessions, and the sessions of all topics are shuffled), so a trained model should put an item's nearest
 * neighbours in its own topic, which the benchmark checks. One session per line; deterministic for a seed.
 *
 * <p>{@code ItemCorpus OUTPUT [ids=10000000] [top=1000000] [exponent=1.0] [floor=2] [topics=1000] [length=20]
 * [seed=1]}
 */
public final class ItemCorpus {
  private ItemCorpus() {}

  public static void main(String[] a) throws IOException {
    Path output = Path.of(a[0]);
    int ids = a.length > 1 ? Integer.parseInt(a[1]) : 10_000_000;
    double top = a.length > 2 ? Double.parseDouble(a[2]) : 1_000_000;
    double exponent = a.length > 3 ? Double.parseDouble(a[3]) : 1.0;
    int floor = a.length > 4 ? Integer.parseInt(a[4]) : 2;
    int topics = a.length > 5 ? Integer.parseInt(a[5]) : 1000;
    int length = a.length > 6 ? Integer.parseInt(a[6]) : 20;
    long seed = a.length > 7 ? Long.parseLong(a[7]) : 1;
    long tokens = write(output, ids, top, exponent, floor, topics, length, seed);
    System.err.printf("%s: %d sessions' worth of %d tokens over %d ids%n", output, (tokens + length - 1) / length,
        tokens, ids);
  }

  /** The count of rank r. */
  static long count(long r, double top, double exponent, int floor) {
    return Math.max(floor, Math.round(top / Math.pow(r, exponent)));
  }

  /** Writes the corpus; returns the number of tokens. */
  static long write(Path output, int ids, double top, double exponent, int floor, int topics, int length,
      long seed) throws IOException {
    long[] start = new long[topics + 1];
    for (long r = 1; r <= ids; r++) {
      start[(int) (r % topics) + 1] += count(r, top, exponent, floor);
    }
    for (int t = 0; t < topics; t++) {
      start[t + 1] += start[t];
    }
    long total = start[topics];
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many tokens for one array: " + total);
    }
    int[] tok = new int[(int) total];
    long[] fill = start.clone();
    for (int r = 1; r <= ids; r++) {
      int t = r % topics;
      for (long c = count(r, top, exponent, floor); c > 0; c--) {
        tok[(int) fill[t]++] = r;
      }
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    long sessions = 0;
    for (int t = 0; t < topics; t++) {
      shuffle(tok, (int) start[t], (int) start[t + 1], rnd);
      sessions += (start[t + 1] - start[t] + length - 1) / length;
    }
    // every session's first token, in a random order
    int[] first = new int[(int) sessions];
    int n = 0;
    for (int t = 0; t < topics; t++) {
      for (long p = start[t]; p < start[t + 1]; p += length) {
        first[n++] = (int) p;
      }
    }
    shuffle(first, 0, n, rnd);
    Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
      byte[] digits = new byte[12];
      for (int s = 0; s < n; s++) {
        int p = first[s];
        int t = tok[p] % topics;
        int end = (int) Math.min(p + length, start[t + 1]);
        for (int i = p; i < end; i++) {
          if (i > p) {
            o.write(' ');
          }
          o.write('i');
          int v = tok[i];
          int d = digits.length;
          do {
            digits[--d] = (byte) ('0' + v % 10);
            v /= 10;
          } while (v > 0);
          o.write(digits, d, digits.length - d);
        }
        o.write('\n');
      }
    }
    Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return total;
  }

  private static void shuffle(int[] x, int from, int to, SplittableRandom rnd) {
    for (int i = to - 1; i > from; i--) {
      int j = from + rnd.nextInt(i - from + 1);
      int v = x[i];
      x[i] = x[j];
      x[j] = v;
    }
  }
}
