// `w2v similar` and `w2v analogy` end to end: output formats, interactive input, and every user error.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandsTest {
  @TempDir Path dir;

  private Path small() throws IOException {
    // a tiny model: "king" is closest to "queen", then "prince"; a word with a quote to test JSON escaping
    String text =
        "6 3\n</s> 0 0 1\nking 1 0.1 0\nqueen 0.9 0.2 0\nprince 0.8 -0.3 0.1\nman 0 1 0\nsay\"hi\\ 0.5 0.5 0.5\n";
    Path p = dir.resolve("small.txt");
    Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  @Test
  void similarPrintsATableByDefault() throws IOException {
    CliRun r = CliRun.run("similar", "-vectors", small().toString(), "king", "-n", "2");
    assertEquals(0, r.code, r.toString());
    String[] lines = r.out.split("\n");
    assertEquals(3, lines.length, r.out);
    assertTrue(lines[1].matches("\\s+1\\s+queen\\s+0\\.99\\d+"), lines[1]);
    assertTrue(lines[2].matches("\\s+2\\s+prince\\s+0\\.8\\d+"), lines[2]);
  }

  @Test
  void similarPrintsTsvAndEscapedJson() throws IOException {
    CliRun tsv = CliRun.run("similar", "-vectors", small().toString(), "king", "-n", "1", "-format", "tsv");
    assertEquals("king\tqueen\t0.992928\n", tsv.out, tsv.toString());
    CliRun json = CliRun.run("similar", "-vectors", small().toString(), "</s>", "-n", "1", "-format", "json");
    assertEquals(0, json.code, json.toString());
    assertTrue(json.out.startsWith("{\"query\":[\"</s>\"],\"results\":[{\"word\":\"say\\\"hi\\\\\",\"cosine\":0.57735"), json.out);
  }

  @Test
  void unknownWordIsOneClearLineWithASuggestionAndExitCode3() throws IOException {
    CliRun r = CliRun.run("similar", "-vectors", small().toString(), "kingg");
    assertEquals(ExitCodes.BAD_INPUT, r.code);
    assertEquals("w2v similar: \"kingg\" is not in the vocabulary (did you mean \"king\"?)\n", r.err);
    assertEquals("", r.out);
  }

  @Test
  void interactiveModeReadsLinesUntilExitAndSurvivesUnknownWords() throws IOException {
    CliRun r = CliRun.runWithInput("kingg\nking\nEXIT\nqueen\n", "similar", "-vectors", small().toString(), "-n", "1",
        "-format", "tsv");
    assertEquals(0, r.code, r.toString());
    assertEquals("king\tqueen\t0.992928\n", r.out);
    assertTrue(r.err.contains("\"kingg\" is not in the vocabulary"), r.err);
  }

  @Test
  void missingVectorFileIsNamed() {
    CliRun r = CliRun.run("similar", "-vectors", dir.resolve("none.bin").toString(), "king");
    assertEquals(ExitCodes.BAD_INPUT, r.code);
    assertTrue(r.err.startsWith("w2v similar: error: vectors file ") && r.err.contains("none.bin does not exist"), r.err);
    assertTrue(!r.err.contains("\tat "), "no stack trace by default");
  }

  @Test
  void debug3PrintsAStackTrace() {
    CliRun r = CliRun.run("similar", "-vectors", dir.resolve("none.bin").toString(), "-debug", "3", "king");
    assertEquals(ExitCodes.BAD_INPUT, r.code);
    assertTrue(r.err.contains("\tat dev.w2v."), r.err);
  }

  @Test
  void defaultVectorFileIsVectorsBin() {
    CliRun r = CliRun.run("similar", "king");
    assertTrue(r.err.contains("vectors.bin does not exist"), r.err);
  }

  @Test
  void badNIsAUsageError() throws IOException {
    for (String bad : new String[] {"0", "-3", "ten"}) {
      CliRun r = CliRun.run("similar", "-vectors", small().toString(), "-n", bad, "king");
      assertEquals(ExitCodes.USAGE, r.code, r.toString());
      assertTrue(r.err.startsWith("w2v similar: error: "), r.err);
    }
    CliRun r = CliRun.run("similar", "-vectors", small().toString(), "-limit", "-1", "king");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"similar", "analogy", "accuracy", "similarity"}) {
      CliRun r = CliRun.run(cmd, "--help");
      assertEquals(0, r.code, r.toString());
      assertTrue(r.out.startsWith("Usage: w2v " + cmd), r.out);
      assertTrue(r.out.contains("-vectors=FILE"), r.out);
    }
  }

  @Test
  void analogyNeedsThreeWords() throws IOException {
    CliRun r = CliRun.run("analogy", "-vectors", small().toString(), "king", "man");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertTrue(r.err.contains("give three words"), r.err);
  }

  @Test
  void limitHidesLaterWords() throws IOException {
    CliRun r = CliRun.run("similar", "-vectors", small().toString(), "-limit", "3", "prince");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
  }

  @Test
  void analogyKingManWomanIsQueenOnGoldenVectors() {
    Path g = SharedData.requireGolden();
    for (String method : new String[] {"add", "mul"}) {
      CliRun r = CliRun.run("analogy", "-vectors", g.resolve("gutenberg-sg.bin").toString(), "-method", method,
          "-format", "tsv", "-n", "1", "king", "man", "woman");
      assertEquals(0, r.code, r.toString());
      assertTrue(r.out.startsWith("king man woman\tqueen\t"), r.out);
    }
  }
}
