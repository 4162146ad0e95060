// `w2v train` on the command line: flag parsing and defaults, and every bad input refused with one line, a named
// exit code, no stack trace, and no damage to an existing output file.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.train.TrainConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
  private static final String PRECIOUS = "an existing model that a failed run must not touch\n";

  @TempDir Path tmp;
  Path corpus;
  Path out;

  @BeforeEach
  void smallCorpus() throws IOException {
    corpus = tmp.resolve("corpus.txt");
    Files.writeString(corpus, sentences(new Random(5), 300, 40));
    out = tmp.resolve("out.bin");
  }

  /** n lines of words drawn from a vocabulary of {@code words} words (w0 .. w{words-1}), skewed to the first. */
  static String sentences(Random rnd, int n, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int len = 3 + rnd.nextInt(10);
      for (int k = 0; k < len; k++) {
        s.append(k == 0 ? "" : " ").append('w').append((int) (words * Math.pow(rnd.nextDouble(), 2)));
      }
      s.append('\n');
    }
    return s.toString();
  }

  /** Runs train with quick settings plus {@code args}. */
  private TrainRun train(String... args) {
    List<String> a = new ArrayList<>(List.of("train", "-size", "8", "-iter", "1", "-threads", "1", "-min-count", "1"));
    a.addAll(Arrays.asList(args));
    return TrainRun.of(a.toArray(new String[0]));
  }

  // ---- parsing and defaults -------------------------------------------------------------------------------

  private static TrainConfig config(String... args) {
    TrainCommand cmd = new TrainCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.config();
  }

  @Test
  void defaultsAreWord2vecCs() {
    TrainConfig c = config("corpus.txt");
    assertEquals(Path.of("corpus.txt"), c.train());
    assertEquals(Path.of("vectors.bin"), c.output());
    assertTrue(c.binary(), "a .bin output is binary");
    assertEquals(100, c.size());
    assertEquals(5, c.window());
    assertEquals(1e-3f, c.sample());
    assertEquals(0, c.hs());
    assertEquals(5, c.negative());
    assertEquals(5, c.iter());
    assertEquals(5, c.minCount());
    assertTrue(c.cbow());
    assertEquals(0.05f, c.alpha(), "CBOW's default learning rate");
    assertEquals(0.025f, config("-cbow", "0", "corpus.txt").alpha(), "skip-gram's");
    assertEquals(0, c.classes());
    assertFalse(c.reference());
    assertEquals(Runtime.getRuntime().availableProcessors(), c.threads());
    assertEquals(null, c.saveVocab());
  }

  @Test
  void outputFormatFollowsTheFileNameUnlessGiven() {
    assertFalse(config("-output", "v.txt", "c").binary());
    assertTrue(config("-output", "v.bin", "c").binary());
    assertFalse(config("-output", "vectors", "c").binary());
    assertTrue(config("-output", "v.txt", "-binary", "1", "c").binary());
    assertFalse(config("-output", "v.bin", "-binary", "0", "c").binary());
  }

  @Test
  void trainFlagAndPositionalCorpus() {
    assertEquals(Path.of("a"), config("-train", "a").train());
    assertEquals(Path.of("a"), config("-train", "a", "a").train());
    assertEquals(null, config("-train", "a", "-save-vocab", "v.txt").output(), "vocabulary only, as word2vec.c");
    assertEquals(0.04f, config("-alpha", "0.04", "a").alpha());
    assertEquals(0f, config("-sample", "0", "a").sample());
    assertTrue(config("-reference", "1", "a").reference());
  }

  @Test
  void textAndBinaryOutputsFromTheCommandLine() throws IOException {
    Path txt = tmp.resolve("v.txt");
    TrainRun r = train("-debug", "0", corpus.toString(), "-output", txt.toString());
    assertEquals(0, r.code(), r::toString);
    List<String> lines = Files.readAllLines(txt);
    assertEquals("41 8", lines.get(0));
    assertEquals(9, lines.get(1).trim().split(" ").length, "word and 8 values: " + lines.get(1));
    assertEquals(42, lines.size());

    r = train("-debug", "0", "-train", corpus.toString(), "-output", out.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals(binarySize(41, 8, Files.readAllBytes(out)), Files.size(out));

    Path forced = tmp.resolve("forced.txt");
    r = train("-debug", "0", "-binary", "1", corpus.toString(), "-output", forced.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals(binarySize(41, 8, Files.readAllBytes(forced)), Files.size(forced));
    assertEquals("", r.out(), "train writes nothing to stdout");
    assertNoTempFiles();
  }

  /** The size a binary file of V rows must have, given the lengths of its words. */
  private static long binarySize(int v, int size, byte[] file) {
    int pos = new String(file, 0, 20, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
    long total = pos;
    for (int i = 0; i < v; i++) {
      int sp = pos;
      while (file[sp] != ' ') {
        sp++;
      }
      int row = (sp - pos) + 1 + 4 * size + 1;
      total += row;
      pos += row;
    }
    return total;
  }

  @Test
  void progressGoesToStderrAtDebug2() {
    TrainRun r = train(corpus.toString(), "-output", out.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.err().contains("Vocab size: 41"), r::toString);
    assertTrue(r.err().contains("Trained "), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void helpIsNotAnError() {
    TrainRun r = TrainRun.of("train", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("-min-count"), r::toString);
  }

  // ---- bad input ------------------------------------------------------------------------------------------

  /** Pre-creates the output so that each failure can be checked to leave it alone. */
  private void existingOutput() throws IOException {
    Files.writeString(out, PRECIOUS);
  }

  /**
   * The run failed with {@code code}, stderr holds exactly one error line (informational lines may precede it; a
   * usage error may add the --help hint) mentioning every {@code mentions}, and no stack trace.
   */
  private void assertFailure(TrainRun r, int code, String... mentions) throws IOException {
    assertEquals(code, r.code(), r::toString);
    assertNotEquals(0, r.code());
    List<String> lines = r.err().lines().toList();
    List<String> errors = lines.stream().filter(l -> l.startsWith("w2v train: error: ")).toList();
    assertEquals(1, errors.size(), r::toString);
    String error = errors.get(0);
    int at = lines.indexOf(error);
    assertTrue(at == lines.size() - 1 || at == lines.size() - 2 && lines.get(at + 1).startsWith("Try 'w2v train --help'"),
        r::toString);
    for (String m : mentions) {
      assertTrue(error.contains(m), () -> "error should mention " + m + ": " + error);
    }
    assertFalse(r.err().contains("Exception"), r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
    assertFalse(r.err().contains("at dev."), r::toString);
    assertEquals("", r.out());
    if (Files.exists(out)) {
      assertEquals(PRECIOUS, Files.readString(out), "the existing output was changed");
    }
    assertNoTempFiles();
  }

  private void assertNoTempFiles() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      List<Path> left = s.filter(p -> p.getFileName().toString().endsWith(".tmp")
          || p.getFileName().toString().startsWith("w2v-corpus-")).toList();
      assertEquals(List.of(), left, "temporary files left behind");
    }
  }

  @Test
  void unknownFlag() throws IOException {
    existingOutput();
    assertFailure(train("-bogus", "1", corpus.toString(), "-output", out.toString()), ExitCodes.USAGE, "-bogus");
    assertFailure(train("-size", "8", "-cbow", corpus.toString(), "-output", out.toString()), ExitCodes.USAGE);
  }

  @Test
  void nonNumericValues() throws IOException {
    existingOutput();
    for (String flag : List.of("-size", "-window", "-threads", "-iter", "-negative", "-min-count", "-hs", "-classes",
        "-sample", "-alpha")) {
      assertFailure(train(flag, "abc", corpus.toString(), "-output", out.toString()), ExitCodes.USAGE, flag, "abc");
    }
    assertFailure(train("-alpha", "nan", corpus.toString(), "-output", out.toString()), ExitCodes.USAGE, "-alpha");
    assertFailure(train("-size", "99999999999", corpus.toString(), "-output", out.toString()), ExitCodes.USAGE,
        "-size");
  }

  @Test
  void outOfRangeValues() throws IOException {
    existingOutput();
    String[][] cases = {
      {"-size", "0"}, {"-size", "-3"}, {"-window", "0"}, {"-threads", "0"}, {"-iter", "0"}, {"-iter", "-1"},
      {"-negative", "-1"}, {"-sample", "-1"}, {"-alpha", "-0.1"}, {"-alpha", "0"}, {"-alpha", "inf"},
      {"-min-count", "-1"}, {"-classes", "-2"}, {"-hs", "2"}, {"-cbow", "2"}, {"-binary", "7"}, {"-reference", "3"},
      {"-size", "2000000"}, {"-threads", "100000"}, {"-window", "1000000"},
    };
    for (String[] c : cases) {
      assertFailure(train(c[0], c[1], corpus.toString(), "-output", out.toString()), ExitCodes.USAGE, c[0]);
    }
  }

  @Test
  void neitherHierarchicalSoftmaxNorNegativeSampling() throws IOException {
    existingOutput();
    // word2vec.c accepts this and trains nothing: vectors stay random
    assertFailure(train("-hs", "0", "-negative", "0", corpus.toString(), "-output", out.toString()), ExitCodes.USAGE,
        "-hs 0 -negative 0");
  }

  @Test
  void noCorpus() throws IOException {
    assertFailure(train("-output", out.toString()), ExitCodes.USAGE, "training file");
    assertFailure(train("-train", corpus.toString(), "other.txt", "-output", out.toString()), ExitCodes.USAGE,
        "other.txt");
  }

  @Test
  void missingCorpus() throws IOException {
    existingOutput();
    Path missing = tmp.resolve("missing.txt");
    assertFailure(train(missing.toString(), "-output", out.toString()), ExitCodes.BAD_INPUT, missing.toString(),
        "does not exist");
  }

  @Test
  void directoryHoldingTheOutputIsRefused() throws IOException {
    existingOutput();
    // a directory is read whole, and this one holds the output
    assertFailure(train(tmp.toString(), "-output", out.toString()), ExitCodes.USAGE, out.toString(),
        "refusing to overwrite an input");
  }

  @Test
  void emptyCorpus() throws IOException {
    existingOutput();
    Path empty = Files.createFile(tmp.resolve("empty.txt"));
    assertFailure(train(empty.toString(), "-output", out.toString()), ExitCodes.BAD_INPUT, empty.toString(), "empty");
    Path blank = Files.writeString(tmp.resolve("blank.txt"), "  \t  ");
    assertFailure(train(blank.toString(), "-output", out.toString()), ExitCodes.BAD_INPUT, blank.toString(),
        "no words");
  }

  @Test
  void unreadableCorpus() throws IOException {
    existingOutput();
    Path locked = Files.writeString(tmp.resolve("locked.txt"), "a b c\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      Assumptions.assumeFalse(Files.isReadable(locked), "running as root: a chmod 000 file stays readable");
      assertFailure(train(locked.toString(), "-output", out.toString()), ExitCodes.BAD_INPUT, locked.toString(),
          "not readable");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void noWordReachesMinCount() throws IOException {
    existingOutput();
    Path rare = Files.writeString(tmp.resolve("rare.txt"), "a b c d\ne f g\n");
    List<String> a = List.of("train", "-size", "8", "-iter", "1", "-min-count", "2", rare.toString(), "-output",
        out.toString());
    assertFailure(TrainRun.of(a.toArray(new String[0])), ExitCodes.BAD_INPUT, rare.toString(), "-min-count 2");
    // the same with -debug 0: then the error is the only line
    List<String> quiet = new ArrayList<>(a);
    quiet.add("-debug");
    quiet.add("0");
    TrainRun r = TrainRun.of(quiet.toArray(new String[0]));
    assertEquals(1, r.err().lines().count(), r::toString);
  }

  @Test
  void outputInAMissingDirectory() throws IOException {
    Path bad = tmp.resolve("no/such/dir/v.bin");
    assertFailure(train(corpus.toString(), "-output", bad.toString()), ExitCodes.IO, bad.toString(),
        "does not exist");
    Path vocabBad = tmp.resolve("nodir/vocab.txt");
    assertFailure(train(corpus.toString(), "-save-vocab", vocabBad.toString()), ExitCodes.IO, vocabBad.toString());
  }

  @Test
  void outputIsADirectory() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("adir.bin"));
    assertFailure(train(corpus.toString(), "-output", dir.toString()), ExitCodes.IO, dir.toString(), "directory");
  }

  @Test
  void outputInAReadOnlyDirectory() throws IOException {
    Path ro = Files.createDirectory(tmp.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(Files.isWritable(ro), "running as root: every directory is writable");
      Path target = ro.resolve("v.bin");
      assertFailure(train(corpus.toString(), "-output", target.toString()), ExitCodes.IO, target.toString(),
          "not writable");
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void readVocabMissingOrMalformed() throws IOException {
    existingOutput();
    Path missing = tmp.resolve("novocab.txt");
    assertFailure(train(corpus.toString(), "-read-vocab", missing.toString(), "-output", out.toString()),
        ExitCodes.BAD_INPUT, missing.toString());
    Path bad = Files.writeString(tmp.resolve("bad-vocab.txt"), "</s> 3\nw1 12\nw2\nw3 4\n");
    assertFailure(train(corpus.toString(), "-read-vocab", bad.toString(), "-output", out.toString()),
        ExitCodes.BAD_INPUT, bad.toString(), "w2");
    Path empty = Files.createFile(tmp.resolve("empty-vocab.txt"));
    assertFailure(train(corpus.toString(), "-read-vocab", empty.toString(), "-output", out.toString()),
        ExitCodes.BAD_INPUT, empty.toString());
    assertFailure(train(corpus.toString(), "-read-vocab", tmp.toString(), "-output", out.toString()),
        ExitCodes.BAD_INPUT, tmp.toString());
  }

  @Test
  void readVocabTrains() throws IOException {
    Path vocab = tmp.resolve("vocab.txt");
    TrainRun r = train("-debug", "0", corpus.toString(), "-save-vocab", vocab.toString());
    assertEquals(0, r.code(), r::toString);
    assertFalse(Files.exists(tmp.resolve("vectors.bin")));
    r = train("-debug", "0", corpus.toString(), "-read-vocab", vocab.toString(), "-output", out.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.size(out) > 0);
  }

  @Test
  void modelTooLargeForTheHeap() throws IOException {
    existingOutput();
    // 601 words x 1,000,000 x 4 bytes x 2 matrices = 4.8 GB: more than the tests' heap (-Xmx2g), less than 2^31
    // floats per matrix, so this is the heap check, made before anything is allocated
    Path many = manyWords(600);
    TrainRun r = TrainRun.of("train", "-size", "1000000", "-min-count", "1", "-threads", "1", many.toString(),
        "-output", out.toString());
    assertFailure(r, ExitCodes.MEMORY, "MB", "-size 1000000", "601 words");
    assertTrue(r.err().matches("(?s).*needs 4,5\\d\\d MB.*"), r::toString);
  }

  @Test
  void modelTooLargeForOneArray() throws IOException {
    existingOutput();
    Path many = manyWords(3000);
    TrainRun r = TrainRun.of("train", "-size", "1000000", "-min-count", "1", "-hs", "1", many.toString(), "-output",
        out.toString());
    // 3001 x 1e6 floats per matrix, three matrices: 3001e6 * 12 bytes
    assertFailure(r, ExitCodes.MEMORY, "MB", "-size 1000000", "3001 words", String.format("%,d MB", 3001_000_000L * 12 >> 20));
  }

  private Path manyWords(int n) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append("word").append(i).append(i % 20 == 19 ? '\n' : ' ');
    }
    s.append('\n');
    return Files.writeString(tmp.resolve("many.txt"), s);
  }

  // ---- odd corpora that must train --------------------------------------------------------------------------

  /** Trains on {@code file} with 2 threads (reference mode: 1), quick settings unless {@code extra} sets them. */
  private void trains(Path file, String... extra) throws IOException {
    List<String> a = new ArrayList<>(List.of("train", "-debug", "0", file.toString()));
    a.addAll(Arrays.asList(extra));
    List<String> defaults = List.of("-size", "8", "-iter", "1", "-min-count", "1", "-output", out.toString(),
        "-threads", a.contains("-reference") ? "1" : "2");
    for (int i = 0; i < defaults.size(); i += 2) {
      if (!a.contains(defaults.get(i))) {
        a.add(defaults.get(i));
        a.add(defaults.get(i + 1));
      }
    }
    TrainRun r = TrainRun.of(a.toArray(new String[0]));
    assertEquals(0, r.code(), r::toString);
    assertEquals("", r.err(), r::toString);
    Path written = Path.of(a.get(a.indexOf("-output") + 1));
    assertTrue(Files.size(written) > 0);
    assertNoTempFiles();
  }

  @Test
  void invalidUtf8AndNulBytesTrain() throws IOException {
    Path f = tmp.resolve("bytes.txt");
    Random rnd = new Random(9);
    try (OutputStream o = Files.newOutputStream(f)) {
      for (int i = 0; i < 3000; i++) {
        int kind = rnd.nextInt(6);
        if (kind == 0) {
          o.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'}); // never valid UTF-8
        } else if (kind == 1) {
          o.write(new byte[] {(byte) 0xC3}); // a truncated sequence
        } else if (kind == 2) {
          o.write(new byte[] {'n', 0, 'u', 'l'});
        } else if (kind == 3) {
          o.write(0);
        } else {
          o.write(("w" + rnd.nextInt(30)).getBytes(StandardCharsets.US_ASCII));
        }
        o.write(rnd.nextInt(8) == 0 ? '\n' : ' ');
      }
    }
    trains(f);
    trains(f, "-reference", "1");
    Path text = tmp.resolve("bytes.vectors.txt");
    trains(f, "-output", text.toString());
    String vectors = Files.readString(text, StandardCharsets.ISO_8859_1);
    assertTrue(vectors.contains("\nn ") && !vectors.contains("nul"), "a NUL byte cuts the word n\\0ul to n");
    assertTrue(vectors.contains("\n\u00ff\u00fex "), "invalid UTF-8 is kept as bytes");
  }

  @Test
  void aFiveMegabyteLineTrains() throws IOException {
    Path f = tmp.resolve("oneline.txt");
    Random rnd = new Random(4);
    StringBuilder s = new StringBuilder(5_100_000);
    while (s.length() < 5_000_000) {
      s.append('w').append((int) (500 * Math.pow(rnd.nextDouble(), 3))).append(' ');
    }
    Files.writeString(f, s); // no newline at all
    trains(f, "-size", "4");
  }

  @Test
  void noTrailingNewlineTrains() throws IOException {
    Path f = Files.writeString(tmp.resolve("nonl.txt"), sentences(new Random(6), 100, 20).trim());
    trains(f);
    trains(f, "-reference", "1");
  }

  @Test
  void aCorpusOfOnlyNewlinesIsRefused() throws IOException {
    Path f = Files.writeString(tmp.resolve("newlines.txt"), "\n\n\r\n\n");
    assertFailure(train(f.toString(), "-output", out.toString()), ExitCodes.BAD_INPUT, f.toString());
  }
}
