// What a training run tells its caller while it runs: the library publishes these events, the caller renders them.
package dev.w2v.train;

import java.nio.file.Path;
import java.util.List;

/**
 * Receives a {@link TrainJob}'s events; every method has a do-nothing default. Calls come from the job's thread
 * and from one progress thread, never at the same time (the job serialises them), in this order: {@link
 * #vocabScan}*, {@link #vocabulary}, {@link #started}, ({@link #progress} | {@link #epoch})*, {@link #kmeans}*,
 * {@link #finished}. The command line supplies a text or JSON renderer; tests can collect the events.
 */
public interface TrainListener {
  /** Ignores everything. */
  TrainListener SILENT = new TrainListener() {};

  /** How often {@link #progress} and {@link #vocabScan} are wanted, in milliseconds; 0 for never. */
  default long progressMillis() {
    return 0;
  }

  /** The vocabulary scan so far: {@code bytesTotal} is -1 when unknown; sent only after the first second. */
  default void vocabScan(VocabScan scan) {}

  /** The vocabulary is built (word2vec.c's "Vocab size" and "Words in train file"). */
  default void vocabulary(int vocabSize, long trainWords) {}

  /** Training starts, with these settings (every one that shapes the model) and kernels. */
  default void started(Start start) {}

  /** A periodic update while training. */
  default void progress(Update update) {}

  /** Every thread has finished an epoch: its loss is final. */
  default void epoch(Epoch epoch) {}

  /** -classes: one k-means iteration (1-based) of {@code iterations} is done. */
  default void kmeans(int iteration, int iterations) {}

  /** The run is over and its outputs are written. */
  default void finished(Summary summary) {}

  /** Bytes and words read so far by the vocabulary scan. */
  record VocabScan(long bytesRead, long bytesTotal, long words, double seconds) {}

  /**
   * The settings of the run ({@code run}: the seed and the model files), the vocabulary, and whether the SIMD
   * kernels run (else word2vec.c's scalar ones).
   */
  record Start(TrainConfig config, RunConfig run, int vocabSize, long trainWords, boolean simd) {}

  /**
   * One progress update.
   *
   * @param epoch the epoch (1-based) the word count is in
   * @param progress fraction of the whole run done, 0..1
   * @param wordsPerSec words trained per second, averaged over the run so far
   * @param loss mean loss per prediction since the previous update (NaN if none)
   * @param etaSeconds seconds left at the average rate so far; NaN until meaningful (see {@link Progress})
   * @param seconds since training started
   */
  record Update(long epoch, long epochs, double progress, long words, long wordsTotal, double wordsPerSec,
      float alpha, double loss, double etaSeconds, double seconds) {}

  /** A finished epoch (1-based) and its mean loss per prediction (NaN if it trained nothing). */
  record Epoch(long epoch, long epochs, double loss, long predictions, double seconds) {}

  /**
   * The whole run.
   *
   * @param epochLoss each epoch's mean loss per prediction, over the whole run (-iter): with {@code -resume}, the
   *     epochs before the checkpoint come from it (NaN when it does not carry them)
   * @param epochsResumed the epochs a {@code -resume}d run found done in its checkpoint (0 otherwise): this run
   *     trained the others
   * @param seconds the whole job, vocabulary and output included
   * @param trainSeconds the training threads only
   * @param outputs the files written
   */
  record Summary(int vocabSize, long trainWords, long wordsTrained, double[] epochLoss, long epochsResumed,
      double seconds, double trainSeconds, List<Path> outputs) {

    /** The epochs this run trained. */
    public long epochsTrained() {
      return epochLoss.length - epochsResumed;
    }
  }
}
