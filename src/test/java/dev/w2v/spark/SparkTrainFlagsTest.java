// The training flags w2v train and the Spark trainer share are declared once (cli/TrainFlags), with Spark's own
// defaults and texts from its resource bundle, and Spark gets its paths exactly as typed.
package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.cli.Main;
import dev.w2v.cli.TrainFlags;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class SparkTrainFlagsTest {
  private static CommandLine spark() {
    return new CommandLine(new SparkTrain());
  }

  private static CommandLine train() {
    return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
        .getSubcommands().get("train");
  }

  private static Class<?> declaredIn(OptionSpec o) {
    return ((Field) o.userObject()).getDeclaringClass();
  }

  @Test
  void everyFlagBothCommandsTakeIsDeclaredOnce() {
    CommandLine spark = spark();
    CommandLine train = train();
    List<String> shared = new ArrayList<>();
    for (OptionSpec o : spark.getCommandSpec().options()) {
      OptionSpec t = train.getCommandSpec().findOption(o.longestName());
      if (t == null || o.usageHelp() || o.versionHelp()) {
        continue;
      }
      shared.add(o.longestName());
      assertTrue(declaredIn(o) == TrainFlags.class || declaredIn(o) == TrainFlags.Seed.class,
          o.longestName() + " is declared in " + declaredIn(o));
      assertEquals(declaredIn(o), declaredIn(t), o.longestName());
    }
    assertEquals(List.of("-train", "-output", "-size", "-window", "-sample", "-hs", "-negative", "-threads", "-iter",
        "-min-count", "-alpha", "-classes", "-debug", "-binary", "-save-vocab", "-read-vocab", "-cbow", "-seed"),
        shared);
  }

  @Test
  void sparksDefaultsLabelsAndPathsAreItsOwn() {
    CommandLine spark = spark();
    spark.parseArgs("-train", "hdfs://namenode:8020/corpus/*.gz", "-output=s3a://bucket//v.bin");
    SparkTrain cmd = spark.getCommand();
    SparkTrain.Settings s = cmd.settings();
    assertEquals("hdfs://namenode:8020/corpus/*.gz", s.train(), "a java.nio Path would fold the double slash");
    assertEquals("s3a://bucket//v.bin", s.output());
    assertEquals(0.025f, s.sg().alpha());
    assertEquals(0, cmd.f.cbow, "skip-gram by default on Spark");
    assertEquals("0", spark.getCommandSpec().findOption("-cbow").paramLabel());
    assertEquals("PATH", spark.getCommandSpec().findOption("-train").paramLabel());

    CommandLine train = train();
    assertEquals("0|1", train.getCommandSpec().findOption("-cbow").paramLabel());
    assertEquals("FILE", train.getCommandSpec().findOption("-train").paramLabel());
    assertEquals("1", train.getCommandSpec().findOption("-cbow").defaultValue());
  }
}
