// word2vec.c's output formats, byte for byte, and the atomic replace of an existing file.
package dev.w2v.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.W2vException;
import dev.w2v.vocab.ByteWords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorWriterTest {
  @TempDir Path tmp;

  static ByteWords words(String... w) {
    ByteWords b = new ByteWords();
    for (String s : w) {
      byte[] x = s.getBytes(StandardCharsets.UTF_8);
      b.add(x, 0, x.length);
    }
    return b;
  }

  private static final float[] M = {0.5f, -0.25f, 1e-7f, -1e-7f, 3f, 0.1f};

  @Test
  void textFormat() throws IOException {
    Path f = tmp.resolve("v.txt");
    VectorWriter.write(f, words("</s>", "caf\u00e9", "x"), M, 2, 2, false);
    assertEquals("3 2\n</s> 0.500000 -0.250000 \ncaf\u00e9 0.000000 -0.000000 \nx 3.000000 0.100000 \n",
        Files.readString(f, StandardCharsets.UTF_8));
  }

  @Test
  void binaryFormat() throws IOException {
    Path f = tmp.resolve("v.bin");
    VectorWriter.write(f, words("a", "bc"), M, 3, 3, true);
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    e.write("2 3\na ".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 6; i++) {
      if (i == 3) {
        e.write('\n');
        e.write("bc ".getBytes(StandardCharsets.US_ASCII));
      }
      int bits = Float.floatToRawIntBits(M[i]);
      e.write(bits);
      e.write(bits >>> 8);
      e.write(bits >>> 16);
      e.write(bits >>> 24);
    }
    e.write('\n');
    assertArrayEquals(e.toByteArray(), Files.readAllBytes(f));
  }

  @Test
  void classesFormat() throws IOException {
    Path f = tmp.resolve("classes.txt");
    VectorWriter.writeClasses(f, words("</s>", "a", "b"), new int[] {2, 0, 11});
    assertEquals("</s> 2\na 0\nb 11\n", Files.readString(f));
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path f = tmp.resolve("v.txt");
    Files.writeString(f, "old contents");
    VectorWriter.write(f, words("a"), new float[] {1f}, 1, 1, false);
    assertEquals("1 1\na 1.000000 \n", Files.readString(f));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(f), s.toList());
    }
  }

  @Test
  void missingDirectoryIsAOneLineError() {
    Path f = tmp.resolve("no/such/dir/v.bin");
    W2vException e = assertThrows(W2vException.class, () -> VectorWriter.write(f, words("a"), new float[] {1f}, 1, 1, true));
    assertTrue(e.getMessage().contains(f.toString()) && !e.getMessage().contains("\n"), e.getMessage());
  }
}
