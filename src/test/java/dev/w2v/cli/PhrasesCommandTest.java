// `w2v phrases` on the command line: word2phrase.c's flags, and one-line errors that leave the output alone.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhrasesCommandTest {
  @TempDir Path tmp;
  private Path corpus;
  private Path out;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = Stream.concat(Stream.of("phrases"), Stream.of(args)).toArray(String[]::new);
    int code = Main.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeEach
  void setUp() throws IOException {
    corpus = tmp.resolve("corpus.txt");
    Files.writeString(corpus, "a b c a b d a b e\n", StandardCharsets.US_ASCII);
    out = tmp.resolve("out.txt");
  }

  @Test
  void writesThePhrasesWithWord2phrasesFlags() throws IOException {
    Result r = run("-train", s(corpus), "-output", s(out), "-min-count", "2", "-threshold", "0.5", "-debug", "0");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals(" a_b c a_b d a_b e\n", Files.readString(out));
    assertEquals("", r.out(), "nothing on stdout");
    assertEquals("", r.err(), "-debug 0 is silent");
  }

  @Test
  void takesTheCorpusAsAnArgumentToo() throws IOException {
    Result r = run(s(corpus), "-output", s(out), "-min-count", "2", "-threshold", "0.5");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals(" a_b c a_b d a_b e\n", Files.readString(out));
    assertEquals("", r.out());
    assertTrue(r.err().contains("Words in train file: 9"), r.err());
  }

  @Test
  void defaultsAreMinCount5AndThreshold100() throws IOException {
    // every word is rarer than 5: nothing joins
    assertEquals(ExitCodes.OK, run(s(corpus), "-output", s(out), "-threshold", "0").code());
    assertEquals(" a b c a b d a b e\n", Files.readString(out));
    // a b scores (50 - 5) / 50 / 50 * 100 = 1.8: below the default threshold
    Files.writeString(corpus, "a b\n".repeat(50));
    assertEquals(ExitCodes.OK, run(s(corpus), "-output", s(out), "-debug", "0").code());
    assertEquals(" a b\n".repeat(50), Files.readString(out));
    assertEquals(ExitCodes.OK, run(s(corpus), "-output", s(out), "-debug", "0", "-threshold", "1.7").code());
    assertEquals(" a_b\n".repeat(50), Files.readString(out));
  }

  @Test
  void goldenTwoPassRecipeInOneCommand() throws IOException {
    Path golden = SharedData.requireGolden();
    Result r = run("-train", s(golden.resolve("corpus.txt")), "-output", s(out), "-thresholds", "100,50",
        "-min-counts", "5,3", "-debug", "0");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals(-1L, Files.mismatch(golden.resolve("phrases2.txt"), out));
    assertEquals(List.of(corpus, out), listTmp(), "no temporary file is left");
  }

  @Test
  void passesRepeatTheSameSettings() throws IOException {
    Path one = tmp.resolve("one.txt");
    Path two = tmp.resolve("two.txt");
    Files.writeString(corpus, "x y z w x y z w x y z w x y z w q\n".repeat(20));
    assertEquals(0, run(s(corpus), "-output", s(one), "-min-count", "3", "-threshold", "1", "-debug", "0").code());
    assertEquals(0, run(s(one), "-output", s(two), "-min-count", "3", "-threshold", "1", "-debug", "0").code());
    Result r = run(s(corpus), "-output", s(out), "-min-count", "3", "-threshold", "1", "-passes", "2", "-debug", "0");
    assertEquals(0, r.code(), r.err());
    assertEquals(-1L, Files.mismatch(two, out));
    assertTrue(Files.readString(out).contains("x_y_z_w"), "the second pass joins the pairs of pairs");
  }

  @Test
  void badInputFilesAreRefusedWithOneLine() throws IOException {
    Files.writeString(out, "keep");
    assertError(ExitCodes.BAD_INPUT, "nope.txt does not exist", s(tmp.resolve("nope.txt")), "-output", s(out));
    // a directory is read whole: this one holds the output itself
    assertError(ExitCodes.USAGE, "refusing to overwrite an input", "-train", s(tmp), "-output", s(out));
    if (Files.exists(Path.of("/dev/null"))) { // not a regular file: spooled, then found empty
      assertError(ExitCodes.BAD_INPUT, "/dev/null contains no words", "/dev/null", "-output", s(out));
    }
    Path empty = tmp.resolve("empty.txt");
    Files.writeString(empty, " \n\t\r\n\n");
    assertError(ExitCodes.BAD_INPUT, "empty.txt contains no words", s(empty), "-output", s(out));
    Files.writeString(empty, "oneword"); // a word with no separator after it is dropped, as in word2phrase.c
    assertError(ExitCodes.BAD_INPUT, "empty.txt contains no words", s(empty), "-output", s(out));
    Files.writeString(empty, "");
    assertError(ExitCodes.BAD_INPUT, "empty.txt contains no words", s(empty), "-output", s(out), "-passes", "2");
  }

  @Test
  void anUnwritableOutputIsRefusedBeforeAnyWork() {
    assertError(ExitCodes.IO, "directory " + tmp.resolve("no"), s(corpus), "-output", s(tmp.resolve("no/out.txt")));
    assertError(ExitCodes.IO, "is a directory", s(corpus), "-output", s(tmp));
  }

  @Test
  void badFlagsAreRefusedWithOneLineNamingTheFlag() throws IOException {
    Files.writeString(out, "keep");
    String c = s(corpus);
    String o = s(out);
    assertError(ExitCodes.USAGE, "-output", c);
    assertError(ExitCodes.USAGE, "no training file", "-output", o);
    assertError(ExitCodes.USAGE, "-foo", c, "-output", o, "-foo");
    assertError(ExitCodes.USAGE, "-min-count", c, "-output", o, "-min-count", "abc");
    assertError(ExitCodes.USAGE, "-min-count", c, "-output", o, "-min-count", "-1");
    assertError(ExitCodes.USAGE, "-min-count", c, "-output", o, "-min-count");
    assertError(ExitCodes.USAGE, "-threshold", c, "-output", o, "-threshold", "x");
    assertError(ExitCodes.USAGE, "-threshold", c, "-output", o, "-threshold", "-1");
    assertError(ExitCodes.USAGE, "-threshold", c, "-output", o, "-threshold", "1e999");
    assertError(ExitCodes.USAGE, "-passes", c, "-output", o, "-passes", "0");
    assertError(ExitCodes.USAGE, "-thresholds", c, "-output", o, "-passes", "3", "-thresholds", "200,100");
    assertError(ExitCodes.USAGE, "-thresholds", c, "-output", o, "-min-counts", "5,3,2", "-thresholds", "200,100");
    assertError(ExitCodes.USAGE, "-thresholds", c, "-output", o, "-thresholds", "200,x");
    assertError(ExitCodes.USAGE, "-threshold or -thresholds", c, "-output", o, "-threshold", "1", "-thresholds", "1");
    assertError(ExitCodes.USAGE, "-min-count or -min-counts", c, "-output", o, "-min-count", "1", "-min-counts", "1");
    assertError(ExitCodes.USAGE, "not both", c, "-train", c, "-output", o);
  }

  @Test
  void debug3AddsAStackTrace() {
    Result r = run(s(corpus), "-output", s(out), "-passes", "0", "-debug", "3");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("\tat dev.w2v."), r.err());
  }

  @Test
  void helpDescribesThePasses() {
    Result r = run("--help");
    assertEquals(ExitCodes.OK, r.code());
    assertTrue(r.out().contains("-thresholds"), r.out());
    assertTrue(r.out().contains("200,100"), r.out());
  }

  /** Runs, expects the exit code, one line on stderr containing {@code fragment}, and the output untouched. */
  private void assertError(int code, String fragment, String... args) {
    String before = read(out);
    List<Path> filesBefore = listTmp();
    Result r = run(args);
    assertEquals(code, r.code(), () -> String.join(" ", args) + " -> " + r.err());
    assertNotEquals(ExitCodes.OK, r.code());
    List<String> lines = r.err().lines().filter(l -> l.startsWith("w2v phrases: error: ")).toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).contains(fragment), () -> "'" + fragment + "' not in: " + lines.get(0));
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals("", r.out());
    assertEquals(before, read(out), "the output file is untouched");
    assertEquals(filesBefore, listTmp(), "no file is left behind");
  }

  private List<Path> listTmp() {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : null;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String s(Path p) {
    return p.toString();
  }
}
