// What every format reader shares: the bytes, the load options, the warnings, and messages naming the input.
package dev.w2v.vectors;

import dev.w2v.io.CompressedInput;
import dev.w2v.io.Printable;
import dev.w2v.io.W2vException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One load in progress. Messages start "vectors file NAME: " (with the compression, if any) and escape words. */
final class VectorInput {
  private static final Logger LOG = LoggerFactory.getLogger(VectorReader.class);

  /** The longest word accepted, in bytes. */
  static final int MAX_WORD_BYTES = 1 << 16;

  final Path file;
  final ByteSource src;
  final long limit;
  final boolean normalise;
  final int maxChunkFloats;
  final String compression;
  /** The byte count of a plain file, or -1 (compressed data, a pipe, standard input). */
  final long inputSize;
  final List<String> warnings = new ArrayList<>();
  /** Read a word2vec binary file in place, keeping only an index of it (see {@link VectorIndex}). */
  boolean index;
  int windowShift = VectorIndex.WINDOW_SHIFT;
  /** After an indexed read: the builder holding the row offsets and lengths, for saving the index. */
  EmbeddingsBuilder indexed;
  private final String label;

  VectorInput(Path file, ByteSource src, long limit, boolean normalise, int maxChunkFloats, String compression,
      long inputSize) {
    this.inputSize = inputSize;
    this.file = file;
    this.src = src;
    this.limit = limit;
    this.normalise = normalise;
    this.maxChunkFloats = maxChunkFloats;
    this.compression = compression;
    String name = CompressedInput.isStdin(file) ? "standard input" : Printable.of(file.toString(), 200);
    this.label = "vectors file " + name + (compression != null ? " (" + compression + ")" : "");
  }

  Embeddings finish(VectorFormat format, long headerCount, EmbeddingsBuilder b, FloatMatrix m) {
    return new Embeddings(file, format, headerCount, b.words, m, normalise, compression, warnings);
  }

  /** The embeddings of a file read in place: its words, and its rows mapped at the offsets the builder recorded. */
  Embeddings finishIndexed(VectorFormat format, long headerCount, EmbeddingsBuilder b) {
    try {
      FloatMatrix m = VectorIndex.map(file, inputSize, b.rows(), b.dim(), b.rowOffsets(), b.invLengths(),
          windowShift);
      indexed = b;
      return new Embeddings(file, format, headerCount, b.words, m, true, null, warnings);
    } catch (java.io.IOException e) {
      throw W2vException.io(label + ": cannot map it into memory: " + e.getMessage(), e);
    }
  }

  /** Something noticed but not refused: logged (the command line shows it as a warning) and kept for the caller. */
  void warn(String what) {
    String message = label + ": " + what;
    warnings.add(message);
    LOG.warn(message);
  }

  W2vException bad(String what) {
    return W2vException.badInput(label + ": " + what);
  }

  /** Entry i (0-based) is wrong; its word is named when {@code words} already holds it. */
  W2vException badEntry(long i, WordTable words, String what) {
    String w = words != null && words.size() > i ? " (\"" + shown(words, (int) i) + "\")" : "";
    return bad("entry " + (i + 1) + w + ": " + what);
  }

  /** A row holding NaN or infinity. */
  W2vException notFinite(long i, WordTable words, int column, float v) {
    return badEntry(i, words, "number " + (column + 1) + " is " + (Float.isNaN(v) ? "NaN" : v > 0 ? "+infinity"
        : "-infinity") + "; vectors must hold finite numbers (was the model trained with too high an -alpha?)");
  }

  static String shown(WordTable words, int i) {
    byte[] b = words.bytes(i);
    return Printable.of(b, 0, b.length);
  }
}
