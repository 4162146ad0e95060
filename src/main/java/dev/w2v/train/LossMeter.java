// The training loss, merged from the threads: each thread sums its own terms and adds them here at its 10,000-word
// sync, so the totals are exact (up to double rounding) for any number of threads (cf. gensim issue #2617).
package dev.w2v.train;

/**
 * Shared totals of the loss, per epoch: the summed loss terms and the number of predictions they belong to (one
 * per centre word in CBOW, one per (context, centre) pair in skip-gram, as fastText's avg.loss counts them).
 * Threads call {@link #add} rarely (every 10,000 words and at each epoch's end), so one lock is cheap. Epochs are
 * the thread's own: without an epoch barrier, threads may be in different epochs at once, and each adds to its own.
 */
public final class LossMeter {
  private final int threads;
  private final long epochs;
  private double[] sum = new double[8];
  private long[] count = new long[8];
  private int[] threadsDone = new int[8];
  private long[] endNanos = new long[8];
  private double totalSum;
  private long totalCount;
  private volatile boolean nonFinite;

  public LossMeter(long epochs, int threads) {
    this.epochs = epochs;
    this.threads = threads;
  }

  /** Grows the per-epoch arrays to hold {@code epoch} (so a huge -iter costs nothing up front). */
  private void ensure(int epoch) {
    if (epoch >= sum.length) {
      int n = Math.max(epoch + 1, 2 * sum.length);
      sum = java.util.Arrays.copyOf(sum, n);
      count = java.util.Arrays.copyOf(count, n);
      threadsDone = java.util.Arrays.copyOf(threadsDone, n);
      endNanos = java.util.Arrays.copyOf(endNanos, n);
    }
  }

  /** Adds one thread's terms for {@code epoch} (0-based); returns false once any sum has become NaN or infinite. */
  public synchronized boolean add(int epoch, double lossSum, long predictions) {
    ensure(epoch);
    sum[epoch] += lossSum;
    count[epoch] += predictions;
    totalSum += lossSum;
    totalCount += predictions;
    if (!Double.isFinite(lossSum)) {
      nonFinite = true;
    }
    return !nonFinite;
  }

  /** Records that one thread has finished {@code epoch} (after its last {@link #add} for it). */
  public synchronized void threadFinished(int epoch) {
    ensure(epoch);
    if (++threadsDone[epoch] == threads) {
      endNanos[epoch] = System.nanoTime();
    }
  }

  /** Whether every thread has finished {@code epoch}, so its loss is final. */
  public synchronized boolean epochComplete(int epoch) {
    return epoch < threadsDone.length && threadsDone[epoch] >= threads;
  }

  /** Whether a loss term was NaN or infinite: the model diverged. */
  public boolean diverged() {
    return nonFinite;
  }

  public long epochs() {
    return epochs;
  }

  /** The mean loss per prediction of {@code epoch} (0-based), or NaN if it had no predictions. */
  public synchronized double epochLoss(int epoch) {
    return epoch >= count.length || count[epoch] == 0 ? Double.NaN : sum[epoch] / count[epoch];
  }

  /** When the last thread finished {@code epoch} ({@link System#nanoTime}), or 0 if it has not. */
  public synchronized long epochEndNanos(int epoch) {
    return epoch < endNanos.length ? endNanos[epoch] : 0;
  }

  public synchronized long epochPredictions(int epoch) {
    return epoch < count.length ? count[epoch] : 0;
  }

  /** {sum, count} over every epoch so far, read together (the progress line's mean over recent words diffs two). */
  public synchronized double[] totals() {
    return new double[] {totalSum, totalCount};
  }
}
