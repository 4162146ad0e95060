// JMH: negative-sample draws from UnigramTable (compact runs + bucket index) against word2vec.c's plain 1e8 int[].
package dev.w2v.bench;

import dev.w2v.train.UnigramTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@value #DRAWS} draws per call at random table positions, made as the trainer makes them (word2vec.c's LCG:
 * {@code next_random = next_random * 25214903917 + 11; target = table[(next_random >> 16) % table_size]}), so the
 * figure is ns per draw. The vocabulary is 39,990 words with Zipf counts (count ~ 1/rank), the shape and size of
 * gutenberg8's at min-count 5. The plain table is the same 10^8 entries word2vec.c allocates (400 MB).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx1g"})
public class UnigramTableBench {
  static final int DRAWS = 1024;
  static final int VOCAB = 39_990;

  UnigramTable table;
  int[] plain;
  long nextRandom = 1;

  @Setup(Level.Trial)
  public void setup() {
    long[] counts = new long[VOCAB];
    for (int i = 0; i < VOCAB; i++) {
      counts[i] = Math.max(5, 2_000_000L / (i + 1));
    }
    table = new UnigramTable(counts);
    plain = new int[table.tableSize()];
    for (int a = 0; a < plain.length; a++) {
      plain[a] = table.get(a);
    }
  }

  @Benchmark
  @OperationsPerInvocation(DRAWS)
  public int compact() {
    final UnigramTable t = table;
    final int size = t.tableSize();
    long r = nextRandom;
    int sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      r = r * 25214903917L + 11;
      sum += t.get((int) ((r >>> 16) % size));
    }
    nextRandom = r;
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(DRAWS)
  public int plainArray() {
    final int[] t = plain;
    final int size = t.length;
    long r = nextRandom;
    int sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      r = r * 25214903917L + 11;
      sum += t[(int) ((r >>> 16) % size)];
    }
    nextRandom = r;
    return sum;
  }
}
