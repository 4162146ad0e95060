// Fuzz target: -read-vocab files. Any bytes give a vocabulary or a one-line W2vException, never another exception.
package dev.w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.w2v.io.W2vException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class VocabFileFuzzTest {
  private static final Path FILE = FuzzFiles.file("vocab");

  @FuzzTest(maxDuration = "2m")
  void readVocab(byte[] data) throws IOException {
    Files.write(FILE, data);
    for (int minCount : new int[] {0, 5}) {
      try {
        Vocabulary v = VocabFile.read(FILE, minCount);
        long sum = 0;
        for (int i = 0; i < v.size(); i++) {
          assertTrue(v.count(i) >= 0 && v.count(i) <= VocabFile.MAX_COUNT, "count in range");
          sum += v.count(i);
        }
        assertTrue(sum <= VocabFile.MAX_COUNT, "total in range");
        if (v.size() >= 2) {
          HuffmanTree.build(v.counts()); // must terminate (the -hs 1 hang)
        }
      } catch (W2vException e) {
        FuzzFiles.assertOneLine(e);
      }
    }
  }
}
