// Every fixture made by gensim and fastText (src/test/resources/fixtures/vectors) loads with gensim's own values.
package dev.w2v.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vocab.Subwords;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtherToolsFormatsTest {
  static Path fixture(String name) throws URISyntaxException {
    return Path.of(OtherToolsFormatsTest.class.getResource("/fixtures/vectors/" + name).toURI());
  }

  /** gensim's words and float32 values, one "word<TAB>v1 v2 ..." line each. */
  private static void assertValues(Path expected, Embeddings e, int rows, float tolerance) throws IOException {
    List<String> lines = Files.readAllLines(expected, StandardCharsets.UTF_8);
    assertEquals(rows, e.size());
    for (int i = 0; i < rows; i++) {
      String[] wv = lines.get(i).split("\t");
      assertEquals(wv[0], e.word(i), "word " + i);
      String[] nums = wv[1].split(" ");
      float[] want = new float[nums.length];
      for (int c = 0; c < nums.length; c++) {
        want[c] = Float.parseFloat(nums[c]);
      }
      assertArrayEquals(want, e.vector(i), tolerance, wv[0]);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "w2v-gensim.bin, BINARY, , 0",
    "w2v-gensim.txt, TEXT, , 0",
    "w2v-gensim-noheader.txt, TEXT_NO_HEADER, , 0",
    "w2v-gensim-noheader.bin, BINARY_NO_HEADER, , 0",
    "glove.txt, TEXT_NO_HEADER, , 6e-7",
    "w2v-gensim.bin.gz, BINARY, gzip, 0",
    "w2v-gensim.txt.bz2, TEXT, bzip2, 0",
    "glove.txt.zst, TEXT_NO_HEADER, zstd, 6e-7",
  })
  void word2vecFilesOfGensimLoadWithGensimsValues(String name, VectorFormat format, String codec, float tol)
      throws Exception {
    Embeddings e = VectorReader.read(fixture(name), VectorReader.ALL, false);
    assertEquals(format, e.format());
    assertEquals(codec, e.compression());
    assertEquals(12, e.dim());
    assertTrue(e.warnings().isEmpty(), e.warnings().toString());
    assertValues(fixture("gensim-w2v-vectors.tsv"), e, 428, tol);
    assertEquals(428, e.headerCount());
  }

  @Test
  void tabSeparatedTextLoads() throws Exception {
    Embeddings e = VectorReader.read(fixture("tabs.txt"), VectorReader.ALL, false);
    assertEquals(VectorFormat.TEXT, e.format());
    assertValues(fixture("gensim-w2v-vectors.tsv"), e, 100, 0f);
  }

  @ParameterizedTest
  @CsvSource({"ft.bin, ", "ft.bin.gz, gzip"})
  void fastTextBinGivesGensimsLoadFacebookVectors(String name, String codec) throws Exception {
    Embeddings e = VectorReader.read(fixture(name), VectorReader.ALL, false);
    assertEquals(VectorFormat.FASTTEXT_BIN, e.format());
    assertEquals(codec, e.compression());
    assertEquals(10, e.dim());
    // the same float32 operations in the same order as gensim's adjust_vectors: equal to the last bit
    assertValues(fixture("gensim-ft-bin-vectors.tsv"), e, 429, 0f);
  }

  @Test
  void fastTextBinWithALimitKeepsTheFirstWords() throws Exception {
    Embeddings all = VectorReader.read(fixture("ft.bin"), VectorReader.ALL, false);
    Embeddings some = VectorReader.read(fixture("ft.bin"), 7, false);
    assertEquals(7, some.size());
    assertEquals(429, some.headerCount());
    for (int i = 0; i < 7; i++) {
      assertEquals(all.word(i), some.word(i));
      assertArrayEquals(all.vector(i), some.vector(i), 0f);
    }
  }

  @Test
  void fastTextWithoutSubwordsAndItsVecFile() throws Exception {
    Embeddings bin = VectorReader.read(fixture("ft-nosubwords.bin"), VectorReader.ALL, false);
    assertEquals(429, bin.size());
    Embeddings vec = VectorReader.read(fixture("ft.vec"), VectorReader.ALL, false);
    assertEquals(VectorFormat.TEXT, vec.format());
    Embeddings xz = VectorReader.read(fixture("ft.vec.xz"), VectorReader.ALL, false);
    assertEquals("xz", xz.compression());
    Embeddings ftbin = VectorReader.read(fixture("ft.bin"), VectorReader.ALL, false);
    for (int i = 0; i < vec.size(); i++) {
      assertEquals(vec.word(i), ftbin.word(i));
      assertArrayEquals(vec.vector(i), xz.vector(i), 0f);
      // .vec holds fastText's own word vectors printed to 5 significant digits
      float[] a = vec.vector(i);
      float[] b = ftbin.vector(i);
      if (!vec.word(i).equals("</s>")) { // fastText gives </s> no subwords, gensim does
        for (int c = 0; c < a.length; c++) {
          assertEquals(b[c], a[c], 5e-5f * Math.abs(b[c]) + 1e-6f, vec.word(i));
        }
      }
    }
  }

  @Test
  void fastTextPrintWordVectorsIsHeaderlessText() throws Exception {
    Embeddings e = VectorReader.read(fixture("ft-print-word-vectors.txt"), VectorReader.ALL, false);
    assertEquals(VectorFormat.TEXT_NO_HEADER, e.format());
    assertEquals(429, e.size());
    assertEquals(10, e.dim());
    assertNull(e.compression());
  }

  @Test
  void ngramHashesAreFastTextsAndGensims() {
    // gensim: ft_hash_bytes(b"abc") == 440920331, ft_hash_bytes("é".encode()) == 1023043777
    assertEquals(440920331L, Integer.toUnsignedLong(Subwords.fnv1a("abc".getBytes(StandardCharsets.UTF_8), 0, 3)));
    byte[] e = "é".getBytes(StandardCharsets.UTF_8);
    assertEquals(1023043777L, Integer.toUnsignedLong(Subwords.fnv1a(e, 0, e.length)));
    // gensim: compute_ngrams_bytes("ab", 1, 3) == [<a, <ab, a, ab, ab>, b, b>]; café with 3..4 gives 7 n-grams
    int[] out = new int[16];
    assertEquals(7, Subwords.ngramBuckets("ab".getBytes(StandardCharsets.UTF_8), 1, 3, 1000, out));
    assertEquals(7, Subwords.ngramBuckets("café".getBytes(StandardCharsets.UTF_8), 3, 4, 1000, out));
    assertEquals(10, Subwords.ngramBuckets("</s>".getBytes(StandardCharsets.UTF_8), 3, 6, 1000, out));
  }
}
