// Writes small vector files in every layout for reader and query tests.
package dev.w2v.vectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Test data: words (raw bytes) and a matrix, written the ways word2vec.c, gensim and fastText write them. */
public final class TestVectors {
  public final byte[][] words;
  public final float[][] vectors;

  public TestVectors(byte[][] words, float[][] vectors) {
    this.words = words;
    this.vectors = vectors;
  }

  /** n random words (w0, w1, ...; the first few non-ASCII or invalid UTF-8) of the given dimension. */
  public static TestVectors random(int n, int dim, long seed) {
    Random rnd = new Random(seed);
    byte[][] words = new byte[n][];
    float[][] v = new float[n][dim];
    for (int i = 0; i < n; i++) {
      words[i] = ("w" + i).getBytes(StandardCharsets.UTF_8);
      for (int c = 0; c < dim; c++) {
        v[i][c] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 3));
      }
    }
    if (n > 2) {
      words[1] = "café".getBytes(StandardCharsets.UTF_8);
      words[2] = new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, 'x'}; // invalid UTF-8
    }
    return new TestVectors(words, v);
  }

  public int dim() {
    return vectors[0].length;
  }

  /** Binary; {@code newline} true is word2vec.c's layout, false gensim's. */
  public byte[] binary(boolean newline) {
    return binary(newline, words.length);
  }

  public byte[] binary(boolean newline, long headerCount) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((headerCount + " " + dim() + "\n").getBytes(StandardCharsets.US_ASCII));
    ByteBuffer bb = ByteBuffer.allocate(4 * dim()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < words.length; i++) {
      out.writeBytes(words[i]);
      out.write(' ');
      bb.clear();
      for (float f : vectors[i]) {
        bb.putFloat(f);
      }
      out.writeBytes(bb.array());
      if (newline) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  /** Text: {@code trailingSpace} as word2vec.c and fastText write, {@code crlf} for Windows line ends. */
  public byte[] text(boolean trailingSpace, boolean crlf) {
    return text(trailingSpace, crlf, words.length);
  }

  public byte[] text(boolean trailingSpace, boolean crlf, long headerCount) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String nl = crlf ? "\r\n" : "\n";
    out.writeBytes((headerCount + " " + dim() + nl).getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < words.length; i++) {
      out.writeBytes(words[i]);
      StringBuilder sb = new StringBuilder();
      for (float f : vectors[i]) {
        sb.append(' ').append(Float.toString(f)); // shortest repr: reads back to the same float
      }
      if (trailingSpace) {
        sb.append(' ');
      }
      sb.append(nl);
      out.writeBytes(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  public static Path write(Path dir, String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }
}
