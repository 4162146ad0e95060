// A reader that goes away (a closed pipe) ends every command quietly with exit 141; other write errors keep exit 4.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.W2vException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClosedPipeTest {
  @TempDir Path dir;

  /** Standard output whose writes fail as the kernel's would: EPIPE ("Broken pipe") or ENOSPC. */
  private static final class Failing extends OutputStream {
    final String message;
    int attempts;

    Failing(String message) {
      this.message = message;
    }

    @Override
    public void write(int b) throws IOException {
      attempts++;
      throw new IOException(message);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      attempts++;
      throw new IOException(message);
    }
  }

  private record Result(int code, String err, int attempts) {}

  /** Runs w2v as Main.main wires it: stdout a Checked stream under the PrintWriter and System.out. */
  private static Result run(String failure, String stdin, String... args) {
    Failing sink = new Failing(failure);
    Streams.Checked checked = new Streams.Checked(sink);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(checked, StandardCharsets.UTF_8), true);
    StringWriter err = new StringWriter();
    PrintStream savedOut = System.out;
    System.setOut(new PrintStream(checked, true, StandardCharsets.UTF_8));
    QuerySession.input = new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8));
    try {
      int code = Main.run(args, checked, out, new PrintWriter(err, true));
      return new Result(code, err.toString(), sink.attempts);
    } finally {
      System.setOut(savedOut);
      QuerySession.input = null;
    }
  }

  private Path vectors() throws IOException {
    return Files.writeString(dir.resolve("v.txt"), "4 3\nking 1 0.1 0\nqueen 0.9 0.2 0\nman 0.8 -0.3 0.1\nwoman 0 1 0.2\n");
  }

  private String[][] commands() throws IOException {
    String v = vectors().toString();
    Path questions = Files.writeString(dir.resolve("q.txt"), ": s\nking queen man woman\n");
    Path pairs = Files.writeString(dir.resolve("p.tsv"), "king queen 9\nking man 2\nqueen woman 3\n");
    Path corpus = Files.writeString(dir.resolve("c.txt"), "new york is big . new york is new . ".repeat(200));
    return new String[][] {
        {"similar", "-vectors", v, "king"},
        {"analogy", "-vectors", v, "king", "man", "woman"},
        {"cosine", "-vectors", v, "king", "queen"},
        {"odd-one-out", "-vectors", v, "king", "queen", "man"},
        {"accuracy", "-vectors", v, questions.toString()},
        {"similarity", "-vectors", v, "-restrict", "0", pairs.toString()},
        {"phrases", "-train", corpus.toString(), "-output", "-", "-min-count", "1", "-debug", "0"},
        {"completion"},
        {"--help"},
        {"similar", "--help"}};
  }

  @Test
  void aClosedPipeEndsEveryCommandQuietlyWith141() throws IOException {
    for (String[] args : commands()) {
      Result r = run("Broken pipe", null, args);
      assertEquals(ExitCodes.CLOSED_PIPE, r.code, String.join(" ", args) + ": " + r.err);
      assertEquals("", r.err, String.join(" ", args));
    }
  }

  @Test
  void otherWriteErrorsStillExit4WithTheirMessage() throws IOException {
    for (String[] args : commands()) {
      Result r = run("No space left on device", null, args);
      assertEquals(ExitCodes.IO, r.code, String.join(" ", args) + ": " + r.err);
      assertEquals(1, r.err.lines().count(), r.err);
      assertTrue(r.err.contains("error: cannot write") && r.err.contains("standard output"), r.err);
      assertFalse(r.err.contains("Broken pipe"), r.err);
    }
  }

  @Test
  void lineByLineQueriesStopAtTheFirstLostAnswer() throws IOException {
    Result r = run("Broken pipe", "king\n".repeat(10_000), "similar", "-vectors", vectors().toString());
    assertEquals(ExitCodes.CLOSED_PIPE, r.code, r.err);
    assertEquals("", r.err);
    assertTrue(r.attempts < 10, "kept answering after the reader left: " + r.attempts + " writes");
  }

  @Test
  void aClosedPipeIsRecognisedThroughItsCauses() {
    assertTrue(Streams.closedPipe(new IOException("Broken pipe")));
    assertTrue(Streams.closedPipe(W2vException.io("cannot write x", new IOException("Broken pipe"))));
    assertFalse(Streams.closedPipe(W2vException.io("cannot write x", new IOException("No space left on device"))));
    assertFalse(Streams.closedPipe(null));
  }
}
