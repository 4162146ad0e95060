// Common command-line mistakes get an error that says what to do, not a zero or a wrong file name.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MistakesTest {
  @TempDir Path dir;

  private Path vectors() throws IOException {
    Path p = dir.resolve("vec.txt");
    Files.writeString(p, "3 2\nking 1 0.1\nqueen 0.9 0.2\nman 0 1\n", StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void aVectorFileGivenAsAWordSuggestsDashVectors() throws IOException {
    assertFalse(Files.exists(Path.of("vectors.bin")), "the test needs the default vectors.bin absent");
    String v = vectors().toString();
    CliRun r = CliRun.run("similar", v, "king");
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertEquals("w2v similar: error: vector file vectors.bin does not exist, and '" + v + "' is a file: to query it,"
        + " give it as -vectors " + v, r.err.lines().findFirst().orElse(""));
    CliRun a = CliRun.run("analogy", v, "king", "man");
    assertEquals(ExitCodes.USAGE, a.code, a.toString());
    assertTrue(a.err.contains("give it as -vectors " + v), a.err);
  }

  @Test
  void aWordThatIsAFileIsAWordWhenTheVectorsComeFromStandardInput() throws IOException {
    String word = vectors().toString(); // an existing file, and a word of the vectors below
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(
          ("2 2\n" + word + " 1 0.1\nqueen 0.9 0.2\n").getBytes(StandardCharsets.UTF_8)));
      CliRun r = CliRun.run("similar", "-vectors", "-", "-format", "tsv", "-n", "1", word);
      assertEquals(0, r.code, r.toString());
      assertEquals(word + "\tqueen\t", r.out.substring(0, r.out.lastIndexOf('\t') + 1), r.toString());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void anAnalogyFileWithoutQuestionsIsAnErrorNamingIt() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    Path pairs = Files.writeString(dir.resolve("pairs.tsv"), "king\tqueen\t8.5\nman\tking\t3\n");
    for (Path q : new Path[] {empty, pairs}) {
      CliRun r = CliRun.run("accuracy", q.toString(), "-vectors", vectors().toString());
      assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
      assertEquals("w2v accuracy: error: question file " + q + " has no analogy questions: expected ': section'"
          + " lines, each followed by 'a b c d' lines (a word-pair file goes to w2v similarity)\n", r.err);
      assertEquals("", r.out);
    }
  }

  @Test
  void aPairFileWithoutPairsIsAnErrorNamingIt() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.tsv"), "# nothing\n");
    Path questions = Files.writeString(dir.resolve("q.txt"), ": capitals\nking queen man woman\n");
    for (Path f : new Path[] {empty, questions}) {
      CliRun r = CliRun.run("similarity", f.toString(), "-vectors", vectors().toString());
      assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
      assertTrue(r.err.startsWith("w2v similarity: error: word-pair file " + f + ": 0 usable pairs"), r.err);
      assertEquals("", r.out);
    }
  }
}
