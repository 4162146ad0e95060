// Training progress for a TrainListener: the epoch, the words, the rate, the recent loss, a smoothed time left.
package dev.w2v.train;

/**
 * Samples a {@link Trainer} from a {@link Ticker} and publishes {@link TrainListener.Update}s and, when every
 * thread has finished an epoch, {@link TrainListener.Epoch}s. The loss of an update is the mean over the
 * predictions merged since the previous update. The time left uses the average rate since training started
 * (monotone, unlike the rate of the last few seconds, which swings while the JIT warms up) and is withheld (NaN)
 * until it means something: {@link #ETA_MIN_SECONDS} have passed and {@link #ETA_MIN_PROGRESS} of the run or
 * {@link #ETA_SURE_SECONDS} are behind.
 */
final class Progress {
  static final double ETA_MIN_SECONDS = 3;
  static final double ETA_MIN_PROGRESS = 0.02;
  static final double ETA_SURE_SECONDS = 10;

  private final Trainer trainer;
  private final TrainListener listener;
  private final long trainWords;
  private final long epochs;
  private final long startNanos = System.nanoTime();
  private final Ticker ticker;
  private final long periodNanos;
  private long lastUpdateNanos;
  private double lastSum;
  private double lastCount;
  private int nextEpoch; // 0-based: the first epoch not yet published
  private long lastEpochNanos = startNanos;

  Progress(Trainer trainer, TrainListener listener, long trainWords, long epochs) {
    this.trainer = trainer;
    this.listener = listener;
    this.trainWords = trainWords;
    this.epochs = epochs;
    long period = listener.progressMillis();
    this.periodNanos = period * 1_000_000L;
    this.lastUpdateNanos = startNanos;
    // finished epochs are looked for four times a second; updates go out every `period`
    this.ticker = period > 0 ? new Ticker("w2v-progress", Math.min(period, 250), Math.min(period, 250), this::tick)
        : null;
  }

  private double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private synchronized void tick() {
    publishEpochs();
    long now = System.nanoTime();
    long words = trainer.wordsDone();
    if (words == 0 || now - lastUpdateNanos < periodNanos - 5_000_000L) {
      return; // nothing measured yet (no rate, no time left), or not yet time for an update
    }
    lastUpdateNanos = now;
    long total = trainer.wordsTotal();
    double secs = seconds();
    double[] t = trainer.loss().totals();
    double loss = t[1] > lastCount ? (t[0] - lastSum) / (t[1] - lastCount) : Double.NaN;
    lastSum = t[0];
    lastCount = t[1];
    double progress = Math.min(1.0, words / (double) Math.max(1, total));
    long epoch = epochOf(words, trainWords, epochs);
    listener.progress(new TrainListener.Update(epoch, epochs, progress, words, total, words / Math.max(secs, 1e-9),
        trainer.alpha(), loss, eta(words, total, secs), secs));
  }

  /** The epoch (1-based) that word number {@code words} of the run falls in, with {@code trainWords} per epoch. */
  static long epochOf(long words, long trainWords, long epochs) {
    return Math.max(1, Math.min(epochs, words / Math.max(1, trainWords) + 1));
  }

  /** Seconds left at the average rate so far, or NaN while that is not yet meaningful. */
  static double eta(long words, long total, double seconds) {
    double progress = words / (double) Math.max(1, total);
    if (words <= 0 || seconds < ETA_MIN_SECONDS || (progress < ETA_MIN_PROGRESS && seconds < ETA_SURE_SECONDS)) {
      return Double.NaN;
    }
    return Math.max(0, total - words) * seconds / words;
  }

  /** Publishes the epochs that every thread has finished, in order. */
  private void publishEpochs() {
    LossMeter loss = trainer.loss();
    while (nextEpoch < epochs && loss.epochComplete(nextEpoch)) {
      long end = loss.epochEndNanos(nextEpoch);
      listener.epoch(new TrainListener.Epoch(nextEpoch + 1, epochs, loss.epochLoss(nextEpoch),
          loss.epochPredictions(nextEpoch), (end - lastEpochNanos) / 1e9));
      lastEpochNanos = end;
      nextEpoch++;
    }
  }

  /** Stops reporting, publishes the epochs finished since the last update and returns the elapsed seconds. */
  double finish() {
    if (ticker != null) {
      ticker.stop();
      synchronized (this) {
        publishEpochs();
      }
    }
    return seconds();
  }
}
