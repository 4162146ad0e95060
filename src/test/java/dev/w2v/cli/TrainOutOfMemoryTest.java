// A vocabulary too large for the heap, counted before any size check can apply, must still end in one line.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainOutOfMemoryTest {
  @TempDir Path tmp;

  @Test
  void outOfMemoryWhileCountingIsOneLineAndExitCodeMemory() throws IOException, InterruptedException {
    Path corpus = tmp.resolve("distinct.txt");
    try (BufferedWriter w = Files.newBufferedWriter(corpus, StandardCharsets.US_ASCII)) {
      for (int i = 0; i < 400_000; i++) {
        w.write(String.format("w%07d", i));
        w.write(i % 10 == 9 ? '\n' : ' ');
      }
    }
    Path out = tmp.resolve("v.bin");
    // a separate JVM with a tiny heap: an OutOfMemoryError must not hit the test JVM
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx16m", "-cp", childClasspath(),
        Main.class.getName(), "train", "-min-count", "1", "-size", "10", corpus.toString(), "-output", out.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(ExitCodes.MEMORY, p.exitValue(), output);
    List<String> errors = output.lines().filter(l -> l.contains("error")).toList();
    assertEquals(1, errors.size(), output);
    assertTrue(errors.get(0).startsWith("w2v train: error: out of memory"), output);
    assertTrue(errors.get(0).contains("-Xmx"), output);
    assertFalse(output.contains("Exception") || output.contains("\tat "), output);
    assertFalse(Files.exists(out));
  }

  /** The runtime classpath without the test-only and provided (Spark) jars, which alone would fill 16 MB. */
  static String childClasspath() throws IOException {
    Path runtime = Path.of("target", "runtime-classpath.txt");
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    if (Files.isRegularFile(runtime)) {
      return classes + java.io.File.pathSeparator + Files.readString(runtime).trim();
    }
    return System.getProperty("java.class.path");
  }
}
