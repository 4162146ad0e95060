// JMH: one CBOW negative-sampling step (6 context rows in, 6 target rows out) with the SIMD kernels, at dims 50, 100,
// 200 and 300.
package dev.w2v.bench;

import dev.w2v.math.SimdMath;
import java.util.Arrays;
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
 * The arithmetic of Trainer.cbow for one centre word on rows padded to whole vectors: the mean of the C context rows
 * (neu1), for each of the NT targets a dot product and two axpys (neu1e += g O_k, O_k += g neu1), then neu1e added
 * to every context row. About (2 C + 3 NT) x dim multiply-adds. The gradients are tiny and alternate in sign so the
 * rows stay in range however many calls a run makes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class CbowBench {
  @Param({"50", "100", "200", "300"})
  int dim;

  static final int C = 6;
  static final int NT = 6;
  int n;
  float[] syn0;
  float[] syn1;
  int[] io = new int[C];
  int[] oo = new int[NT];
  float[] neu1;
  float[] neu1e;
  float sign = 1e-7f;

  @Setup(Level.Trial)
  public void setup() {
    n = (dim + SimdMath.L - 1) / SimdMath.L * SimdMath.L;
    SplittableRandom r = new SplittableRandom(1);
    syn0 = new float[64 * n];
    syn1 = new float[64 * n];
    for (int i = 0; i < syn0.length; i++) {
      syn0[i] = i % n < dim ? (float) (r.nextDouble() - 0.5) / dim : 0f;
      syn1[i] = i % n < dim ? (float) (r.nextDouble() - 0.5) / dim : 0f;
    }
    for (int j = 0; j < C; j++) {
      io[j] = (7 * j + 3) * n;
    }
    for (int k = 0; k < NT; k++) {
      oo[k] = (11 * k + 1) * n;
    }
    neu1 = new float[n];
    neu1e = new float[n];
  }

  /** One centre word's step; returns the sum of the scores so no work is dead. */
  @Benchmark
  public float step() {
    Arrays.fill(neu1, 0f);
    Arrays.fill(neu1e, 0f);
    for (int j = 0; j < C; j++) {
      SimdMath.axpyV(1f, syn0, io[j], neu1, 0, n);
    }
    SimdMath.scaleV(1f / C, neu1, 0, n);
    float s = 0;
    sign = -sign;
    for (int k = 0; k < NT; k++) {
      float f = SimdMath.dotV(neu1, 0, syn1, oo[k], n);
      s += f;
      float g = (k == 0 ? sign : -sign);
      SimdMath.axpyV(g, syn1, oo[k], neu1e, 0, n);
      SimdMath.axpyV(g, neu1, 0, syn1, oo[k], n);
    }
    for (int j = 0; j < C; j++) {
      SimdMath.axpyV(1f, neu1e, 0, syn0, io[j], n);
    }
    return s;
  }
}
