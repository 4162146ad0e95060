// One loaded vector file as the explorer serves it: its embeddings and per-thread query state.
package dev.w2v.serve;

import dev.w2v.query.Analogy;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.vectors.Embeddings;
import java.util.Objects;

/**
 * A model of the explorer: normalised embeddings and a name to show. {@link NearestNeighbours} keeps a score buffer
 * (one float per word) between queries, so each server thread gets its own; the embeddings are shared, read only.
 */
public final class Model {
  private final String name;
  private final Embeddings embeddings;
  private final ThreadLocal<NearestNeighbours> nn;

  public Model(String name, Embeddings embeddings) {
    this.name = Objects.requireNonNull(name);
    this.embeddings = Objects.requireNonNull(embeddings);
    if (!embeddings.normalised()) {
      throw new IllegalArgumentException("the explorer needs normalised vectors");
    }
    this.nn = ThreadLocal.withInitial(() -> new NearestNeighbours(embeddings));
  }

  public String name() {
    return name;
  }

  public Embeddings embeddings() {
    return embeddings;
  }

  /** This thread's nearest-neighbour search. */
  NearestNeighbours nearest() {
    return nn.get();
  }

  /** This thread's analogy solver. */
  Analogy analogy() {
    return new Analogy(nn.get());
  }
}
