// Everything a training run needs to continue exactly where it stopped: what `-save-model` and `-checkpoint` write.
package dev.w2v.model;

import dev.w2v.vocab.ByteWords;

/**
 * The whole training state. Matrices are row-major (V, size) with rows {@code stride} floats apart (padding columns
 * are zero and not stored); {@code syn1} and {@code syn1neg} are null when the model has no hierarchical softmax or
 * no negative sampling. {@code ngrams} is null unless the model has subwords (-maxn > 0).
 *
 * @param counts each word's count in the model (summed over every corpus it was trained on)
 * @param corpusCounts each word's count in the corpus of the run that wrote the state (0 for words it lacks): the
 *     learning schedule and the subsampling use these, and {@code -resume} checks the corpus against them
 */
public record TrainingState(
    Settings settings,
    Position position,
    Corpus corpus,
    ByteWords words,
    long[] counts,
    long[] corpusCounts,
    int stride,
    float[] syn0,
    float[] syn1,
    float[] syn1neg,
    Ngrams ngrams) {

  /**
   * A subword model's n-gram settings and rows: (bucket, size), {@code stride} floats apart, as {@code syn0}.
   */
  public record Ngrams(int minn, int maxn, int bucket, float[] rows) {}

  /** A word-level state (no subwords). */
  public TrainingState(Settings settings, Position position, Corpus corpus, ByteWords words, long[] counts,
      long[] corpusCounts, int stride, float[] syn0, float[] syn1, float[] syn1neg) {
    this(settings, position, corpus, words, counts, corpusCounts, stride, syn0, syn1, syn1neg, null);
  }

  /** The settings that shape the model and its training schedule (word2vec.c's flag names). */
  public record Settings(
      int size,
      int window,
      float sample,
      int hs,
      int negative,
      boolean cbow,
      float alpha,
      int minCount,
      long iter,
      long seed,
      int threads,
      boolean reference,
      boolean sharedNegatives,
      String kernels) {}

  /**
   * Where the run stands at an epoch boundary.
   *
   * @param epochsDone epochs of this run's {@code -iter} finished
   * @param epochsTotal epochs this model has been trained for, over every run (informational)
   * @param wordsDone word2vec.c's word_count_actual: the learning-rate position
   * @param alpha the shared learning rate
   * @param threadRandom each training thread's next_random
   * @param threadAlpha each thread's current learning rate
   * @param threadEof each thread's end-of-file flag (only -reference 1 carries it across epochs)
   * @param epochLoss the mean loss per prediction of each epoch done, the first {@code epochsDone} of them (NaN:
   *     not known); empty in a state written before w2v stored it
   */
  public record Position(
      long epochsDone,
      long epochsTotal,
      long wordsDone,
      float alpha,
      long[] threadRandom,
      float[] threadAlpha,
      boolean[] threadEof,
      double[] epochLoss) {

    /** A position without the epochs' loss (as in a state written before w2v stored it). */
    public Position(long epochsDone, long epochsTotal, long wordsDone, float alpha, long[] threadRandom,
        float[] threadAlpha, boolean[] threadEof) {
      this(epochsDone, epochsTotal, wordsDone, alpha, threadRandom, threadAlpha, threadEof, new double[0]);
    }

    /** The loss of epoch {@code e} (0-based), or NaN when the state does not carry it. */
    public double epochLoss(int e) {
      return e < epochLoss.length ? epochLoss[e] : Double.NaN;
    }
  }

  /**
   * The corpus of the run that wrote the state, as {@code -resume} checks it.
   *
   * @param name how the corpus was named (informational)
   * @param bytes its size in bytes, or -1 when unknown (standard input)
   * @param tokens tokens read by the vocabulary scan
   * @param trainWords word2vec.c's train_words: the sum of {@code corpusCounts}
   */
  public record Corpus(String name, long bytes, long tokens, long trainWords) {}

  public int vocabSize() {
    return words.size();
  }
}
