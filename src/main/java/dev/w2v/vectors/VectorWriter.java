// Writes word vectors in word2vec.c's formats: text ("%lf " per value) or binary (little-endian float32).
package dev.w2v.vectors;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.W2vException;
import dev.w2v.vocab.ByteWords;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Output of word2vec.c's TrainModel: a header {@code "V size\n"}, then per word its bytes and a space, then
 * either {@code size} little-endian float32 values or {@code "%lf "} per value, then a newline. Word classes
 * ({@code -classes}) are {@code "word class\n"} lines. Every file is written through {@link AtomicFile}.
 */
public final class VectorWriter {
  private VectorWriter() {}

  /** Writes rows 0..V-1 of {@code m} (shape (V, size), rows {@code stride} floats apart) with their words. */
  public static void write(Path path, ByteWords words, float[] m, int size, int stride, boolean binary) {
    int v = words.size();
    try (AtomicFile f = AtomicFile.create(path, "output file")) {
      OutputStream out = f.stream();
      out.write((v + " " + size + "\n").getBytes(StandardCharsets.US_ASCII));
      byte[] buf = new byte[Math.max(64 * size + 64, 4 * size + 8)];
      for (int a = 0; a < v; a++) {
        out.write(words.arena(), words.start(a), words.length(a));
        out.write(' ');
        int pos = 0;
        int ro = a * stride;
        if (binary) {
          for (int b = 0; b < size; b++) {
            int bits = Float.floatToRawIntBits(m[ro + b]);
            buf[pos++] = (byte) bits;
            buf[pos++] = (byte) (bits >>> 8);
            buf[pos++] = (byte) (bits >>> 16);
            buf[pos++] = (byte) (bits >>> 24);
          }
        } else {
          for (int b = 0; b < size; b++) {
            pos = FixedFormat.format(m[ro + b], buf, pos);
            buf[pos++] = ' ';
          }
        }
        buf[pos++] = '\n';
        out.write(buf, 0, pos);
      }
      f.commit();
    } catch (IOException e) {
      throw W2vException.io("cannot write output file " + path + ": " + AtomicFile.reason(e), e);
    }
  }

  /** word2vec.c's classes output: {@code fprintf(fo, "%s %d\n", word, cl[a])}. */
  public static void writeClasses(Path path, ByteWords words, int[] cl) {
    try (AtomicFile f = AtomicFile.create(path, "output file")) {
      OutputStream out = f.stream();
      for (int a = 0; a < words.size(); a++) {
        out.write(words.arena(), words.start(a), words.length(a));
        out.write((" " + cl[a] + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      f.commit();
    } catch (IOException e) {
      throw W2vException.io("cannot write output file " + path + ": " + AtomicFile.reason(e), e);
    }
  }
}
