// The query commands read vectors from standard input, pipes and FIFOs, print the reader's warnings, give gensim's
// answers on every gensim and fastText fixture, and refuse bad files with exit 3 and a clean one-line message.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorInputsTest {
  @TempDir Path dir;

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(VectorInputsTest.class.getResource("/fixtures/vectors/" + name).toURI());
  }

  @Test
  void everyFixtureAnswersAsGensimDoes() throws Exception {
    // file -> query -> [neighbour, cosine] x 5, from gensim's most_similar (make_fixtures.py)
    Map<String, List<String[]>> want = new LinkedHashMap<>();
    for (String line : Files.readAllLines(fixture("gensim-most-similar.tsv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      want.computeIfAbsent(f[0] + "\t" + f[1], k -> new ArrayList<>()).add(new String[] {f[3], f[4]});
    }
    assertTrue(want.size() >= 50, "queries: " + want.size());
    for (Map.Entry<String, List<String[]>> q : want.entrySet()) {
      String[] fq = q.getKey().split("\t");
      CliRun r = CliRun.run("similar", "-vectors", fixture(fq[0]).toString(), "-format", "tsv", "-n", "5", fq[1]);
      assertEquals(0, r.code, r.toString());
      String[] lines = r.out.split("\n");
      assertEquals(5, lines.length, r.out);
      List<String[]> w = q.getValue();
      for (int i = 0; i < 5; i++) {
        String[] got = lines[i].split("\t");
        double gc = Double.parseDouble(got[2]);
        double wc = Double.parseDouble(w.get(i)[1]);
        assertEquals(wc, gc, 2e-6, q.getKey() + "\n" + r.out);
        // the same word, unless gensim's list holds a near-tie at this rank
        boolean tie = (i > 0 && Math.abs(Double.parseDouble(w.get(i - 1)[1]) - wc) < 3e-6)
            || (i < 4 && Math.abs(Double.parseDouble(w.get(i + 1)[1]) - wc) < 3e-6);
        if (!tie) {
          assertEquals(w.get(i)[0], got[1], q.getKey() + "\n" + r.out);
        }
      }
    }
  }

  @Test
  void vectorsFromStandardInput() throws Exception {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(Files.readAllBytes(fixture("w2v-gensim.bin.gz"))));
      CliRun r = CliRun.run("similar", "-vectors", "-", "-format", "tsv", "-n", "1", "-debug", "2", "king");
      assertEquals(0, r.code, r.toString());
      assertEquals("king\tfield\t0.981075\n", r.out);
      assertTrue(r.err.contains("gzip-compressed) from standard input"), r.err);
      System.setIn(new ByteArrayInputStream(new byte[0]));
      r = CliRun.run("similar", "-vectors", "-", "king");
      assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
      assertTrue(r.err.contains("vectors file standard input: standard input is empty"), r.err);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void vectorsFromAFifo() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    if (mk.waitFor() != 0) {
      System.out.println("skipped: mkfifo is not available");
      return;
    }
    byte[] data = Files.readAllBytes(fixture("glove.txt.zst"));
    Thread writer = new Thread(() -> {
      try (OutputStream o = Files.newOutputStream(fifo)) {
        o.write(data);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    writer.start();
    // at the default -debug 1 too: with no writer, the command would otherwise wait without a word
    CliRun r = CliRun.run("similar", "-vectors", fifo.toString(), "-format", "tsv", "-n", "1", "king");
    writer.join();
    assertEquals(0, r.code, r.toString());
    assertEquals("king\tfield\t0.981075\n", r.out);
    assertTrue(r.err.contains("which is not a regular file: waiting for data"), r.err);
  }

  @Test
  void aShortHeaderCountIsAWarningThatDebugZeroSilences() throws Exception {
    Path p = Files.writeString(dir.resolve("v.txt"), "2 2\na 1 0\nb 0 1\nc 1 1\n");
    CliRun r = CliRun.run("similar", "-vectors", p.toString(), "-format", "tsv", "a");
    assertEquals(0, r.code, r.toString());
    assertEquals("a\tb\t0.000000\n", r.out);
    assertTrue(r.err.startsWith("w2v similar: warning: vectors file " + p + ": the header says 2 words but the file"
        + " holds more"), r.err);
    r = CliRun.run("similar", "-vectors", p.toString(), "-format", "tsv", "-debug", "0", "a");
    assertEquals("", r.err);
  }

  @Test
  void refusalsExitThreeWithOneCleanLine() throws Exception {
    Path p = Files.write(dir.resolve("evil.txt"), "2 2\n\u001b]0;PWNED\u0007 1 nan\nb 1 2\n".getBytes(StandardCharsets.ISO_8859_1));
    CliRun r = CliRun.run("similar", "-vectors", p.toString(), "b");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(1, r.err.split("\n").length, r.err);
    assertTrue(r.err.contains("entry 1 (\"\\x1B]0;PWNED\\x07\"): number 2 is NaN"), r.err);
    assertFalse(r.err.chars().anyMatch(c -> c < 0x20 && c != '\n'), r.err);
    r = CliRun.run("similar", "-vectors", fixture("kv.model").toString(), "king");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertTrue(r.err.contains("looks like a Python pickle"), r.err);
  }
}
