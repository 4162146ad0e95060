// Fuzz target: model and checkpoint files (-init-model, -resume). Any bytes give a training state or a one-line
// bad-input error. Each input is read twice: as it is, and with its section checksums made valid, so that the
// fuzzer reaches the parser behind the CRC32C checks.
package dev.w2v.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.w2v.io.W2vException;
import dev.w2v.vocab.FuzzFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

class ModelFileFuzzTest {
  private static final Path FILE = FuzzFiles.file("model");

  @FuzzTest(maxDuration = "2m")
  void readModel(byte[] data) throws IOException {
    read(data);
    read(withValidChecksums(data));
  }

  private static void read(byte[] data) throws IOException {
    Files.write(FILE, data);
    try {
      TrainingState s = ModelFile.read(FILE, "model file", size -> size);
      assertEquals(s.vocabSize(), s.words().size());
    } catch (W2vException e) {
      FuzzFiles.assertOneLine(e);
      assertEquals(W2vException.Kind.BAD_INPUT, e.kind(), e.getMessage());
    }
  }

  /** A copy whose sections (tag, u64 length, payload, u32 CRC32C) carry the right checksums, where they fit. */
  static byte[] withValidChecksums(byte[] data) {
    byte[] d = data.clone();
    ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
    int pos = 12; // magic, version
    while (pos + 12 <= d.length) {
      long len = b.getLong(pos + 4);
      if (len < 0 || len > d.length - pos - 16L) {
        break;
      }
      CRC32C crc = new CRC32C();
      crc.update(d, pos + 12, (int) len);
      b.putInt(pos + 12 + (int) len, (int) crc.getValue());
      pos += 16 + (int) len;
    }
    return d;
  }
}
