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
    write(path, words, new float[][] {m}, 31, size, stride, binary);
  }

  /**
   * As {@link #write(Path, ByteWords, float[], int, int, boolean)} for a matrix in chunks of 2^chunkShift rows:
   * row a is {@code chunks[a >>> chunkShift]} from {@code (a & (2^chunkShift - 1)) * stride}.
   */
  public static void write(Path path, ByteWords words, float[][] chunks, int chunkShift, int size, int stride,
      boolean binary) {
    int mask = chunkShift >= 31 ? Integer.MAX_VALUE : (1 << chunkShift) - 1;
    int v = words.size();
    try (AtomicFile f = AtomicFile.create(path, "output file")) {
      OutputStream out = f.stream();
      out.write((v + " " + size + "\n").getBytes(StandardCharsets.US_ASCII));
      byte[] buf = rowBuffer(size);
      for (int a = 0; a < v; a++) {
        out.write(words.arena(), words.start(a), words.length(a));
        out.write(' ');
        out.write(buf, 0, encodeRow(chunks[a >>> chunkShift], (a & mask) * stride, size, binary, buf));
      }
      f.commit();
    } catch (IOException e) {
      throw W2vException.io("cannot write output file " + path + ": " + AtomicFile.reason(e), e);
    }
  }

  private static byte[] rowBuffer(int size) {
    return new byte[Math.max(64 * size + 64, 4 * size + 8)];
  }

  /**
   * One row as word2vec.c writes it after the word and its space: {@code size} little-endian float32 values, or
   * {@code "%lf "} per value; then a newline. Returns the number of bytes put in {@code buf}.
   */
  private static int encodeRow(float[] m, int ro, int size, boolean binary, byte[] buf) {
    int pos = 0;
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
    return pos;
  }

  /**
   * Writes loaded vectors in word2vec.c's format, the same bytes {@code w2v train} writes for the same words and
   * values; the stream is compressed when the name ends in .gz, .bz2, .xz or .zst.
   */
  public static void write(Path path, Embeddings e, boolean binary) {
    int size = e.dim();
    try (AtomicFile f = AtomicFile.create(path, "output file")) {
      OutputStream out = compressed(path, f.stream());
      out.write((e.size() + " " + size + "\n").getBytes(StandardCharsets.US_ASCII));
      byte[] buf = rowBuffer(size);
      WordTable words = e.words();
      FloatMatrix m = e.matrix();
      for (int a = 0; a < e.size(); a++) {
        byte[] w = words.bytes(a);
        out.write(w);
        out.write(' ');
        out.write(buf, 0, encodeRow(m.arrayOf(a), m.offsetOf(a), size, binary, buf));
      }
      out.close();
      f.commit();
    } catch (IOException ex) {
      throw W2vException.io("cannot write output file " + path + ": " + AtomicFile.reason(ex), ex);
    }
  }

  /** The compression a file name asks for (".gz", ".bz2", ".xz", ".zst"), or null. */
  public static String compressionOf(Path path) {
    String n = String.valueOf(path.getFileName());
    for (String ext : new String[] {".gz", ".bz2", ".xz", ".zst"}) {
      if (n.endsWith(ext)) {
        return ext.substring(1);
      }
    }
    return null;
  }

  /** The name without a compression suffix ("v.bin.gz" gives "v.bin"). */
  public static String baseName(Path path) {
    String n = String.valueOf(path.getFileName());
    String c = compressionOf(path);
    return c == null ? n : n.substring(0, n.length() - c.length() - 1);
  }

  private static OutputStream compressed(Path path, OutputStream raw) throws IOException {
    // closing what this returns finishes the compressed stream but leaves the file to the AtomicFile's commit
    OutputStream keep = new java.io.FilterOutputStream(raw) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
    String c = compressionOf(path);
    if (c == null) {
      return keep;
    }
    switch (c) {
      case "gz":
        return new java.util.zip.GZIPOutputStream(keep, 1 << 16);
      case "bz2":
        return new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(keep);
      case "xz":
        return new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(keep);
      default:
        return new org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream(keep);
    }
  }

  /**
   * The TensorBoard embedding projector's two files, as gensim's {@code word2vec2tensor} writes them: one row of
   * tab-separated values per word (each the shortest decimal that reads back as the same float32) and one word per
   * line (a single-column metadata file has no header line).
   */
  public static void writeProjector(Path tensors, Path metadata, Embeddings e) {
    try (AtomicFile t = AtomicFile.create(tensors, "output file");
        AtomicFile md = AtomicFile.create(metadata, "output file")) {
      OutputStream to = t.stream();
      OutputStream mo = md.stream();
      StringBuilder sb = new StringBuilder();
      FloatMatrix m = e.matrix();
      for (int a = 0; a < e.size(); a++) {
        mo.write(e.words().bytes(a));
        mo.write('\n');
        sb.setLength(0);
        float[] arr = m.arrayOf(a);
        int o = m.offsetOf(a);
        for (int c = 0; c < e.dim(); c++) {
          if (c > 0) {
            sb.append('\t');
          }
          sb.append(Float.toString(arr[o + c]));
        }
        sb.append('\n');
        to.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
      }
      t.commit();
      md.commit();
    } catch (IOException ex) {
      throw W2vException.io("cannot write output file " + tensors + ": " + AtomicFile.reason(ex), ex);
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
