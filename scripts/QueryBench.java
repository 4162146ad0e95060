// Times loading a vector file and nearest-neighbour queries in process (wall and CPU time), for the README figures.
// Usage: java --add-modules jdk.incubator.vector -cp target/w2v.jar scripts/QueryBench.java FILE [QUERIES]
import dev.w2v.math.Kernels;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.query.Queries;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

public final class QueryBench {
  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long w0 = System.nanoTime();
    long c0 = mx.getCurrentThreadCpuTime();
    Embeddings e = VectorReader.read(Path.of(args[0]), VectorReader.ALL);
    long w1 = System.nanoTime();
    long c1 = mx.getCurrentThreadCpuTime();
    System.out.printf("load: %d x %d (%s) wall %.3f s, cpu %.3f s, kernels %s%n", e.size(), e.dim(),
        e.format().description(), (w1 - w0) / 1e9, (c1 - c0) / 1e9, Kernels.best().name());
    NearestNeighbours nn = new NearestNeighbours(e);
    double[] wall = new double[queries];
    double[] cpu = new double[queries];
    for (int q = 0; q < queries; q++) {
      int[] idx = {(q * 7919) % e.size()};
      long a = System.nanoTime();
      long b = mx.getCurrentThreadCpuTime();
      nn.nearest(Queries.sum(e, idx), 10, idx, -1f);
      wall[q] = (System.nanoTime() - a) / 1e6;
      cpu[q] = (mx.getCurrentThreadCpuTime() - b) / 1e6;
    }
    System.out.printf("query 1 (cold): wall %.1f ms, cpu %.1f ms%n", wall[0], cpu[0]);
    double[] ws = Arrays.copyOfRange(wall, 1, queries);
    double[] cs = Arrays.copyOfRange(cpu, 1, queries);
    Arrays.sort(ws);
    Arrays.sort(cs);
    System.out.printf("queries 2..%d: wall min %.1f / median %.1f ms, cpu min %.1f / median %.1f ms%n", queries,
        ws[0], ws[ws.length / 2], cs[0], cs[cs.length / 2]);
  }
}
