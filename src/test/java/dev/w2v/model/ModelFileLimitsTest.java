// A model file's sizes are checked against the file itself before anything is allocated (fuzzing found a 16 GB
// allocation from a 700-byte file).
package dev.w2v.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.W2vException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileLimitsTest {
  @TempDir Path tmp;

  /** A small model file written by `w2v train -save-model` (the fuzz seed "ns"). */
  private static byte[] model() throws IOException {
    try (InputStream in = ModelFileLimitsTest.class.getResourceAsStream("ModelFileFuzzTestInputs/readModel/ns")) {
      return in.readAllBytes();
    }
  }

  /** Offset of section {@code tag}'s header (tag, u64 length) in {@code d}. */
  private static int section(byte[] d, String tag) {
    ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
    int pos = 12;
    while (pos + 12 <= d.length) {
      if (new String(d, pos, 4, StandardCharsets.ISO_8859_1).equals(tag)) {
        return pos;
      }
      pos += 16 + (int) b.getLong(pos + 4);
    }
    throw new AssertionError("no section " + tag);
  }

  private W2vException refused(byte[] d) throws IOException {
    Path f = Files.write(tmp.resolve("m.w2vm"), ModelFileFuzzTest.withValidChecksums(d));
    return assertThrows(W2vException.class, () -> ModelFile.read(f, "model file", s -> s));
  }

  @Test
  void theUnmodifiedFileReads() throws IOException {
    Path f = Files.write(tmp.resolve("m.w2vm"), model());
    assertTrue(ModelFile.read(f, "model file", s -> s).vocabSize() > 1);
  }

  @Test
  void aWordCountBeyondTheVocabularySectionIsCorrupt() throws IOException {
    byte[] d = model();
    ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putInt(section(d, "VOCB") + 12, Integer.MAX_VALUE);
    W2vException e = refused(d);
    assertEquals(W2vException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("bad vocabulary size 2147483647"), e.getMessage());
  }

  @Test
  void aSectionLongerThanTheFileIsTruncationNotAnAllocation() throws IOException {
    byte[] d = model();
    ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putLong(section(d, "SYN0") + 4, 1L << 40);
    W2vException e = refused(d);
    assertEquals(W2vException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }
}
