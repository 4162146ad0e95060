// Files that are not vector files, or corrupt ones, are refused with a message that names what they look like,
// the entry at fault, and never carries a control byte.
package dev.w2v.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.W2vException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VectorRefusalsTest {
  @TempDir Path dir;

  private static String refused(Path p) {
    W2vException ex = assertThrows(W2vException.class, () -> VectorReader.read(p, VectorReader.ALL));
    assertEquals(W2vException.Kind.BAD_INPUT, ex.kind(), ex.getMessage());
    assertPrintable(ex.getMessage());
    return ex.getMessage();
  }

  private String refused(byte[] content) throws IOException {
    Path p = Files.write(dir.resolve("v.bin"), content);
    String m = refused(p);
    assertTrue(m.startsWith("vectors file " + p), m);
    return m;
  }

  static void assertPrintable(String m) {
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      assertFalse(c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xFFFD,
          "control character " + (int) c + " at " + i + " in: " + m);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "kv.model|it looks like a Python pickle, such as gensim's model.save()",
        "array.npy|it looks like a NumPy array (.npy)",
        "arrays.npz|it looks like a NumPy .npz archive",
        "ft-supervised.bin|this is a fastText supervised (classification) model",
        "not-vectors.gz|(gzip): not a word-vector file: its first line is neither",
      })
  void filesPeopleMistakeForVectorsAreNamed(String name, String expected) throws Exception {
    String m = refused(OtherToolsFormatsTest.fixture(name));
    assertTrue(m.contains(expected), m);
  }

  @Test
  void otherContainersAreNamed() throws IOException {
    assertTrue(refused(ascii("\u0089HDF\r\n\u001a\n\0\0\0\0")).contains("an HDF5 file"));
    assertTrue(refused(ascii("PK\u0003\u0004\0\0\0\0\0\0\0\0\0\0")).contains("a zip archive"));
    byte[] gz = gzip(new byte[0]);
    assertTrue(refused(gz).contains("(gzip): the gzip data decompresses to nothing"), refused(gz));
    byte[] cut = Arrays.copyOf(gzip(OtherToolsFormatsTest.class.getResourceAsStream("/fixtures/vectors/glove.txt")
        .readAllBytes()), 2000);
    String m = refused(cut);
    assertTrue(m.contains("the gzip data is corrupt"), m);
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
      g.write(b);
    }
    return bo.toByteArray();
  }

  @Test
  void wordsWithControlBytesAreEscapedInMessages() throws IOException {
    // a terminal escape (set the window title) as a word, in an entry whose vector is cut short
    String m = refused(ascii("2 3\n\u001b]0;PWNED\u0007 1 2\nb 1 2 3\n"));
    assertTrue(m.contains("entry 1 (\"\\x1B]0;PWNED\\x07\"): only 2 numbers"), m);
    m = refused(ascii("2 3\na 1 2 3\nb\u0000\u009b 1 x\r\u0007\n"));
    assertTrue(m.contains("(\"b\\x00\\x9B\"): \"x\\x0D\\x07\" is not a number"), m);
    m = refused(ascii("\u001b[2J\u001b[31mred 1 2 zz\n"));
    assertTrue(m.contains("it starts \"\\x1B[2J\\x1B[31mred 1 2 zz\""), m);
  }

  @Test
  void nonFiniteValuesAreRefusedNamingTheEntry() throws IOException {
    for (String v : new String[] {"nan", "inf", "-inf", "1e999", "NaN", "-1e40"}) {
      String m = refused(ascii("2 3\na 1 2 3\nb 1 " + v + " 3\n"));
      assertTrue(m.contains("entry 2 (\"b\"): number 2 is ") && m.contains("finite"), v + ": " + m);
    }
    String m = refused(ascii("king 1 2\nqueen 3 nan\n"));
    assertTrue(m.contains("entry 2 (\"queen\"): number 2 is NaN"), m);
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("1 2\nw ")).putFloat(1f).putFloat(Float.intBitsToFloat(0x7fc00001)).put((byte) '\n');
    m = refused(Arrays.copyOf(b.array(), b.position()));
    assertTrue(m.contains("entry 1 (\"w\"): number 2 is NaN"), m);
  }

  @Test
  void aHugeHeaderOverJunkIsACorruptEntryNotAMemoryProblem() throws IOException {
    // 250 million words of 100 numbers would be 100 GB: the reader must not trust the header with memory
    Random rnd = new Random(1);
    byte[] junk = new byte[1 << 20];
    rnd.nextBytes(junk);
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    bo.writeBytes(ascii("250000000 100\n"));
    bo.writeBytes(junk);
    String m = refused(bo.toByteArray());
    assertTrue(m.contains("entry "), m);
    bo.reset();
    bo.writeBytes(ascii("250000000 1\n"));
    for (int i = 0; i < 2000; i++) {
      bo.writeBytes(ascii("w" + i + " 0.5\n"));
    }
    bo.writeBytes(junk);
    m = refused(bo.toByteArray());
    assertTrue(m.contains("entry 2001"), m);
  }

  @Test
  void impossibleHeadersAreRefusedWithoutNegativeNumbers() throws IOException {
    String m = refused(ascii("99999999999999999999999 5\na 1 2 3 4 5\n"));
    assertTrue(m.contains("gives an impossible word count or dimension"), m);
    m = refused(ascii("9223372036854775807 5\na 1 2 3 4 5\n"));
    assertTrue(m.contains("at most 2147483631 can be loaded (use -limit)"), m);
    assertFalse(m.contains("-1"), m);
    m = refused(ascii("3 0\n"));
    assertTrue(m.contains("impossible"), m);
  }

  @Test
  void aTextFileCutInsideItsLastNumberIsRefused() throws IOException {
    String m = refused(ascii("2 3\na 1 2 3\nb 4 5 6.2"));
    assertTrue(m.contains("entry 2 (\"b\"): the file ends inside its line"), m);
    m = refused(ascii("a 1 2 3\nb 4 5 6.2"));
    assertTrue(m.contains("entry 2 (\"b\"): the file ends inside its line"), m);
  }

  @Test
  void aByteOrderMarkIsSkipped() throws IOException {
    Path p = Files.write(dir.resolve("bom.txt"), ascii("\u00ef\u00bb\u00bf2 2\na 1 2\nb 3 4\n"));
    Embeddings e = VectorReader.read(p, VectorReader.ALL, false);
    assertEquals(0, e.indexOf("a"));
    p = Files.write(dir.resolve("bom-glove.txt"), ascii("\u00ef\u00bb\u00bfa 1 2\nb 3 4\n"));
    e = VectorReader.read(p, VectorReader.ALL, false);
    assertEquals(VectorFormat.TEXT_NO_HEADER, e.format());
    assertEquals(0, e.indexOf("a"));
    assertArrayEquals(new float[] {3, 4}, e.vector(1), 0f);
  }

  @Test
  void tabSeparatedAndCrlfTextLoads() throws IOException {
    Path p = Files.write(dir.resolve("t.txt"), ascii("2\t2\r\na\t1\t2\r\nb\t3 \t4\r\n"));
    Embeddings e = VectorReader.read(p, VectorReader.ALL, false);
    assertEquals(VectorFormat.TEXT, e.format());
    assertArrayEquals(new float[] {3, 4}, e.vector(1), 0f);
    p = Files.write(dir.resolve("g.txt"), ascii("a\t1\t2\nb\t3\t4\n"));
    e = VectorReader.read(p, VectorReader.ALL, false);
    assertEquals(VectorFormat.TEXT_NO_HEADER, e.format());
    assertArrayEquals(new float[] {3, 4}, e.vector(1), 0f);
  }

  @Test
  void headerlessLinesOfDifferentLengthsAreRefused() throws IOException {
    String m = refused(ascii("a 1 2\nb 3 4 5\n"));
    assertTrue(m.contains("entry 2 (\"b\"): more than the first line's 2 numbers on its line"), m);
  }

  @Test
  void fastTextModelsCutShortAreRefused() throws Exception {
    byte[] ft = Files.readAllBytes(OtherToolsFormatsTest.fixture("ft.bin"));
    for (int len : new int[] {10, 70, 3000, 30000}) {
      String m = refused(Arrays.copyOf(ft, len));
      assertTrue(m.contains("the fastText model ends early"), len + ": " + m);
    }
  }
}
