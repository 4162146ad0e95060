// One encoded line of the corpus: word indices and each word's subsampling threshold.
package dev.w2v.spark;

import java.io.Serializable;

/**
 * A line's in-vocabulary words as indices (out-of-vocabulary words dropped, as word2vec.c drops them) and, per
 * word, word2vec.c's subsampling threshold {@code ran = (sqrt(cn / (sample * train_words)) + 1) * (sample *
 * train_words) / cn}, carried along so the vocabulary's counts never need to be in one place.
 */
record Line(int[] ids, float[] keep) implements Serializable {}
