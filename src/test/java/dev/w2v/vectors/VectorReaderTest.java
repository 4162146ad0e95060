// The vector-file reader: every layout, limits, multi-chunk matrices, other tools' files, and corrupt files.
package dev.w2v.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.SharedData;
import dev.w2v.io.W2vException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorReaderTest {
  @TempDir Path dir;

  private static void assertSame(TestVectors t, Embeddings e) {
    assertEquals(t.words.length, e.size());
    assertEquals(t.dim(), e.dim());
    for (int i = 0; i < t.words.length; i++) {
      assertArrayEquals(t.words[i], e.words().bytes(i), "word " + i);
      assertArrayEquals(t.vectors[i], e.vector(i), 0f, "vector " + i);
    }
  }

  @Test
  void everyLayoutLoadsIdenticalValues() throws IOException {
    TestVectors t = TestVectors.random(37, 13, 1);
    Object[][] cases = {
      {"w2v.bin", t.binary(true), VectorFormat.BINARY_NEWLINE},
      {"gensim.bin", t.binary(false), VectorFormat.BINARY},
      {"w2v.txt", t.text(true, false), VectorFormat.TEXT},
      {"gensim.txt", t.text(false, false), VectorFormat.TEXT},
      {"crlf.txt", t.text(true, true), VectorFormat.TEXT},
      {"misleading-name.txt", t.binary(true), VectorFormat.BINARY_NEWLINE},
    };
    for (Object[] c : cases) {
      Path p = TestVectors.write(dir, (String) c[0], (byte[]) c[1]);
      Embeddings e = VectorReader.read(p, VectorReader.ALL, false);
      assertEquals(c[2], e.format(), (String) c[0]);
      assertSame(t, e);
      assertEquals(37, e.headerCount());
    }
  }

  @Test
  void binaryWithoutAHeaderIsReadAtTheDimensionItsEntriesParseAt() throws IOException {
    for (int[] nd : new int[][] {{3, 1}, {40, 7}, {200, 300}, {5, 1000}}) {
      TestVectors t = TestVectors.random(nd[0], nd[1], nd[1]);
      byte[] b = t.binary(false);
      int nl = 0;
      while (b[nl] != '\n') {
        nl++;
      }
      Path p = TestVectors.write(dir, "nohead.bin", Arrays.copyOfRange(b, nl + 1, b.length));
      Embeddings e = VectorReader.read(p, VectorReader.ALL, false);
      assertEquals(VectorFormat.BINARY_NO_HEADER, e.format(), nd[0] + " x " + nd[1]);
      assertSame(t, e);
    }
    // random bytes are still no vector file
    byte[] junk = new byte[100_000];
    new java.util.Random(3).nextBytes(junk);
    junk[0] = 'a';
    junk[1] = ' ';
    String m = refused(junk);
    assertTrue(m.contains("not a word-vector file"), m);
  }

  @Test
  void matrixSpreadOverSeveralChunksHoldsTheSameRows() throws IOException {
    TestVectors t = TestVectors.random(23, 7, 2);
    Path p = TestVectors.write(dir, "v.bin", t.binary(true));
    Embeddings e = VectorReader.read(p, VectorReader.ALL, false, 3 * 7 + 2);
    assertEquals(8, e.matrix().chunkCount());
    assertEquals(3, e.matrix().rowsPerChunk());
    assertSame(t, e);
    Embeddings n = VectorReader.read(p, VectorReader.ALL, true, 3 * 7);
    Embeddings one = VectorReader.read(p, VectorReader.ALL, true);
    for (int i = 0; i < 23; i++) {
      assertArrayEquals(one.vector(i), n.vector(i), 0f);
    }
  }

  @Test
  void normalisedRowsHaveUnitLength() throws IOException {
    TestVectors t = TestVectors.random(10, 50, 3);
    Embeddings e = VectorReader.read(TestVectors.write(dir, "v.bin", t.binary(false)), VectorReader.ALL);
    assertTrue(e.normalised());
    for (int i = 0; i < 10; i++) {
      double s = 0;
      for (float f : e.vector(i)) {
        s += f * f;
      }
      assertEquals(1.0, s, 1e-5);
    }
  }

  @Test
  void limitLoadsOnlyTheFirstWords() throws IOException {
    TestVectors t = TestVectors.random(20, 5, 4);
    for (byte[] content : List.of(t.binary(true), t.binary(false), t.text(true, false))) {
      Path p = TestVectors.write(dir, "v", content);
      Embeddings e = VectorReader.read(p, 5, false);
      assertEquals(5, e.size());
      assertEquals(20, e.headerCount());
      assertArrayEquals(t.vectors[4], e.vector(4), 0f);
      assertEquals(-1, e.indexOf("w7"));
      assertEquals(0, VectorReader.read(p, 0, false).size());
      assertEquals(20, VectorReader.read(p, 1000, false).size());
    }
  }

  @Test
  void invalidUtf8WordIsKeptAsBytesAndShownWithReplacementCharacters() throws IOException {
    TestVectors t = TestVectors.random(5, 4, 5);
    Embeddings e = VectorReader.read(TestVectors.write(dir, "v.bin", t.binary(true)), VectorReader.ALL);
    assertEquals("bad\uFFFD(x", e.word(2));
    assertEquals(2, e.words().indexOf(t.words[2], 0, t.words[2].length));
    assertEquals(1, e.indexOf("café"));
    assertEquals(-1, e.indexOf("bad\uFFFD(x"));
  }

  @Test
  void duplicateWordsAnswerTheFirst() throws IOException {
    byte[] content = "3 2\na 1 0\nb 0 1\na 1 1\n".getBytes(StandardCharsets.US_ASCII);
    Embeddings e = VectorReader.read(TestVectors.write(dir, "v.txt", content), VectorReader.ALL, false);
    assertEquals(3, e.size());
    assertEquals(0, e.indexOf("a"));
  }

  private String refused(byte[] content) throws IOException {
    Path p = TestVectors.write(dir, "bad.vec", content);
    W2vException ex = assertThrows(W2vException.class, () -> VectorReader.read(p, VectorReader.ALL));
    assertEquals(W2vException.Kind.BAD_INPUT, ex.kind());
    assertTrue(ex.getMessage().contains(p.toString()), ex.getMessage());
    return ex.getMessage();
  }

  private static byte[] cut(byte[] b, int drop) {
    return Arrays.copyOf(b, b.length - drop);
  }

  @Test
  void headerCountingMoreWordsThanThereAreIsRefused() throws IOException {
    TestVectors t = TestVectors.random(998, 4, 6);
    for (byte[] c : List.of(t.binary(true, 1000), t.binary(false, 1000), t.text(true, false, 1000))) {
      String m = refused(c);
      assertTrue(m.contains("header says 1000 words, but the file ends after 998"), m);
    }
  }

  @Test
  void headerCountingFewerWordsThanThereAreReadsThatManyWithAWarning() throws IOException {
    TestVectors t = TestVectors.random(10, 4, 7);
    for (byte[] c : List.of(t.binary(true, 9), t.binary(false, 9), t.text(false, false, 9))) {
      Embeddings e = VectorReader.read(TestVectors.write(dir, "v", c), VectorReader.ALL, false);
      assertEquals(9, e.size());
      assertArrayEquals(t.vectors[8], e.vector(8), 0f);
      assertEquals(1, e.warnings().size(), e.warnings().toString());
      assertTrue(e.warnings().get(0).contains("the header says 9 words but the file holds more"), e.warnings().get(0));
    }
    // a limit below the count reads only what it needs, and says nothing
    Path p = TestVectors.write(dir, "v.bin", t.binary(true, 9));
    Embeddings e = VectorReader.read(p, 4);
    assertEquals(4, e.size());
    assertTrue(e.warnings().isEmpty());
    assertTrue(VectorReader.read(TestVectors.write(dir, "ok.bin", t.binary(true)), VectorReader.ALL).warnings().isEmpty());
  }

  @Test
  void absurdHeaderIsRefusedAtTheFirstBadEntryWithoutAllocatingForIt() throws IOException {
    String m = refused("2000000000 300\nthe 1 2 3\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(m.contains("entry 1 (\"the\"): only 3 numbers on its line, not the header's 300"), m);
  }

  @Test
  void vectorCutShortIsRefused() throws IOException {
    TestVectors t = TestVectors.random(6, 10, 8);
    String m = refused(cut(t.binary(true), 1 + 4 * 3));
    assertTrue(m.contains("entry 6 (\"w5\")") && m.contains("ends 7 numbers into its vector of 10"), m);
    m = refused(cut(t.binary(false), 4 * 3));
    assertTrue(m.contains("entry 6 (\"w5\")"), m);
  }

  @Test
  void wrongDimensionInBinaryHeaderIsRefused() throws IOException {
    TestVectors t = TestVectors.random(6, 10, 9);
    byte[] b = t.binary(true);
    byte[] lie = new String(b, StandardCharsets.ISO_8859_1).replaceFirst("6 10\n", "6 9\n").getBytes(StandardCharsets.ISO_8859_1);
    String m = refused(lie);
    assertTrue(m.contains("entry 2: its word holds a newline byte") && m.contains("not 9 numbers long"), m);
    // word2vec.c's layout announced by the first entry: every vector must end in a newline
    byte[] late = t.binary(true);
    int at = 5 + (t.words[0].length + 42) + (t.words[1].length + 41); // after "6 10\n", entry 1, entry 2's vector
    assertEquals('\n', late[at]);
    late[at] = 'x';
    m = refused(late);
    assertTrue(m.contains("entry 2 (\"café\"): no newline after its 10 numbers"), m);
  }

  @Test
  void textLineWithTooFewOrTooManyNumbersIsRefused() throws IOException {
    String m = refused("3 3\na 1 2 3\nb 4 5\nc 7 8 9\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(m.contains("entry 2 (\"b\"): only 2 numbers on its line, not the header's 3"), m);
    m = refused("3 3\na 1 2 3\nb 4 5 6 7\nc 7 8 9\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(m.contains("entry 2 (\"b\"): more than the header's 3 numbers"), m);
    m = refused("2 3\na 1 2 3\nb 4 x5 6\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(m.contains("entry 2 (\"b\"): \"x5\" is not a number"), m);
  }

  @Test
  void emptyOrUnrecognisedFilesAreRefused() throws IOException {
    assertTrue(refused(new byte[0]).contains("the file is empty"));
    String m = refused("the quick brown fox\njumps\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(m.contains("not a word-vector file: its first line is neither a \"count dimension\" header nor a"
        + " word followed by numbers (it starts \"the quick brown fox\")"), m);
    m = refused("5 3\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(m.contains("header says 5 words, but the file ends after 0"), m);
  }

  @Test
  void missingFileIsRefusedWithItsName() {
    W2vException ex =
        assertThrows(W2vException.class, () -> VectorReader.read(dir.resolve("nope.bin"), VectorReader.ALL));
    assertTrue(ex.getMessage().contains("nope.bin does not exist"), ex.getMessage());
  }

  @Test
  void textNumbersInEveryNotationParseToTheCorrectlyRoundedFloat() throws IOException {
    String[] nums = {
      "0.123456", "-0.5", "1e-5", "1.5E-05", "-2.5e+3", "3", ".25", "1.", "0.000000000000000000000000000001",
      "123456789012345678901234567890", "0.30000001192092896", "1.00000005960464477539062500001",
      "3.4028235e38", "1e-45", "0"
    };
    StringBuilder sb = new StringBuilder("1 " + nums.length + "\nx");
    for (String s : nums) {
      sb.append(' ').append(s);
    }
    sb.append('\n');
    Embeddings e = VectorReader.read(TestVectors.write(dir, "n.txt", sb.toString().getBytes(StandardCharsets.US_ASCII)), 1, false);
    for (int i = 0; i < nums.length; i++) {
      float want = Float.parseFloat(nums[i]);
      assertEquals(want, e.matrix().get(0, i), 0f, nums[i]);
    }
  }

  // ---- files written by other tools

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(VectorReaderTest.class.getResource(name).toURI());
  }

  private static void assertMatchesGensim(Embeddings e, Path expected) throws IOException {
    List<String> lines = Files.readAllLines(expected, StandardCharsets.UTF_8);
    assertEquals(lines.size(), e.size());
    for (int i = 0; i < lines.size(); i++) {
      String[] wv = lines.get(i).split("\t");
      assertEquals(wv[0], e.word(i));
      String[] nums = wv[1].split(" ");
      float[] want = new float[nums.length];
      for (int c = 0; c < nums.length; c++) {
        want[c] = Float.parseFloat(nums[c]);
      }
      assertArrayEquals(want, e.vector(i), 0f, wv[0]);
    }
  }

  @Test
  void readsGensimBinaryAndTextWithGensimsValues() throws Exception {
    Embeddings bin = VectorReader.read(resource("gensim.bin"), VectorReader.ALL, false);
    Embeddings txt = VectorReader.read(resource("gensim.txt"), VectorReader.ALL, false);
    assertEquals(VectorFormat.BINARY, bin.format());
    assertEquals(VectorFormat.TEXT, txt.format());
    assertMatchesGensim(bin, resource("gensim-expected.tsv"));
    assertMatchesGensim(txt, resource("gensim-expected.tsv"));
  }

  @Test
  void readsFastTextVecWithGensimsValues() throws Exception {
    Embeddings vec = VectorReader.read(resource("fasttext.vec"), VectorReader.ALL, false);
    assertEquals(VectorFormat.TEXT, vec.format());
    assertMatchesGensim(vec, resource("fasttext-expected.tsv"));
  }

  @Test
  void readsWord2vecCBinaryAndText() {
    Path g = SharedData.requireGolden();
    Embeddings bin = VectorReader.read(g.resolve("gutenberg-sg.bin"), VectorReader.ALL);
    assertEquals(VectorFormat.BINARY_NEWLINE, bin.format());
    assertEquals(11176, bin.size());
    assertEquals(50, bin.dim());
    assertEquals(0, bin.indexOf("</s>"));
    assertEquals(749, bin.indexOf("king"));
    Embeddings txt = VectorReader.read(g.resolve("cbow-hsns.txt"), VectorReader.ALL, false);
    assertEquals(VectorFormat.TEXT, txt.format());
    assertEquals(24, txt.dim());
    assertEquals(txt.headerCount(), txt.size());
  }
}
