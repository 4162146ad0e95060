// Without --add-modules jdk.incubator.vector (plain `java -jar w2v.jar`) every training path falls back to the
// scalar kernels instead of failing on the missing Vector API classes.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.corpus.DemoCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class NoVectorModuleTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"-cbow 0", "-cbow 0 -shared-negatives 0", "-cbow 1", "-cbow 0 -hs 1 -negative 0"})
  void trainsWithScalarKernelsWhenTheVectorApiIsAbsent(String flags) throws IOException, InterruptedException {
    Path corpus = tmp.resolve("demo.txt");
    DemoCorpus.main(new String[] {"-sentences", "2000", "-seed", "5", corpus.toString()});
    Path out = tmp.resolve("v.bin");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "train", "-iter", "1", "-size", "20", "-threads", "2", "-debug", "2"));
    cmd.addAll(List.of(flags.split(" ")));
    cmd.addAll(List.of("-output", out.toString(), corpus.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("scalar kernels"), output);
    assertTrue(Files.size(out) > 0);
  }
}
