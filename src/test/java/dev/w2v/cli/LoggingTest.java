// Library diagnostics go through slf4j: the command line shows them in w2v's format; an embedder gets them raw.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vectors.VectorReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingTest {
  @TempDir Path dir;

  /** A header that counts fewer words than the file holds: the reader reads that many and warns. */
  private Path shortHeader() throws IOException {
    return Files.writeString(dir.resolve("v.txt"), "2 2\nking 1 0.1\nqueen 0.9 0.2\nman 0 1\n", StandardCharsets.UTF_8);
  }

  private Path corpus() throws IOException {
    return Files.writeString(dir.resolve("c.txt"), "the king and the queen and the man\n".repeat(50));
  }

  @Test
  void aReaderWarningIsOneLineInTheCommandsFormat() throws IOException {
    CliRun r = CliRun.run("similar", "-vectors", shortHeader().toString(), "-format", "tsv", "-n", "1", "king");
    assertEquals(0, r.code, r.toString());
    assertTrue(r.err.startsWith("w2v similar: warning: vectors file " + dir.resolve("v.txt") + ": the header says 2"
        + " words but the file holds more"), r.toString());
    assertEquals(1, r.err.lines().count(), r.err);
  }

  @Test
  void debugZeroHidesWarningsAndSummaries() throws IOException {
    CliRun q = CliRun.run("similar", "-vectors", shortHeader().toString(), "-debug", "0", "-n", "1", "king");
    assertEquals(0, q.code, q.toString());
    assertEquals("", q.err);
    CliRun t = CliRun.run("train", "-train", corpus().toString(), "-output", dir.resolve("o.txt").toString(),
        "-min-count", "1", "-size", "4", "-iter", "1", "-threads", "1", "-debug", "0");
    assertEquals(0, t.code, t.toString());
    assertEquals("", t.err);
    CliRun p = CliRun.run("phrases", "-train", corpus().toString(), "-output", dir.resolve("p.txt").toString(),
        "-passes", "2", "-debug", "0");
    assertEquals(0, p.code, p.toString());
    assertEquals("", p.err);
    CliRun c = CliRun.run("convert", "-debug", "0", shortHeader().toString(), dir.resolve("c.txt").toString());
    assertEquals(0, c.code, c.toString());
    assertEquals("", c.err);
  }

  @Test
  void phrasesStatisticsReadAsBefore() throws IOException {
    CliRun p = CliRun.run("phrases", "-train", corpus().toString(), "-output", dir.resolve("p.txt").toString(),
        "-min-count", "1", "-debug", "1");
    assertEquals(0, p.code, p.toString());
    String[] lines = p.err.split("\n");
    assertEquals(4, lines.length, p.err);
    assertEquals("Starting training using file " + dir.resolve("c.txt"), lines[0]);
    assertTrue(lines[1].matches("Vocab size \\(unigrams \\+ bigrams\\): \\d+ of \\d+ seen"), lines[1]);
    assertEquals("Words in train file: 400", lines[2]);
    assertTrue(lines[3].matches("Joined \\d+ pairs"), lines[3]);
  }

  @Test
  void trainSummaryLinesReadAsBefore() throws IOException {
    CliRun t = CliRun.run("train", "-train", corpus().toString(), "-output", dir.resolve("o.txt").toString(),
        "-min-count", "1", "-size", "4", "-iter", "1", "-threads", "1", "-debug", "1");
    assertEquals(0, t.code, t.toString());
    assertTrue(t.err.startsWith("Vocab size: 6\nWords in train file: 450\n"), t.err);
    assertTrue(t.err.lines().anyMatch(
        l -> l.matches("Trained \\d+ epochs?, [0-9,]+ words in [0-9.]+ s: .* words/s .*")), t.err);
    assertTrue(!t.err.contains("[INFO]"), t.err);
  }

  @Test
  void anEmbeddingProgramGetsTheMessagesThroughSlf4j() throws IOException {
    // no CLI here: slf4j-simple (the binding on the test class path) writes to whatever System.err is at the time
    Path v = shortHeader();
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(2, VectorReader.read(v, VectorReader.ALL).size());
    } finally {
      System.setErr(saved);
    }
    String got = captured.toString(StandardCharsets.UTF_8);
    assertTrue(got.startsWith("[WARN] vectors file " + v + ": the header says 2 words but the file holds more"), got);
    assertEquals(1, got.lines().count(), got);
  }

  @Test
  void logLinesFormatsEachLevel() {
    StringWriter sw = new StringWriter();
    LogLines l1 = new LogLines(new PrintWriter(sw), "w2v x: ", 1);
    assertEquals("Vocab size: 3", l1.format("[INFO] Vocab size: 3"));
    assertEquals("w2v x: warning: odd", l1.format("[WARN] odd"));
    assertEquals("w2v x: error: bad", l1.format("[ERROR] bad"));
    assertNull(l1.format("[DEBUG] detail"));
    assertEquals("plain", l1.format("plain"));
    LogLines l0 = new LogLines(new PrintWriter(sw), "w2v x: ", 0);
    assertNull(l0.format("[INFO] Vocab size: 3"));
    assertNull(l0.format("[WARN] odd"));
    assertEquals("w2v x: error: bad", l0.format("[ERROR] bad"));
    l1.print("a stray line\n");
    l1.println("[WARN] shown");
    assertEquals("a stray line\nw2v x: warning: shown\n", sw.toString());
  }
}
