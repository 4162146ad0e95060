// A hook run between epochs, while every training thread waits at the epoch barrier.
package dev.w2v.train;

import dev.w2v.vocab.Vocabulary;

/** Called on the coordinating thread after epoch {@code epoch} (1-based) of {@code epochs} finished. */
public interface EpochListener {
  /**
   * The current vectors: rows of {@code syn0} (shape (V, size), rows {@code stride} apart), words as in
   * {@code vocab}. They must not be kept or modified: training resumes when this returns.
   */
  record Snapshot(long epoch, long epochs, Vocabulary vocab, float[] syn0, int size, int stride) {}

  void epochDone(Snapshot s);
}
