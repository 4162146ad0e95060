// What an output path is decides how it is written: devices and FIFOs in place, symlinks through, read-only refused.
package dev.w2v.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetTest {
  @TempDir Path tmp;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void write(Path target, String text) throws IOException {
    try (AtomicFile f = AtomicFile.create(target, "output file")) {
      f.stream().write(text.getBytes(StandardCharsets.UTF_8));
      f.commit();
    }
  }

  @Test
  void aProcFdLinkToAPipeIsWrittenDirectly() throws Exception {
    // /dev/stdout -> /proc/self/fd/1 -> "pipe:[N]": the link's text names no file, yet the kernel opens the pipe
    Process p = new ProcessBuilder("sleep", "30").start();
    try {
      Path fd = Path.of("/proc/" + p.pid() + "/fd/0"); // the child's stdin: a pipe from this JVM
      assumeTrue(Files.isSymbolicLink(fd) && Files.readSymbolicLink(fd).toString().startsWith("pipe:"),
          "no /proc fd links here");
      OutputTarget t = OutputTarget.check(fd, "output file");
      assertEquals(OutputTarget.Kind.DIRECT, t.kind());
      assertEquals(fd, t.path());
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aCharacterDeviceIsWrittenInPlaceNotReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull), "no /dev/null");
    assertEquals(OutputTarget.Kind.DIRECT, OutputTarget.check(devNull, "output file").kind());
    write(devNull, "vectors");
    assertEquals(0020000, (Integer) Files.getAttribute(devNull, "unix:mode") & 0170000, "still a character device");
    assertEquals(0, Files.size(devNull));
  }

  @Test
  void aFullDeviceIsAnIoErrorNotASilentLoss() {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "no /dev/full");
    W2vException e = assertThrows(W2vException.class, () -> write(full, "vectors"));
    assertEquals(W2vException.Kind.IO, e.kind());
    assertTrue(e.getMessage().contains("/dev/full") && e.getMessage().contains("No space left on device"),
        e.getMessage());
  }

  @Test
  void aFifoIsWrittenInPlace() throws Exception {
    Path fifo = tmp.resolve("pipe");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    write(fifo, "through the pipe");
    assertArrayEquals("through the pipe".getBytes(StandardCharsets.UTF_8), read.get(10, TimeUnit.SECONDS));
    assertEquals(0010000, (Integer) Files.getAttribute(fifo, "unix:mode") & 0170000, "still a FIFO");
    assertEquals(List.of("pipe"), names());
  }

  @Test
  void aSymlinkIsWrittenThroughAndStaysALink() throws IOException {
    Path sub = Files.createDirectory(tmp.resolve("sub"));
    Path real = Files.writeString(sub.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), Path.of("sub/real.txt"));
    Path link2 = Files.createSymbolicLink(tmp.resolve("link2.txt"), Path.of("link.txt")); // a chain
    write(link2, "new");
    assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(link2));
    assertEquals(Path.of("link.txt"), Files.readSymbolicLink(link2));
    assertEquals("new", Files.readString(real));
    try (Stream<Path> s = Files.list(sub)) {
      assertEquals(List.of(real), s.toList(), "no temporary file left beside the target");
    }
  }

  @Test
  void aDanglingSymlinkCreatesItsTarget() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), Path.of("made.txt"));
    write(link, "x");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("x", Files.readString(tmp.resolve("made.txt")));
  }

  @Test
  void aReadOnlyFileIsRefusedBeforeAnyWorkEvenForRoot() throws IOException {
    Path ro = Files.writeString(tmp.resolve("ro.bin"), "keep");
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
    W2vException e = assertThrows(W2vException.class, () -> AtomicFile.checkWritable(ro, "output file"));
    assertEquals(W2vException.Kind.IO, e.kind());
    assertTrue(e.getMessage().contains(ro.toString()) && e.getMessage().contains("read-only"), e.getMessage());
    assertThrows(W2vException.class, () -> write(ro, "lost"));
    assertEquals("keep", Files.readString(ro));
    assertEquals(List.of("ro.bin"), names());
    // through a symlink too: the target's mode decides
    Path link = Files.createSymbolicLink(tmp.resolve("l"), ro.getFileName());
    assertThrows(W2vException.class, () -> AtomicFile.checkWritable(link, "output file"));
  }

  @Test
  void longNamesUpToTheLimitWorkAndLongerOnesAreRefusedEarly() throws IOException {
    String name = "é".repeat(100) + "x".repeat(55); // 255 bytes of UTF-8
    Path ok = tmp.resolve(name);
    write(ok, "fits");
    assertEquals("fits", Files.readString(ok));
    assertEquals(List.of(name), names());
    Path tooLong = tmp.resolve(name + "y");
    W2vException e = assertThrows(W2vException.class, () -> AtomicFile.checkWritable(tooLong, "output file"));
    assertTrue(e.getMessage().contains("longer than 255 bytes"), e.getMessage());
  }

  @Test
  void blockDevicesAreRefused() throws IOException {
    Path block;
    try (Stream<Path> s = Files.list(Path.of("/dev"))) {
      block = s.filter(p -> {
        try {
          return ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) == 0060000;
        } catch (IOException | RuntimeException e) {
          return false;
        }
      }).findFirst().orElse(null);
    }
    assumeTrue(block != null, "no block device to test with");
    W2vException e = assertThrows(W2vException.class, () -> AtomicFile.checkWritable(block, "output file"));
    assertTrue(e.getMessage().contains("block device"), e.getMessage());
  }

  @Test
  void temporaryFilesOfDeadProcessesAreSweptAndLiveOnesKept() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long dead = p.pid();
    assumeTrue(ProcessHandle.of(dead).isEmpty(), "pid reused already");
    String stale = ".vectors.bin.w2v-" + dead + "-abc123.tmp";
    String staleSpill = ".corpus.txt.ids.w2v-" + dead + "-zz9.tmp";
    String live = ".vectors.bin.w2v-1-abc123.tmp"; // pid 1 is alive
    String other = ".vectors.bin.tmp"; // not ours
    for (String n : List.of(stale, staleSpill, live, other)) {
      Files.writeString(tmp.resolve(n), "x");
    }
    assertTrue(TempFiles.isTempName(stale) && TempFiles.isTempName(staleSpill));
    assertFalse(TempFiles.isTempName(other));
    AtomicFile.checkWritable(tmp.resolve("vectors.bin"), "output file");
    assertEquals(List.of(other, live).stream().sorted().toList(), names());
  }

  @Test
  void temporaryNamesCarryTheOwnerAndStayWithinTheLimit() throws IOException {
    Path t = TempFiles.create(tmp, "n".repeat(255), "pass12");
    try {
      String n = t.getFileName().toString();
      assertTrue(n.getBytes(StandardCharsets.UTF_8).length <= 255, n);
      assertTrue(n.contains(".pass12.w2v-" + ProcessHandle.current().pid() + "-"), n);
      assertTrue(TempFiles.isTempName(n), n);
    } finally {
      TempFiles.delete(t);
    }
    assertEquals(List.of(), names());
  }
}
