// word2vec binary vector files: "count dim" header, then per word its bytes, a space and dim float32 values.
package dev.w2v.vectors;

import java.io.IOException;

/**
 * word2vec.c's {@code -binary 1} ends every vector with a newline; gensim's {@code save_word2vec_format(binary=True)}
 * does not. Which one a file is comes from its first entry; every later entry must then follow the same layout, which
 * is what catches a header whose dimension is wrong. Floats are little-endian float32.
 */
final class Word2vecBinaryReader {
  private final VectorInput in;
  private final ByteSource src;
  private final int dim;
  private final VectorFormat format;

  Word2vecBinaryReader(VectorInput in, int dim, VectorFormat format) {
    this.in = in;
    this.src = in.src;
    this.dim = dim;
    this.format = format;
  }

  Embeddings read(long count) throws IOException {
    long want = Math.min(count, in.limit);
    boolean index = in.index && want == count && in.normalise && in.compression == null && in.inputSize > 0;
    EmbeddingsBuilder b = index ? EmbeddingsBuilder.indexing(dim, want, in.inputSize)
        : new EmbeddingsBuilder(dim, want, in.normalise, in.maxChunkFloats);
    b.trackInput(src, in.inputSize, 2 + 4L * dim); // a word of one byte, a space, the floats
    for (long i = 0; i < want; i++) {
      readEntry(i, count, b);
    }
    if (want == count && src.firstNonBlank() >= 0) {
      in.warn("the header says " + count + " words but the file holds more; only the first " + count
          + " were read (fix the header's count to read them all)");
    }
    return index ? in.finishIndexed(format, count, b) : in.finish(format, count, b, b.matrix());
  }

  /** Reads entries until the end of the input (or the limit): binary vectors written without a header. */
  Embeddings readHeaderless() throws IOException {
    EmbeddingsBuilder b = new EmbeddingsBuilder(dim, in.limit, in.normalise, in.maxChunkFloats);
    b.trackInput(src, in.inputSize, 2 + 4L * dim);
    for (long i = 0; i < in.limit && readEntry(i, -1, b); i++) {
      if (i >= Integer.MAX_VALUE - 17) {
        throw in.bad("more than " + (Integer.MAX_VALUE - 16) + " words; load fewer with -limit");
      }
    }
    return in.finish(VectorFormat.BINARY_NO_HEADER, b.rows(), b, b.matrix());
  }

  /** Reads entry i; false at the end of the input when {@code count} is -1 (no header), else an error there. */
  private boolean readEntry(long i, long count, EmbeddingsBuilder b) throws IOException {
    skipNewlines();
    int w = wordLength(i);
    if (w < 0) {
      if (count < 0) {
        return false;
      }
      throw in.bad("the header says " + count + " words, but the file ends after " + i);
    }
    int p = src.position();
    if (format == VectorFormat.BINARY) {
      // With no newline to check after each vector, a wrong dimension shows as a "word" holding float bytes.
      for (int k = p; k < p + w; k++) {
        byte c = src.get(k);
        if (c == '\n' || c == 0) {
          String what = "its word holds a " + (c == 0 ? "NUL" : "newline") + " byte";
          throw in.badEntry(i, null, i == 0
              ? what + ": the file is corrupt, or not a word-vector file"
              : what + ", so the vector before it was not " + dim + " numbers long (the header's dimension does not"
                  + " match the file, or it is corrupt)");
        }
      }
    }
    b.addWord(src.buf, p, w);
    src.skip(w + 1);
    int bytes = 4 * dim;
    if (!src.ensure(bytes)) {
      throw in.badEntry(i, b.words, "the file ends " + (src.buf.remaining() / 4) + " numbers into its vector of "
          + dim);
    }
    b.rowAt(src.offset());
    float[] a = b.nextArray();
    int o = b.nextOffset();
    src.buf.asFloatBuffer().get(a, o, dim);
    src.skip(bytes);
    int bad = b.commitRow();
    if (bad >= 0) {
      throw in.notFinite(i, b.words, bad, a[o + bad]);
    }
    if (format == VectorFormat.BINARY_NEWLINE && src.ensure(1)) {
      if (src.get(src.position()) != '\n') {
        throw in.badEntry(i, b.words, "no newline after its " + dim + " numbers (the header's dimension does not"
            + " match the file, or it is corrupt)");
      }
      src.skip(1);
    }
    return true;
  }

  private void skipNewlines() throws IOException {
    while (src.ensure(1)) {
      byte c = src.get(src.position());
      if (c != '\n' && c != '\r') {
        return;
      }
      src.skip(1);
    }
  }

  /** Length of the word at the position, ending at a space (made available with it); -1 at the end of the input. */
  private int wordLength(long i) throws IOException {
    int k = src.scan((byte) ' ', VectorInput.MAX_WORD_BYTES);
    if (k == ByteSource.TOO_LONG) {
      throw in.badEntry(i, null, "no space after the first " + VectorInput.MAX_WORD_BYTES + " bytes of its"
          + " word (the header's dimension does not match the file, or it is corrupt)");
    }
    if (k == ByteSource.END) {
      if (!src.ensure(1)) {
        return -1;
      }
      throw in.badEntry(i, null, "the file ends inside its word");
    }
    return k;
  }

}
