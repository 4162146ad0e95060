// The Spark trainer on a two-executor cluster survives the kill -9 of one executor, with the same vectors.
package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.corpus.DemoCorpus;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's {@code local-cluster[2,1,1024]}: a master and two workers in this JVM, each worker launching one
 * executor JVM (one core) through {@code $SPARK_HOME}'s launcher, as a standalone cluster does. The failsafe
 * plugin sets {@code SPARK_HOME} to {@code target/spark-home}, which this test makes a Spark distribution to the
 * launcher (an empty {@code RELEASE} file and a {@code jars/} folder); the executors' classes come from this JVM's
 * class path, given in order as {@code spark.executor.extraClassPath}. It runs in `mvn verify` (a separate JVM:
 * one SparkContext per JVM, and the unit tests share a local one).
 */
class ExecutorLossIT {
  @TempDir Path tmp;

  /** Kills (SIGKILL) the executor of the first task started once armed; counts the executors removed. */
  static final class Killer extends SparkListener {
    final AtomicBoolean armed = new AtomicBoolean();
    final AtomicReference<String> killed = new AtomicReference<>();
    final AtomicInteger removed = new AtomicInteger();

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
      if (armed.compareAndSet(true, false)) {
        String id = e.taskInfo().executorId();
        Optional<ProcessHandle> p = executorProcess(id);
        if (p.isPresent() && p.get().destroyForcibly()) {
          killed.set(id + " (pid " + p.get().pid() + ")");
        }
      }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
      removed.incrementAndGet();
    }
  }

  /** The executor JVM of {@code id}: a child of this JVM running CoarseGrainedExecutorBackend --executor-id id. */
  static Optional<ProcessHandle> executorProcess(String id) {
    return ProcessHandle.current().descendants().filter(p -> {
      List<String> args = arguments(p);
      int i = args.indexOf("--executor-id");
      return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend") && i >= 0
          && i + 1 < args.size() && args.get(i + 1).equals(id);
    }).findFirst();
  }

  /**
   * A process's arguments: from /proc on Linux (ProcessHandle.Info has none for a command line as long as the
   * executors' class path), else from ProcessHandle.
   */
  static List<String> arguments(ProcessHandle p) {
    Path cmdline = Path.of("/proc", String.valueOf(p.pid()), "cmdline");
    try {
      if (Files.isReadable(cmdline)) {
        return Arrays.asList(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
      }
    } catch (IOException e) {
      // gone meanwhile, or not readable: fall back
    }
    return Arrays.asList(p.info().arguments().orElse(new String[0]));
  }

  /**
   * The trainer's stderr: keeps the text, and arms the killer once sub-iteration 11 is done (epoch 2's 5th of 6):
   * sub-iteration 10's blocks are a local checkpoint (the loss of one of them used to fail the run), 11's are
   * kept in one copy (recomputed from 10's).
   */
  static final class Watch extends Writer {
    final StringBuilder text = new StringBuilder();
    final Killer killer;

    Watch(Killer killer) {
      this.killer = killer;
    }

    @Override
    public synchronized void write(char[] c, int off, int len) {
      int from = Math.max(0, text.length() - 40);
      text.append(c, off, len);
      if (killer != null && text.indexOf("epoch 2/2, sub-iteration 5/6", from) >= 0 && killer.killed.get() == null) {
        killer.armed.set(true);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void aKilledExecutorCostsNothing() throws Exception {
    long t0 = System.nanoTime();
    Path home = sparkHome();
    // Spark's launcher wants $SPARK_HOME/jars and RELEASE; the executors get this JVM's class path, in its order
    // (Spark's jars, w2v's classes and the test's dependencies), as spark.executor.extraClassPath
    Files.createDirectories(home.resolve("jars"));
    Files.write(home.resolve("RELEASE"), new byte[0]);
    String classPath = String.join(File.pathSeparator, classPath());
    // the executors need the JVM options this JVM was started with (Java 17 module openings, the Vector API)
    String jvmOpts = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
            || a.startsWith("-Djdk.reflect.") || a.startsWith("-Dio.netty."))
        .toList());
    SparkSession spark = SparkSession.builder()
        .master("local-cluster[2,1,1024]")
        .appName("w2v-executor-loss")
        .config("spark.ui.enabled", "false")
        .config("spark.default.parallelism", "2")
        .config("spark.executor.memory", "1024m")
        .config("spark.executor.extraClassPath", classPath)
        .config("spark.executor.extraJavaOptions", jvmOpts)
        .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")
        .config("spark.storage.replication.proactive", "true")
        .getOrCreate();
    try {
      spark.sparkContext().setLogLevel("ERROR");
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (spark.sparkContext().getExecutorMemoryStatus().size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(100); // the driver's block manager and the two executors'
      }
      assertEquals(3, spark.sparkContext().getExecutorMemoryStatus().size(), "two executors registered");
      System.out.printf("local-cluster up in %.1f s%n", (System.nanoTime() - t0) / 1e9);

      Path corpus = tmp.resolve("planted.txt");
      try (Writer w = Files.newBufferedWriter(corpus, StandardCharsets.US_ASCII)) {
        DemoCorpus.write(w, 4_000, 7);
      }
      Path calm = tmp.resolve("calm.bin");
      Watch calmErr = new Watch(null);
      long t1 = System.nanoTime();
      assertEquals(0, train(corpus, calm, calmErr), calmErr.text::toString);
      System.out.printf("undisturbed run: %.1f s%n", (System.nanoTime() - t1) / 1e9);
      assertFalse(calmErr.text.toString().contains("warning"), calmErr.text::toString);

      Killer killer = new Killer();
      spark.sparkContext().addSparkListener(killer);
      Path hurt = tmp.resolve("hurt.bin");
      Watch hurtErr = new Watch(killer);
      long t2 = System.nanoTime();
      int code = train(corpus, hurt, hurtErr);
      System.out.print(hurtErr.text);
      System.out.printf("run with an executor killed: %.1f s%n", (System.nanoTime() - t2) / 1e9);
      assertEquals(0, code, hurtErr.text::toString);
      assertTrue(killer.killed.get() != null, "an executor was killed during the last sub-iteration");
      long waitRemoved = System.nanoTime() + 10_000_000_000L;
      while (killer.removed.get() == 0 && System.nanoTime() < waitRemoved) {
        Thread.sleep(50);
      }
      assertTrue(killer.removed.get() >= 1, "Spark saw the executor go");
      System.out.println("killed executor " + killer.killed.get());
      assertEquals(-1L, Files.mismatch(calm, hurt), "the vectors equal the undisturbed run's");
      System.out.printf("ExecutorLossIT: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    } finally {
      spark.stop();
    }
  }

  static int train(Path corpus, Path out, Writer err) {
    // 2 epochs of 3 rounds of K = 2 sub-iterations: 12 sub-iterations, every 10th a local checkpoint
    return SparkTrain.run(new String[] {"-debug", "2", "-size", "20", "-iter", "2", "-partitions", "2", "-rounds",
        "3", "-threads", "1", "-binary", "1", "-train", corpus.toString(), "-output", out.toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }

  /** $SPARK_HOME, which must be this build's target/spark-home (set by the failsafe plugin); else a skip. */
  static Path sparkHome() {
    String env = System.getenv("SPARK_HOME");
    boolean ours = env != null && Path.of(env).getFileName().toString().equals("spark-home")
        && Path.of(env).getParent() != null && Path.of(env).getParent().getFileName().toString().equals("target");
    if (!ours) {
      String why = "ExecutorLossIT skipped: SPARK_HOME is " + (env == null ? "not set" : env)
          + "; `mvn verify` (the failsafe plugin) sets it to target/spark-home, which the test fills";
      System.out.println(why);
      Assumptions.abort(why);
    }
    return Path.of(env);
  }

  /** The test class path: surefire/failsafe may start the JVM with a manifest-only jar and name it here. */
  static List<String> classPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.asList(cp.split(File.pathSeparator));
  }
}
