// Issue 10's reproductions that belong to outputs, vocabulary counts and flag bounds, run through the command line:
// each refused with one line and a named exit code before any work, or done right.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardeningTest {
  @TempDir Path tmp;
  Path corpus;

  @BeforeEach
  void smallCorpus() throws IOException {
    corpus = Files.writeString(tmp.resolve("corpus.txt"), TrainCommandTest.sentences(new Random(5), 300, 40));
  }

  /** Runs train on the corpus with quick settings for every flag that {@code args} does not set. */
  private TrainRun train(String... args) {
    List<String> a = new ArrayList<>(List.of("train", corpus.toString()));
    a.addAll(Arrays.asList(args));
    String[][] quick = {{"-size", "8"}, {"-iter", "1"}, {"-threads", "1"}, {"-min-count", "1"}};
    for (String[] q : quick) {
      if (!a.contains(q[0])) {
        a.addAll(List.of(q));
      }
    }
    return TrainRun.of(a.toArray(new String[0]));
  }

  /** Failed with {@code code}, one error line naming every {@code mentions}, no stack trace, no work started. */
  private static void refused(TrainRun r, int code, String... mentions) {
    assertEquals(code, r.code(), r::toString);
    List<String> errors = r.err().lines().filter(l -> l.contains(": error: ")).toList();
    assertEquals(1, errors.size(), r::toString);
    for (String m : mentions) {
      assertTrue(errors.get(0).contains(m), () -> "should mention " + m + ": " + r);
    }
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
    assertFalse(r.err().contains("Training ") || r.err().contains("Trained "), "refused before training: " + r);
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---- item 3: every flag has an upper bound ----------------------------------------------------------------

  @Test
  void flagsBeyondTheirBoundsAreUsageErrorsNamingFlagAndBound() {
    String[][] cases = {
      {"-window", "10000", "at most 1000"}, {"-negative", "100000", "at most 1000"},
      {"-negative", "2147483647", "at most 1000"}, {"-iter", "1000000", "at most 1000"},
      {"-classes", "30000000", "at most 10000000"}, {"-threads", "5000", "at most 1024"},
      {"-size", "1000001", "at most 1000000"}, {"-sample", "2", "at most 1"},
      {"-alpha", "abc", "'abc' is not a number"}, {"-sample", "nan", "'nan' is not a number"},
      {"-cbow", "2", "must be 0 or 1, got 2"}, {"-binary", "-1", "must be 0 or 1, got -1"},
    };
    for (String[] c : cases) {
      refused(train(c[0], c[1], "-output", tmp.resolve("v.bin").toString()), ExitCodes.USAGE, c[0], c[2]);
    }
    // the combination the issue found ending in "raise the heap"
    refused(train("-window", "10000", "-negative", "100000", "-output", tmp.resolve("v.bin").toString()),
        ExitCodes.USAGE, "-window");
  }

  @Test
  void classesAreAtMostTheVocabularySizeCheckedBeforeTraining() throws IOException {
    Path out = tmp.resolve("classes.txt");
    TrainRun r = train("-classes", "100000", "-output", out.toString());
    refused(r, ExitCodes.USAGE, "-classes 100000", "vocabulary size, 41 words");
    assertFalse(Files.exists(out));
    r = train("-classes", "41", "-debug", "0", "-output", out.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals(41, Files.readAllLines(out).size());
  }

  @Test
  void queryAndPhrasesBounds() {
    TrainRun r = TrainRun.of("similar", "-vectors", tmp.resolve("none.bin").toString(), "-n", "2147483647", "w1");
    refused(r, ExitCodes.USAGE, "-n 2147483647", "at most 100000");
    r = TrainRun.of("analogy", "-vectors", tmp.resolve("none.bin").toString(), "-n", "100001", "a", "b", "c");
    refused(r, ExitCodes.USAGE, "-n 100001", "at most 100000");
    for (String cmd : new String[] {"similar", "analogy"}) {
      r = TrainRun.of(cmd, "-vectors", tmp.resolve("none.bin").toString(), "-n", "0", "a", "b", "c");
      refused(r, ExitCodes.USAGE, "-n must be at least 1, got 0");
    }
    r = TrainRun.of("phrases", "-train", corpus.toString(), "-output", tmp.resolve("p.txt").toString(), "-passes",
        "2000000000");
    refused(r, ExitCodes.USAGE, "-passes 2000000000", "at most 100");
  }

  // ---- item 2: counts in -read-vocab files --------------------------------------------------------------------

  private TrainRun withVocab(String vocab, String... extra) throws IOException {
    Path v = Files.writeString(tmp.resolve("vocab.txt"), vocab);
    List<String> a = new ArrayList<>(List.of("-read-vocab", v.toString(), "-output", tmp.resolve("v.bin").toString()));
    a.addAll(Arrays.asList(extra));
    return train(a.toArray(new String[0]));
  }

  @Test
  void hugeAndOverflowingCountsAreRefusedNamingFileLineAndWord() throws IOException {
    refused(withVocab("</s> 5\nw1 99999999999999999999999\nw2 3\n"), ExitCodes.BAD_INPUT, "vocab.txt", "line 2",
        "\"w1\"", "99999999999999999999999", "out of range");
    refused(withVocab("</s> 5\nw1 4\n\nw2 18446744073709551615\n"), ExitCodes.BAD_INPUT, "line 4", "\"w2\"",
        "18446744073709551615");
    refused(withVocab("</s> 0\nw1 9007199254740992\nw2 1\n"), ExitCodes.BAD_INPUT, "line 3", "\"w2\"",
        "add up to more than");
    refused(withVocab("</s> 0\nw1 0\nw2 0\n", "-min-count", "0"), ExitCodes.BAD_INPUT, "vocab.txt", "add up to 0");
    // a terminal escape sequence in the word is shown escaped, not sent to the terminal
    TrainRun r = withVocab("</s> 5\n\u001b]0;PWNED\u0007 99999999999999999999999\n");
    refused(r, ExitCodes.BAD_INPUT, "\\x1B]0;PWNED\\x07");
    assertFalse(r.err().contains("\u001b"), r::toString);
  }

  @Test
  void aHugeCountWithHierarchicalSoftmaxTrainsInsteadOfSpinning() throws IOException {
    TrainRun r = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> withVocab("</s> 300\nw1 2000000000000000\nw2 100\nw3 50\nw4 7\n", "-hs", "1", "-negative", "0",
            "-debug", "0"));
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.size(tmp.resolve("v.bin")) > 0);
  }

  // ---- item 1: what an output path is -------------------------------------------------------------------------

  @Test
  void aReadOnlyOutputIsRefusedBeforeAnyWork() throws IOException {
    Path ro = Files.writeString(tmp.resolve("ro.bin"), "precious");
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
    TrainRun r = train("-output", ro.toString());
    refused(r, ExitCodes.IO, ro.toString(), "read-only");
    assertFalse(r.err().contains("Vocab size"), "refused before reading the corpus: " + r);
    assertEquals("precious", Files.readString(ro));
  }

  @Test
  void aSymlinkedOutputIsWrittenThroughAndADeviceInPlace() throws IOException {
    Path real = Files.writeString(tmp.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), real.getFileName());
    TrainRun r = train("-debug", "0", "-output", link.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(real).startsWith("41 8\n"), "text vectors written to the link's target");
    assertEquals(List.of("corpus.txt", "link.txt", "real.txt"), names());

    assumeTrue(Files.exists(Path.of("/dev/null")));
    r = train("-debug", "0", "-output", "/dev/null");
    assertEquals(0, r.code(), r::toString);
    assertEquals(0020000, (Integer) Files.getAttribute(Path.of("/dev/null"), "unix:mode") & 0170000);
  }

  @Test
  void aFullDeviceIsExitFourNotALostResult() {
    assumeTrue(Files.exists(Path.of("/dev/full")));
    TrainRun r = train("-debug", "0", "-output", "/dev/full");
    assertEquals(ExitCodes.IO, r.code(), r::toString);
    assertTrue(r.err().contains("/dev/full") && r.err().contains("No space left on device"), r::toString);
    r = TrainRun.of("phrases", "-train", corpus.toString(), "-output", "/dev/full", "-debug", "0");
    assertEquals(ExitCodes.IO, r.code(), r::toString);
  }

  @Test
  void aLongOutputNameWithinTheLimitTrains() throws IOException {
    String name = "v".repeat(250) + ".txt"; // 254 bytes: the temporary name is shortened, not too long
    TrainRun r = train("-debug", "0", "-output", tmp.resolve(name).toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals(List.of("corpus.txt", name), names());
    r = train("-output", tmp.resolve("v".repeat(256)).toString());
    refused(r, ExitCodes.IO, "longer than 255 bytes");
  }
}
