// Raw-byte words, exit words, long lines, huge values: the query commands stay exact, short and bounded.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileWordsTest {
  @TempDir Path dir;

  private Path file(byte[]... lines) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes((lines.length + " 3\n").getBytes(StandardCharsets.US_ASCII));
    for (byte[] l : lines) {
      b.writeBytes(l);
      b.write('\n');
    }
    Path p = dir.resolve("v.txt");
    Files.write(p, b.toByteArray());
    return p;
  }

  private static byte[] line(byte[] word, String numbers) {
    byte[] n = (" " + numbers).getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(word, word.length + n.length);
    System.arraycopy(n, 0, out, word.length, n.length);
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hugeValuesDoNotOverflowTheCosine() throws IOException {
    Path v = file(line(utf8("king"), "3e38 3e38 3e38"), line(utf8("queen"), "1 1 1"),
        line(utf8("tiny"), "1e-30 1e-30 1e-30"), line(utf8("other"), "1 -1 0"));
    CliRun r = CliRun.run("cosine", "-vectors", v.toString(), "-format", "tsv", "king", "queen", "tiny", "queen");
    assertEquals(0, r.code, r.toString());
    assertEquals("king\tqueen\t1.000000\ntiny\tqueen\t1.000000\n", r.out);
    r = CliRun.run("similar", "-vectors", v.toString(), "-format", "tsv", "-n", "1", "queen");
    assertEquals("queen\tking\t1.000000\n", r.out, r.toString());
    r = CliRun.run("similar", "-vectors", v.toString(), "-format", "tsv", "-n", "1", "-vector", "3e38,3e38,3e38");
    assertEquals("3.0E38 3.0E38 3.0E38\tking\t1.000000\n", r.out, r.toString());
  }

  @Test
  void invalidUtf8AndControlBytesAreShownEscapedAndCanBeAskedForSo() throws IOException {
    byte[] bad = {'b', 'a', 'd', (byte) 0xC3, '(', 'x'};
    byte[] esc = {0x1b, ']', '0', ';', 'P', 'W', 'N', 'E', 'D', 0x07};
    Path v = file(line(utf8("one"), "1 0 0"), line(bad, "0.9 0.1 0"), line(esc, "0.8 0.2 0"),
        line(utf8("back\\slash"), "0 0 1"), line(utf8("exit"), "0 1 0"));
    CliRun r = CliRun.run("similar", "-vectors", v.toString(), "-format", "tsv", "-n", "2", "one");
    assertEquals("one\tbad\\xC3(x\t0.993884\none\t\\x1B]0;PWNED\\x07\t0.970142\n", r.out, r.toString());
    // each answer pasted back as a query finds the same word (cosine 1 with itself)
    r = CliRun.run("cosine", "-vectors", v.toString(), "-format", "tsv", "bad\\xC3(x", "bad\\xc3(x",
        "\\x1B]0;PWNED\\x07", "one", "back\\slash", "back\\\\slash", "\\x65xit", "exit");
    assertEquals(0, r.code, r.toString());
    assertEquals("bad\\xC3(x\tbad\\xC3(x\t1.000000\n\\x1B]0;PWNED\\x07\tone\t0.970142\n"
        + "back\\slash\tback\\slash\t1.000000\nexit\texit\t1.000000\n", r.out);
    assertTrue(!r.out.contains("\u001b") && !r.err.contains("\u001b"));
    // an unknown word with control bytes is echoed escaped
    r = CliRun.run("similar", "-vectors", v.toString(), "x\u001b[2Jy");
    assertEquals("w2v similar: \"x\\x1B[2Jy\" is not in the vocabulary\n", r.err);
  }

  @Test
  void exitWordsEndTheSessionAndAreNeverLookedUp() throws IOException {
    Path v = file(line(utf8("one"), "1 0 0"), line(utf8("two"), "0.9 0.1 0"), line(utf8("exit"), "0 1 0"));
    for (String stop : new String[] {"EXIT", "exit", "quit", " Quit "}) {
      CliRun r = CliRun.runWithInput("one\n" + stop + "\ntwo\n", "similar", "-vectors", v.toString(), "-format", "tsv",
          "-n", "1");
      assertEquals(0, r.code, r.toString());
      assertEquals("one\ttwo\t0.993884\n", r.out, stop);
      assertEquals("", r.err);
    }
  }

  @Test
  void pipedInputIsSilentAndLineBased() throws IOException {
    Path v = file(line(utf8("one"), "1 0 0"), line(utf8("two"), "0.9 0.1 0"), line(utf8("three"), "0 1 0"));
    CliRun r = CliRun.runWithInput("one\r\n\n  two  \nthree", "similar", "-vectors", v.toString(), "-n", "1");
    assertEquals(0, r.code, r.toString());
    assertTrue(!r.out.contains("Enter"), "no prompt on a pipe: " + r.out);
    assertEquals(3, r.out.split("\n> ").length, r.out);
    assertTrue(r.out.startsWith("> one\n"), r.out);
  }

  @Test
  void standardInputThatIsNoTerminalIsReadWithoutJLine() throws IOException {
    // no test hook: the real System.in, which under the test runner is not a terminal (System.console() is null)
    Path v = file(line(utf8("one"), "1 0 0"), line(utf8("two"), "0.9 0.1 0"), line(utf8("three"), "0 1 0"));
    java.io.InputStream old = System.in;
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    System.setIn(new java.io.ByteArrayInputStream(utf8("one\nquit\ntwo\n")));
    try {
      int code = Main.run(new String[] {"similar", "-vectors", v.toString(), "-n", "1", "-format", "tsv"},
          new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
      assertEquals(0, code, err.toString());
    } finally {
      System.setIn(old);
    }
    assertEquals("one\ttwo\t0.993884\n", out.toString(), "no prompt, no terminal control sequences");
    assertEquals("", err.toString());
  }

  @Test
  void vectorsOnStandardInputLeaveNoRoomForQueriesThere() throws IOException {
    Path v = file(line(utf8("one"), "1 0 0"), line(utf8("two"), "0.9 0.1 0"));
    java.io.InputStream old = System.in;
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    System.setIn(Files.newInputStream(v));
    try {
      int code = Main.run(new String[] {"cosine", "-vectors", "-"}, new java.io.PrintWriter(out, true),
          new java.io.PrintWriter(err, true));
      assertEquals(ExitCodes.USAGE, code, err.toString());
      assertTrue(err.toString().contains("standard input holds the vectors"), err.toString());
      System.setIn(Files.newInputStream(v));
      code = Main.run(new String[] {"cosine", "-vectors", "-", "-format", "tsv", "one", "two"},
          new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
      assertEquals(0, code, err.toString());
      assertEquals("one\ttwo\t0.993884\n", out.toString());
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void aLongNearMissIsAnsweredShortlyWithoutASuggestion() throws IOException {
    String longWord = "a".repeat(65000);
    String nearMiss = "a".repeat(64999) + "b";
    Path v = file(line(utf8(longWord), "1 0 0"), line(utf8("one"), "0 1 0"));
    long before = dev.w2v.query.SuggestionsWork.get();
    CliRun r = CliRun.runWithInput(nearMiss + "\n" + longWord + "\n", "similar", "-vectors", v.toString(), "-n", "1",
        "-format", "tsv");
    assertEquals(0, r.code, r.toString());
    assertEquals("w2v similar: \"" + "a".repeat(60) + "…(65000 bytes)\" is not in the vocabulary\n", r.err);
    assertEquals(longWord + "\tone\t0.000000\n", r.out);
    assertEquals(before, dev.w2v.query.SuggestionsWork.get(), "no edit distance was computed");
  }

  @Test
  void aLineOverOneMebibyteIsSkippedWithAShortMessage() throws IOException {
    Path v = file(line(utf8("one"), "1 0 0"), line(utf8("two"), "0.9 0.1 0"));
    String huge = "x".repeat(3 << 20);
    CliRun r = CliRun.runWithInput(huge + "\none\n", "similar", "-vectors", v.toString(), "-n", "1", "-format", "tsv");
    assertEquals(0, r.code, r.err);
    assertEquals("one\ttwo\t0.993884\n", r.out);
    assertEquals("w2v similar: line 1 of standard input is 3145728 bytes long; a query line may be at most 1048576"
        + " bytes: skipped\n", r.err);
  }
}
