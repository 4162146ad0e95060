// Training progress for a TrainListener: the epoch, the words, the rate, the recent loss, a smoothed time left.
package dev.w2v.train;

/**
 * Samples a {@link Trainer} from a {@link Ticker} and publishes {@link TrainListener.Update}s and, when every
 * thread has finished an epoch, {@link TrainListener.Epoch}s. The loss of an update is the mean over the
 * predictions merged since the previous update. The rate, and the time left from it, are averages since the
 * first update after {@link #WARM_UP_SECONDS} (the JIT compiles the loop in the first seconds, so the average since
 * the start creeps up for minutes, and the rate of the last second swings); the time left is withheld (NaN) until it
 * means something: {@link #ETA_MIN_SECONDS} past the warm-up, and {@link #ETA_MIN_PROGRESS} of the run or
 * {@link #ETA_SURE_SECONDS} behind.
 */
final class Progress {
  static final double WARM_UP_SECONDS = 2;
  static final double ETA_MIN_SECONDS = 2;
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
  private final long startWords; // words already trained when this run began (a -resume)
  private long baseWords = -1; // the rate's starting point, once warmed up
  private double baseSeconds;
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
    this.startWords = trainer.wordsDone();
    // a resumed run starts after the checkpoint's epochs: the first to publish is the first it trains
    this.nextEpoch = (int) Math.min(trainer.epochsDone(), Integer.MAX_VALUE);
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
    if (baseWords < 0 && words > startWords && (now - startNanos) / 1e9 >= WARM_UP_SECONDS) {
      baseWords = words; // checked four times a second, whatever the update period
      baseSeconds = (now - startNanos) / 1e9;
    }
    if (words <= startWords || now - lastUpdateNanos < periodNanos - 5_000_000L) {
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
    double rate = baseWords >= 0 && secs - baseSeconds >= 1 ? (words - baseWords) / (secs - baseSeconds)
        : (words - startWords) / Math.max(secs, 1e-9);
    double eta = baseWords < 0 ? Double.NaN : eta(words - baseWords, secs - baseSeconds, total - words, progress);
    listener.progress(new TrainListener.Update(epoch, epochs, progress, words, total, rate, trainer.alpha(), loss,
        eta, secs));
  }

  /** The epoch (1-based) that word number {@code words} of the run falls in, with {@code trainWords} per epoch. */
  static long epochOf(long words, long trainWords, long epochs) {
    return Math.max(1, Math.min(epochs, words / Math.max(1, trainWords) + 1));
  }

  /**
   * Seconds left for {@code wordsLeft} at the rate of {@code words} in {@code seconds} (both counted from the end
   * of the warm-up), or NaN while that is not yet meaningful; {@code progress} is the fraction of the run done.
   */
  static double eta(long words, double seconds, long wordsLeft, double progress) {
    if (words <= 0 || seconds < ETA_MIN_SECONDS || (progress < ETA_MIN_PROGRESS && seconds < ETA_SURE_SECONDS)) {
      return Double.NaN;
    }
    return Math.max(0, wordsLeft) * seconds / words;
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
