// scripts/w2v end to end, against the packaged jar: clean streams, exit codes, locale, symlinks, signals.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launcher as a user would (a separate process); `mvn verify` runs this after packaging target/w2v.jar. */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("scripts", "w2v").toAbsolutePath();

  @TempDir Path dir;

  /** One finished run: exit code, stdout and stderr. */
  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
  }

  private Run run(Map<String, String> env, Path launcher, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    File out = dir.resolve("stdout.txt").toFile();
    pb.redirectOutput(out);
    Process p = pb.start();
    // stderr through a pipe, read to its end: what the JVM itself prints passes the launcher's filter, which may
    // write its last line just after the JVM exits; a pipe's reader waits for it, as a shell's 2>&1 | ... does
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "w2v did not finish");
    return new Run(p.exitValue(), Files.readString(out.toPath()), err);
  }

  private Run run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), LAUNCHER, args);
  }

  private Path vectors() throws IOException {
    Path p = dir.resolve("v.txt");
    Files.writeString(p, "4 3\nking 1 0.1 0\nqueen 0.9 0.2 0\ncafé 0.8 -0.3 0.1\n@user 0 1 0\n", StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void noIncubatorWarningSoJsonThroughTwoToOneParses() throws Exception {
    Run r = run("similar", "-vectors", vectors().toString(), "-format", "json", "-n", "2", "king");
    assertEquals(0, r.code, r.toString());
    assertEquals("", r.err, "stderr must be empty: " + r);
    assertTrue(r.out.startsWith("{\"query\":[\"king\"]"), r.toString());
  }

  @Test
  void debugZeroPrintsNothingOnStderr() throws Exception {
    Path corpus = corpus(2_000);
    Run r = run("train", "-train", corpus.toString(), "-output", "out.txt", "-size", "10", "-iter", "1",
        "-min-count", "1", "-threads", "1", "-debug", "0");
    assertEquals(0, r.code, r.toString());
    assertEquals("", r.err, r.toString());
    assertEquals("", r.out, r.toString());
  }

  @Test
  void simdKernelsStillRunThroughTheLauncher() throws Exception {
    Path corpus = corpus(2_000);
    Run r = run("train", "-train", corpus.toString(), "-output", "out.txt", "-size", "16", "-iter", "1",
        "-min-count", "1", "-threads", "1");
    assertEquals(0, r.code, r.toString());
    assertTrue(r.err.contains("SIMD kernels"), r.toString());
    assertFalse(r.err.contains("WARNING"), r.toString());
  }

  @Test
  void nonAsciiWordsUnderTheCLocale() throws Exception {
    Run r = run(Map.of("LC_ALL", "C", "LANG", "C"), LAUNCHER, "similar", "-vectors", vectors().toString(),
        "-format", "tsv", "-n", "1", "café");
    assertEquals(0, r.code, r.toString());
    assertTrue(r.out.startsWith("café\t"), r.toString());
  }

  @Test
  void atWordsAreWordsNotFiles() throws Exception {
    Files.writeString(dir.resolve("user"), "king\n");
    Run r = run("similar", "-vectors", vectors().toString(), "-format", "tsv", "-n", "1", "@user");
    assertEquals(0, r.code, r.toString());
    assertTrue(r.out.startsWith("@user\t"), r.toString());
  }

  @Test
  void worksThroughASymlinkOnThePath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("w2v"), LAUNCHER);
    Run r = run(Map.of(), link, "--version");
    assertEquals(0, r.code, r.toString());
    assertTrue(r.out.startsWith("w2v "), r.toString());
  }

  @Test
  void noArgumentsIsTheUsageAndExit2() throws Exception {
    Run r = run();
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertTrue(r.err.startsWith("Usage: w2v"), r.toString());
    assertEquals("", r.out);
  }

  @Test
  void resultsLostToAFullDeviceExit4() throws Exception {
    Path full = Path.of("/dev/full");
    if (!Files.isWritable(full)) {
      System.out.println("skipped: no /dev/full");
      return;
    }
    List<String> cmd = List.of("bash", LAUNCHER.toString(), "similar", "-vectors", vectors().toString(), "king");
    Process p = new ProcessBuilder(cmd).redirectOutput(full.toFile())
        .redirectError(dir.resolve("e.txt").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("e.txt"));
    assertEquals(ExitCodes.IO, p.exitValue(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("w2v similar: error: cannot write the results to standard output"), err);
  }

  /** Runs {@code script} under bash with the launcher as $0; returns its stdout (the script echoes statuses). */
  private String shell(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", script, LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bash did not finish");
    return out;
  }

  @Test
  void aClosedPipeEndsQuietlyWithStatus141() throws Exception {
    // `| true` has gone before the JVM starts, so the first write meets a closed pipe, deterministically
    String status = shell("\"$0\" similar -vectors \"$1\" king 2>err.txt | true; echo \"${PIPESTATUS[0]}\"",
        vectors().toString());
    assertEquals("141\n", status, Files.readString(dir.resolve("err.txt")));
    assertEquals("", Files.readString(dir.resolve("err.txt")));
    // `| head -1`, as a user types it: w2v may finish before head leaves, or meet the closed pipe; either way quiet
    StringBuilder many = new StringBuilder("3000 3\n");
    Random random = new Random(1);
    for (int i = 0; i < 3000; i++) {
      many.append("w").append(i).append(' ').append(random.nextFloat()).append(' ').append(random.nextFloat())
          .append(' ').append(random.nextFloat()).append('\n');
    }
    Path big = Files.writeString(dir.resolve("many.txt"), many);
    String head = shell("\"$0\" similar -vectors \"$1\" -n 2999 w1 2>err.txt | head -1 >/dev/null;"
        + " echo \"${PIPESTATUS[0]}\"", big.toString());
    assertTrue(head.equals("141\n") || head.equals("0\n"), head);
    assertEquals("", Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void badJavaOptionsAreStillReported() throws Exception {
    Run r = run(Map.of("W2V_JAVA_OPTS", "-Xmx1k"), LAUNCHER, "--version");
    assertTrue(r.code != 0, r.toString());
    // this JVM message goes to stdout; the test is that the launcher hides nothing but the incubator line
    assertTrue((r.out + r.err).contains("heap"), r.toString());
    Run bogus = run(Map.of("W2V_JAVA_OPTS", "-XX:+NoSuchOption"), LAUNCHER, "--version");
    assertTrue(bogus.code != 0, bogus.toString());
    assertTrue(bogus.err.contains("Unrecognized VM option 'NoSuchOption'"), bogus.toString());
  }

  @Test
  void interruptEndsTrainingWithExit130() throws Exception {
    Path corpus = corpus(200_000);
    List<String> cmd = List.of("bash", LAUNCHER.toString(), "train", "-train", corpus.toString(), "-output",
        "out.bin", "-size", "50", "-iter", "50", "-min-count", "1", "-threads", "1");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("log.txt").toFile()).start();
    // wait until training runs, then Ctrl-C (the launcher execs java, so the pid is the JVM's)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(dir.resolve("log.txt")).contains("Training") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "training did not stop on SIGINT");
    assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), Files.readString(dir.resolve("log.txt")));
    assertFalse(Files.exists(dir.resolve("out.bin")), "no partial output");
  }

  @Test
  void interruptOnATerminalEndsTheLineForTheShellsPrompt() throws Exception {
    Path corpus = corpus(200_000);
    for (String tty : new String[] {"1", "0"}) {
      List<String> cmd = List.of("bash", LAUNCHER.toString(), "train", "-train", corpus.toString(), "-output",
          "out.bin", "-size", "50", "-iter", "50", "-min-count", "1", "-threads", "1", "-debug", "1");
      Path log = dir.resolve("log" + tty + ".txt");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().put("W2V_JAVA_OPTS", "-Dw2v.stderr.tty=" + tty); // after the launcher's own, so it wins
      Process p = pb.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains("Settings:") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "training did not stop on SIGINT");
      assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), Files.readString(log));
      // the header's last line, then (on a terminal only) the line that the terminal's ^C would otherwise share
      assertEquals(tty.equals("1"), Files.readString(log).endsWith("\n\n"), tty + ": " + Files.readString(log));
    }
  }

  /** A corpus of {@code words} random words over a 200-word vocabulary. */
  private Path corpus(int words) throws IOException {
    Random rnd = new Random(1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append('w').append(rnd.nextInt(200)).append(i % 20 == 19 ? '\n' : ' ');
    }
    Path p = dir.resolve("corpus" + words + ".txt");
    Files.writeString(p, sb);
    return p;
  }
}
