// `w2v accuracy` against compute-accuracy's golden transcripts: same counts, and -format word2vec byte for byte.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccuracyCommandTest {
  @TempDir Path dir;

  private static final Pattern SECTION = Pattern.compile("ACCURACY TOP1: \\S+ %  \\((\\d+) / (\\d+)\\)");
  private static final Pattern SEEN = Pattern.compile("Questions seen / total: (\\d+) (\\d+) ");

  /** "correct/seen" per section, then "seen/total": the counts of a compute-accuracy transcript. */
  static List<String> counts(String transcript) {
    List<String> out = new ArrayList<>();
    for (String line : transcript.split("\n")) {
      Matcher m = SECTION.matcher(line);
      if (m.find()) {
        out.add(m.group(1) + "/" + m.group(2));
      }
      m = SEEN.matcher(line);
      if (m.find()) {
        out.add(m.group(1) + "/" + m.group(2));
      }
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"gutenberg-sg, 0", "gutenberg-sg, 5000", "sg-ns, 0", "sg-ns, 3000", "cbow-ns, 0", "cbow-ns, 3000"})
  void countsEqualComputeAccuracy(String model, int threshold) throws IOException {
    Path g = SharedData.requireGolden();
    Path q = SharedData.requireData().resolve("eval/questions-words.txt");
    String golden =
        Files.readString(g.resolve("accuracy-" + model + (threshold == 0 ? "" : "-" + threshold) + ".txt"));
    CliRun r = CliRun.run("accuracy", q.toString(), "-vectors", g.resolve(model + ".bin").toString(), "-threshold",
        Integer.toString(threshold), "-format", "word2vec");
    assertEquals(0, r.code, r.err);
    List<String> want = counts(golden);
    assertEquals(15, want.size());
    assertEquals(want, counts(r.out));
    assertEquals(golden, r.out);
  }

  @Test
  void tableTotalsAndThreeCosMulRun() throws IOException {
    Path g = SharedData.requireGolden();
    Path q = SharedData.requireData().resolve("eval/questions-words.txt");
    CliRun r = CliRun.run("accuracy", q.toString(), "-vectors", g.resolve("gutenberg-sg.bin").toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("Questions seen / total: 4934 / 19544 (25.25 %)"), r.out);
    assertTrue(r.out.matches("(?s).*\\ntotal\\s+1078\\s+4934\\s+19544\\s+21\\.85 %\\n.*"), r.out);
    CliRun mul = CliRun.run("accuracy", q.toString(), "-vectors", g.resolve("gutenberg-sg.bin").toString(),
        "-method", "mul", "-format", "json");
    assertEquals(0, mul.code, mul.err);
    assertTrue(mul.out.startsWith("{\"method\":\"3CosMul\",\"words\":11176,\"sections\":[{\"name\":\"capital-common-countries\""), mul.out);
    assertTrue(mul.out.contains("\"seen\":4934,\"questions\":19544},\"ngram_words\":0,\"ngram_questions\":0}"), mul.out);
  }

  @Test
  void missingQuestionFileIsNamed() throws IOException {
    CliRun r = CliRun.run("accuracy", dir.resolve("q.txt").toString(), "-vectors", "x.bin");
    assertEquals(ExitCodes.BAD_INPUT, r.code);
    assertTrue(r.err.contains("question file") && r.err.contains("q.txt does not exist"), r.err);
  }

  @Test
  void computeAccuracyRulesOnATinyModel() throws IOException {
    // a:b :: c:? answered by b - a + c; "Paris" and "paris" both upper-case to PARIS; the first wins lookups
    String vectors =
        "7 2\nparis 1 0\nfrance 1 1\nrome 0 1\nitaly -0.2 1.9\nParis 1 0.01\nRome 0 1.01\nx -1 -1\n";
    Path v = dir.resolve("v.txt");
    Files.write(v, vectors.getBytes(StandardCharsets.UTF_8));
    String questions =
        ": capital-one\nParis France Rome Italy\nparis france rome ITALY\nparis france oslo norway\n"
            + ": empty-section\nnone of these words\n: twins\nrome italy paris PARIS\n";
    Path q = dir.resolve("q.txt");
    Files.write(q, questions.getBytes(StandardCharsets.UTF_8));
    CliRun r = CliRun.run("accuracy", q.toString(), "-vectors", v.toString(), "-format", "tsv");
    assertEquals(0, r.code, r.err);
    // France - Paris + Rome is nearest italy. italy - rome + paris is nearest "Paris", row 4: the question's own
    // "paris" (row 0) is excluded by index only, and Paris upper-cases to the expected PARIS, so it counts as right
    assertEquals(
        "section\tcorrect\tseen\tquestions\ncapital-one\t2\t2\t3\nempty-section\t0\t0\t1\ntwins\t1\t1\t1\n"
            + "semantic\t3\t3\t\nsyntactic\t0\t0\t\ntotal\t3\t3\t5\n",
        r.out);
    CliRun c = CliRun.run("accuracy", q.toString(), "-vectors", v.toString(), "-format", "word2vec");
    assertTrue(c.out.contains("empty-section:\nACCURACY TOP1: 0.00 %  (0 / 1)\n"), c.out);
    assertTrue(c.out.contains("Syntactic accuracy: -nan % \n"), c.out);
  }
}
