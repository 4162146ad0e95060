// Every kind of input Inputs accepts: files, several, directories, globs, stdin, FIFOs, each compression.
package dev.w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir Path tmp;

  static final String TEXT = "the quick brown fox\njumps over the lazy dog\n\u00e9t\u00e9 caf\u00e9 na\u00efve\n";

  private static String readAll(Inputs in) throws IOException {
    try (InputStream s = in.open()) {
      return new String(s.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(bo)) {
      o.write(b);
    }
    return bo.toByteArray();
  }

  static byte[] bzip2(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = new BZip2CompressorOutputStream(bo)) {
      o.write(b);
    }
    return bo.toByteArray();
  }

  static byte[] xz(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = new XZCompressorOutputStream(bo)) {
      o.write(b);
    }
    return bo.toByteArray();
  }

  static byte[] zstd(byte[] b) throws IOException {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (OutputStream o = new ZstdCompressorOutputStream(bo)) {
      o.write(b);
    }
    return bo.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      bo.writeBytes(p);
    }
    return bo.toByteArray();
  }

  @Test
  void aSingleFileIsReadAsItIs() throws IOException {
    // no newline added at the end: word2vec.c's rule about a final unterminated word still applies
    Path p = write("a.txt", "one two three");
    Inputs in = Inputs.of(p, "training file");
    assertEquals("one two three", readAll(in));
    assertTrue(in.rereadable());
    assertEquals("one two three", readAll(in), "a regular file can be read again");
    assertEquals(List.of(p), in.files());
    assertEquals(13, in.totalBytes());
  }

  @Test
  void severalFilesAreJoinedWithANewlineWhereOneIsMissing() throws IOException {
    Path a = write("a.txt", "a b");
    Path b = write("b.txt", "c d\n");
    Path empty = write("e.txt", "");
    Path c = write("c.txt", "e f");
    Inputs in = Inputs.expand(List.of(a, b, empty, c), "training file");
    assertEquals("a b\nc d\ne f", readAll(in), "a newline after a (none after b: it has one; none after the last)");
    assertEquals("4 files", in.describe());
  }

  @Test
  void eachCompressionIsRecognisedByItsBytesNotItsName() throws IOException {
    byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
    byte[][] packed = {gzip(text), bzip2(text), xz(text), zstd(text)};
    CompressedInput.Codec[] kinds = {CompressedInput.Codec.GZIP, CompressedInput.Codec.BZIP2,
        CompressedInput.Codec.XZ, CompressedInput.Codec.ZSTD};
    for (int i = 0; i < packed.length; i++) {
      Path p = write("packed" + i + ".txt", packed[i]); // a misleading name on purpose
      Inputs in = Inputs.of(p, "training file");
      assertEquals(TEXT, readAll(in), kinds[i].label());
      assertEquals(kinds[i], in.compression(in.sources().get(0)));
    }
    Path plain = write("plain.gz", text);
    Inputs in = Inputs.of(plain, "training file");
    assertEquals(TEXT, readAll(in), "a plain file named .gz is plain");
    assertNull(in.compression(in.sources().get(0)));
  }

  @Test
  void concatenatedMembersAndFramesAreAllRead() throws IOException {
    byte[] a = "first member\n".getBytes(StandardCharsets.UTF_8);
    byte[] b = "second member\n".getBytes(StandardCharsets.UTF_8);
    String both = "first member\nsecond member\n";
    // pigz and bgzip write several gzip members; cat a.gz b.gz does the same
    assertEquals(both, readAll(Inputs.of(write("m.gz", concat(gzip(a), gzip(b))), "f")));
    assertEquals(both, readAll(Inputs.of(write("m.bz2", concat(bzip2(a), bzip2(b))), "f")));
    assertEquals(both, readAll(Inputs.of(write("m.xz", concat(xz(a), xz(b))), "f")));
    assertEquals(both, readAll(Inputs.of(write("m.zst", concat(zstd(a), zstd(b))), "f")));
    // many small members, as bgzip's 64 KiB blocks
    byte[][] parts = new byte[200][];
    StringBuilder want = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String line = "line " + i + "\n";
      want.append(line);
      parts[i] = gzip(line.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(want.toString(), readAll(Inputs.of(write("many.gz", concat(parts)), "f")));
  }

  @Test
  void compressedAndPlainFilesMix() throws IOException {
    Path a = write("a.txt.gz", gzip("a b".getBytes(StandardCharsets.UTF_8)));
    Path b = write("b.txt", "c d\n");
    Path c = write("c.zst", zstd("e f\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("a b\nc d\ne f\n", readAll(Inputs.expand(List.of(a, b, c), "f")));
  }

  @Test
  void aDirectoryIsItsRegularFilesInNameOrder() throws IOException {
    Path dir = tmp.resolve("corpus");
    write("corpus/b.txt", "b\n");
    write("corpus/a.txt", "a\n");
    write("corpus/c.gz", gzip("c\n".getBytes(StandardCharsets.UTF_8)));
    write("corpus/.hidden", "hidden\n");
    write("corpus/sub/d.txt", "not read: not recursive\n");
    Inputs in = Inputs.of(dir, "training file");
    assertEquals("a\nb\nc\n", readAll(in));
    assertEquals(3, in.sources().size());
    Files.createDirectories(tmp.resolve("none/sub"));
    W2vException e = assertThrows(W2vException.class, () -> Inputs.of(tmp.resolve("none"), "training file"));
    assertEquals(W2vException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("has no regular files"), e.getMessage());
  }

  @Test
  void aGlobTheShellDidNotExpandIsExpanded() throws IOException {
    write("data/x2.txt", "two\n");
    write("data/x1.txt", "one\n");
    write("data/y.log", "not matched\n");
    write("data/sub/x3.txt", "three\n");
    Inputs in = Inputs.of(tmp.resolve("data/*.txt"), "training file");
    assertEquals("one\ntwo\n", readAll(in));
    assertEquals(List.of(tmp.resolve("data/x1.txt"), tmp.resolve("data/x2.txt")), in.files());
    assertEquals("three\none\ntwo\n", readAll(Inputs.of(tmp.resolve("data/{x1.txt,sub/x3.txt,x2.txt}"), "f")),
        "braces, in path order");
    assertEquals("three\none\ntwo\n", readAll(Inputs.of(tmp.resolve("data/**.txt"), "f")), "** crosses directories");
    assertEquals("three\n", readAll(Inputs.of(tmp.resolve("d?ta/*/x*.txt"), "f")), "wildcards in directories");
    W2vException e = assertThrows(W2vException.class, () -> Inputs.of(tmp.resolve("data/*.csv"), "training file"));
    assertTrue(e.getMessage().startsWith("no training file matches ") && e.getMessage().endsWith("*.csv"),
        e.getMessage());
  }

  @Test
  void standardInputIsReadOnceAndDecompressed() throws IOException {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(gzip(TEXT.getBytes(StandardCharsets.UTF_8))));
      Inputs in = Inputs.of(Path.of("-"), "training file");
      assertFalse(in.rereadable());
      assertEquals("standard input", in.describe());
      assertEquals(List.of(), in.files());
      assertEquals(-1, in.totalBytes());
      assertEquals(TEXT, readAll(in));
      assertThrows(IllegalStateException.class, in::open, "standard input cannot be read twice");
      // stdin among files
      Path a = write("a.txt", "a");
      System.setIn(new ByteArrayInputStream("b".getBytes(StandardCharsets.UTF_8)));
      assertEquals("a\nb", readAll(Inputs.expand(List.of(a, Path.of("-")), "f")));
      W2vException twice =
          assertThrows(W2vException.class, () -> Inputs.expand(List.of(Path.of("-"), Path.of("-")), "f"));
      assertEquals(W2vException.Kind.USAGE, twice.kind());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void aFifoIsReadOnce() throws Exception {
    Path fifo = tmp.resolve("fifo");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("no mkfifo here");
      return;
    }
    Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
    // plain text in small pieces, so that reads come back short (a pipe cannot tell its position or size)
    String big = TEXT.repeat(3000);
    for (boolean packed : new boolean[] {false, true}) {
      byte[] bytes = packed ? xz(big.getBytes(StandardCharsets.UTF_8)) : big.getBytes(StandardCharsets.UTF_8);
      Thread writer = new Thread(() -> {
        try (OutputStream o = Files.newOutputStream(fifo)) {
          for (int i = 0; i < bytes.length; i += 1000) {
            o.write(bytes, i, Math.min(1000, bytes.length - i));
            o.flush();
          }
        } catch (IOException ignored) {
          // the reader's assertion reports it
        }
      });
      writer.start();
      Inputs in = Inputs.of(fifo, "training file");
      assertFalse(in.rereadable(), "a FIFO is not a regular file");
      assertEquals(big, readAll(in));
      writer.join(10_000);
    }
  }

  @Test
  void concatenatedGzipMembersArrivingSlowlyThroughAPipeAreAllRead() throws Exception {
    // a decoder that looks for a next member only when bytes are already available stops early on a pipe
    Path fifo = tmp.resolve("slow");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("no mkfifo here");
      return;
    }
    Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
    StringBuilder want = new StringBuilder();
    byte[][] members = new byte[4][];
    for (int i = 0; i < members.length; i++) {
      String line = "member " + i + "\n";
      want.append(line);
      members[i] = gzip(line.getBytes(StandardCharsets.UTF_8));
    }
    Thread writer = new Thread(() -> {
      try (OutputStream o = Files.newOutputStream(fifo)) {
        for (byte[] m : members) {
          o.write(m);
          o.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException ignored) {
        // the reader's assertion reports it
      }
    });
    writer.start();
    assertEquals(want.toString(), readAll(Inputs.of(fifo, "training file")));
    writer.join(10_000);
  }

  @Test
  void missingUnreadableAndCorruptInputsAreOneLineErrorsNamingTheFile() throws IOException {
    W2vException missing =
        assertThrows(W2vException.class, () -> Inputs.of(tmp.resolve("nope.txt"), "training file"));
    assertEquals(W2vException.Kind.BAD_INPUT, missing.kind());
    assertTrue(missing.getMessage().contains("nope.txt does not exist"), missing.getMessage());

    byte[] good = gzip(TEXT.repeat(50).getBytes(StandardCharsets.UTF_8));
    Path truncated = write("t.gz", Arrays.copyOf(good, good.length / 2));
    W2vException t = assertThrows(W2vException.class, () -> readAll(Inputs.of(truncated, "training file")));
    assertEquals(W2vException.Kind.BAD_INPUT, t.kind());
    assertTrue(t.getMessage().startsWith("training file " + truncated + ": "), t.getMessage());
    assertFalse(t.getMessage().contains("\n"), t.getMessage());

    byte[] bad = good.clone();
    for (int i = 20; i < bad.length - 10; i++) {
      bad[i] ^= 0x5a;
    }
    Path corrupt = write("c.gz", bad);
    W2vException c = assertThrows(W2vException.class, () -> readAll(Inputs.of(corrupt, "training file")));
    assertEquals(W2vException.Kind.BAD_INPUT, c.kind());
    assertTrue(c.getMessage().contains(corrupt.toString()) && c.getMessage().contains("corrupt"), c.getMessage());
  }

  @Test
  void detectNeedsTheWholeMagic() {
    assertNull(CompressedInput.codec(new byte[] {0x1f}, 1));
    assertNull(CompressedInput.codec("BZ".getBytes(StandardCharsets.US_ASCII), 2));
    assertNull(CompressedInput.codec(new byte[0], 0));
    // zlib's header ("x^") is not one of ours: such text stays text
    assertNull(CompressedInput.codec("x^2 + y^2".getBytes(StandardCharsets.US_ASCII), 9));
  }
}
