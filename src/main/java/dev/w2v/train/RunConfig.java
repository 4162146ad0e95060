// What w2v adds around a training run: the seed, saving and continuing the full state, checkpoints, evaluation.
package dev.w2v.train;

import java.nio.file.Path;

/**
 * Settings beside {@link TrainConfig}: all optional (null = not asked).
 *
 * @param seed seeds every random stream; {@link #WORD2VEC_SEED} reproduces word2vec.c (syn0's initialisation
 *     starts its generator at the seed, thread i's at {@code i + (seed - 1) * 0x9E3779B97F4A7C15})
 * @param saveModel write the whole training state here at the end ({@code -save-model})
 * @param initModel start from this model and train it further ({@code -init-model})
 * @param checkpoint write the whole training state here after every epoch ({@code -checkpoint})
 * @param resume continue the interrupted run whose checkpoint this is ({@code -resume})
 * @param epochListener called after every epoch (evaluation while training); may be null
 */
public record RunConfig(
    long seed, Path saveModel, Path initModel, Path checkpoint, Path resume, EpochListener epochListener) {
  /** word2vec.c's streams: syn0's initialisation starts at 1, thread i at i. */
  public static final long WORD2VEC_SEED = 1;

  public static final RunConfig NONE = new RunConfig(WORD2VEC_SEED, null, null, null, null, null);

  /** A thread's first next_random for {@code seed}: word2vec.c's {@code id} for the default seed. */
  static long threadSeed(long seed, int id) {
    return id + (seed - 1) * 0x9E3779B97F4A7C15L;
  }

  public RunConfig withListener(EpochListener l) {
    return new RunConfig(seed, saveModel, initModel, checkpoint, resume, l);
  }

  /** Whether the run needs the full state at epoch boundaries or at the end. */
  boolean savesState() {
    return saveModel != null || checkpoint != null;
  }
}
