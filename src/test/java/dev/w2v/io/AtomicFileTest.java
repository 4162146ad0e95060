// An output is either complete or absent: an aborted write leaves the old file and no temporary file.
package dev.w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path tmp;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.sorted().toList();
    }
  }

  @Test
  void writesUnderATemporaryNameThenRenames() throws IOException {
    Path target = tmp.resolve("model.bin");
    try (AtomicFile f = AtomicFile.create(target, "output file")) {
      f.stream().write("new".getBytes(StandardCharsets.US_ASCII));
      f.stream().flush();
      List<Path> during = files();
      assertEquals(1, during.size());
      assertTrue(during.get(0).getFileName().toString().matches("\\.model\\.bin\\..*\\.tmp"), during.toString());
      assertTrue(Files.notExists(target), "nothing at the target until commit");
      f.commit();
    }
    assertEquals(List.of(target), files());
    assertEquals("new", Files.readString(target));
  }

  @Test
  void anAbortedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = tmp.resolve("model.bin");
    Files.writeString(target, "old");
    RuntimeException failure = assertThrows(RuntimeException.class, () -> {
      try (AtomicFile f = AtomicFile.create(target, "output file")) {
        f.stream().write(new byte[1 << 20]); // past the buffer: really on disk
        throw new RuntimeException("disk full, say");
      }
    });
    assertEquals("disk full, say", failure.getMessage());
    assertEquals(List.of(target), files());
    assertEquals("old", Files.readString(target));
  }

  @Test
  void newFilesGetTheUsualPermissionsAndReplacedFilesKeepTheirs() throws IOException {
    Path plain = Files.createFile(tmp.resolve("plain")); // 0666 minus the umask
    Path target = tmp.resolve("model.bin");
    try (AtomicFile f = AtomicFile.create(target, "output file")) {
      f.commit();
    }
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
        "not the 0600 of a temporary file");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
    try (AtomicFile f = AtomicFile.create(target, "output file")) {
      f.stream().write('x');
      f.commit();
    }
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals("x", Files.readString(target));
  }

  @Test
  void unwritableTargetsAreIoErrorsNamingThePath() throws IOException {
    Path missingDir = tmp.resolve("nope/out.bin");
    W2vException e = assertThrows(W2vException.class, () -> AtomicFile.create(missingDir, "output file"));
    assertEquals(W2vException.Kind.IO, e.kind());
    assertTrue(e.getMessage().contains(missingDir.toString()), e.getMessage());
    e = assertThrows(W2vException.class, () -> AtomicFile.checkWritable(tmp, "output file"));
    assertEquals(W2vException.Kind.IO, e.kind());
    assertTrue(e.getMessage().contains("directory"), e.getMessage());
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    e = assertThrows(W2vException.class, () -> AtomicFile.checkWritable(file.resolve("v.bin"), "output file"));
    assertTrue(e.getMessage().endsWith(file + " is not a directory"), e.getMessage());
  }
}
