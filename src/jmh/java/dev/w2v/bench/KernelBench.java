// JMH: the training kernels (dot, axpy), scalar twin against the Vector API, at word2vec's usual vector sizes.
package dev.w2v.bench;

import dev.w2v.math.ScalarMath;
import dev.w2v.math.SimdMath;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One call of each kernel on two rows of length {@code n} (the static methods the trainer calls). axpy's
 * {@code a} is tiny so that y stays in the normal float range however many calls a run makes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class KernelBench {
  @Param({"50", "100", "200", "300"})
  int n;

  float[] x;
  float[] y;
  float a = 1e-7f;

  @Setup(Level.Trial)
  public void setup() {
    SplittableRandom r = new SplittableRandom(1);
    x = new float[n];
    y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextDouble() - 0.5) / n; // word2vec.c's syn0 initialisation range
      y[i] = (float) (r.nextDouble() - 0.5);
    }
  }

  @Benchmark
  public float dotScalar() {
    return ScalarMath.dotS(x, 0, y, 0, n);
  }

  @Benchmark
  public float dotSimd() {
    return SimdMath.dotV(x, 0, y, 0, n);
  }

  @Benchmark
  public float[] axpyScalar() {
    ScalarMath.axpyS(a, x, 0, y, 0, n);
    return y;
  }

  @Benchmark
  public float[] axpySimd() {
    SimdMath.axpyV(a, x, 0, y, 0, n);
    return y;
  }
}
