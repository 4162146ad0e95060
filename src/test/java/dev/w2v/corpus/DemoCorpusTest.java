// The bundled data/demo.txt is exactly what its documented command generates, and the generator is deterministic.
package dev.w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DemoCorpusTest {

  static String generate(int sentences, long seed) throws IOException {
    StringWriter w = new StringWriter();
    DemoCorpus.write(w, sentences, seed);
    return w.toString();
  }

  @Test
  void bundledDemoCorpusMatchesItsGenerator() throws IOException {
    Path demo = Path.of("data", "demo.txt"); // Maven runs tests in the project directory
    Assumptions.assumeTrue(Files.isRegularFile(demo), "data/demo.txt not found from " + Path.of("").toAbsolutePath());
    // data/README.md: DemoCorpus -sentences 40000 -seed 1
    assertArrayEquals(generate(40_000, 1).getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(demo),
        "data/demo.txt differs from the generator's output: regenerate it with the command in data/README.md");
  }

  @Test
  void plainAsciiSentencesOnePerLine() throws IOException {
    String text = generate(2000, 5);
    assertEquals(text, generate(2000, 5), "same seed, same text");
    assertEquals(2000, text.lines().count());
    assertTrue(text.endsWith("\n"));
    for (char c : text.toCharArray()) {
      assertTrue(c == '\n' || c == ' ' || (c >= 'a' && c <= 'z'), "unexpected character " + (int) c);
    }
    assertTrue(!text.contains("  ") && !text.contains(" \n") && !text.contains("\n "));
  }

  @Test
  void everyPlantedWordOccurs() throws IOException {
    Set<String> seen = new HashSet<>(java.util.Arrays.asList(generate(20_000, 9).split("[ \n]")));
    for (DemoCorpus.Family f : DemoCorpus.FAMILIES) {
      assertEquals(f.pairs().length, f.topics().length, f.name());
      for (String[] p : f.pairs()) {
        assertTrue(seen.contains(p[0]) && seen.contains(p[1]), p[0] + " / " + p[1]);
      }
    }
  }
}
