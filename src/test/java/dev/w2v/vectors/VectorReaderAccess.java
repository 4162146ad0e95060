// Lets tests in other packages load a file into small matrix chunks.
package dev.w2v.vectors;

import java.nio.file.Path;

/** Test access to {@link VectorReader}'s chunk-size parameter. */
public final class VectorReaderAccess {
  private VectorReaderAccess() {}

  /** All words, normalised, in chunks of at most {@code maxChunkFloats} floats. */
  public static Embeddings read(Path file, int maxChunkFloats) {
    return VectorReader.read(file, VectorReader.ALL, true, maxChunkFloats);
  }
}
