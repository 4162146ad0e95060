// word2vec.c's sentence reading, subsampling and window shrink, emitting only one stratum's (context, centre) pairs.
package dev.w2v.spark;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * Walks one corpus partition as a word2vec.c training thread does (sentences end at a line end or after 1000
 * kept words; frequent words are dropped with the subsampling rule; each centre word draws its window shrink
 * {@code b}) and emits the (context, centre) pairs of sub-iteration {@code t} whose rows meet in a partition
 * ({@link Strata#pair}), in word2vec.c's order, as blocks of up to {@value #CHUNK} pairs keyed for a sorted
 * shuffle:
 *
 * <pre>key = partition << 40 | kind << 39 | source partition << 20 | block number</pre>
 *
 * kind 0 is a header holding the number of entries this source sends to the partition (so a task knows its total
 * before it starts, for the learning-rate schedule), kind 1 a block of entries {@code [w0, c0, w1, c1, ...]}: a
 * pair (context w, centre c >= 1) of this stratum, or {@code (w, -m)}: an occurrence of w as a context whose m
 * pairs are trained in other sub-iterations, which still owes those pairs' share of negatives from the output
 * bucket visiting now (the noise term of the objective is split over the buckets, see {@link SkipGramTask}).
 * An epoch is cut into {@code rounds} slices of lines (line number mod rounds), each trained in K sub-iterations
 * (sub-iteration t: slice (t / K) mod rounds). The random stream is seeded by (seed, t / K, source partition) only,
 * so the K sub-iterations of a slice see the same subsampling and windows and split one set of pairs between
 * them: each pair once per epoch.
 */
final class PairGenerator implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int CHUNK = 1 << 15;
  static final int MAX_SENTENCE_LENGTH = 1000;

  final int k;
  final int window;
  final boolean sampling;
  final long seed;
  final int rounds;
  final boolean splitNoise;

  PairGenerator(int k, int rounds, int window, boolean sampling, long seed, boolean splitNoise) {
    this.splitNoise = splitNoise;
    this.k = k;
    this.rounds = rounds;
    this.window = window;
    this.sampling = sampling;
    this.seed = seed;
  }

  static long key(int partition, boolean data, int source, int block) {
    return (long) partition << 40 | (data ? 1L << 39 : 0) | (long) source << 20 | block;
  }

  static int partitionOf(long key) {
    return (int) (key >>> 40);
  }

  static boolean isData(long key) {
    return (key & (1L << 39)) != 0;
  }

  /** The pairs of sub-iteration {@code t} from source partition {@code source}. */
  Iterator<Tuple2<Long, int[]>> pairs(long t, int source, Iterator<Line> lines) {
    return new Gen(t, source, lines);
  }

  private final class Gen implements Iterator<Tuple2<Long, int[]>> {
    final long t;
    final int source;
    final Iterator<Line> lines;
    final int[][] buf = new int[k][];
    final int[] fill = new int[k];
    final int[] blocks = new int[k];
    final long[] total = new long[k];
    final ArrayDeque<Tuple2<Long, int[]>> ready = new ArrayDeque<>();
    final int[] sen = new int[MAX_SENTENCE_LENGTH + 1];
    final int[] other = new int[MAX_SENTENCE_LENGTH + 1];
    long nextRandom;
    final int round;
    long lineNo;
    boolean finished;

    Gen(long t, int source, Iterator<Line> lines) {
      this.t = t;
      this.source = source;
      this.lines = lines;
      this.round = (int) ((t / k) % rounds);
      this.nextRandom = Strata.seed(seed, t / k, source);
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && !finished) {
        if (lines.hasNext()) {
          Line l = lines.next();
          if (lineNo++ % rounds == round) {
            line(l);
          }
        } else {
          finish();
        }
      }
      return !ready.isEmpty();
    }

    @Override
    public Tuple2<Long, int[]> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void line(Line l) {
      int[] ids = l.ids();
      float[] keep = l.keep();
      int len = 0;
      for (int i = 0; i < ids.length; i++) {
        if (sampling) {
          // The subsampling randomly discards frequent words while keeping the ranking same
          nextRandom = nextRandom * 25214903917L + 11;
          if (keep[i] < (nextRandom & 0xFFFF) / (float) 65536) {
            continue;
          }
        }
        sen[len++] = ids[i];
        if (len >= MAX_SENTENCE_LENGTH) {
          sentence(len);
          len = 0;
        }
      }
      if (len > 0) {
        sentence(len);
      }
    }

    private void sentence(int len) {
      java.util.Arrays.fill(other, 0, len, 0);
      for (int pos = 0; pos < len; pos++) {
        int word = sen[pos];
        nextRandom = nextRandom * 25214903917L + 11;
        int b = (int) Long.remainderUnsigned(nextRandom, window);
        for (int a = b; a < window * 2 + 1 - b; a++) {
          if (a == window) {
            continue;
          }
          int c = pos - window + a;
          if (c < 0 || c >= len) {
            continue;
          }
          int lastWord = sen[c];
          int p = Strata.pair(lastWord, word, t, k, seed);
          if (p >= 0) {
            add(p, lastWord, word);
          } else if (splitNoise) {
            other[c]++;
          }
        }
      }
      // each context occurrence's pairs trained in other sub-iterations: their share of negatives from the
      // output bucket visiting now (see SkipGramTask)
      for (int c = 0; c < len; c++) {
        if (other[c] > 0) {
          add(Strata.in(sen[c], k, seed), sen[c], -other[c]);
        }
      }
    }

    private void add(int p, int w, int c) {
      int[] b = buf[p];
      if (b == null) {
        b = buf[p] = new int[2 * CHUNK];
      }
      b[fill[p]++] = w;
      b[fill[p]++] = c;
      total[p]++;
      if (fill[p] == b.length) {
        flush(p);
      }
    }

    private void flush(int p) {
      ready.add(new Tuple2<>(key(p, true, source, blocks[p]++), Arrays.copyOf(buf[p], fill[p])));
      fill[p] = 0;
    }

    private void finish() {
      finished = true;
      for (int p = 0; p < k; p++) {
        if (fill[p] > 0) {
          flush(p);
        }
        if (total[p] > 0) {
          ready.add(new Tuple2<>(key(p, false, source, 0), new int[] {(int) (total[p] >>> 32), (int) total[p]}));
        }
      }
    }
  }
}
