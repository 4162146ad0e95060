// Parity with word2phrase.c: our output must equal the original's byte for byte on the shared golden files.
package dev.w2v.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compares with {@code phrases1.txt} and {@code phrases2.txt} (see ../shared/golden/README.md); skips without them. */
class PhrasesGoldenTest {
  @TempDir Path tmp;

  @Test
  void firstPassMatchesWord2phrase() throws IOException {
    Path golden = SharedData.requireGolden();
    // word2phrase -train corpus.txt -output phrases1.txt -threshold 100 -min-count 5
    Path out = run(golden.resolve("corpus.txt"), List.of(PhrasesConfig.Pass.of(5, 100)));
    assertSameBytes(golden.resolve("phrases1.txt"), out);
  }

  @Test
  void secondPassMatchesWord2phrase() throws IOException {
    Path golden = SharedData.requireGolden();
    // word2phrase -train phrases1.txt -output phrases2.txt -threshold 50 -min-count 3
    Path out = run(golden.resolve("phrases1.txt"), List.of(PhrasesConfig.Pass.of(3, 50)));
    assertSameBytes(golden.resolve("phrases2.txt"), out);
  }

  @Test
  void twoPassesInOneRunMatchTwoRunsOfWord2phrase() throws IOException {
    Path golden = SharedData.requireGolden();
    Path out = run(golden.resolve("corpus.txt"), List.of(PhrasesConfig.Pass.of(5, 100), PhrasesConfig.Pass.of(3, 50)));
    assertSameBytes(golden.resolve("phrases2.txt"), out);
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(out), files.toList(), "the intermediate pass file is deleted");
    }
  }

  private Path run(Path train, List<PhrasesConfig.Pass> passes) {
    Path out = tmp.resolve("out.txt");
    Phrases.run(new PhrasesConfig(train, out, passes, 0), null);
    return out;
  }

  static void assertSameBytes(Path expected, Path actual) throws IOException {
    byte[] e = Files.readAllBytes(expected);
    byte[] a = Files.readAllBytes(actual);
    long mismatch = Files.mismatch(expected, actual);
    assertEquals(-1L, mismatch, () -> "first difference with " + expected.getFileName() + " at byte " + mismatch
        + " (sizes " + e.length + " and " + a.length + "): expected ..." + context(e, mismatch) + "... but got ..."
        + context(a, mismatch) + "...");
  }

  private static String context(byte[] b, long at) {
    int from = (int) Math.max(0, at - 40);
    int to = (int) Math.min(b.length, at + 40);
    return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\n", "\\n");
  }
}
