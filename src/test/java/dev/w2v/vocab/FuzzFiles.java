// Shared by the fuzz targets: one scratch file per target, and the shape every user-facing error must have.
package dev.w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.w2v.io.W2vException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch files for fuzz targets (deleted on exit) and the one-line-error check. */
public final class FuzzFiles {
  private FuzzFiles() {}

  /** A fresh scratch file path in a private temporary directory. */
  public static Path file(String name) {
    try {
      Path dir = Files.createTempDirectory("w2v-fuzz-");
      dir.toFile().deleteOnExit();
      Path f = dir.resolve(name);
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A W2vException's message is one non-empty line. */
  public static void assertOneLine(W2vException e) {
    assertNotNull(e.getMessage());
    assertFalse(e.getMessage().isEmpty(), "empty message");
    assertFalse(e.getMessage().contains("\n"), () -> "multi-line message: " + e.getMessage());
  }
}
