// One answer of a nearest-neighbour query.
package dev.w2v.query;

/** Word {@code index} of the embeddings and its score (a cosine, or a 3CosMul ratio). */
public record Neighbour(int index, float score) {}
