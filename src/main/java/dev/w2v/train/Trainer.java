// word2vec.c's TrainModelThread: the per-thread SGD loop for skip-gram and CBOW, hierarchical softmax and/or
// negative sampling, with subsampling, the random window shrink and the linearly decaying learning rate.
package dev.w2v.train;

import dev.w2v.math.ScalarMath;
import dev.w2v.math.SimdMath;
import dev.w2v.vocab.HuffmanTree;
import dev.w2v.vocab.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * Runs the training threads over a {@link Model}. Each thread owns its scratch state ({@link ThreadState}); the
 * only shared mutable data are the weight matrices (lock-free Hogwild updates, as in word2vec.c: concurrent
 * writes to the same row can lose an update, which stochastic gradient descent tolerates) and the word counter
 * that drives the learning rate, updated once every 10,000 words.
 */
public final class Trainer {
  static final int MAX_SENTENCE_LENGTH = 1000;
  /**
   * {@code -Dw2v.loss=false} compiles the loss out of the loop (a constant the JIT folds), so that
   * scripts/bench-loss can measure what it costs; the loss then reads "-" and only the final weight check sees a
   * divergence.
   */
  static final boolean LOSS = !"false".equals(System.getProperty("w2v.loss"));
  /**
   * The word loops compute the loss for one centre word in this many (each thread's first of an epoch, then every
   * LOSS_EVERY-th), a sample whose mean per prediction stays within a fraction of a percent of every word's on a
   * real corpus while the cost of the loss falls to a LOSS_EVERY-th; {@code -Dw2v.lossEvery=1} computes it for every
   * word. The subword loop computes it for every word.
   */
  static final int LOSS_EVERY = Math.max(1, Integer.getInteger("w2v.lossEvery", 8));
  /**
   * How many neighbouring CBOW centre words are trained as one batch (with {@code -shared-negatives 1}, the
   * default); {@code -Dw2v.cbowBatch=N} changes it for measurements. {@code -shared-negatives 0} trains one word at
   * a time, as word2vec.c.
   */
  static final int CBOW_BATCH = Math.max(1, Integer.getInteger("w2v.cbowBatch", 4));
  /**
   * {@code -Dw2v.fused=false} keeps skip-gram's six-target kernels ({@link SimdMath#blockScores6V},
   * {@link SimdMath#blockUpdate6V}) out, for measuring them against the general block kernels.
   */
  static final boolean FUSED = !"false".equals(System.getProperty("w2v.fused"));
  /**
   * Batched CBOW with several threads keeps a private copy of the output rows (syn1neg) of the HOT_ROWS most frequent
   * words on each thread (about half of all negative draws land there on gutenberg8), and adds each thread's change to
   * the shared rows every HOT_MERGE_SYNCS syncs (of 10,000 words each) and at the end of its epoch. Both threads
   * otherwise write these rows all the time, and each write takes the rows' cache lines from the other core.
   * {@code -Dw2v.hotRows=0} turns it off; {@code -Dw2v.hotMergeSyncs=N} sets how often they merge.
   */
  static final int HOT_ROWS = Integer.getInteger("w2v.hotRows", 1024);
  static final int HOT_MERGE_SYNCS = Math.max(1, Integer.getInteger("w2v.hotMergeSyncs", 10));
  /**
   * Batched CBOW first reads one float of each cache line of every row a batch will use ({@link #touch}), so
   * that the rows' cache misses are waited for together rather than one row after another (Java has no prefetch
   * instruction; a load whose value is kept is the nearest thing). {@code -Dw2v.touch=false} leaves it out, for
   * measuring it. It changes no result.
   */
  static final boolean TOUCH = !"false".equals(System.getProperty("w2v.touch"));
  /**
   * Reads {@code row[off .. off + n)} one float per 64-byte line (and its last float, since rows need not start on
   * a line) and returns their sum, which the caller keeps so that the loads are not optimised away.
   */
  static float touch(float[] row, int off, int n) {
    float s = row[off + n - 1];
    for (int o = off, e = off + n; o < e; o += 16) {
      s += row[o];
    }
    return s;
  }

  private final TrainConfig cfg;
  private final Model model;
  private final long[] cn;
  private final long trainWords;
  private final int vocabSize;
  private final HuffmanTree tree;
  private final UnigramTable table;
  private final float[] expTable = SigmoidTable.table();
  private final float[] lossTable = LogSigmoid.table();
  /** The sigmoid for {@link SigmoidTable#clippedIndex} (the block and batched kernels' branch-free lookups). */
  private final float[] clipped = SigmoidTable.clipped();
  private final float[] keepThreshold; // subsampling's `ran` per word, as float (NaN-free)
  private final boolean simd;
  private final boolean clearEof;
  private final boolean sharedNegatives;
  /** CBOW centre words per batch ({@link #cbowBatch}); 0: word2vec.c's loop, one word at a time. */
  private final int cbowBatch;
  private final AtomicLong wordCountActual = new AtomicLong();
  private final LossMeter loss;
  private final float startingAlpha;
  private volatile float alpha;
  /** Per-thread state, kept across epochs (and saved at epoch boundaries for -checkpoint). */
  private final ThreadState[] states;
  /** The n-gram rows and table when training subwords (-maxn > 0), else null. */
  private final SubwordModel subwords;
  private long epochsDone;
  private int lossEvery = LOSS_EVERY;
  private int hotRows = HOT_ROWS;
  private int hotMergeSyncs = HOT_MERGE_SYNCS;
  /** Serialises the threads' merges of their hot rows into the shared ones. */
  private final Object hotLock = new Object();

  /**
   * @param simd use the Vector API kernels (default mode); false gives word2vec.c's exact float arithmetic
   */
  public Trainer(TrainConfig cfg, Vocabulary vocab, Model model, HuffmanTree tree, UnigramTable table,
      boolean simd) {
    this(cfg, vocab, model, tree, table, simd, RunConfig.WORD2VEC_SEED);
  }

  /** As above, with every thread's random stream seeded from {@code seed} ({@link RunConfig#threadSeed}). */
  public Trainer(TrainConfig cfg, Vocabulary vocab, Model model, HuffmanTree tree, UnigramTable table,
      boolean simd, long seed) {
    this(cfg, vocab, model, tree, table, simd, seed, null);
  }

  /** As above; with {@code subwords} non-null, fastText's subword model ({@link SubwordLoop}) instead. */
  public Trainer(TrainConfig cfg, Vocabulary vocab, Model model, HuffmanTree tree, UnigramTable table,
      boolean simd, long seed, SubwordModel subwords) {
    this.cfg = cfg;
    this.subwords = subwords;
    this.model = model;
    this.cn = vocab.counts();
    this.trainWords = vocab.trainWords();
    this.vocabSize = vocab.size();
    this.tree = tree;
    this.table = table;
    this.simd = simd;
    this.clearEof = !cfg.reference();
    this.sharedNegatives = cfg.sharedNegatives() && !cfg.cbow() && cfg.negative() > 0 && cfg.hs() == 0;
    this.cbowBatch = cfg.sharedNegatives() && cfg.cbow() && cfg.negative() > 0 && cfg.hs() == 0 ? CBOW_BATCH : 0;
    this.startingAlpha = cfg.alpha();
    this.alpha = cfg.alpha();
    this.keepThreshold = new float[vocabSize];
    this.loss = new LossMeter(cfg.iter(), cfg.threads());
    if (cfg.sample() > 0) {
      float st = cfg.sample() * (float) trainWords; // sample * train_words, in float
      for (int w = 0; w < vocabSize; w++) {
        // real ran = (sqrt(cn / (sample * train_words)) + 1) * (sample * train_words) / cn;
        keepThreshold[w] = (float) ((Math.sqrt((float) cn[w] / st) + 1) * st / (double) cn[w]);
      }
    }
    this.states = new ThreadState[cfg.threads()];
    for (int id = 0; id < states.length; id++) {
      states[id] = new ThreadState(id, RunConfig.threadSeed(seed, id));
    }
  }

  /**
   * Continues from a saved epoch boundary: {@code epochsDone} epochs finished, {@code wordsDone} words counted,
   * the shared and per-thread learning rates and each thread's random state and end-of-file flag as they were.
   */
  public void restore(long epochsDone, long wordsDone, float alpha, long[] threadRandom, float[] threadAlpha,
      boolean[] threadEof) {
    if (threadRandom.length != states.length) {
      throw new IllegalArgumentException(threadRandom.length + " saved thread states for " + states.length);
    }
    this.epochsDone = epochsDone;
    this.wordCountActual.set(wordsDone);
    this.alpha = alpha;
    for (int id = 0; id < states.length; id++) {
      states[id].nextRandom = threadRandom[id];
      states[id].threadAlpha = threadAlpha[id];
      states[id].eof = threadEof[id];
    }
  }

  /**
   * Sets the private hot output rows of batched CBOW (see {@link #HOT_ROWS}): {@code rows} words (0: none), merged
   * every {@code syncs} syncs. Call before training.
   */
  void hotRows(int rows, int syncs) {
    this.hotRows = Math.max(0, rows);
    this.hotMergeSyncs = Math.max(1, syncs);
  }

  /** Computes the loss for one centre word in {@code every} (1: all of them); {@link #LOSS_EVERY} by default. */
  void lossEvery(int every) {
    this.lossEvery = Math.max(1, every);
  }

  /** Epochs finished so far (of {@code -iter}). */
  public long epochsDone() {
    return epochsDone;
  }

  /** Each thread's next_random, at an epoch boundary. */
  public long[] threadRandom() {
    long[] r = new long[states.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = states[i].nextRandom;
    }
    return r;
  }

  /** Each thread's learning rate, at an epoch boundary. */
  public float[] threadAlpha() {
    float[] r = new float[states.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = states[i].threadAlpha;
    }
    return r;
  }

  /** Each thread's end-of-file flag, at an epoch boundary. */
  public boolean[] threadEof() {
    boolean[] r = new boolean[states.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = states[i].eof;
    }
    return r;
  }

  /** Words processed so far, over all threads and epochs (word2vec.c's word_count_actual). */
  public long wordsDone() {
    return wordCountActual.get();
  }

  /** Total words the schedule expects: iter * train_words. */
  public long wordsTotal() {
    return cfg.iter() * trainWords;
  }

  public float alpha() {
    return alpha;
  }

  /** The loss, merged from every thread at its 10,000-word syncs. */
  public LossMeter loss() {
    return loss;
  }

  /** Whether training stopped early because the loss became NaN or infinite (the learning rate is too high). */
  public boolean diverged() {
    return loss.diverged();
  }

  /** What each thread has added to {@link #loss} (tests check that the merged total is their sum). */
  double[] threadLoss() {
    double[] t = new double[states.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = states[i].lossAdded;
    }
    return t;
  }

  /** As {@link #train(IntFunction, LongConsumer)} with nothing to do between epochs. */
  public void train(IntFunction<TokenSource> sources) throws InterruptedException {
    train(sources, e -> {});
  }

  /**
   * Trains the remaining epochs with one thread per source; blocks until all finish. {@code sources.apply(id)}
   * opens thread id's token source, positioned at its start. The epochs are separated by a barrier: every thread
   * finishes epoch e, then {@code afterEpoch} runs on this thread with e (1-based), then epoch e + 1 starts. Each
   * thread's state (random stream, learning rate, end-of-file flag) carries over, so with one thread the result is
   * the same as word2vec.c's uninterrupted loop, and a run restored at a boundary continues it exactly.
   */
  public void train(IntFunction<TokenSource> sources, LongConsumer afterEpoch) throws InterruptedException {
    int n = cfg.threads();
    TokenSource[] src = new TokenSource[n];
    try {
      for (int id = 0; id < n; id++) {
        src[id] = sources.apply(id);
      }
      final long first = epochsDone;
      for (long epoch = first; epoch < cfg.iter(); epoch++) {
        // sources open at their start; a resumed run (first > 0) still crosses the boundary's end-of-file reset
        runEpoch(src, epoch, epoch > first, epoch > 0);
        if (loss.diverged()) {
          return; // TrainJob says so and writes nothing; no checkpoint of a diverged model either
        }
        epochsDone = epoch + 1;
        afterEpoch.accept(epochsDone);
      }
    } finally {
      for (TokenSource s : src) {
        if (s != null) {
          try {
            s.close();
          } catch (IOException ignored) {
            // read-only sources: nothing to lose
          }
        }
      }
    }
  }

  /**
   * One epoch on every thread; {@code rewind} puts each source back to its thread's start first, and
   * {@code boundary} (every epoch but the first) clears the end-of-file flag as word2vec.c's loop should.
   */
  private void runEpoch(TokenSource[] src, long epoch, boolean rewind, boolean boundary)
      throws InterruptedException {
    int n = src.length;
    Thread[] threads = new Thread[n];
    Throwable[] failure = new Throwable[1];
    for (int id = 0; id < n; id++) {
      final int tid = id;
      threads[id] = new Thread(() -> {
        try {
          if (rewind) {
            src[tid].rewind();
          }
          if (boundary && clearEof) {
            states[tid].eof = false; // word2vec.c never clears it, so it skips every epoch after reaching the end
          }
          states[tid].runEpoch(src[tid], epoch);
        } catch (Throwable t) {
          synchronized (failure) {
            if (failure[0] == null) {
              failure[0] = t;
            }
          }
        }
      }, "w2v-train-" + id);
      threads[id].start();
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      for (Thread t : threads) {
        t.interrupt();
      }
      throw e;
    }
    if (failure[0] != null) {
      Throwable t = failure[0];
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      }
      if (t instanceof Error) {
        throw (Error) t;
      }
      throw new UncheckedIOException(t instanceof IOException ? (IOException) t : new IOException(t));
    }
  }

  /** One thread's loop and scratch buffers (fastText's Model::State): nothing here is shared. */
  final class ThreadState {
    // Padding against false sharing between the training threads: every thread writes its own fields below
    // (nextRandom, lossSum, lossCount) at each word and its scratch arrays at each step, and the threads' states are
    // allocated one after the other (and the collector copies them in that order), so without a gap one thread's
    // hot line can be another's. 128 bytes of unused longs start the object; padHead and padTail, the first and
    // last arrays allocated, sit between one thread's arrays and the next thread's state.
    long pad0, pad1, pad2, pad3, pad4, pad5, pad6, pad7, pad8, pad9, pad10, pad11, pad12, pad13, pad14, pad15;
    final long[] padHead = new long[16];
    final int id;
    /** Kernel length: the vector size, or the padded stride when SIMD kernels run over whole rows. */
    final int layer1Size = simd ? model.stride : model.size;
    final int stride = model.stride;
    // the matrices as chunks: row w is chunks[w >>> shift] at offset (w & mask) * stride (one chunk below 2^31
    // floats, where shift is 31 and this is word2vec.c's w * layer1_size)
    final float[][] syn0c = model.syn0Chunks;
    final float[][] syn1c = model.syn1Chunks;
    final float[][] syn1negc = model.syn1negChunks;
    final int shift = model.chunkShift;
    final int mask = model.chunkMask;
    final float[] neu1 = new float[layer1Size];
    final float[] neu1e = new float[layer1Size];
    // shared-negatives scratch: context words, target words, labels, gradients (m x nt), errors (m x stride)
    final int[] ctx = new int[2 * cfg.window()];
    final int[] tgt = new int[cfg.negative() + 1];
    final int[] lab = new int[cfg.negative() + 1];
    final float[] grad = new float[2 * cfg.window() * (cfg.negative() + 1)];
    final float[] err = new float[2 * cfg.window() * model.stride];
    final int[] sen = new int[MAX_SENTENCE_LENGTH + 1];
    /** The block kernels need rows of whole vectors (the padded stride; a wrapped model may have another). */
    final boolean blockKernels = simd && layer1Size % SimdMath.L == 0;
    /** Subword training's steps and scratch; null for word2vec's. */
    final SubwordLoop sub;
    // the block kernels' row arrays (one matrix each today; per-row so that chunked matrices fit the same kernels)
    final float[][] inRows = new float[2 * cfg.window()][];
    final float[][] outRows = new float[cfg.negative() + 1][];
    final int[] inOff = new int[2 * cfg.window()];
    final int[] outOff = new int[cfg.negative() + 1];
    // batched CBOW (cbowBatch words B, negatives K): each word's window shrink, centre position, context range and
    // word; hidden rows H and errors E (B x stride); gradients of the positives (B) and negatives (B x K)
    final int[] bShrink = new int[cbowBatch];
    final int[] bPos = new int[cbowBatch];
    final int[] bLo = new int[cbowBatch];
    final int[] bHi = new int[cbowBatch];
    final int[] bWord = new int[cbowBatch];
    // whether each word's loss is computed (one centre word in lossEvery), by position in the batch and by word
    final boolean[] bLossIn = new boolean[Math.max(1, cbowBatch)];
    final boolean[] bLoss = new boolean[cbowBatch];
    final float[] hid = cbowBatch > 0 ? new float[cbowBatch * model.stride] : null;
    final float[] bErr = cbowBatch > 0 ? new float[cbowBatch * model.stride] : null;
    final float[][] negRows = new float[cbowBatch * cfg.negative()][];
    final int[] negOff = new int[cbowBatch * cfg.negative()];
    final int[] negId = new int[cbowBatch * cfg.negative()];
    /** The sum of the floats {@link #touch} read (kept, so that the JIT keeps the loads). */
    float touchSink;
    /** The last context position the previous batch of this sentence touched. */
    int touchedHi;
    /** The current batch's span of context positions. */
    int qlo;
    int qhi;
    // row lists for the kernels: the errors (for the scatter), each word's output rows and its negatives' rows
    final float[][] eRows = new float[cbowBatch][];
    final int[] eOff = new int[cbowBatch];
    final float[][] posRows = new float[cbowBatch][];
    final int[] posOff = new int[cbowBatch];
    final float[][] tRows = new float[cfg.negative() + 1][];
    final int[] tOff = new int[cfg.negative() + 1];
    final float[] coef = new float[Math.max(Math.max(2 * cfg.window(), cfg.negative() + 1), cbowBatch)];
    long nextRandom;
    float threadAlpha = alpha;
    /** word2vec.c's eof: set at the end of the thread's input; cleared between epochs unless -reference 1. */
    boolean eof;
    // this thread's loss since its last sync: summed terms and predictions (merged into `loss` at each sync)
    double lossSum;
    long lossCount;
    /** Whether the current centre word's loss is computed (one word in lossEvery; see {@link #LOSS_EVERY}). */
    boolean lossNow;
    /** Centre words before the next whose loss is computed. */
    int lossWait;
    /** The words {@link #readSentence} read, kept or not (word2vec.c's word_count counts them all). */
    long wordsRead;
    /** Everything this thread added to {@code loss} (for tests: the merged total is the sum of these). */
    double lossAdded;
    // the private hot output rows (batched CBOW, several threads): their values now, and at the last merge
    int hotK;
    float[] hot;
    float[] hotBase;
    int hotWait;
    final long[] padTail = new long[16];

    /** Takes private copies of the hot rows (at the start of each epoch: the shared rows are whole then). */
    void hotLoad() {
      if (hot == null) { // the first epoch (hotRows is set before training)
        hotK = cfg.threads() > 1 && cbowBatch > 0 && subwords == null ? Math.min(hotRows, vocabSize) : 0;
        hot = new float[hotK * stride];
        hotBase = new float[hotK * stride];
      }
      synchronized (hotLock) {
        for (int w = 0; w < hotK; w++) {
          System.arraycopy(syn1negc[w >>> shift], (w & mask) * stride, hot, w * stride, stride);
        }
      }
      System.arraycopy(hot, 0, hotBase, 0, hot.length);
      hotWait = 0;
    }

    /**
     * Adds what this thread changed in its hot rows since the last merge to the shared rows, and takes the sum
     * (with the other threads' merged changes) as its new copy.
     */
    void hotMerge() {
      synchronized (hotLock) {
        for (int w = 0; w < hotK; w++) {
          float[] sh = syn1negc[w >>> shift];
          int so = (w & mask) * stride;
          int ho = w * stride;
          for (int i = 0; i < stride; i++) {
            float v = sh[so + i] + (hot[ho + i] - hotBase[ho + i]);
            sh[so + i] = v;
            hot[ho + i] = v;
            hotBase[ho + i] = v;
          }
        }
      }
    }

    /** The array holding word w's output row (syn1neg) for batched CBOW: this thread's hot copy, or the shared one. */
    private float[] outArray(int w) {
      return w < hotK ? hot : syn1negc[w >>> shift];
    }

    /** The offset of word w's output row in {@link #outArray}. */
    private int outOffset(int w) {
      return w < hotK ? w * stride : (w & mask) * stride;
    }

    ThreadState(int id, long nextRandom) {
      this.id = id;
      this.nextRandom = nextRandom;
      for (int j = 0; j < cbowBatch; j++) {
        eRows[j] = bErr;
      }
      this.sub = subwords == null ? null
          : new SubwordLoop(cfg, model, subwords, table, vocabSize, simd);
    }

    /**
     * One epoch (0-based {@code epoch}) of TrainModelThread's loop, up to its {@code local_iter--} (the caller
     * rewinds between epochs). Stops early, at a sync, once the loss is NaN or infinite.
     */
    void runEpoch(TokenSource src, long epoch) throws IOException {
      final long iter = cfg.iter();
      final int window = cfg.window();
      final boolean sampling = cfg.sample() > 0;
      final long wordsPerThread = trainWords / cfg.threads();
      long wordCount = 0;
      long lastWordCount = 0;
      int sentenceLength = 0;
      int sentencePosition = 0;
      lossWait = 0;
      hotLoad();
      while (true) {
        if (wordCount - lastWordCount > 10000) {
          long wca = wordCountActual.addAndGet(wordCount - lastWordCount);
          lastWordCount = wordCount;
          if (hotK > 0 && ++hotWait >= hotMergeSyncs) {
            hotWait = 0;
            hotMerge();
          }
          if (!mergeLoss(epoch) || loss.diverged()) {
            return; // NaN or infinity: TrainJob reports it and writes nothing
          }
          float a = startingAlpha * (1 - wca / (float) (iter * trainWords + 1));
          if (a < startingAlpha * 0.0001) {
            a = (float) (startingAlpha * 0.0001);
          }
          threadAlpha = a;
          alpha = a;
        }
        if (sentenceLength == 0) {
          sentenceLength = readSentence(src, sampling);
          wordCount += wordsRead;
          sentencePosition = 0;
        }
        if (eof || wordCount > wordsPerThread) {
          if (hotK > 0) {
            hotMerge();
          }
          wordCountActual.addAndGet(wordCount - lastWordCount);
          mergeLoss(epoch);
          loss.threadFinished(epochIndex(epoch));
          return;
        }
        int word = sen[sentencePosition];
        nextRandom = nextRandom * 25214903917L + 11;
        int b = (int) Long.remainderUnsigned(nextRandom, window);
        lossNow = LOSS && lossWait-- == 0; // read by the word loops only (the subword loop's loss is every word's)
        if (lossNow) {
          lossWait = lossEvery - 1;
        }
        if (sub != null) {
          sub.nextRandom = nextRandom; // one random stream per thread, saved at checkpoints
          lossSum += cfg.cbow() ? sub.cbow(sen, b, window, sentencePosition, sentenceLength, threadAlpha)
              : sub.skipGram(sen, b, window, sentencePosition, sentenceLength, threadAlpha);
          lossCount += LOSS ? sub.predictions : 0;
          nextRandom = sub.nextRandom;
        } else if (cfg.cbow() && cbowBatch > 0) {
          // the next few words of the sentence (each with its own window shrink) as one batch
          int nb = Math.min(cbowBatch, sentenceLength - sentencePosition);
          batchShrinks(b, nb, window);
          cbowBatch(sentencePosition, nb, window, sentenceLength);
          sentencePosition += nb - 1;
        } else if (cfg.cbow()) {
          cbow(word, b, window, sentencePosition, sentenceLength);
        } else if (sharedNegatives) {
          skipGramShared(word, b, window, sentencePosition, sentenceLength);
        } else {
          skipGram(word, b, window, sentencePosition, sentenceLength);
        }
        sentencePosition++;
        if (sentencePosition >= sentenceLength) {
          sentenceLength = 0;
        }
      }
    }

    /**
     * Reads the next sentence into {@link #sen} (word2vec.c's loop: up to a newline, the end of the input or
     * MAX_SENTENCE_LENGTH kept words, frequent words discarded by the subsampling) and returns its length; the words
     * read, kept or not, are left in {@link #wordsRead}. (Its own method, as is {@link #batchShrinks}, so that the
     * epoch's loop holds no inner loop: the JIT then compiles that loop once instead of once per loop.)
     */
    private int readSentence(TokenSource src, boolean sampling) throws IOException {
      int length = 0;
      long read = 0;
      while (true) {
        int word = src.next();
        if (word == TokenSource.EOF) {
          eof = true;
          break;
        }
        if (word == -1) {
          continue;
        }
        read++;
        if (word == 0) {
          break;
        }
        // The subsampling randomly discards frequent words while keeping the ranking same
        if (sampling) {
          nextRandom = nextRandom * 25214903917L + 11;
          if (keepThreshold[word] < (nextRandom & 0xFFFF) / (float) 65536) {
            continue;
          }
        }
        sen[length] = word;
        length++;
        if (length >= MAX_SENTENCE_LENGTH) {
          break;
        }
      }
      wordsRead = read;
      return length;
    }

    /**
     * The window shrinks of a CBOW batch's {@code nb} words (the first, {@code b}, already drawn) and whether each
     * word's loss is computed (each word counts toward the loss sample).
     */
    private void batchShrinks(int b, int nb, int window) {
      bShrink[0] = b;
      bLossIn[0] = lossNow;
      for (int i = 1; i < nb; i++) {
        nextRandom = nextRandom * 25214903917L + 11;
        bShrink[i] = (int) Long.remainderUnsigned(nextRandom, window);
        boolean ln = LOSS && lossWait-- == 0;
        if (ln) {
          lossWait = lossEvery - 1;
        }
        bLossIn[i] = ln;
      }
    }

    private int epochIndex(long epoch) {
      return (int) Math.min(epoch, 1 << 30);
    }

    /** Adds this thread's loss since the last sync to the shared meter; false if the model has diverged. */
    private boolean mergeLoss(long epoch) {
      double s = lossSum;
      long c = lossCount;
      lossSum = 0;
      lossCount = 0;
      lossAdded += s;
      return loss.add(epochIndex(epoch), s, c);
    }

    /** A negative sample ({@link UnigramTable#negative}), from this thread's generator. */
    private int drawNegative() {
      nextRandom = nextRandom * 25214903917L + 11;
      return table.negative(nextRandom, vocabSize);
    }

    private float dot(float[] x, int xo, float[] y, int yo) {
      return simd ? SimdMath.dotV(x, xo, y, yo, layer1Size) : ScalarMath.dotS(x, xo, y, yo, layer1Size);
    }

    private void axpy(float a, float[] x, int xo, float[] y, int yo) {
      if (simd) {
        SimdMath.axpyV(a, x, xo, y, yo, layer1Size);
      } else {
        ScalarMath.axpyS(a, x, xo, y, yo, layer1Size);
      }
    }

    /**
     * Collects the context words around {@code sentencePosition} into {@code ctx}, in
     * word2vec.c's order ({@code a} from b to 2 * window - b, skipping the centre); returns how many.
     */
    private int gatherContexts(int b, int window, int sentencePosition, int sentenceLength) {
      return contexts(sen, b, window, sentencePosition, sentenceLength, ctx);
    }

    /** Skip-gram: each context word's vector (l1) predicts the centre word. */
    private void skipGram(int word, int b, int window, int sentencePosition, int sentenceLength) {
      final float alpha = threadAlpha;
      int m = gatherContexts(b, window, sentencePosition, sentenceLength);
      lossCount += lossNow ? m : 0;
      for (int j = 0; j < m; j++) {
        final float[] syn0 = syn0c[ctx[j] >>> shift];
        int l1 = (ctx[j] & mask) * stride;
        java.util.Arrays.fill(neu1e, 0f);
        if (tree != null) {
          lossSum += hierarchicalSoftmax(word, syn0, l1, alpha);
        }
        if (table != null) {
          lossSum += negativeSampling(word, syn0, l1, alpha);
        }
        // Learn weights input -> hidden (1f * x is exact, so this is word2vec.c's plain add)
        axpy(1f, neu1e, 0, syn0, l1);
      }
    }

    /** CBOW: the mean of the context vectors (neu1) predicts the centre word; the error goes back undivided. */
    private void cbow(int word, int b, int window, int sentencePosition, int sentenceLength) {
      final int n = layer1Size;
      final float alpha = threadAlpha;
      java.util.Arrays.fill(neu1, 0f);
      java.util.Arrays.fill(neu1e, 0f);
      int cw = gatherContexts(b, window, sentencePosition, sentenceLength);
      if (cw == 0) {
        return;
      }
      lossCount += lossNow ? 1 : 0;
      // each context row's array and offset, found once (chunk id >>> shift, (id & mask) * stride)
      final float[][] rows = inRows;
      final int[] off = inOff;
      for (int j = 0; j < cw; j++) {
        int c = ctx[j];
        rows[j] = syn0c[c >>> shift];
        off[j] = (c & mask) * stride;
      }
      for (int j = 0; j < cw; j++) {
        axpy(1f, rows[j], off[j], neu1, 0); // in -> hidden
      }
      for (int k = 0; k < n; k++) {
        neu1[k] /= cw;
      }
      if (tree != null) {
        lossSum += hierarchicalSoftmax(word, neu1, 0, alpha);
      }
      if (table != null) {
        lossSum += negativeSampling(word, neu1, 0, alpha);
      }
      for (int j = 0; j < cw; j++) {
        axpy(1f, neu1e, 0, rows[j], off[j]); // hidden -> in
      }
    }

    /**
     * CBOW for the {@code nb} neighbouring centre words at positions {@code p0 ..} of one sentence, as one batch.
     * word2vec.c's rule holds for each word j: the mean of its context rows (h_j) predicts it and its own
     * {@code negative} draws, and its error goes back undivided to each of those rows. The batch reads every
     * context row before writing any: with O_jt word j's targets (its output row P_j, then its negatives),
     * g_jt = (label - sigmoid(h_j . O_jt)) * alpha, then e_j = sum_t g_jt O_jt and O_jt += g_jt h_j in one pass
     * (each row taken into the error before its own update, as in word2vec.c, and word j + 1 scored against the
     * rows word j updated, as in word2vec.c's loop over the words); at the end each context position gets the sum
     * of the errors of the words whose window holds it, so a row that neighbouring windows share is read from
     * cache and written once. A negative that is the word itself is skipped, as word2vec.c skips it. (Sharing one
     * draw of negatives across the batch, as skip-gram does, was faster still but cost about 4.5 points of analogy
     * accuracy at 3 epochs: neighbouring words' h_j are nearly equal, so a shared negative row took several times
     * the same step.)
     */
    private void cbowBatch(int p0, int nb, int window, int sentenceLength) {
      // (each step is its own method, and this one has no loop: the JIT then compiles it whole after its first few
      // thousand calls, instead of first compiling several on-stack replacements of its loops, one after another
      // on the one C2 thread, while training runs the slow code)
      int m = batchWords(p0, nb, window, sentenceLength);
      if (m == 0) {
        return;
      }
      final int nneg = m * cfg.negative();
      batchNegatives(nneg);
      if (TOUCH) {
        touchBatch(p0, m, nneg);
      }
      batchHidden(m);
      lossSum += batchOutputs(m);
      batchScatter(m);
    }

    /**
     * The batch's words with a context: each one's position, window and word, its output row, the batch's span
     * ({@link #qlo} .. {@link #qhi}); returns how many.
     */
    private int batchWords(int p0, int nb, int window, int sentenceLength) {
      int m = 0;
      int lo0 = Integer.MAX_VALUE;
      int hi0 = -1;
      for (int i = 0; i < nb; i++) {
        int p = p0 + i;
        int lo = Math.max(0, p - window + bShrink[i]);
        int hi = Math.min(sentenceLength - 1, p + window - bShrink[i]);
        if (hi - lo == 0) {
          continue;
        }
        int w = sen[p];
        bPos[m] = p;
        bLo[m] = lo;
        bHi[m] = hi;
        bWord[m] = w;
        bLoss[m] = bLossIn[i];
        posRows[m] = outArray(w);
        posOff[m] = outOffset(w);
        lo0 = Math.min(lo0, lo);
        hi0 = Math.max(hi0, hi);
        m++;
      }
      qlo = lo0;
      qhi = hi0;
      return m;
    }

    /** Every word's own draw of negatives (word2vec.c's), in word2vec.c's order. */
    private void batchNegatives(int nneg) {
      for (int i = 0; i < nneg; i++) {
        int t = drawNegative();
        negId[i] = t;
        negRows[i] = outArray(t);
        negOff[i] = outOffset(t);
      }
    }

    /** One load per cache line of every row the batch will use, all independent, so their misses overlap. */
    private void touchBatch(int p0, int m, int nneg) {
      final int n = layer1Size;
      float s = 0;
      // (the span's rows up to the last batch's end, in this sentence, were read by that batch: still cached)
      // (a '<' bound: the JIT's check on a '<=' loop fails, and recompiles it, when the start is past the end)
      for (int q = p0 > 0 ? Math.max(qlo, touchedHi + 1) : qlo, qend = qhi + 1; q < qend; q++) {
        int c = sen[q];
        s += touch(syn0c[c >>> shift], (c & mask) * stride, n);
      }
      touchedHi = qhi;
      for (int j = 0; j < m; j++) {
        s += touch(posRows[j], posOff[j], n);
      }
      for (int i = 0; i < nneg; i++) {
        s += touch(negRows[i], negOff[i], n);
      }
      touchSink += s;
    }

    /** h_j = the mean of word j's context rows (word2vec.c: neu1 = sum, then / cw), for every word of the batch. */
    private void batchHidden(int m) {
      for (int j = 0; j < m; j++) {
        int p = bPos[j];
        int r = 0;
        for (int q = bLo[j], qend = bHi[j] + 1; q < qend; q++) {
          if (q != p) {
            int c = sen[q];
            inRows[r] = syn0c[c >>> shift];
            inOff[r] = (c & mask) * stride;
            r++;
          }
        }
        java.util.Arrays.fill(coef, 0, r, 1f / r);
        linComb(inRows, inOff, coef, 0, 1, r, hid, j * stride, true);
      }
    }

    /**
     * Per word: the scores, then e_j = sum_t g_jt O_t and O_t += g_jt h_j in one pass over the rows (word2vec.c's
     * order: the error takes each row before its own update). Returns the sampled words' loss.
     */
    private float batchOutputs(int m) {
      final int negative = cfg.negative();
      final float alpha = threadAlpha;
      float l = 0;
      for (int j = 0; j < m; j++) {
        tRows[0] = posRows[j];
        tOff[0] = posOff[j];
        final boolean lj = bLoss[j];
        lossCount += lj ? 1 : 0;
        float f = dot(hid, j * stride, posRows[j], posOff[j]);
        int s = SigmoidTable.clippedIndex(f);
        l += lj ? LogSigmoid.clippedTerm(s, f, 1) : 0f;
        coef[0] = (1 - clipped[s]) * alpha;
        for (int k = 1; k <= negative; k++) {
          int i = j * negative + k - 1;
          int t = negId[i];
          tRows[k] = negRows[i];
          tOff[k] = negOff[i];
          if (t == bWord[j]) {
            coef[k] = 0f; // word2vec.c: if (target == word) continue;
            continue;
          }
          f = dot(hid, j * stride, tRows[k], tOff[k]);
          s = SigmoidTable.clippedIndex(f);
          l += lj ? LogSigmoid.clippedTerm(s, f, 0) : 0f;
          coef[k] = (0 - clipped[s]) * alpha;
        }
        errUpdate(tRows, tOff, coef, negative + 1, hid, j * stride, bErr, j * stride);
      }
      return l;
    }

    /** Hidden -> in: each context position of the span once, with the errors of every window holding it. */
    private void batchScatter(int m) {
      java.util.Arrays.fill(coef, 0, m, 1f);
      for (int q = qlo, qend = qhi + 1; q < qend; q++) {
        int r = 0;
        for (int j = 0; j < m; j++) {
          if (q >= bLo[j] && q <= bHi[j] && q != bPos[j]) {
            eOff[r++] = j * stride;
          }
        }
        if (r > 0) {
          int c = sen[q];
          linComb(eRows, eOff, coef, 0, 1, r, syn0c[c >>> shift], (c & mask) * stride, false);
        }
      }
    }

    private void errUpdate(float[][] xa, int[] xo, float[] g, int cnt, float[] h, int ho, float[] err, int eo) {
      if (simd) {
        SimdMath.errUpdateV(xa, xo, g, cnt, h, ho, err, eo, layer1Size);
      } else {
        ScalarMath.errUpdateS(xa, xo, g, cnt, h, ho, err, eo, layer1Size);
      }
    }

    private void linComb(float[][] xa, int[] xo, float[] a, int ao, int as, int cnt, float[] y, int yo,
        boolean fresh) {
      if (simd) {
        SimdMath.linCombV(xa, xo, a, ao, as, cnt, y, yo, layer1Size, fresh);
      } else {
        ScalarMath.linCombS(xa, xo, a, ao, as, cnt, y, yo, layer1Size, fresh);
      }
    }

    /**
     * Skip-gram with shared negatives (Ji et al. 2016, pWord2Vec): the m context words of one centre word share
     * one draw of negatives, so the update is a small matrix product. With I the context rows (m x size) and O
     * the rows of the centre word and its negatives (nt x size), all read before any update:
     * G = (label - sigmoid(I O^T)) * alpha (m x nt), then O += G^T I and I += G O.
     */
    private void skipGramShared(int word, int b, int window, int sentencePosition, int sentenceLength) {
      final int n = layer1Size;
      final float alpha = threadAlpha;
      int m = gatherContexts(b, window, sentencePosition, sentenceLength);
      if (m == 0) {
        return;
      }
      lossCount += lossNow ? m : 0;
      int nt = 0;
      tgt[nt] = word;
      lab[nt++] = 1;
      for (int d = 0; d < cfg.negative(); d++) {
        int target = drawNegative();
        if (target == word) {
          continue;
        }
        tgt[nt] = target;
        lab[nt++] = 0;
      }
      if (blockKernels) {
        skipGramBlock(m, nt, alpha);
        return;
      }
      float l = 0;
      for (int j = 0; j < m; j++) {
        for (int k = 0; k < nt; k++) {
          float f = dot(syn0c[ctx[j] >>> shift], (ctx[j] & mask) * stride, syn1negc[tgt[k] >>> shift],
              (tgt[k] & mask) * stride);
          l += lossNow ? LogSigmoid.term(lossTable, f, lab[k]) : 0f;
          grad[j * nt + k] = gradient(f, lab[k], alpha);
        }
      }
      lossSum += l;
      // err_j = sum_k g_jk O_k (old O)
      for (int j = 0; j < m; j++) {
        int e = j * stride;
        java.util.Arrays.fill(err, e, e + n, 0f);
        for (int k = 0; k < nt; k++) {
          axpy(grad[j * nt + k], syn1negc[tgt[k] >>> shift], (tgt[k] & mask) * stride, err, e);
        }
      }
      // O_k += sum_j g_jk I_j (old I)
      for (int k = 0; k < nt; k++) {
        float[] o = syn1negc[tgt[k] >>> shift];
        int oo = (tgt[k] & mask) * stride;
        for (int j = 0; j < m; j++) {
          axpy(grad[j * nt + k], syn0c[ctx[j] >>> shift], (ctx[j] & mask) * stride, o, oo);
        }
      }
      // I_j += err_j
      for (int j = 0; j < m; j++) {
        axpy(1f, err, j * stride, syn0c[ctx[j] >>> shift], (ctx[j] & mask) * stride);
      }
    }

    /**
     * {@link #skipGramShared}'s step with the SIMD block kernels: the m x nt scores in one small matrix product, the
     * loss and gradients from them in one pass, then both updates ({@link SimdMath#blockUpdateV}).
     */
    private void skipGramBlock(int m, int nt, float alpha) {
      // ctx and tgt hold word ids; a row is in chunk id >>> shift at (id & mask) * stride (one chunk below 2^31)
      for (int j = 0; j < m; j++) {
        inRows[j] = syn0c[ctx[j] >>> shift];
        inOff[j] = (ctx[j] & mask) * stride;
      }
      for (int k = 0; k < nt; k++) {
        outRows[k] = syn1negc[tgt[k] >>> shift];
        outOff[k] = (tgt[k] & mask) * stride;
      }
      // six targets (-negative 5, no negative equal to the centre word): the six-target kernels, the update fused
      // into one pass when no row repeats (a repeated row needs the two-pass update to keep both its updates)
      final boolean six = FUSED && nt == SimdMath.NT6;
      if (six) {
        SimdMath.blockScores6V(inRows, inOff, m, outRows, outOff, layer1Size, grad);
      } else {
        SimdMath.blockScoresV(inRows, inOff, m, outRows, outOff, nt, layer1Size, grad);
      }
      float l = 0;
      for (int j = 0, i = 0; j < m; j++) {
        for (int k = 0; k < nt; k++, i++) {
          float f = grad[i];
          int s = SigmoidTable.clippedIndex(f);
          l += lossNow ? LogSigmoid.clippedTerm(s, f, lab[k]) : 0f;
          grad[i] = (lab[k] - clipped[s]) * alpha;
        }
      }
      lossSum += l;
      if (six && distinct(ctx, m) && distinct(tgt, nt)) {
        SimdMath.blockUpdate6V(inRows, inOff, m, outRows, outOff, layer1Size, grad);
      } else {
        SimdMath.blockUpdateV(inRows, inOff, m, outRows, outOff, nt, layer1Size, grad, err);
      }
    }

    /**
     * Negative sampling's gradient times the learning rate for score {@code f} and {@code label}: word2vec.c's
     * {@code (label - sigmoid(f)) * alpha}, with the sigmoid saturated outside (-MAX_EXP, MAX_EXP).
     */
    private float gradient(float f, int label, float alpha) {
      if (f > SigmoidTable.MAX_EXP) {
        return (label - 1) * alpha;
      } else if (f < -SigmoidTable.MAX_EXP) {
        return (label - 0) * alpha;
      }
      return (label - expTable[(int) ((f + SigmoidTable.MAX_EXP) * SigmoidTable.SCALE)]) * alpha;
    }

    /**
     * HIERARCHICAL SOFTMAX over the centre word's Huffman path; input is {@code in[io ..]}. Returns the loss,
     * {@code -sum log sigmoid(+-f)} along the path.
     */
    private float hierarchicalSoftmax(int word, float[] in, int io, float alpha) {
      final int n = layer1Size;
      final int o = tree.offset(word);
      final int len = tree.codeLen(word);
      final byte[] code = tree.codes();
      final int[] point = tree.points();
      float l = 0;
      for (int d = 0; d < len; d++) {
        final float[] syn1 = syn1c[point[o + d] >>> shift];
        int l2 = (point[o + d] & mask) * stride;
        // Propagate hidden -> output
        float f = dot(in, io, syn1, l2);
        // loss -log sigmoid(+-f): the target is 1 - code, as in g below; counted where the update is skipped too
        l += lossNow ? LogSigmoid.term(lossTable, f, 1 - code[o + d]) : 0f;
        if (f <= -SigmoidTable.MAX_EXP || f >= SigmoidTable.MAX_EXP) {
          continue;
        }
        f = expTable[(int) ((f + SigmoidTable.MAX_EXP) * SigmoidTable.SCALE)];
        // 'g' is the gradient multiplied by the learning rate
        float g = (1 - code[o + d] - f) * alpha;
        // Propagate errors output -> hidden, then learn weights hidden -> output
        axpy(g, syn1, l2, neu1e, 0);
        axpy(g, in, io, syn1, l2);
      }
      return l;
    }

    /**
     * NEGATIVE SAMPLING: the centre word (label 1) and {@code negative} draws (label 0). Returns the loss,
     * {@code -log sigmoid(f_word) - sum log sigmoid(-f_negative)}.
     */
    private float negativeSampling(int word, float[] in, int io, float alpha) {
      final int n = layer1Size;
      final int negative = cfg.negative();
      float l = 0;
      for (int d = 0; d < negative + 1; d++) {
        int target;
        int label;
        if (d == 0) {
          target = word;
          label = 1;
        } else {
          target = drawNegative();
          if (target == word) {
            continue;
          }
          label = 0;
        }
        final float[] syn1neg = syn1negc[target >>> shift];
        int l2 = (target & mask) * stride;
        float f = dot(in, io, syn1neg, l2);
        l += lossNow ? LogSigmoid.term(lossTable, f, label) : 0f; // -log sigmoid(f), -log sigmoid(-f) for label 0
        float g = gradient(f, label, alpha);
        axpy(g, syn1neg, l2, neu1e, 0);
        axpy(g, in, io, syn1neg, l2);
      }
      return l;
    }
  }

  /** Whether the first n ids of a differ (n is at most 2 * window or 1 + negative: pairwise is cheapest). */
  static boolean distinct(int[] a, int n) {
    for (int i = 1; i < n; i++) {
      int x = a[i];
      for (int j = 0; j < i; j++) {
        if (a[j] == x) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The context words of {@code sen[pos]} within the shrunk window b, in word2vec.c's order ({@code a} from b to
   * 2 * window - b, skipping the centre), into ctx; returns how many. The word loop and the subword loop share it.
   */
  static int contexts(int[] sen, int b, int window, int pos, int len, int[] ctx) {
    int m = 0;
    for (int a = b; a < window * 2 + 1 - b; a++) {
      if (a == window) {
        continue;
      }
      int c = pos - window + a;
      if (c < 0 || c >= len) {
        continue;
      }
      ctx[m++] = sen[c];
    }
    return m;
  }
}
