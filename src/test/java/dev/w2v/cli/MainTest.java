// The top-level command's behaviour: no arguments, @words, suggestions, '--', and lost standard output.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private Path vectors() throws IOException {
    Path p = dir.resolve("v.txt");
    Files.writeString(p, "4 3\nking 1 0.1 0\nqueen 0.9 0.2 0\n-lrb- 0.8 -0.3 0.1\n@user 0 1 0.2\n", StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void noArgumentsPrintsTheUsageOnStderrAndExits2() {
    CliRun r = CliRun.run();
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertTrue(r.err.startsWith("Usage: w2v"), r.err);
    assertTrue(r.err.contains("Commands:"), r.err);
    assertEquals("", r.out);
  }

  @Test
  void aRunBuildsOnlyTheCommandItNamesUnlessItNeedsTheTree() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    assertEquals(java.util.Set.of("train"), Main.commandLine(sink, sink, "train").getSubcommands().keySet());
    assertEquals(java.util.Set.of("similar"), Main.commandLine(sink, sink, "similar").getSubcommands().keySet());
    for (String first : new String[] {null, "help", "completion", "trian", "-h"}) {
      assertEquals(Main.COMMANDS.size(), Main.commandLine(sink, sink, first).getSubcommands().size(), first);
    }
    // the single command is configured as in the whole tree: a bad path is a usage error in words
    CliRun bad = CliRun.run("train", "-train", "a\0b", "-output", "x");
    assertEquals(ExitCodes.USAGE, bad.code, bad.toString());
    assertTrue(bad.err.contains("not a usable file name"), bad.err); // w2v's converter, not picocli's
  }

  @Test
  void atArgumentsArePlainWordsNotFilesToExpand() throws IOException {
    // a file that @-expansion would read: it must not be opened
    Path file = dir.resolve("user");
    Files.writeString(file, "king\n");
    CliRun word = CliRun.run("similar", "-vectors", vectors().toString(), "-format", "tsv", "-n", "1", "@user");
    assertEquals(0, word.code, word.toString());
    assertTrue(word.out.startsWith("@user\t"), word.out);
    CliRun path = CliRun.run("similar", "-vectors", vectors().toString(), "@" + file);
    assertEquals(ExitCodes.BAD_INPUT, path.code, path.toString());
    assertTrue(path.err.contains("\"@" + file + "\" is not in the vocabulary"), path.err);
  }

  @Test
  void unknownOptionSuggestsTheNearestOneOnOneLine() {
    CliRun r = CliRun.run("train", "-iters", "3", "t2.txt");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertEquals("w2v train: error: unknown option '-iters' (did you mean '-iter'?)\n"
        + "Try 'w2v train --help' for the options.\n", r.err);
  }

  @Test
  void unknownCommandSuggestsTheNearestOne() {
    CliRun r = CliRun.run("trian", "-iter", "3");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertEquals("w2v: error: unknown command 'trian' (did you mean 'train'?)\n"
        + "Try 'w2v --help' for the commands.\n", r.err);
  }

  @Test
  void wordsStartingWithADashWorkAfterDoubleDashAndTheErrorSaysSo() throws IOException {
    CliRun bare = CliRun.run("similar", "-vectors", vectors().toString(), "-lrb-");
    assertEquals(ExitCodes.USAGE, bare.code, bare.toString());
    assertTrue(bare.err.contains("unknown option '-lrb-'; to give a word that starts with '-', put it after '--'"),
        bare.err);
    CliRun dashed = CliRun.run("similar", "-vectors", vectors().toString(), "-format", "tsv", "-n", "1", "--", "-lrb-");
    assertEquals(0, dashed.code, dashed.toString());
    assertTrue(dashed.out.startsWith("-lrb-\t"), dashed.out);
  }

  /** A stream that fails like /dev/full. */
  private static final class FullDevice extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  @Test
  void resultsThatCannotBeWrittenExit4WithOneLine() throws IOException {
    Path questions = Files.writeString(dir.resolve("q.txt"), ": s\nking queen @user -lrb-\n");
    Path pairs = Files.writeString(dir.resolve("p.tsv"), "king queen 9\nking @user 2\nqueen -lrb- 3\n");
    for (String[] args : new String[][] {
        {"similar", "-vectors", vectors().toString(), "king"},
        {"accuracy", "-vectors", vectors().toString(), questions.toString()},
        {"similarity", "-vectors", vectors().toString(), "-restrict", "0", pairs.toString()},
        {"cosine", "-vectors", vectors().toString(), "king", "queen"},
        {"analogy", "-vectors", vectors().toString(), "king", "queen", "@user"},
        {"--help"},
        {"similar", "--help"}}) {
      StringWriter err = new StringWriter();
      int code = Main.run(args, new PrintWriter(new FullDevice(), true), new PrintWriter(err, true));
      assertEquals(ExitCodes.IO, code, String.join(" ", args) + ": " + err);
      assertEquals(1, err.toString().lines().count(), err.toString());
      assertTrue(err.toString().contains("error: cannot write the results to standard output"), err.toString());
    }
  }

  @Test
  void checkedStreamKeepsTheCauseThatPrintWriterSwallows() {
    Streams.Checked c = new Streams.Checked(new FullDevice());
    PrintWriter w = new PrintWriter(c, true);
    w.println("x");
    assertTrue(w.checkError());
    assertEquals("No space left on device", c.failure().getMessage());
  }

  @Test
  void picocliMessagesReadLikeOurs() {
    CliRun r = CliRun.run("train", "-size");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertTrue(r.err.startsWith("w2v train: error: missing required parameter for option '-size'"), r.err);
    assertEquals("URL x", Main.lowerFirst("URL x"));
  }
}
