// `w2v similarity` end to end.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityCommandTest {
  @TempDir Path dir;

  @Test
  void reportsGensimsFiguresForSeveralFiles() {
    Path g = SharedData.requireGolden();
    Path d = SharedData.requireData().resolve("eval");
    CliRun r = CliRun.run("similarity", "-vectors", g.resolve("gutenberg-sg.bin").toString(),
        d.resolve("wordsim353.tsv").toString(), d.resolve("EN-SIMLEX-999.txt").toString());
    assertEquals(0, r.code, r.toString());
    String[] lines = r.out.split("\n");
    assertEquals(3, lines.length, r.out);
    assertTrue(lines[1].matches("wordsim353\\.tsv\\s+176\\s+177\\s+50\\.14\\s+0\\.4081\\s+1\\.88e-08\\s+0\\.3990\\s+4\\.14e-08"), lines[1]);
    assertTrue(lines[2].matches("EN-SIMLEX-999\\.txt\\s+765\\s+234\\s+23\\.42\\s+0\\.2516\\s+.*"), lines[2]);
    CliRun json = CliRun.run("similarity", "-vectors", g.resolve("gutenberg-sg.bin").toString(), "-format", "json",
        d.resolve("wordsim353.tsv").toString());
    assertTrue(json.out.startsWith("[{\"file\":") && json.out.contains("\"pairs\":176,\"oov\":177,"), json.out);
  }

  @Test
  void missingPairsFileIsNamed() {
    CliRun r = CliRun.run("similarity", "-vectors", "v.bin", dir.resolve("pairs.txt").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code);
    assertTrue(r.err.contains("word-pair file") && r.err.contains("pairs.txt does not exist"), r.err);
  }
}
