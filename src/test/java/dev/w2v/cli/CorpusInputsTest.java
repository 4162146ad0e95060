// `w2v train` and `w2v phrases` on every kind of input, and the refusal to overwrite an input.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.TempFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusInputsTest {
  @TempDir Path tmp;
  private byte[] text;
  private Path plain;

  /** A small corpus: Zipf-ish words, lines of varying length, the last line without its newline. */
  static String corpus(int words, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append('w').append((int) Math.floor(Math.pow(r.nextDouble(), 3) * 300));
      sb.append(r.nextInt(15) == 0 ? '\n' : ' ');
    }
    sb.append("last words without a newline");
    return sb.toString();
  }

  @BeforeEach
  void setUp() throws IOException {
    text = corpus(40_000, 11).getBytes(StandardCharsets.UTF_8);
    plain = Files.write(tmp.resolve("corpus.txt"), text);
  }

  private static byte[] pack(byte[] b, String how) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = switch (how) {
      case "gz" -> new GZIPOutputStream(bo);
      case "bz2" -> new BZip2CompressorOutputStream(bo);
      case "xz" -> new XZCompressorOutputStream(bo);
      case "zst" -> new ZstdCompressorOutputStream(bo);
      default -> throw new IllegalArgumentException(how);
    }) {
      o.write(b);
    }
    return bo.toByteArray();
  }

  /** Runs w2v with {@code stdin} as standard input (null: none) and stdout captured as bytes. */
  private static Run run(byte[] stdin, String... args) {
    InputStream savedIn = System.in;
    PrintStream savedOut = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
      System.setOut(new PrintStream(bytes, true));
      TrainRun r = TrainRun.of(args);
      System.out.flush();
      return new Run(r, bytes.toByteArray());
    } finally {
      System.setIn(savedIn);
      System.setOut(savedOut);
    }
  }

  private record Run(TrainRun r, byte[] stdout) {
    int code() {
      return r.code();
    }

    String err() {
      return r.err();
    }
  }

  private static String[] args(List<String> fixed, String... more) {
    List<String> all = new ArrayList<>(fixed);
    all.addAll(Arrays.asList(more));
    return all.toArray(new String[0]);
  }

  private static final List<String> TRAIN = List.of("train", "-size", "12", "-window", "3", "-iter", "1",
      "-negative", "3", "-min-count", "2", "-threads", "1", "-debug", "0", "-binary", "1");

  /** Trains (default mode, one thread) on {@code inputs}; returns the vector file's bytes. */
  private byte[] vectors(byte[] stdin, String name, String... inputs) throws IOException {
    Path out = tmp.resolve(name + ".bin");
    Run r = run(stdin, args(TRAIN, args(List.of("-output", out.toString()), inputs)));
    assertEquals(ExitCodes.OK, r.code(), name + ": " + r.err());
    return Files.readAllBytes(out);
  }

  /** Builds only the vocabulary of {@code inputs}; returns the vocabulary file's bytes. */
  private byte[] vocab(byte[] stdin, String name, String... inputs) throws IOException {
    Path v = tmp.resolve(name + ".vocab");
    Run r = run(stdin, args(List.of("train", "-min-count", "1", "-debug", "0", "-save-vocab", v.toString()),
        inputs));
    assertEquals(ExitCodes.OK, r.code(), name + ": " + r.err());
    return Files.readAllBytes(v);
  }

  @Test
  void plainCompressedAndStandardInputGiveTheSameVocabularyAndVectors() throws IOException {
    byte[] wantVocab = vocab(null, "plain", plain.toString());
    byte[] wantVectors = vectors(null, "plain", plain.toString());
    for (String how : new String[] {"gz", "bz2", "xz", "zst"}) {
      Path p = Files.write(tmp.resolve("corpus." + how), pack(text, how));
      assertArrayEquals(wantVocab, vocab(null, how, p.toString()), how);
    }
    Path gz = tmp.resolve("corpus.gz");
    assertArrayEquals(wantVectors, vectors(null, "gz", gz.toString()), "from a .gz file");
    assertArrayEquals(wantVocab, vocab(text, "stdin", "-"), "stdin vocabulary");
    assertArrayEquals(wantVectors, vectors(text, "stdin", "-train", "-"), "from standard input");
    assertArrayEquals(wantVectors, vectors(pack(text, "gz"), "stdin-gz", "-"), "gzip on standard input");
    // with -read-vocab nothing is recorded during a scan: the one pass encodes standard input directly
    Path v = Files.write(tmp.resolve("given.vocab"), wantVocab);
    byte[] withVocab = vectors(null, "vocab-file", "-read-vocab", v.toString(), plain.toString());
    assertArrayEquals(withVocab, vectors(text, "vocab-stdin", "-read-vocab", v.toString(), "-"));
  }

  @Test
  void standardInputPastTheMemoryBudgetSpillsBesideTheOutputAndTrainsTheSame() throws IOException {
    byte[] want = vectors(null, "plain", plain.toString());
    String old = System.getProperty("w2v.corpus.budget");
    System.setProperty("w2v.corpus.budget", "1");
    try {
      assertArrayEquals(want, vectors(text, "spilled", "-"));
    } finally {
      if (old == null) {
        System.clearProperty("w2v.corpus.budget");
      } else {
        System.setProperty("w2v.corpus.budget", old);
      }
    }
    try (var s = Files.list(tmp)) {
      assertEquals(0, s.filter(p -> TempFiles.isTempName(p.getFileName().toString())).count(),
          "the spill file is deleted");
    }
  }

  @Test
  void aFifoIsReadOnceAndTheWaitForItsWriterIsAnnounced() throws Exception {
    Path fifo = tmp.resolve("corpus.fifo");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
      System.out.println("skipped: mkfifo is not available");
      return;
    }
    byte[] want = vectors(null, "plain-for-fifo", plain.toString());
    Thread writer = new Thread(() -> {
      try (OutputStream o = Files.newOutputStream(fifo)) {
        o.write(text);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    Path out = tmp.resolve("fifo.bin");
    List<String> flags = new ArrayList<>(TRAIN);
    flags.set(flags.indexOf("-debug") + 1, "1");
    Run r = run(null, args(flags, "-output", out.toString(), fifo.toString()));
    writer.join();
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.err().startsWith("w2v train: " + fifo + " is a FIFO: waiting for a program to write to it\n"),
        r.err());
    assertArrayEquals(want, Files.readAllBytes(out));
  }

  @Test
  void severalFilesADirectoryAndAGlobEqualOneFileWithANewlineBetweenThem() throws IOException {
    String s = new String(text, StandardCharsets.UTF_8);
    int cut = s.indexOf(' ', s.length() / 3); // inside a line: the first part has no final newline
    int cut2 = s.indexOf('\n', 2 * s.length() / 3) + 1; // after a newline: nothing is added there
    String a = s.substring(0, cut);
    String b = s.substring(cut + 1, cut2);
    String c = s.substring(cut2);
    Files.createDirectories(tmp.resolve("parts"));
    Path pa = Files.writeString(tmp.resolve("parts/a.txt"), a);
    Path pb = Files.write(tmp.resolve("parts/b.txt.gz"), pack(b.getBytes(StandardCharsets.UTF_8), "gz"));
    Path pc = Files.writeString(tmp.resolve("parts/c.txt"), c);
    Path joined = Files.writeString(tmp.resolve("joined.txt"), a + "\n" + b + c);
    byte[] want = vectors(null, "joined", joined.toString());
    assertArrayEquals(want, vectors(null, "three", pa.toString(), pb.toString(), pc.toString()));
    assertArrayEquals(want, vectors(null, "dir", tmp.resolve("parts").toString()));
    assertArrayEquals(want, vectors(null, "glob", tmp.resolve("parts/*").toString()));
    assertArrayEquals(want, vectors(null, "train-glob", "-train", tmp.resolve("parts/?.txt*").toString()));
  }

  @Test
  void aFileBoundaryEndsASentence() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.txt"), "x y");
    Path b = Files.writeString(tmp.resolve("b.txt"), "z w\n");
    String v = new String(vocab(null, "ab", a.toString(), b.toString()), StandardCharsets.UTF_8);
    assertEquals("</s> 2\nw 1\nx 1\ny 1\nz 1\n", sorted(v), "y and z stay apart; a </s> between them");
    // cat a.txt b.txt | w2v train - reads one text: y and z glue together, as word2vec.c would
    String cat = new String(vocab("x yz w\n".getBytes(StandardCharsets.UTF_8), "cat", "-"), StandardCharsets.UTF_8);
    assertEquals("</s> 1\nw 1\nx 1\nyz 1\n", sorted(cat));
    // the last input keeps word2vec.c's rule: a final word with no separator after it is dropped
    Path c = Files.writeString(tmp.resolve("c.txt"), "p q");
    String v2 = new String(vocab(null, "bc", b.toString(), c.toString()), StandardCharsets.UTF_8);
    assertEquals("</s> 1\np 1\nw 1\nz 1\n", sorted(v2));
  }

  private static String sorted(String vocab) {
    return String.join("\n", vocab.lines().sorted().toList()) + "\n";
  }

  @Test
  void referenceModeRefusesAnythingButOnePlainFile() throws IOException {
    Path gz = Files.write(tmp.resolve("corpus.txt.gz"), pack(text, "gz"));
    Path out = tmp.resolve("ref.bin");
    List<String> ref = List.of(args(TRAIN, "-reference", "1", "-output", out.toString()));
    String[][] cases = {
      {"standard input", "-"},
      {"got 2 files", plain.toString(), plain.toString()},
      {"corpus.txt.gz is gzip-compressed", gz.toString()},
      {"got 2 files", tmp.toString() + "/corpus.*"},
    };
    for (String[] c : cases) {
      Run r = run(text, args(ref, Arrays.copyOfRange(c, 1, c.length)));
      assertEquals(ExitCodes.USAGE, r.code(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().contains("-reference 1 reads one uncompressed, seekable file as word2vec.c does")
          && r.err().contains(c[0]), r.err());
      assertFalse(Files.exists(out));
    }
    Run ok = run(null, args(ref, plain.toString()));
    assertEquals(ExitCodes.OK, ok.code(), ok.err());
  }

  @Test
  void anOutputThatIsAnInputIsRefusedBeforeAnyWork() throws IOException {
    Files.createDirectories(tmp.resolve("sub"));
    Path hard = Files.createLink(tmp.resolve("hard.txt"), plain);
    Path soft = Files.createSymbolicLink(tmp.resolve("soft.txt"), plain);
    Path vocab = Files.writeString(tmp.resolve("v.txt"), "</s> 0\nw1 10\n");
    String[][] cases = {
      {"-output", plain.toString(), plain.toString()},
      {"-output", tmp.resolve("sub/../corpus.txt").toString(), plain.toString()},
      {"-output", hard.toString(), plain.toString()},
      {"-output", soft.toString(), plain.toString()},
      {"-output", plain.toString(), soft.toString()},
      {"-save-vocab", plain.toString(), plain.toString()},
      {"-save-vocab", hard.toString(), tmp.toString() + "/c*.txt"},
      {"-output", plain.toString(), "-", plain.toString()},
    };
    for (String[] c : cases) {
      Run r = run(text, args(List.of("train", "-debug", "0"), c));
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", c) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("w2v train: error: " + c[0] + " " + c[1] + " is the training file ")
          && r.err().contains("refusing to overwrite an input"), r.err());
      assertArrayEquals(text, Files.readAllBytes(plain), "the corpus is untouched");
    }
    Run r = run(null, "train", "-debug", "0", "-read-vocab", vocab.toString(), "-save-vocab", vocab.toString(),
        plain.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertTrue(r.err().contains("-save-vocab " + vocab + " is the -read-vocab file " + vocab), r.err());
  }

  // ---- w2v phrases

  private static final String PHRASE_TEXT = "new york is big . i like new york . new york new york\n".repeat(20);

  @Test
  void phrasesReadStandardInputAndWriteStandardOutput() throws IOException {
    byte[] in = PHRASE_TEXT.getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(tmp.resolve("p.txt"), in);
    Path want = tmp.resolve("want.txt");
    List<String> flags = List.of("phrases", "-min-count", "2", "-threshold", "1", "-debug", "0");
    assertEquals(ExitCodes.OK, run(null, args(flags, "-train", file.toString(), "-output", want.toString())).code());
    byte[] expected = Files.readAllBytes(want);
    assertTrue(new String(expected, StandardCharsets.UTF_8).contains("new_york"));

    Run pipe = run(in, args(flags, "-train", "-", "-output", "-"));
    assertEquals(ExitCodes.OK, pipe.code(), pipe.err());
    assertArrayEquals(expected, pipe.stdout(), "stdin to stdout");
    assertEquals("", pipe.err());

    Run gz = run(pack(in, "gz"), args(flags, "-", "-output", "-"));
    assertArrayEquals(expected, gz.stdout(), "gzip on stdin");

    Path fromStdin = tmp.resolve("fromstdin.txt");
    Run toFile = run(in, args(flags, "-train", "-", "-output", fromStdin.toString()));
    assertEquals(ExitCodes.OK, toFile.code(), toFile.err());
    assertArrayEquals(expected, Files.readAllBytes(fromStdin), "stdin to a file");

    // two passes from stdin to stdout equal two passes from the file
    Path two = tmp.resolve("two.txt");
    List<String> passes = List.of(args(flags, "-passes", "2"));
    assertEquals(ExitCodes.OK, run(null, args(passes, file.toString(), "-output", two.toString())).code());
    Run twoPipe = run(in, args(passes, "-", "-output", "-"));
    assertEquals(ExitCodes.OK, twoPipe.code(), twoPipe.err());
    assertArrayEquals(Files.readAllBytes(two), twoPipe.stdout());
    try (var s = Files.list(tmp)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary left");
    }
    // with -output - the spooled input and the pass files live in java.io.tmpdir: none of this process's is left
    String mine = ".w2v-" + ProcessHandle.current().pid() + "-";
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".w2v-phrases") && n.contains(mine)).toList());
    }
  }

  @Test
  void phrasesReadSeveralInputsAndRefuseToOverwriteOne() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.txt"), PHRASE_TEXT);
    Path b = Files.write(tmp.resolve("b.gz"), pack(PHRASE_TEXT.getBytes(StandardCharsets.UTF_8), "gz"));
    Path both = Files.writeString(tmp.resolve("both.txt"), PHRASE_TEXT + PHRASE_TEXT);
    List<String> flags = List.of("phrases", "-min-count", "2", "-threshold", "1", "-debug", "0");
    Path o1 = tmp.resolve("o1.out");
    Path o2 = tmp.resolve("o2.out");
    assertEquals(ExitCodes.OK, run(null, args(flags, both.toString(), "-output", o1.toString())).code());
    assertEquals(ExitCodes.OK, run(null, args(flags, a.toString(), b.toString(), "-output", o2.toString())).code());
    assertArrayEquals(Files.readAllBytes(o1), Files.readAllBytes(o2));

    Path hard = Files.createLink(tmp.resolve("hard.txt"), a);
    for (String[] c : new String[][] {{a.toString(), a.toString()}, {hard.toString(), a.toString()},
        {tmp.resolve("x/../a.txt").toString(), a.toString()}}) {
      Files.createDirectories(tmp.resolve("x"));
      Run r = run(null, args(flags, "-train", c[1], "-output", c[0]));
      assertEquals(ExitCodes.USAGE, r.code(), r.err());
      assertTrue(r.err().startsWith("w2v phrases: error: -output " + c[0] + " is the training file "), r.err());
      assertEquals(PHRASE_TEXT, Files.readString(a));
    }
  }
}
