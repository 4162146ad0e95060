// Fuzz target: vector files of every format, through the one "read any vector file" entry point.
package dev.w2v.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.w2v.io.W2vException;
import dev.w2v.vocab.FuzzFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class VectorFileFuzzTest {
  private static final Path FILE = FuzzFiles.file("vectors");

  @FuzzTest(maxDuration = "2m")
  void readVectors(byte[] data) throws IOException {
    Files.write(FILE, data);
    try {
      Embeddings e = VectorReader.read(FILE, VectorReader.ALL, false);
      Embeddings limited = VectorReader.read(FILE, 1, true);
      assertEquals(Math.min(1, e.size()), limited.size());
    } catch (W2vException e) {
      FuzzFiles.assertOneLine(e);
    }
  }
}
