// Parity with word2vec.c: reference mode (-reference 1 -threads 1) must reproduce every golden training output
// byte for byte (the flags of each case are those of ../shared/golden/README.md).
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.SharedData;
import dev.w2v.cli.TrainRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenParityTest {
  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("sg-ns.bin", "-cbow 0 -size 40 -window 5 -negative 5 -hs 0 -sample 1e-3 -iter 2 -min-count 5 -binary 1"),
        Arguments.of("sg-hs.bin", "-cbow 0 -size 40 -window 4 -negative 0 -hs 1 -sample 0 -iter 1 -min-count 3 -binary 1"),
        Arguments.of("cbow-ns.bin", "-cbow 1 -size 40 -window 5 -negative 5 -hs 0 -sample 1e-4 -iter 2 -min-count 5 -binary 1"),
        Arguments.of("cbow-hsns.txt",
            "-cbow 1 -size 24 -window 3 -negative 3 -hs 1 -sample 1e-3 -iter 1 -alpha 0.04 -min-count 5 -binary 0"),
        Arguments.of("classes.txt", "-cbow 1 -size 40 -classes 25 -iter 1 -min-count 5"),
        Arguments.of("readvocab-sg.bin", "-read-vocab {golden}/read-vocab.txt -cbow 0 -size 32 -window 5 -negative 5"
            + " -hs 0 -sample 1e-3 -iter 1 -min-count 5 -binary 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trainingMatchesWord2vecC(String golden, String flags) throws IOException {
    Path dir = SharedData.requireGolden();
    Path out = tmp.resolve(golden);
    List<String> args = base(dir);
    for (String f : flags.split(" ")) {
      args.add(f.replace("{golden}", dir.toString()));
    }
    args.add("-output");
    args.add(out.toString());
    TrainRun r = TrainRun.of(args.toArray(new String[0]));
    assertEquals(0, r.code(), r::toString);
    assertSameBytes(dir.resolve(golden), out);
    assertNoTempFiles();
  }

  /**
   * The default pipeline (corpus encoded once in the vocabulary scan, every epoch trained, compact negative table)
   * with the scalar kernels, one thread and unshared negatives is word2vec.c with its epoch fix: on the golden
   * cases with -iter 1, where the epoch bug cannot show, its output must be the golden bytes too.
   */
  /** The single-epoch cases (with -iter 2 the default mode trains both epochs; word2vec.c trained one). */
  static Stream<Arguments> oneEpochCases() {
    return cases().filter(a -> ((String) a.get()[1]).contains("-iter 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneEpochCases")
  void defaultPipelineWithScalarKernelsMatchesWord2vecC(String golden, String flags) throws IOException {
    Path dir = SharedData.requireGolden();
    Path out = tmp.resolve(golden);
    List<String> args = new ArrayList<>(Arrays.asList("train", "-threads", "1", "-debug", "0",
        "-shared-negatives", "0", "-train", dir.resolve("corpus.txt").toString()));
    for (String f : flags.split(" ")) {
      args.add(f.replace("{golden}", dir.toString()));
    }
    args.add("-output");
    args.add(out.toString());
    String old = System.getProperty("w2v.scalar");
    System.setProperty("w2v.scalar", "true");
    try {
      TrainRun r = TrainRun.of(args.toArray(new String[0]));
      assertEquals(0, r.code(), r::toString);
    } finally {
      if (old == null) {
        System.clearProperty("w2v.scalar");
      } else {
        System.setProperty("w2v.scalar", old);
      }
    }
    assertSameBytes(dir.resolve(golden), out);
  }

  @Test
  void saveVocabWithoutOutputMatchesWord2vecC() throws IOException {
    Path dir = SharedData.requireGolden();
    Path out = tmp.resolve("vocab.txt");
    List<String> args = base(dir);
    args.addAll(List.of("-save-vocab", out.toString(), "-min-count", "5"));
    TrainRun r = TrainRun.of(args.toArray(new String[0]));
    assertEquals(0, r.code(), r::toString);
    assertSameBytes(dir.resolve("vocab.txt"), out);
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(out), files.toList(), "vocabulary only: no vectors file is written");
    }
  }

  private static List<String> base(Path golden) {
    return new ArrayList<>(Arrays.asList("train", "-reference", "1", "-threads", "1", "-debug", "0", "-train",
        golden.resolve("corpus.txt").toString()));
  }

  private static void assertSameBytes(Path expected, Path actual) throws IOException {
    byte[] e = Files.readAllBytes(expected);
    byte[] a = Files.readAllBytes(actual);
    if (!Arrays.equals(e, a)) {
      int i = Arrays.mismatch(e, a);
      // assertArrayEquals reports the first differing index; the message adds sizes for orientation
      assertArrayEquals(e, a, expected.getFileName() + ": " + a.length + " bytes written, " + e.length
          + " expected, first difference at byte " + i);
    }
    assertTrue(a.length > 0);
  }

  private void assertNoTempFiles() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      List<Path> left = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
      assertEquals(List.of(), left, "temporary files left behind");
    }
  }
}
