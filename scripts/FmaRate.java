// Measures this machine's fused multiply-add rate with the JDK Vector API: float FMAs per second on one thread, and
// on all threads at once (one per processor). scripts/bench divides w2v's arithmetic by the all-threads figure.
// Usage: java --add-modules jdk.incubator.vector scripts/FmaRate.java [SECONDS (default 1)]
// Prints one line: "fma/s 1 thread: X, N threads: Y, lanes L" (X and Y in FMAs, i.e. lanes x vector FMAs, per s).
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

public final class FmaRate {
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static volatile float sink;

  /**
   * 12 independent accumulators (more than an FMA's latency x its issue width), each x = x * a + b, so the loop is
   * bound by FMA throughput, not latency; the values stay finite (a < 1).
   */
  static long loop(long reps) {
    FloatVector a = FloatVector.broadcast(S, 0.999f);
    FloatVector b = FloatVector.broadcast(S, 0.001f);
    FloatVector x0 = FloatVector.broadcast(S, 1f), x1 = x0.add(1f), x2 = x0.add(2f), x3 = x0.add(3f);
    FloatVector x4 = x0.add(4f), x5 = x0.add(5f), x6 = x0.add(6f), x7 = x0.add(7f);
    FloatVector x8 = x0.add(8f), x9 = x0.add(9f), x10 = x0.add(10f), x11 = x0.add(11f);
    for (long r = 0; r < reps; r++) {
      x0 = x0.fma(a, b); x1 = x1.fma(a, b); x2 = x2.fma(a, b); x3 = x3.fma(a, b);
      x4 = x4.fma(a, b); x5 = x5.fma(a, b); x6 = x6.fma(a, b); x7 = x7.fma(a, b);
      x8 = x8.fma(a, b); x9 = x9.fma(a, b); x10 = x10.fma(a, b); x11 = x11.fma(a, b);
    }
    sink = x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7).add(x8).add(x9).add(x10).add(x11)
        .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    return reps * 12L * S.length();
  }

  /** FMAs per second of one thread running for about {@code seconds}, after warm-up (the JIT compiles loop). */
  static double rate(double seconds) {
    long reps = 1 << 20;
    long t0 = System.nanoTime();
    long fmas = loop(reps);
    while (System.nanoTime() - t0 < seconds * 0.2e9) { // warm-up: a fifth of the time, and it sizes reps
      reps *= 2;
      t0 = System.nanoTime();
      fmas = loop(reps);
    }
    double best = 0;
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) { // the best of several timed calls: a descheduled slice only lowers one
      long s = System.nanoTime();
      fmas = loop(reps);
      best = Math.max(best, fmas / ((System.nanoTime() - s) / 1e9));
    }
    return best;
  }

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1;
    int n = Runtime.getRuntime().availableProcessors();
    double one = rate(seconds);
    ExecutorService ex = Executors.newFixedThreadPool(n);
    List<Future<Double>> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Callable<Double> c = () -> rate(seconds);
      fs.add(ex.submit(c));
    }
    double all = 0;
    for (Future<Double> f : fs) {
      all += f.get();
    }
    ex.shutdown();
    System.out.printf("fma/s 1 thread: %.4g, %d threads: %.4g, lanes %d%n", one, n, all, S.length());
  }
}
