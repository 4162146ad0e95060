// Text vector files: one "word v1 .. vdim" line per word, after a "count dim" header or with none (GloVe).
package dev.w2v.vectors;

import dev.w2v.io.Printable;
import java.io.IOException;

/**
 * word2vec.c {@code -binary 0} (a space after every number), gensim's text (none; {@code write_header=False} drops
 * the header), fastText's {@code .vec} and {@code print-word-vectors}, GloVe. The word ends at the first space or
 * tab; numbers are separated by spaces or tabs; a line may end in CR LF. Every line must end with a newline: a file
 * whose last line has none may be cut inside its last number, which would silently change that number.
 */
final class TextVectorReader {
  private final VectorInput in;
  private final ByteSource src;
  private final int dim;
  private final int maxLine;
  private final String dimFrom; // "the header's" or "the first line's"

  TextVectorReader(VectorInput in, int dim, boolean header) {
    this.in = in;
    this.dimFrom = header ? "the header's" : "the first line's";
    this.src = in.src;
    this.dim = dim;
    // a word, then dim numbers of up to ~400 characters each (longer ones are not numbers any tool writes)
    this.maxLine = (int) Math.min(Integer.MAX_VALUE - 64, VectorInput.MAX_WORD_BYTES + 400L * dim + 1024);
  }

  /** Reads the entries after a header announcing {@code count} words (the position is at the first entry). */
  Embeddings readWithHeader(long count) throws IOException {
    long want = Math.min(count, in.limit);
    EmbeddingsBuilder b = new EmbeddingsBuilder(dim, want, in.normalise, in.maxChunkFloats);
    b.trackInput(src, in.inputSize, 0);
    for (long i = 0; i < want; i++) {
      if (!readEntry(i, b)) {
        throw in.bad("the header says " + count + " words, but the file ends after " + i);
      }
    }
    if (want == count && src.firstNonBlank() >= 0) {
      in.warn("the header says " + count + " words but the file holds more; only the first " + count
          + " were read (fix the header's count to read them all)");
    }
    return in.finish(VectorFormat.TEXT, count, b, b.matrix());
  }

  /** Reads lines until the end of the input (or the limit); the dimension came from the first line. */
  Embeddings readHeaderless() throws IOException {
    EmbeddingsBuilder b = new EmbeddingsBuilder(dim, in.limit, in.normalise, in.maxChunkFloats);
    b.trackInput(src, in.inputSize, 0);
    for (long i = 0; i < in.limit; i++) {
      if (!readEntry(i, b)) {
        break;
      }
      if (i >= Integer.MAX_VALUE - 17) {
        throw in.bad("more than " + (Integer.MAX_VALUE - 16) + " words; load fewer with -limit");
      }
    }
    return in.finish(VectorFormat.TEXT_NO_HEADER, b.rows(), b, b.matrix());
  }

  /** Reads entry i into {@code b}; false at the end of the input (blank lines are skipped). */
  private boolean readEntry(long i, EmbeddingsBuilder b) throws IOException {
    skipBlanks();
    int lineBytes = lineLength(i);
    if (lineBytes < 0) {
      return false;
    }
    int p = src.position();
    boolean newline = p + lineBytes < src.buf.limit() && src.get(p + lineBytes) == '\n';
    int end = p + lineBytes;
    if (end > p && src.get(end - 1) == '\r') {
      end--;
    }
    int w = p;
    while (w < end && src.get(w) != ' ' && src.get(w) != '\t') {
      w++;
    }
    if (w - p > VectorInput.MAX_WORD_BYTES) {
      throw in.badEntry(i, null, "its word is longer than " + VectorInput.MAX_WORD_BYTES + " bytes");
    }
    b.addWord(src.buf, p, w - p);
    float[] a = b.nextArray();
    int o = b.nextOffset();
    int got = 0;
    int q = w;
    while (true) {
      while (q < end && (src.get(q) == ' ' || src.get(q) == '\t')) {
        q++;
      }
      if (q >= end) {
        break;
      }
      int t = q;
      while (t < end && src.get(t) != ' ' && src.get(t) != '\t') {
        t++;
      }
      if (got == dim) {
        throw in.badEntry(i, b.words, "more than " + dimFrom + " " + dim + " numbers on its line");
      }
      try {
        a[o + got] = FastFloat.parse(src.buf, q, t);
      } catch (FastFloat.NotANumber e) {
        byte[] tok = src.bytes(q, Math.min(t - q, 60));
        throw in.badEntry(i, b.words, "\"" + Printable.of(tok, 0, tok.length) + "\" is not a number");
      }
      got++;
      q = t;
    }
    if (got < dim) {
      throw in.badEntry(i, b.words, "only " + got + " numbers on its line, not " + dimFrom + " " + dim);
    }
    if (!newline) {
      throw in.badEntry(i, b.words, "the file ends inside its line (no newline after its last number): it looks"
          + " cut short, and its last number may be cut too; if the file is complete, end it with a newline");
    }
    int bad = b.commitRow();
    if (bad >= 0) {
      throw in.notFinite(i, b.words, bad, a[o + bad]);
    }
    src.skip(lineBytes + 1);
    return true;
  }

  private void skipBlanks() throws IOException {
    while (src.ensure(1)) {
      byte c = src.get(src.position());
      if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
        return;
      }
      src.skip(1);
    }
  }

  /**
   * The number of bytes before the next newline (which is then available too), or before the end of the input;
   * -1 when nothing remains.
   */
  private int lineLength(long i) throws IOException {
    int k = src.scan((byte) '\n', maxLine);
    if (k == ByteSource.TOO_LONG) {
      throw in.badEntry(i, null, "no newline in its first " + maxLine + " bytes, far more than a word and "
          + dim + " numbers take (the file is corrupt or not a text vector file)");
    }
    if (k == ByteSource.END) {
      int rest = src.buf.remaining(); // the last line, with no newline after it
      return rest == 0 ? -1 : rest;
    }
    return k;
  }

}
