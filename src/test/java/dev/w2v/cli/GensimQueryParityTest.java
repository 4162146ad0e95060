// similar (with -neg and -vector), cosine and odd-one-out against gensim 4.2's own answers on a gensim-written file.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected answers are src/test/resources/dev/w2v/query/gensim-queries.tsv, made by make-expected.py there. */
class GensimQueryParityTest {
  private static Path resource(String name) throws URISyntaxException {
    return Paths.get(GensimQueryParityTest.class.getResource("/dev/w2v/" + name).toURI());
  }

  private static List<String[]> cases(String kind) throws Exception {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(resource("query/gensim-queries.tsv"))) {
      String[] f = line.split("\t", -1);
      if (f[0].equals(kind)) {
        out.add(f);
      }
    }
    assertFalse(out.isEmpty(), kind);
    return out;
  }

  private static String vectors() throws URISyntaxException {
    return resource("query/gensim-8d.txt").toString();
  }

  /** Compares "word score word score ..." with tsv lines "query TAB word TAB score". */
  private static void sameAnswers(String expected, String tsv, String what) {
    String[] exp = expected.split(" ");
    String[] lines = tsv.split("\n");
    assertEquals(exp.length / 2, lines.length, what + "\n" + tsv);
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].split("\t");
      assertEquals(exp[2 * i], f[1], what + " answer " + (i + 1));
      assertEquals(Double.parseDouble(exp[2 * i + 1]), Double.parseDouble(f[2]), 2e-6, what + " score " + (i + 1));
    }
  }

  @Test
  void mostSimilarWithPositiveAndNegativeWords() throws Exception {
    for (String[] c : cases("most_similar")) {
      List<String> args = new ArrayList<>(List.of("similar", "-vectors", vectors(), "-n", "5", "-format", "tsv"));
      for (String neg : c[2].isEmpty() ? new String[0] : c[2].split(" ")) {
        args.add("-neg");
        args.add(neg);
      }
      args.add("--");
      args.addAll(List.of(c[1].split(" ")));
      CliRun r = CliRun.run(args.toArray(new String[0]));
      assertEquals(0, r.code, r.toString());
      sameAnswers(c[3], r.out, String.join(" ", args));
    }
  }

  @Test
  void negativeWordsApplyToEveryLineOfStandardInput() throws Exception {
    for (String[] c : cases("most_similar")) {
      if (c[2].isEmpty()) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of("similar", "-vectors", vectors(), "-n", "5", "-format", "tsv"));
      for (String neg : c[2].split(" ")) {
        args.add("-neg");
        args.add(neg);
      }
      CliRun r = CliRun.runWithInput(c[1] + "\n", args.toArray(new String[0]));
      assertEquals(0, r.code, r.toString());
      sameAnswers(c[3], r.out, c[1] + " - " + c[2]);
    }
  }

  @Test
  void similarByVector() throws Exception {
    for (String[] c : cases("by_vector")) {
      CliRun r = CliRun.run("similar", "-vectors", vectors(), "-n", "5", "-format", "tsv", "-vector", c[1]);
      assertEquals(0, r.code, r.toString());
      sameAnswers(c[3], r.out, c[1]);
    }
  }

  @Test
  void similarByVectorsFromStandardInput() throws Exception {
    StringBuilder in = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (String[] c : cases("by_vector")) {
      in.append(c[1].replace(' ', ',')).append('\n');
      expected.append(c[3].split(" ")[0]).append('\n');
    }
    CliRun r = CliRun.runWithInput(in.toString(), "similar", "-vectors", vectors(), "-n", "1", "-format", "tsv",
        "-vector", "-");
    assertEquals(0, r.code, r.toString());
    StringBuilder got = new StringBuilder();
    for (String line : r.out.split("\n")) {
      got.append(line.split("\t")[1]).append('\n');
    }
    assertEquals(expected.toString(), got.toString());
  }

  @Test
  void cosineOfPairsOnTheCommandLineAndSeveralPerLineOnStandardInput() throws Exception {
    List<String> args = new ArrayList<>(List.of("cosine", "-vectors", vectors(), "-format", "tsv", "--"));
    StringBuilder in = new StringBuilder();
    for (String[] c : cases("similarity")) {
      args.addAll(List.of(c[1].split(" ")));
      in.append(c[1]).append(in.length() % 2 == 0 ? " " : "\n");
    }
    CliRun oneShot = CliRun.run(args.toArray(new String[0]));
    CliRun lines = CliRun.runWithInput(in.toString(), "cosine", "-vectors", vectors(), "-format", "tsv");
    for (CliRun r : new CliRun[] {oneShot, lines}) {
      assertEquals(0, r.code, r.toString());
      String[] out = r.out.split("\n");
      List<String[]> cs = cases("similarity");
      assertEquals(cs.size(), out.length, r.toString());
      for (int i = 0; i < out.length; i++) {
        String[] f = out[i].split("\t");
        assertEquals(cs.get(i)[1], f[0] + " " + f[1]);
        assertEquals(Double.parseDouble(cs.get(i)[3]), Double.parseDouble(f[2]), 2e-6, out[i]);
      }
    }
  }

  @Test
  void oddOneOutIsGensimsDoesntMatch() throws Exception {
    for (String[] c : cases("doesnt_match")) {
      List<String> args = new ArrayList<>(List.of("odd-one-out", "-vectors", vectors(), "-format", "tsv", "--"));
      args.addAll(List.of(c[1].split(" ")));
      CliRun r = CliRun.run(args.toArray(new String[0]));
      assertEquals(0, r.code, r.toString());
      assertEquals(c[3], r.out.split("\n")[0].split("\t")[1], r.toString());
      assertEquals(c[1].split(" ").length, r.out.split("\n").length);
    }
  }

  @Test
  void vectorOfTheWrongLengthOrWithWordsIsAUsageError() throws Exception {
    CliRun r = CliRun.run("similar", "-vectors", vectors(), "-vector", "1 2 3");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertEquals("w2v similar: error: -vector has 3 numbers; the vectors have 8", r.err.split("\n")[0]);
    r = CliRun.run("similar", "-vectors", vectors(), "-vector", "1 2 3 4 5 6 7 x");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    r = CliRun.run("similar", "-vectors", vectors(), "-vector", "1 2 3 4 5 6 7 8", "the");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
  }

  @Test
  void cosineNeedsPairsAndOddOneOutTwoWords() throws Exception {
    CliRun r = CliRun.run("cosine", "-vectors", vectors(), "the", "a", "city");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    r = CliRun.run("odd-one-out", "-vectors", vectors(), "the");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    r = CliRun.run("cosine", "-vectors", vectors(), "the", "a", "the", "kingg");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(1, r.out.split("\n").length - 1, "the known pair is still printed: " + r.out);
    assertEquals("w2v cosine: \"kingg\" is not in the vocabulary\n", r.err);
  }

  @Test
  void jsonOutputsParseAsOneObjectPerQuery() throws Exception {
    CliRun r = CliRun.run("similar", "-vectors", vectors(), "-format", "json", "-n", "2", "season", "-neg", "song");
    assertEquals(0, r.code, r.toString());
    assertEquals(1, r.out.split("\n").length);
    assertTrue(r.out.startsWith("{\"query\":[\"season\"],\"negative\":[\"song\"],\"results\":[{\"word\":"), r.out);
    r = CliRun.run("cosine", "-vectors", vectors(), "-format", "json", "the", "a");
    assertTrue(r.out.startsWith("{\"word1\":\"the\",\"word2\":\"a\",\"cosine\":0.99823"), r.out);
  }
}
