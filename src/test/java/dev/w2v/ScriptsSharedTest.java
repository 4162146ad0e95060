// Scripts find the shared data through ../shared beside the project or W2V_SHARED, never through a machine's path.
package dev.w2v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptsSharedTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath(); // Maven runs tests in the project directory

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run bash(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(PROJECT.toFile());
    pb.environment().remove("W2V_SHARED");
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    byte[] err = p.getErrorStream().readAllBytes();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private Run shared(Map<String, String> env, Path project) throws IOException, InterruptedException {
    return bash(env, "-c", ". scripts/lib/shared.bash && w2v_shared test-script \"$1\"", "-", project.toString());
  }

  @Test
  void sharedBesideTheProjectOrFromTheEnvironment() throws Exception {
    Path project = Files.createDirectories(dir.resolve("a/project"));
    Files.createDirectories(dir.resolve("a/shared/data"));
    Run beside = shared(Map.of(), project);
    assertEquals(0, beside.code, beside.err);
    assertEquals(dir.resolve("a/shared").toRealPath() + "\n", beside.out);

    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/data")).getParent();
    Run fromEnv = shared(Map.of("W2V_SHARED", elsewhere.toString()), project);
    assertEquals(0, fromEnv.code, fromEnv.err);
    assertEquals(elsewhere.toRealPath() + "\n", fromEnv.out);
  }

  @Test
  void noSharedStopsWithOneLineSayingWhatToSet() throws Exception {
    Path lonely = Files.createDirectories(dir.resolve("b/project"));
    Run r = shared(Map.of(), lonely);
    assertEquals(2, r.code);
    assertEquals("", r.out);
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.err.startsWith("test-script: ") && r.err.contains("set W2V_SHARED="), r.err);

    Run wrong = shared(Map.of("W2V_SHARED", dir.resolve("nowhere").toString()), lonely);
    assertEquals(2, wrong.code);
    assertEquals(1, wrong.err.lines().count(), wrong.err);
    assertTrue(wrong.err.contains("W2V_SHARED=" + dir.resolve("nowhere") + " has no data"), wrong.err);
  }

  @Test
  void benchSparkStopsAtOnceWithoutTheSharedData() throws Exception {
    Run r = bash(Map.of("W2V_SHARED", dir.resolve("nowhere").toString()), "scripts/bench-spark", "-k", "1");
    assertEquals(2, r.code, r.err);
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.err.startsWith("bench-spark: W2V_SHARED="), r.err);
  }

  @Test
  void noMachinePathsInTheProject() throws IOException {
    String machine = "/wo" + "rk/"; // split, so this file does not match itself
    List<String> offenders = new ArrayList<>();
    for (String top : List.of("scripts", "src", ".ci", "data", "README.md", "pom.xml")) {
      Path p = PROJECT.resolve(top);
      Assumptions.assumeTrue(Files.exists(p) || !top.equals("scripts"), "scripts/ not found from " + PROJECT);
      if (!Files.exists(p)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(p)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          if (Files.size(f) < 5_000_000
              && new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(machine)) {
            offenders.add(PROJECT.relativize(f).toString());
          }
        }
      }
    }
    assertEquals(List.of(), offenders, "files naming a machine's path " + machine);
  }
}
