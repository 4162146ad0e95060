// Writes a whole subword model in fastText's own .bin format (version 12), which fastText and gensim load.
package dev.w2v.vectors;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.W2vException;
import dev.w2v.vocab.ByteWords;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The layout is {@link FastTextFormat}'s. The input matrix holds every word row and all {@code bucket} n-gram rows,
 * unused ones included: fastText and gensim both require {@code nwords + bucket} rows (gensim checks the shape),
 * and fastText's only smaller form, a pruned index, exists only for quantised (.ftz) models, which gensim does not
 * read. Nothing is quantised; there are no labels and no pruning.
 */
public final class FastTextBinWriter {
  private FastTextBinWriter() {}

  /**
   * The args block as fastText's {@code Args::save} writes it.
   *
   * @param model {@link FastTextFormat#MODEL_CBOW} or {@link FastTextFormat#MODEL_SKIPGRAM}
   * @param loss {@link FastTextFormat#LOSS_NS} or {@link FastTextFormat#LOSS_HS}
   */
  public record Header(int dim, int ws, int epoch, int minCount, int neg, int loss, int model, int bucket, int minn,
      int maxn, double t) {}

  /**
   * Writes the model: {@code words} with {@code counts} (their order is the rows' order), {@code ntokens} tokens
   * trained on; {@code wordRows} (V rows), {@code ngramRows} ({@code bucket} rows) and {@code output} (V rows), each
   * row {@code stride} floats apart, of which the first {@code dim} are written.
   */
  public static void write(Path path, String what, Header h, ByteWords words, long[] counts, long ntokens,
      float[] wordRows, float[] ngramRows, float[] output, int stride) {
    int v = words.size();
    try (AtomicFile f = AtomicFile.create(path, what)) {
      OutputStream out = f.stream();
      ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      b.putInt(FastTextFormat.MAGIC).putInt(FastTextFormat.VERSION);
      b.putInt(h.dim()).putInt(h.ws()).putInt(h.epoch()).putInt(h.minCount()).putInt(h.neg()).putInt(1)
          .putInt(h.loss()).putInt(h.model()).putInt(h.bucket()).putInt(h.minn()).putInt(h.maxn())
          .putInt(FastTextFormat.LR_UPDATE_RATE).putDouble(h.t());
      b.putInt(v).putInt(v).putInt(0).putLong(ntokens).putLong(-1L); // pruneidx_size -1: not pruned
      for (int w = 0; w < v; w++) {
        int len = words.length(w);
        if (b.remaining() < len + 10) {
          flush(b, out);
          if (b.remaining() < len + 10) {
            b = ByteBuffer.allocate(len + 10 + (1 << 16)).order(ByteOrder.LITTLE_ENDIAN);
          }
        }
        b.put(words.arena(), words.start(w), len).put((byte) 0).putLong(counts[w]).put((byte) 0);
      }
      b.put((byte) 0); // input not quantised
      b.putLong((long) v + h.bucket()).putLong(h.dim());
      flush(b, out);
      rows(b, out, wordRows, v, h.dim(), stride);
      rows(b, out, ngramRows, h.bucket(), h.dim(), stride);
      b.put((byte) 0); // output not quantised
      b.putLong(v).putLong(h.dim());
      flush(b, out);
      rows(b, out, output, v, h.dim(), stride);
      flush(b, out);
      f.commit();
    } catch (IOException e) {
      throw W2vException.io("cannot write " + what + " " + path + ": " + AtomicFile.reason(e), e);
    }
  }

  private static void rows(ByteBuffer b, OutputStream out, float[] m, int n, int dim, int stride) throws IOException {
    for (int r = 0; r < n; r++) {
      if (b.remaining() < 4 * dim) {
        flush(b, out);
      }
      if (b.remaining() < 4 * dim) { // a very wide row: in pieces
        for (int c = 0; c < dim; c++) {
          if (b.remaining() < 4) {
            flush(b, out);
          }
          b.putFloat(m[r * stride + c]);
        }
        continue;
      }
      int o = r * stride;
      for (int c = 0; c < dim; c++) {
        b.putFloat(m[o + c]);
      }
    }
  }

  private static void flush(ByteBuffer b, OutputStream out) throws IOException {
    out.write(b.array(), 0, b.position());
    b.clear();
  }
}
