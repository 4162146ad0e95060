// One partition's work in one sub-iteration: ordinary skip-gram SGD with negative sampling on its own rows.
package dev.w2v.spark;

import dev.w2v.math.Kernels;
import dev.w2v.math.VectorMath;
import dev.w2v.train.SigmoidTable;
import dev.w2v.train.UnigramTable;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import scala.Tuple2;

/**
 * Trains the pairs a partition received against copies of its input block (syn0 rows) and the output block
 * (syn1neg rows) that visits it, exactly as word2vec.c's skip-gram with negative sampling: for each (context w,
 * centre c), {@code l1 = syn0[w]} predicts c (label 1) and {@code negative} noise words (label 0), the errors
 * accumulate in {@code neu1e}, then {@code syn0[w] += neu1e}.
 *
 * <p>Noise words come from the visiting output bucket only. Default ({@code -noise bucket}, as apache/spark#37967
 * and ezamyatin/distributed-word2vec): each pair draws {@code negative} words from q(.|B), the unigram^0.75
 * distribution conditioned on its centre word's bucket B (word2vec.c's table built over B's counts,
 * {@link UnigramTable}); over the buckets a word's negatives then follow where its contexts are rather than q
 * itself, which averages out when a word has many contexts. {@code -noise split} is exact in expectation: q is
 * sum over buckets of m_B q(.|B) (m_B: B's share of the count^0.75 mass), and in the sub-iteration where B visits
 * every pair of every input word here owes {@code negative * m_B} draws from q(.|B) (the pairs of this stratum
 * with their positive update, the others as {@code (w, -m)} entries; stochastic rounding keeps the expectation);
 * it costs one extra shuffled entry per token and sub-iteration. With K = 1 both are exactly word2vec.c's rule.
 * The learning rate decays linearly over the whole run: in sub-iteration t of T = iter * R * K, after a fraction f
 * of the task's pairs, {@code alpha = start * (1 - (t + f) / T)}, floored at {@code start * 1e-4} as in
 * word2vec.c. The pair order, the random stream (seeded by seed, t and the partition) and one thread make a task
 * deterministic, so a retry reproduces it bit for bit; {@code -threads} above 1 trades that for Hogwild workers.
 */
final class SkipGramTask implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Test-only fault injection: "t:p" makes the first attempt of that task fail half-way through its pairs. */
  static volatile String failAt;
  /** How many Hogwild worker threads have started (tests). */
  static final java.util.concurrent.atomic.AtomicInteger workers = new java.util.concurrent.atomic.AtomicInteger();
  /** How many failures were injected (tests). */
  static final java.util.concurrent.atomic.AtomicInteger injected = new java.util.concurrent.atomic.AtomicInteger();

  final int dim;
  final int negative;
  final float startingAlpha;
  final long totalSubIterations;
  final long seed;
  /** Sum of count^0.75 over the vocabulary ({@code </s>} excluded). */
  final double noiseTotal;

  /** Split the noise term over the buckets (see above); false: {@code negative} draws per pair from its bucket. */
  final boolean splitNoise;

  /** K: the number of output buckets. */
  final int buckets;
  /** Hogwild threads per task. */
  final int threads;
  /**
   * The blocks a task reads are fresh objects (a serialized storage level deserializes them for each read), so it
   * may train on them directly; a deserialized level hands out the cached objects, which must stay untouched.
   */
  final boolean freshBlocks;

  SkipGramTask(int dim, int negative, float startingAlpha, long totalSubIterations, long seed, double noiseTotal,
      boolean splitNoise, int threads, boolean freshBlocks, int buckets) {
    this.buckets = buckets;
    this.threads = threads;
    this.freshBlocks = freshBlocks;
    this.splitNoise = splitNoise;
    this.noiseTotal = noiseTotal;
    this.dim = dim;
    this.negative = negative;
    this.startingAlpha = startingAlpha;
    this.totalSubIterations = totalSubIterations;
    this.seed = seed;
  }

  /** Returns the trained copies: the input block, then the output block (either may be absent if empty). */
  Iterator<Block> run(long t, int partition, Iterator<Tuple2<Long, int[]>> pairs, Iterator<Block[]> state) {
    Block in = null;
    Block out = null;
    while (state.hasNext()) {
      Block[] s = state.next();
      if (s[0] != null) {
        in = freshBlocks ? s[0] : s[0].copy();
      }
      if (s[1] != null) {
        out = freshBlocks ? s[1] : s[1].copy();
      }
    }
    if (in != null && out != null && in.size() > 0 && out.size() > 0) {
      train(t, partition, pairs, in, out);
    } else {
      while (pairs.hasNext()) {
        pairs.next(); // nothing meets here (tiny vocabularies)
      }
    }
    List<Block> result = new java.util.ArrayList<>(2);
    if (in != null) {
      result.add(in);
    }
    if (out != null) {
      result.add(out);
    }
    return result.iterator();
  }

  private void train(long t, int partition, Iterator<Tuple2<Long, int[]>> pairs, Block in, Block out) {
    Int2IntOpenHashMap inRow = rows(in.ids);
    Int2IntOpenHashMap outRow = rows(out.ids);
    long[] cn = out.counts.clone();
    double mass = 0;
    for (int i = 0; i < out.ids.length; i++) {
      if (out.ids[i] == 0) {
        cn[i] = 0; // </s> is never a noise word
      }
      mass += Math.pow(cn[i], 0.75);
    }
    final double share = splitNoise ? negative * (mass / noiseTotal) : negative; // draws per pair from this bucket
    // 100 slots per word, at least 10^6, and at most word2vec.c's 10^8 shared by the K buckets (its own resolution
    // for the whole vocabulary: a bucket of a 10M-word vocabulary with K = 16 gets 6.25M slots, 25 MB, not 250)
    int tableSize = (int) Math.max(1_000_000, Math.min(UnigramTable.TABLE_SIZE / buckets, 100L * cn.length));
    UnigramTable table = new UnigramTable(cn, tableSize);
    Shared sh = new Shared(t, in.vec, out.vec, out.ids, inRow, outRow, table, tableSize, share,
        failHere(t, partition));
    // the headers (each source's entry count) sort before the data, so the total is known before training
    Tuple2<Long, int[]> first = null;
    while (pairs.hasNext()) {
      Tuple2<Long, int[]> rec = pairs.next();
      if (PairGenerator.isData(rec._1())) {
        first = rec;
        break;
      }
      int[] b = rec._2();
      sh.total += (long) b[0] << 32 | (b[1] & 0xFFFFFFFFL);
    }
    if (first == null) {
      return;
    }
    if (threads <= 1) {
      Worker w = new Worker(sh, Strata.seed(seed, t, partition, 17));
      w.block(first._2());
      while (pairs.hasNext()) {
        w.block(pairs.next()._2());
      }
      return;
    }
    hogwild(t, partition, first, pairs, sh);
  }

  /**
   * {@code threads} workers train blocks of pairs on the same rows without locks, as word2vec.c's threads do
   * (Hogwild); this thread reads the shuffled blocks and hands them out. Each worker has its own random stream;
   * the result then depends on the threads' interleaving, so a retried task is not bit-identical, but it still
   * starts again from the same immutable blocks and applies its updates once.
   */
  private void hogwild(long t, int partition, Tuple2<Long, int[]> first, Iterator<Tuple2<Long, int[]>> pairs,
      Shared sh) {
    final int[] end = new int[0];
    java.util.concurrent.BlockingQueue<int[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(2 * threads);
    java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
    Thread[] ts = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      final long workerSeed = Strata.seed(seed, t, partition, 17, i);
      ts[i] = new Thread(() -> {
        try {
          Worker w = new Worker(sh, workerSeed); // allocated by its own thread, away from the others' state
          for (int[] b = queue.take(); b != end; b = queue.take()) {
            if (failed.get() == null) {
              w.block(b);
            }
          }
        } catch (Throwable e) {
          failed.compareAndSet(null, e);
        }
      }, "w2v-hogwild-" + partition + "-" + i);
      ts[i].setDaemon(true);
      ts[i].start();
      workers.incrementAndGet();
    }
    try {
      queue.put(first._2());
      while (pairs.hasNext() && failed.get() == null) {
        queue.put(pairs.next()._2());
      }
      for (int i = 0; i < threads; i++) {
        queue.put(end);
      }
      for (Thread th : ts) {
        th.join();
      }
    } catch (InterruptedException e) {
      for (Thread th : ts) {
        th.interrupt();
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException("task interrupted", e);
    }
    Throwable e = failed.get();
    if (e instanceof RuntimeException re) {
      throw re;
    } else if (e != null) {
      throw new IllegalStateException(e);
    }
  }

  /** What a task's workers share: the rows, the lookups, the noise table, and the progress through the pairs. */
  private final class Shared {
    final long t;
    final float[] syn0;
    final float[] syn1neg;
    final int[] outIds;
    final Int2IntOpenHashMap inRow;
    final Int2IntOpenHashMap outRow;
    final UnigramTable table;
    final int tableSize;
    final double share;
    final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicBoolean fail;
    long total;

    Shared(long t, float[] syn0, float[] syn1neg, int[] outIds, Int2IntOpenHashMap inRow, Int2IntOpenHashMap outRow,
        UnigramTable table, int tableSize, double share, int failHalf) {
      this.t = t;
      this.syn0 = syn0;
      this.syn1neg = syn1neg;
      this.outIds = outIds;
      this.inRow = inRow;
      this.outRow = outRow;
      this.table = table;
      this.tableSize = tableSize;
      this.share = share;
      this.fail = new java.util.concurrent.atomic.AtomicBoolean(failHalf >= 0);
    }
  }

  /** One thread's SGD: word2vec.c's skip-gram update with its own random stream and error vector. */
  private final class Worker {
    final Shared sh;
    final VectorMath vm = Kernels.best();
    final float[] expTable = SigmoidTable.table();
    final float[] neu1e = new float[dim];
    long nextRandom;
    long done;
    long reported;
    float alpha = startingAlpha;

    Worker(Shared sh, long nextRandom) {
      this.sh = sh;
      this.nextRandom = nextRandom;
    }

    void block(int[] b) {
      // the hot state in locals: fields written for every pair would share cache lines between workers
      long nextRandom = this.nextRandom;
      long done = this.done;
      float alpha = this.alpha;
      final float[] neu1e = this.neu1e;
      final int n = dim;
      final float[] syn0 = sh.syn0;
      final float[] syn1neg = sh.syn1neg;
      for (int i = 0; i < b.length; i += 2) {
        if ((done & 1023) == 0) {
          // with one worker this is the task's own count; with several, all workers' (word_count_actual)
          long all = sh.done.addAndGet(done - reported);
          reported = done;
          double f = sh.total > 0 ? all / (double) sh.total : 0;
          alpha = (float) (startingAlpha * (1 - (sh.t + f) / (double) totalSubIterations));
          if (alpha < startingAlpha * 0.0001) {
            alpha = (float) (startingAlpha * 0.0001);
          }
          if (all >= sh.total / 2 && sh.fail.compareAndSet(true, false)) {
            injected.incrementAndGet();
            throw new IllegalStateException("injected failure in sub-iteration " + sh.t);
          }
        }
        done++;
        int word = b[i + 1];
        int l1 = sh.inRow.get(b[i]) * n;
        // this entry's draws: share per pair (times m for an (w, -m) entry), stochastically rounded
        double x = sh.share * (word > 0 ? 1 : -word);
        int draws = (int) x;
        nextRandom = nextRandom * 25214903917L + 11;
        if ((nextRandom >>> 40) / (double) (1L << 24) < x - draws) {
          draws++;
        }
        if (draws == 0 && word < 0) {
          continue;
        }
        java.util.Arrays.fill(neu1e, 0f);
        for (int d = word > 0 ? 0 : 1; d < draws + 1; d++) {
          int l2;
          int label;
          if (d == 0) {
            l2 = sh.outRow.get(word) * n;
            label = 1;
          } else {
            nextRandom = nextRandom * 25214903917L + 11;
            int r = sh.table.get((int) ((nextRandom >>> 16) % sh.tableSize));
            int target = sh.outIds[r];
            if (target == word || target == 0) {
              continue;
            }
            l2 = r * n;
            label = 0;
          }
          float f = vm.dot(syn0, l1, syn1neg, l2, n);
          float g;
          if (f > SigmoidTable.MAX_EXP) {
            g = (label - 1) * alpha;
          } else if (f < -SigmoidTable.MAX_EXP) {
            g = (label - 0) * alpha;
          } else {
            g = (label - expTable[(int) ((f + SigmoidTable.MAX_EXP) * SigmoidTable.SCALE)]) * alpha;
          }
          vm.axpy(g, syn1neg, l2, neu1e, 0, n);
          vm.axpy(g, syn0, l1, syn1neg, l2, n);
        }
        vm.axpy(1f, neu1e, 0, syn0, l1, n);
      }
      this.nextRandom = nextRandom;
      this.done = done;
      this.alpha = alpha;
    }
  }

  private static int failHere(long t, int partition) {
    String f = failAt;
    TaskContext tc = TaskContext.get();
    if (f == null || tc == null || tc.attemptNumber() != 0) {
      return -1;
    }
    return f.equals(t + ":" + partition) ? 1 : -1;
  }

  private static Int2IntOpenHashMap rows(int[] ids) {
    Int2IntOpenHashMap m = new Int2IntOpenHashMap(ids.length);
    m.defaultReturnValue(-1);
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], i);
    }
    return m;
  }
}
