// JMH: one shared-negative skip-gram step (6 context rows x 6 target rows), per-pair dots and axpys against the
// block kernels, at dims 50, 100, 200 and 300.
package dev.w2v.bench;

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
 * The m x nt step of Trainer.skipGramShared on rows padded to whole vectors: scores S = I O^T, then O += G^T I and
 * I += G O. {@code pairs*} is the loop as it was (one dot and two axpys per pair); {@code block*} the block
 * kernels; {@code *6} the six-target kernels (fused update). The gradients are tiny so the rows stay in range however many calls a run makes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class SkipGramBlockBench {
  @Param({"50", "100", "200", "300"})
  int dim;

  static final int M = 6;
  static final int NT = 6;
  int n;
  float[] syn0;
  float[] syn1;
  float[][] ia = new float[M][];
  float[][] oa = new float[NT][];
  int[] io = new int[M];
  int[] oo = new int[NT];
  float[] s = new float[M * NT];
  float[] g = new float[M * NT];
  float[] err;

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
    for (int j = 0; j < M; j++) {
      ia[j] = syn0;
      io[j] = (7 * j + 3) * n;
    }
    for (int k = 0; k < NT; k++) {
      oa[k] = syn1;
      oo[k] = (11 * k + 1) * n;
    }
    for (int i = 0; i < g.length; i++) {
      g[i] = (i % 2 == 0 ? 1e-7f : -1e-7f);
    }
    err = new float[M * n];
  }

  @Benchmark
  public float[] scoresPairs() {
    for (int j = 0; j < M; j++) {
      for (int k = 0; k < NT; k++) {
        s[j * NT + k] = SimdMath.dotV(syn0, io[j], syn1, oo[k], n);
      }
    }
    return s;
  }

  @Benchmark
  public float[] scoresBlock() {
    SimdMath.blockScoresV(ia, io, M, oa, oo, NT, n, s);
    return s;
  }

  @Benchmark
  public float[] scoresBlock6() {
    SimdMath.blockScores6V(ia, io, M, oa, oo, n, s);
    return s;
  }

  @Benchmark
  public float[] updatePairs() {
    for (int j = 0; j < M; j++) {
      java.util.Arrays.fill(err, j * n, j * n + n, 0f);
      for (int k = 0; k < NT; k++) {
        SimdMath.axpyV(g[j * NT + k], syn1, oo[k], err, j * n, n);
      }
    }
    for (int k = 0; k < NT; k++) {
      for (int j = 0; j < M; j++) {
        SimdMath.axpyV(g[j * NT + k], syn0, io[j], syn1, oo[k], n);
      }
    }
    for (int j = 0; j < M; j++) {
      SimdMath.axpyV(1f, err, j * n, syn0, io[j], n);
    }
    return syn0;
  }

  @Benchmark
  public float[] updateBlock() {
    SimdMath.blockUpdateV(ia, io, M, oa, oo, NT, n, g, err);
    return syn0;
  }

  @Benchmark
  public float[] updateFused6() {
    SimdMath.blockUpdate6V(ia, io, M, oa, oo, n, g);
    return syn0;
  }
}
