// Exact top-n cosine search: a SIMD scan over the normalised matrix, then the few close calls re-scored in C order.
package dev.w2v.query;

import dev.w2v.math.Kernels;
import dev.w2v.math.ScalarMath;
import dev.w2v.math.VectorMath;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.FloatMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The n words nearest a query vector, with exactly distance.c's answer: its score is the sequential float dot product
 * {@code dist += vec[a] * M[a + c * size]}, a word qualifies when its score is above a floor (-1 in distance.c, 0 in
 * word-analogy.c and compute-accuracy.c), and equal scores keep vocabulary order.
 *
 * <p>The scan itself uses the fast kernels ({@link Kernels#best()}), whose sums differ from the sequential ones by at
 * most {@code delta = 2 * gamma(dim) * |q| * |row|} (gamma(n) ~ n * 2^-24, the classic bound for a float dot product
 * of n terms). Every word of the exact top n scores within {@code 2 * delta} of the scan's n-th best, so re-scoring
 * only the scan's words above that threshold in C order gives the C answer; that is usually n or a few more words.
 */
public final class NearestNeighbours {
  private final Embeddings emb;
  private final FloatMatrix m;
  private final VectorMath kernels;
  private float[] scores;

  public NearestNeighbours(Embeddings emb) {
    this(emb, Kernels.best());
  }

  public NearestNeighbours(Embeddings emb, VectorMath kernels) {
    if (!emb.normalised()) {
      throw new IllegalArgumentException("nearest-neighbour search needs normalised vectors");
    }
    this.emb = emb;
    this.m = emb.matrix();
    this.kernels = kernels;
  }

  public Embeddings embeddings() {
    return emb;
  }

  /**
   * Fills {@code out} (at least rows long) with the fast kernels' dot product of q and every row. A large matrix is
   * split into one contiguous share of rows per core: the scan is bound by memory bandwidth, which one core alone
   * does not exhaust.
   */
  public void scan(float[] q, float[] out) {
    scan(q, out, false);
  }

  /** As {@link #scan(float[], float[])}; {@code compact} scans the int8 copy instead (q padded to its stride). */
  private void scan(float[] q, float[] out, boolean compact) {
    int rows = m.rows();
    int parts = (long) rows * m.dim() >= PARALLEL_FLOATS ? THREADS : 1;
    if (parts <= 1) {
      scanRows(q, out, 0, rows, compact);
      return;
    }
    Future<?>[] done = new Future<?>[parts - 1];
    for (int p = 1; p < parts; p++) {
      int from = (int) ((long) rows * p / parts);
      int to = (int) ((long) rows * (p + 1) / parts);
      done[p - 1] = pool().submit(() -> scanRows(q, out, from, to, compact));
    }
    scanRows(q, out, 0, rows / parts, compact);
    try {
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Scores rows [from, to), which may span several chunks (or windows of a mapped file), in blocks: while the SIMD
   * kernels are still being compiled ({@link #warmUpInBackground}) a block goes through the scalar twin, because
   * the Vector API runs hundreds of times slower than plain loops until C2 has compiled it; that matters for a
   * one-shot query of a file read in place, whose load no longer leaves the compiler time to finish first.
   */
  private void scanRows(float[] q, float[] out, int from, int to, boolean compact) {
    if (compact && warmingI8) {
      // the int8 kernel is still being compiled: map this share's pages in (the first touch of each page of a mapped
      // file costs a page fault) while waiting for it, rather than scanning with the much slower scalar twin
      for (int r = from; r < to && warmingI8; r += SCAN_BLOCK) {
        m.touchCompact(r, (int) Math.min(to, (long) r + SCAN_BLOCK));
      }
      awaitI8();
    }
    for (int r = from; r < to; r += SCAN_BLOCK) {
      int end = (int) Math.min(to, (long) r + SCAN_BLOCK);
      if (compact) {
        m.scanCompact(warmingI8 && kernels != Kernels.scalar() ? Kernels.scalar() : kernels, q, out, r, end);
      } else {
        m.scan(warming && kernels != Kernels.scalar() ? Kernels.scalar() : kernels, q, out, r, end);
      }
    }
  }

  /**
   * Whether {@link #nearest} scans the int8 copy of a mapped file's rows when its index has one (the default), or
   * every float row ({@code -Dw2v.exactScan=true}). Both give the same answers; the property is there to check that,
   * and to measure the difference.
   */
  private static final boolean FLOAT_SCAN = Boolean.getBoolean("w2v.exactScan");

  private static final int SCAN_BLOCK = 1 << 14;
  /** True from the start of {@link #warmUpInBackground} until its kernels have run enough to be compiled. */
  private static volatile boolean warming;
  /** The same for the int8 kernel, which is warmed first and whose scan waits for it (up to {@link #I8_WAIT_MS}). */
  private static volatile boolean warmingI8;
  private static final Object I8_READY = new Object();
  private static final long I8_WAIT_MS = 3000;
  private static boolean warmUpStarted;

  private static void awaitI8() {
    long until = System.nanoTime() + I8_WAIT_MS * 1_000_000;
    synchronized (I8_READY) {
      while (warmingI8) {
        long left = (until - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return; // the scan goes on with the scalar twin until the warm-up ends
        }
        try {
          I8_READY.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  private static final long PARALLEL_FLOATS = 1L << 22; // below 16 MB of matrix one thread is as quick
  private static ExecutorService pool;

  private static synchronized ExecutorService pool() {
    if (pool == null) {
      pool = Executors.newFixedThreadPool(THREADS - 1, r -> {
        Thread t = new Thread(r, "w2v-scan");
        t.setDaemon(true);
        return t;
      });
    }
    return pool;
  }

  /**
   * Starts compiling the scan kernels on a daemon thread, by running them on a small matrix, so that a large file's
   * first query does not run them interpreted (the Vector API is very slow until C2 compiles it). Worth it only when
   * the load takes longer than the warm-up, that is for large files.
   */
  public static synchronized void warmUpInBackground(int dim) {
    if (!Kernels.simd() || warmUpStarted) {
      return;
    }
    warmUpStarted = true;
    warming = true;
    warmingI8 = true;
    Thread t = new Thread(() -> {
      try {
        warmUpI8(Kernels.best());
      } finally {
        synchronized (I8_READY) {
          warmingI8 = false;
          I8_READY.notifyAll();
        }
      }
      try {
        warmUp(Kernels.best(), dim);
      } finally {
        warming = false;
      }
    }, "w2v-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /**
   * Runs the int8 kernel on 7 rows (four at a time and a tail of three, as the scan does) until a call on 64 rows
   * takes under 0.25 ns per multiply-add twice in a row (compiled code takes about 0.06 here; before C2 has compiled
   * it, the Vector API takes tens of ns), or at most 30,000 times.
   */
  static void warmUpI8(VectorMath kernels) {
    int stride = 304;
    int rows = 64;
    java.nio.ByteBuffer codes = java.nio.ByteBuffer.allocateDirect(rows * stride);
    for (int i = 0; i < codes.capacity(); i++) {
      codes.put(i, (byte) (i % 23 - 11));
    }
    float[] q = new float[stride];
    float[] out = new float[rows];
    int fast = 0;
    for (int it = 0; it < 30000 && fast < 2; it++) {
      kernels.matVecI8(codes, 0, 7, stride, q, out, 0);
      q[it % stride] += out[it % 7] * 1e-3f;
      if (it % 64 == 63) {
        long t0 = System.nanoTime();
        kernels.matVecI8(codes, 0, rows, stride, q, out, 0);
        fast = System.nanoTime() - t0 < 0.25 * rows * stride ? fast + 1 : 0;
      }
    }
  }

  static void warmUp(VectorMath kernels, int dim) {
    int rows = 64;
    float[] mat = new float[rows * dim];
    float[] q = new float[dim];
    float[] out = new float[rows];
    for (int i = 0; i < mat.length; i++) {
      mat[i] = (i % 17) * 0.01f;
    }
    // the same for the scan over a mapped file's bytes (rows at unaligned offsets, as in word2vec binary files)
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocateDirect(rows * (4 * dim + 3) + 8)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long[] offsets = new long[rows];
    for (int r = 0; r < rows; r++) {
      offsets[r] = 3 + (long) r * (4 * dim + 3);
    }
    for (int it = 0; it < 20000; it++) {
      kernels.matVec(mat, 0, rows, dim, q, 0, out, 0);
      kernels.matVec(bytes, 0, offsets, 0, rows, dim, q, out);
      q[it % dim] += out[it % rows] * 1e-3f;
    }
  }

  /** The shared score buffer of this searcher (one query at a time). */
  float[] scoreBuffer() {
    if (scores == null) {
      scores = new float[m.rows()];
    }
    return scores;
  }

  /**
   * The n rows with the highest C-order dot product with q that is strictly above {@code floor}, excluding the rows
   * in {@code exclude}; best first, ties in row order.
   */
  public List<Neighbour> nearest(float[] q, int n, int[] exclude, float floor) {
    if (m.hasCompact() && !FLOAT_SCAN) {
      return nearestCompact(q, n, exclude, floor);
    }
    float[] s = scoreBuffer();
    scan(q, s);
    for (int x : exclude) {
      if (x >= 0 && x < s.length) {
        s[x] = Float.NaN;
      }
    }
    float nth = nthLargest(s, n);
    double qn = 0;
    for (float v : q) {
      qn += (double) v * v;
    }
    float delta = (float) (2.0 * (m.dim() + 4 + m.scanRoundings()) * 0x1p-24 * Math.sqrt(qn) * 1.001 + 1e-30);
    float threshold = Math.max(nth - 2 * delta, floor - delta);
    int[] cand = new int[Math.max(16, 2 * n)];
    int nc = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] >= threshold) { // false for NaN: excluded words and rows of NaN
        if (nc == cand.length) {
          cand = Arrays.copyOf(cand, 2 * nc);
        }
        cand[nc++] = i;
      }
    }
    return exactTop(q, cand, nc, n, floor);
  }

  /**
   * {@link #nearest} through the int8 copy of the rows (a mapped file's index, see {@code CompactRows}): a quarter of
   * the bytes to read, and the same answer. Row r's approximate score a(r) is within b(r) = step(r) * K1 + K2 of its
   * exact C-order score e(r), where K1 = |q|_1 * (STEP_ERROR + the float roundings of a sum of dim products of at most
   * 127 |q_c|) bounds the quantisation, and K2 = 2 (dim + 8) 2^-24 |q| the C order's own rounding. Let lo be the n-th
   * largest a(r) - b(r): n rows score at least lo exactly, so the exact n-th best is at least lo, and a row of the
   * exact top n has a(r) + b(r) >= lo. Re-scoring exactly, in C order, every row with a(r) + b(r) >= lo (and above the
   * floor) therefore gives {@link #nearest}'s answer, ties included; for word vectors that is tens of rows.
   */
  private List<Neighbour> nearestCompact(float[] q, int n, int[] exclude, float floor) {
    int dim = m.dim();
    float[] qp = Arrays.copyOf(q, m.compactStride());
    float[] s = scoreBuffer();
    scan(qp, s, true);
    for (int x : exclude) {
      if (x >= 0 && x < s.length) {
        s[x] = Float.NaN;
      }
    }
    double l1 = 0;
    double l2 = 0;
    for (float v : q) {
      l1 += Math.abs(v);
      l2 += (double) v * v;
    }
    // 1.01 and the 2^-20 absolute term cover the roundings of computing a(r) +- b(r) in float
    float k1 = (float) (l1 * (FloatMatrix.compactStepError() + 128.0 * (dim + 8) * 0x1p-24) * 1.01);
    float k2 = (float) (2.0 * (dim + 8) * 0x1p-24 * Math.sqrt(l2) * 1.01 + 0x1p-20 * (Math.sqrt(l2) + 1e-30));
    for (int r = 0; r < s.length; r++) {
      s[r] -= m.compactStep(r) * k1 + k2; // a(r) - b(r); NaN stays NaN
    }
    float lo = nthLargest(s, n);
    float threshold = Math.max(lo, floor); // a row of the top n scores above the floor, so a(r) + b(r) > floor
    int[] cand = new int[Math.max(16, 2 * n)];
    int nc = 0;
    for (int r = 0; r < s.length; r++) {
      float hi = s[r] + 2 * (m.compactStep(r) * k1 + k2);
      if (hi >= threshold) { // false for NaN: excluded words
        if (nc == cand.length) {
          cand = Arrays.copyOf(cand, 2 * nc);
        }
        cand[nc++] = r;
      }
    }
    lastCandidates = nc;
    return exactTop(q, cand, nc, n, floor);
  }

  /** How many rows the last {@link #nearest} through the int8 copy re-scored exactly (for tests and -debug). */
  public int lastCandidates() {
    return lastCandidates;
  }

  private int lastCandidates = -1;

  /** Re-scores the candidates (in row order) in C order and keeps the best n above the floor. */
  private List<Neighbour> exactTop(float[] q, int[] cand, int nc, int n, float floor) {
    int dim = m.dim();
    List<Neighbour> kept = new ArrayList<>(nc);
    for (int j = 0; j < nc; j++) {
      int r = cand[j];
      float e = ScalarMath.dotS(q, 0, m.arrayOf(r), m.offsetOf(r), dim);
      if (e > floor) {
        kept.add(new Neighbour(r, e));
      }
    }
    // best first; List.sort is stable, so equal scores stay in row order as distance.c's strict ">" keeps them
    // (compared with < and >, not Float.compare, so that -0.0 and 0.0 tie as they do in C; no NaN gets here)
    kept.sort((a, b) -> b.score() > a.score() ? 1 : b.score() < a.score() ? -1 : 0);
    return kept.size() > n ? new ArrayList<>(kept.subList(0, n)) : kept;
  }

  /** The n-th largest non-NaN value of s, or -infinity when there are fewer than n. */
  static float nthLargest(float[] s, int n) {
    if (n <= 0) {
      return Float.POSITIVE_INFINITY;
    }
    float[] heap = new float[n]; // a min-heap of the n largest so far
    int size = 0;
    for (float v : s) {
      if (size < n) {
        if (v == v) {
          int i = size++;
          while (i > 0 && heap[(i - 1) >> 1] > v) {
            heap[i] = heap[(i - 1) >> 1];
            i = (i - 1) >> 1;
          }
          heap[i] = v;
        }
      } else if (v > heap[0]) {
        int i = 0;
        while (true) {
          int l = 2 * i + 1;
          if (l >= n) {
            break;
          }
          int c = l + 1 < n && heap[l + 1] < heap[l] ? l + 1 : l;
          if (heap[c] >= v) {
            break;
          }
          heap[i] = heap[c];
          i = c;
        }
        heap[i] = v;
      }
    }
    return size < n ? Float.NEGATIVE_INFINITY : heap[0];
  }
}
