// One partition's share of an embedding matrix: the rows of the words dealt to it.
package dev.w2v.spark;

import java.io.Serializable;

/**
 * Rows of syn0 (input vectors, {@code input} true) or syn1neg (output vectors) for the words {@code ids}
 * (ascending), {@code vec} of shape (ids.length, dim). Output blocks carry the words' counts for the negative
 * sampling table. Blocks are immutable inputs of a sub-iteration: a task trains on copies ({@link #copy}) and
 * emits new blocks, so a retried task starts again from the same state.
 */
final class Block implements Serializable {
  private static final long serialVersionUID = 1L;

  final boolean input;
  /** The bucket (input: the partition, fixed; output: the bucket, which rotates over partitions). */
  final int bucket;
  final int[] ids;
  final long[] counts;
  final float[] vec;

  Block(boolean input, int bucket, int[] ids, long[] counts, float[] vec) {
    this.input = input;
    this.bucket = bucket;
    this.ids = ids;
    this.counts = counts;
    this.vec = vec;
  }

  Block copy() {
    return new Block(input, bucket, ids, counts, vec.clone());
  }

  int size() {
    return ids.length;
  }
}
