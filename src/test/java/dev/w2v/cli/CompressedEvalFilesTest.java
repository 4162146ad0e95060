// Question and word-pair files are inputs like any other: compressed, or standard input, they read as plain ones.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressedEvalFilesTest {
  @TempDir Path dir;
  private Path vectors;

  private static final String QUESTIONS = ": family\nking man queen woman\nman king woman queen\n";
  private static final String PAIRS = "king queen 9\nman woman 8\nking woman 3\nqueen man 2.5\n";

  @BeforeEach
  void setUp() throws IOException {
    vectors = Files.writeString(dir.resolve("v.txt"),
        "4 3\nking 1 0.2 0.1\nqueen 0.9 0.1 0.8\nman 0.8 0.3 0.0\nwoman 0.7 0.2 0.9\n");
  }

  private static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(b)) {
      o.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  private static byte[] bzip2(String s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new BZip2CompressorOutputStream(b)) {
      o.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  private static CliRun withStdin(byte[] stdin, String... args) {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      return CliRun.run(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void compressedQuestionFilesAndStandardInputAnswerAsThePlainFile() throws IOException {
    Path plain = Files.writeString(dir.resolve("q.txt"), QUESTIONS);
    CliRun want = CliRun.run("accuracy", "-vectors", vectors.toString(), "-format", "tsv", plain.toString());
    assertEquals(0, want.code, want.toString());
    assertTrue(want.out.contains("family"), want.out);
    Path gz = Files.write(dir.resolve("q.txt.gz"), gzip(QUESTIONS));
    Path bz = Files.write(dir.resolve("questions"), bzip2(QUESTIONS)); // the bytes decide, not the name
    for (Path p : new Path[] {gz, bz}) {
      CliRun r = CliRun.run("accuracy", "-vectors", vectors.toString(), "-format", "tsv", p.toString());
      assertEquals(0, r.code, r.toString());
      assertEquals(want.out, r.out, p.toString());
    }
    CliRun in = withStdin(gzip(QUESTIONS), "accuracy", "-vectors", vectors.toString(), "-format", "tsv", "-");
    assertEquals(want.out, in.out, in.toString());
  }

  @Test
  void compressedPairFilesAndStandardInputAnswerAsThePlainFile() throws IOException {
    Path plain = Files.writeString(dir.resolve("p.tsv"), PAIRS);
    CliRun want = CliRun.run("similarity", "-vectors", vectors.toString(), "-format", "tsv", plain.toString());
    assertEquals(0, want.code, want.toString());
    Path gz = Files.write(dir.resolve("p.tsv.gz"), gzip(PAIRS));
    Path bz = Files.write(dir.resolve("p.tsv.bz2"), bzip2(PAIRS));
    for (Path p : new Path[] {gz, bz}) {
      CliRun r = CliRun.run("similarity", "-vectors", vectors.toString(), "-format", "tsv", p.toString());
      assertEquals(0, r.code, r.toString());
      // the output names the file: compare the figures
      assertEquals(want.out.replace(plain.toString(), "F"), r.out.replace(p.toString(), "F"), p.toString());
    }
    CliRun in = withStdin(PAIRS.getBytes(StandardCharsets.UTF_8),
        "similarity", "-vectors", vectors.toString(), "-format", "tsv", "-");
    assertEquals(0, in.code, in.toString());
    assertEquals(want.out.replace(plain.toString(), "F"), in.out.replace("\n-\t", "\nF\t"), in.toString());
  }

  @Test
  void aCorruptCompressedPairFileIsOneLineNamingIt() throws IOException {
    byte[] gz = gzip(PAIRS);
    Path cut = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
    CliRun r = CliRun.run("similarity", "-vectors", vectors.toString(), cut.toString());
    assertTrue(r.code == ExitCodes.BAD_INPUT || r.code == ExitCodes.IO, r.toString());
    assertEquals(1, r.err.lines().count(), r.toString());
    assertTrue(r.err.contains("cut.gz"), r.err);
  }
}
