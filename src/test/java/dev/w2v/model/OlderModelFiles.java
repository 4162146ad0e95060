// Model files as w2v wrote them before the HEAD section carried each epoch's loss, made from today's files.
package dev.w2v.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** Test helper: rewrites a model file's HEAD section without its epoch-loss line (new length, new CRC32C). */
public final class OlderModelFiles {
  private OlderModelFiles() {}

  /** Removes the {@code epoch-loss=} line from {@code file}'s HEAD, in place; fails if there was none. */
  public static void dropEpochLoss(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int headStart = 8 + 4; // magic, version
    if (!new String(b, headStart, 4, StandardCharsets.US_ASCII).equals("HEAD")) {
      throw new IOException("no HEAD section");
    }
    int len = (int) in.getLong(headStart + 4);
    String head = new String(b, headStart + 12, len, StandardCharsets.UTF_8);
    String older = head.replaceFirst("(?m)^epoch-loss=[^\n]*\n", "");
    if (older.equals(head)) {
      throw new IOException("HEAD has no epoch-loss line");
    }
    byte[] text = older.getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, headStart + 4);
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(text.length).array());
    out.write(text);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array());
    int rest = headStart + 12 + len + 4;
    out.write(b, rest, b.length - rest);
    Files.write(file, out.toByteArray());
  }
}
