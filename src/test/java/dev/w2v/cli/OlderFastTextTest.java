// fastText's older .bin format (no magic number or version) loads with gensim's own answers: gensim's lee_fasttext.bin.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorFormat;
import dev.w2v.vectors.VectorReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixture and gensim's answers: src/test/resources/fixtures/fasttext-old/ (README.md, make_expected.py). */
class OlderFastTextTest {
  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(OlderFastTextTest.class.getResource("/fixtures/fasttext-old/" + name).toURI());
  }

  @Test
  void everyWordsVectorIsGensims() throws Exception {
    Embeddings e = VectorReader.read(fixture("lee_fasttext.bin"), VectorReader.ALL, false);
    assertEquals(VectorFormat.FASTTEXT_BIN, e.format());
    assertEquals(10, e.dim());
    List<String> lines = Files.readAllLines(fixture("gensim-vectors.tsv"), StandardCharsets.UTF_8);
    assertEquals(1762, lines.size());
    assertEquals(lines.size(), e.size());
    for (int i = 0; i < lines.size(); i++) {
      String[] wv = lines.get(i).split("\t");
      assertEquals(wv[0], e.word(i), "word " + i);
      String[] nums = wv[1].split(" ");
      float[] want = new float[nums.length];
      for (int c = 0; c < nums.length; c++) {
        want[c] = Float.parseFloat(nums[c]);
      }
      // gensim's adjust_vectors: the same float32 sums in the same order, so equal to the last bit
      assertArrayEquals(want, e.vector(i), 0f, wv[0]);
    }
  }

  @Test
  void wordsOutsideTheVocabularyGetGensimsNgramVectors() throws Exception {
    Embeddings e = VectorReader.read(fixture("lee_fasttext.bin"), VectorReader.ALL, false);
    assertTrue(e.hasSubwords());
    List<String> lines = Files.readAllLines(fixture("gensim-oov-vectors.tsv"), StandardCharsets.UTF_8);
    assertTrue(lines.size() > 0);
    for (String line : lines) {
      String[] wv = line.split("\t");
      int row = e.oov(wv[0].getBytes(StandardCharsets.UTF_8));
      assertTrue(row >= e.size(), wv[0] + " should be outside the vocabulary");
      String[] nums = wv[1].split(" ");
      float[] want = new float[nums.length];
      for (int c = 0; c < nums.length; c++) {
        want[c] = Float.parseFloat(nums[c]);
      }
      // gensim's get_vector: float32 sum of the n-gram rows in order, divided once
      assertArrayEquals(want, e.vector(row), 0f, wv[0]);
    }
  }

  @Test
  void nearestWordsAreGensims() throws Exception {
    for (String line : Files.readAllLines(fixture("gensim-most-similar.tsv"), StandardCharsets.UTF_8)) {
      String[] q = line.split("\t");
      String[] want = q[1].split(" ");
      CliRun r = CliRun.run("similar", "-vectors", fixture("lee_fasttext.bin").toString(), "-format", "tsv", "-n",
          "5", q[0]);
      assertEquals(0, r.code, r.toString());
      String[] got = r.out.split("\n");
      assertEquals(5, got.length, r.out);
      for (int i = 0; i < 5; i++) {
        String[] f = got[i].split("\t"); // query, word, cosine
        assertEquals(want[2 * i], f[1], q[0] + ": " + r.out);
        assertEquals(Double.parseDouble(want[2 * i + 1]), Double.parseDouble(f[2]), 2e-6, q[0] + ": " + r.out);
      }
    }
  }

  @Test
  void aCutOrDamagedOlderFileIsNamedAndOtherBinaryDataToo() throws Exception {
    byte[] all = Files.readAllBytes(fixture("lee_fasttext.bin"));
    Path cut = Files.write(tmp.resolve("cut.bin"), Arrays.copyOf(all, all.length / 2));
    CliRun r = CliRun.run("similar", "-vectors", cut.toString(), "the");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertTrue(r.err.contains("the fastText model ends early") && r.err.contains("truncated"), r.err);

    // the same bytes with an impossible loss code are no fastText model: binary data, its bytes shown
    byte[] bad = all.clone();
    bad[24] = 9;
    Path other = Files.write(tmp.resolve("other.bin"), bad);
    r = CliRun.run("similar", "-vectors", other.toString(), "the");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.err.contains("not a word-vector file") && r.err.contains("binary data in no format w2v knows;"
        + " its first bytes are 0a 00 00 00 05 00 00 00"), r.err);
  }

  @Test
  void fixtureIsTheOlderFormat() throws IOException, URISyntaxException {
    byte[] head = Files.readAllBytes(fixture("lee_fasttext.bin"));
    // no magic number 793712314: the file starts with dim 10 and ws 5
    assertEquals(10, head[0]);
    assertEquals(5, head[4]);
  }
}
