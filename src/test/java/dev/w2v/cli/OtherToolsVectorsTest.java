// The query commands on vectors written by gensim and fastText give gensim's own answers.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtherToolsVectorsTest {
  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(OtherToolsVectorsTest.class.getResource("/dev/w2v/vectors/" + name).toURI());
  }

  /** "word score" pairs of our tsv output. */
  private static String[][] parse(String tsv) {
    String[] lines = tsv.split("\n");
    String[][] out = new String[lines.length][];
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].split("\t");
      out[i] = new String[] {f[1], f[2]};
    }
    return out;
  }

  // Expected lists from gensim 4.2 on the same fixture files (see src/test/resources/dev/w2v/vectors/README.md):
  //   kv = KeyedVectors.load_word2vec_format(f, binary=...)
  //   kv.most_similar('the', topn=5)
  //   kv.most_similar(positive=['he', 'was'], negative=['his'], topn=3)
  //   kv.most_similar_cosmul(positive=['he', 'was'], negative=['his'], topn=3)
  // Scores agree to about 1e-6 (gensim's are float32 BLAS sums).
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "gensim.bin|similar|the|a 0.998234,be 0.997962,of 0.997348,had 0.997334,Mississippi 0.995958",
        "gensim.bin|add|he his was|2 0.991037,area 0.989402,10 0.985252",
        "gensim.bin|mul|he his was|2 1.003436,area 1.002572,10 1.000461",
        "fasttext.vec|similar|the|city 0.999657,series 0.999353,this 0.999345,against 0.999326,song 0.999296",
        "fasttext.vec|add|he his was|' 0.999273,has 0.99891,by 0.998474",
        "fasttext.vec|mul|he his was|' 1.000379,has 1.000196,by 0.999977",
      })
  void answersEqualGensims(String file, String what, String query, String expected) throws Exception {
    String[] words = query.split(" ");
    CliRun r =
        what.equals("similar")
            ? CliRun.run("similar", "-vectors", fixture(file).toString(), "-format", "tsv", "-n", "5", words[0])
            : CliRun.run("analogy", "-vectors", fixture(file).toString(), "-format", "tsv", "-n", "3", "-method",
                what, words[0], words[1], words[2]);
    assertEquals(0, r.code, r.toString());
    String[][] got = parse(r.out);
    String[] want = expected.split(",");
    assertEquals(want.length, got.length, r.out);
    for (int i = 0; i < want.length; i++) {
      String[] ws = want[i].split(" ");
      assertEquals(ws[0], got[i][0], r.out);
      assertEquals(Double.parseDouble(ws[1]), Double.parseDouble(got[i][1]), 2e-6, r.out);
    }
  }
}
