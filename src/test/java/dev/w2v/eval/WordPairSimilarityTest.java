// Word-pair similarity: gensim's evaluate_word_pairs figures on the golden vectors, file formats, and the statistics.
package dev.w2v.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.SharedData;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordPairSimilarityTest {
  @TempDir Path dir;

  @Test
  void figuresEqualGensimsOnTheGoldenVectors() throws IOException {
    Path g = SharedData.requireGolden();
    Path d = SharedData.requireData().resolve("eval");
    Map<String, Embeddings> models = new HashMap<>();
    int rows = 0;
    try (InputStream res = getClass().getResourceAsStream("gensim-word-pairs.tsv");
        BufferedReader in = new BufferedReader(new InputStreamReader(res, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        Embeddings e = models.computeIfAbsent(f[0], m -> VectorReader.read(g.resolve(m + ".bin"), VectorReader.ALL, false));
        WordPairSimilarity.Options opt =
            new WordPairSimilarity.Options(Integer.parseInt(f[2]), Boolean.parseBoolean(f[3]), false);
        WordPairSimilarity.Report r;
        try (BufferedReader pairs = Files.newBufferedReader(d.resolve(f[1]))) {
          r = new WordPairSimilarity(e, opt).evaluate(pairs);
        }
        String what = line;
        // gensim's cosines are float32 (about 1e-7 off); ours are exact doubles. On sg-ns, a barely trained model,
        // the cosines of a set spread by only ~0.015, and that 1e-7 noise moves Pearson's r by up to 2e-6 (14
        // pairs of RW with restrict_vocab=2000); elsewhere the two agree to 1e-6.
        double tol = f[0].equals("sg-ns") ? 3e-6 : 1e-6;
        assertEquals(Double.parseDouble(f[4]), r.pearson().r(), tol, what);
        assertEquals(Double.parseDouble(f[6]), r.spearman().r(), tol, what);
        assertEquals(1.0, r.pearson().p() / Double.parseDouble(f[5]), 1e-4, what);
        assertEquals(1.0, r.spearman().p() / Double.parseDouble(f[7]), f[0].equals("sg-ns") ? 1e-4 : 1e-5, what);
        assertEquals(Double.parseDouble(f[8]), r.oovRatio(), 1e-9, what);
        rows++;
      }
    }
    assertEquals(30, rows);
  }

  private Embeddings tiny() throws IOException {
    String text = "5 2\nthe 1 0\nCat 1 1\ncat -1 1\ndog 0.9 1.1\nmouse 0 1\n";
    Path p = dir.resolve("v.txt");
    Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    return VectorReader.read(p, VectorReader.ALL, false);
  }

  @Test
  void readsTabAndSpaceSeparatedPairsAndSkipsCommentsAndBadLines() throws IOException {
    String pairs = "# comment\ncat\tdog\t9\ncat dog  mouse 1\nCAT   mouse   5.5\ndog\tthe\tx\nthe\tmouse\t0\nzebra\tcat\t3\n";
    WordPairSimilarity.Report r =
        new WordPairSimilarity(tiny(), WordPairSimilarity.Options.GENSIM).evaluate(new BufferedReader(new StringReader(pairs)));
    assertEquals(3, r.pairs());
    assertEquals(1, r.oov());
    assertEquals(2, r.skippedLines());
    assertEquals(25.0, r.oovRatio(), 0);
    // "cat" upper-cases to CAT, whose first row is "Cat" (1, 1): cosines cat-dog 0.9968, cat-mouse 0.7071, the-mouse 0
    assertEquals(1.0, r.spearman().r(), 1e-12);
    WordPairSimilarity.Report cs = new WordPairSimilarity(tiny(), new WordPairSimilarity.Options(0, true, true))
        .evaluate(new BufferedReader(new StringReader(pairs)));
    assertEquals(4, cs.pairs());
    assertEquals(100.0 / 4, cs.oovRatio(), 0);
  }

  @Test
  void spearmanAveragesTiedRanksAndPValuesFollowTheTDistribution() {
    assertEquals(java.util.Arrays.toString(new double[] {1.5, 1.5, 3, 5, 5, 5}),
        java.util.Arrays.toString(Correlation.ranks(new double[] {1, 1, 2, 7, 7, 7})));
    // scipy.stats.pearsonr([1,2,3,4,5], [2,1,4,3,5]) = (0.8, 0.10408803866182785)
    Correlation.Result p = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5});
    assertEquals(0.8, p.r(), 1e-15);
    assertEquals(0.10408803866182785, p.p(), 1e-13);
    // scipy.stats.spearmanr([1,2,3,4,5,6], [1,3,2,2,6,5]) = (0.753702346348183, 0.0835232813732598)
    Correlation.Result s = Correlation.spearman(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 3, 2, 2, 6, 5});
    assertEquals(0.753702346348183, s.r(), 1e-12);
    assertEquals(0.0835232813732598, s.p(), 1e-12);
  }

  @Test
  void degenerateSeriesGiveNaNNotAnException() {
    Correlation.Result flat = Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3});
    assertTrue(Double.isNaN(flat.r()), flat::toString);
    Correlation.Result nan = Correlation.spearman(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3});
    assertTrue(Double.isNaN(nan.r()), nan::toString);
    Correlation.Result two = Correlation.pearson(new double[] {1, 2}, new double[] {2, 1});
    assertEquals(-1.0, two.r(), 0);
    assertEquals(1.0, two.p(), 0);
    Correlation.Result perfect = Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40});
    assertEquals(1.0, perfect.r(), 0);
    assertEquals(0.0, perfect.p(), 0);
  }
}
