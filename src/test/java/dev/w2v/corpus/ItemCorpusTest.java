package dev.w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemCorpusTest {
  @TempDir Path dir;

  @Test
  void countsFollowTheRuleAndSessionsKeepToOneTopic() throws Exception {
    Path out = dir.resolve("items.txt");
    long tokens = ItemCorpus.write(out, 1000, 500, 1.0, 3, 7, 5, 42);
    long[] seen = new long[1001];
    long n = 0;
    for (String line : Files.readAllLines(out)) {
      String[] ws = line.split(" ");
      assertTrue(ws.length >= 1 && ws.length <= 5, line);
      int topic = Integer.parseInt(ws[0].substring(1)) % 7;
      for (String w : ws) {
        int r = Integer.parseInt(w.substring(1));
        assertEquals(topic, r % 7, "a session mixes topics: " + line);
        seen[r]++;
        n++;
      }
    }
    assertEquals(tokens, n);
    for (int r = 1; r <= 1000; r++) {
      assertEquals(Math.max(3, Math.round(500.0 / r)), seen[r], "count of i" + r);
    }
    assertEquals(500, seen[1]);
    assertEquals(3, seen[1000]);
  }

  @Test
  void theSameSeedGivesTheSameCorpusAndAnotherSeedAnother() throws Exception {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Path c = dir.resolve("c.txt");
    ItemCorpus.write(a, 300, 100, 0.8, 2, 5, 4, 1);
    ItemCorpus.write(b, 300, 100, 0.8, 2, 5, 4, 1);
    ItemCorpus.write(c, 300, 100, 0.8, 2, 5, 4, 2);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    List<String> la = Files.readAllLines(a);
    List<String> lc = Files.readAllLines(c);
    assertTrue(!la.equals(lc), "seed 2 gave seed 1's corpus");
  }
}
