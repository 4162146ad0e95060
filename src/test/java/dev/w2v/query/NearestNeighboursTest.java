// The fast scan plus exact re-scoring returns what distance.c's plain loop returns, ties and exclusions included.
package dev.w2v.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.math.Kernels;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.FloatMatrix;
import dev.w2v.vectors.TestVectors;
import dev.w2v.vectors.VectorReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearestNeighboursTest {
  @TempDir Path dir;

  /** distance.c's loop: insertion into a best-first list with a strict comparison. */
  static List<Neighbour> cLoop(Embeddings e, float[] vec, int n, int[] exclude, float floor) {
    float[] bestd = new float[n];
    int[] besti = new int[n];
    java.util.Arrays.fill(bestd, floor);
    java.util.Arrays.fill(besti, -1);
    FloatMatrix m = e.matrix();
    outer:
    for (int c = 0; c < e.size(); c++) {
      for (int x : exclude) {
        if (x == c) {
          continue outer;
        }
      }
      float dist = 0;
      for (int a = 0; a < e.dim(); a++) {
        dist += vec[a] * m.get(c, a);
      }
      for (int a = 0; a < n; a++) {
        if (dist > bestd[a]) {
          for (int d = n - 1; d > a; d--) {
            bestd[d] = bestd[d - 1];
            besti[d] = besti[d - 1];
          }
          bestd[a] = dist;
          besti[a] = c;
          break;
        }
      }
    }
    List<Neighbour> out = new ArrayList<>();
    for (int a = 0; a < n && besti[a] >= 0; a++) {
      out.add(new Neighbour(besti[a], bestd[a]));
    }
    return out;
  }

  @Test
  void matchesTheCLoopOnRandomVectorsWithDuplicatesAndTies() throws IOException {
    TestVectors t = TestVectors.random(500, 37, 11);
    for (int i = 100; i < 500; i += 7) {
      t.vectors[i] = t.vectors[i - 50].clone(); // exact ties
    }
    Embeddings e = VectorReader.read(TestVectors.write(dir, "v.bin", t.binary(true)), VectorReader.ALL);
    Random rnd = new Random(5);
    for (NearestNeighbours nn :
        List.of(new NearestNeighbours(e, Kernels.best()), new NearestNeighbours(e, Kernels.scalar()))) {
      for (int trial = 0; trial < 50; trial++) {
        int[] q = {rnd.nextInt(500), rnd.nextInt(500)};
        float[] vec = Queries.sum(e, q);
        int n = 1 + rnd.nextInt(60);
        float floor = trial % 2 == 0 ? -1f : 0.1f;
        assertEquals(cLoop(e, vec, n, q, floor), nn.nearest(vec, n, q, floor), "trial " + trial);
      }
    }
  }

  @Test
  void largeMatrixScannedInParallelOverSeveralChunksGivesTheSameAnswers() throws IOException {
    TestVectors t = TestVectors.random(70_001, 60, 13); // 4.2M floats: above the parallel threshold
    Path p = TestVectors.write(dir, "big.bin", t.binary(false));
    Embeddings chunked = dev.w2v.vectors.VectorReaderAccess.read(p, 997 * 60); // 71 chunks of 997 rows
    assertEquals(71, chunked.matrix().chunkCount());
    NearestNeighbours nn = new NearestNeighbours(chunked);
    Random rnd = new Random(3);
    for (int trial = 0; trial < 3; trial++) {
      int[] q = {rnd.nextInt(70_001)};
      float[] vec = Queries.sum(chunked, q);
      assertEquals(cLoop(chunked, vec, 25, q, -1f), nn.nearest(vec, 25, q, -1f));
    }
  }

  @Test
  void fewerCandidatesThanAskedForGivesWhatThereIs() throws IOException {
    TestVectors t = TestVectors.random(5, 4, 12);
    Embeddings e = VectorReader.read(TestVectors.write(dir, "v.bin", t.binary(true)), VectorReader.ALL);
    NearestNeighbours nn = new NearestNeighbours(e);
    int[] q = {0};
    assertEquals(4, nn.nearest(Queries.sum(e, q), 40, q, -1f).size());
    assertEquals(cLoop(e, Queries.sum(e, q), 40, q, 0f), nn.nearest(Queries.sum(e, q), 40, q, 0f));
  }

  @Test
  void nthLargestIgnoresNaN() {
    float[] s = {3, Float.NaN, 1, 5, 2, 5, Float.NaN};
    assertEquals(5f, NearestNeighbours.nthLargest(s, 1));
    assertEquals(5f, NearestNeighbours.nthLargest(s, 2));
    assertEquals(3f, NearestNeighbours.nthLargest(s, 3));
    assertEquals(1f, NearestNeighbours.nthLargest(s, 5));
    assertEquals(Float.NEGATIVE_INFINITY, NearestNeighbours.nthLargest(s, 6));
  }

  @Test
  void suggestsACloseSpelling() throws IOException {
    byte[] content = "4 2\nthe 1 0\nking 0 1\nKings 1 1\nqueen 1 2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Embeddings e = VectorReader.read(TestVectors.write(dir, "v.txt", content), VectorReader.ALL);
    assertEquals("king", e.word(Suggestions.closest(e.words(), "kingg")));
    assertEquals("king", e.word(Suggestions.closest(e.words(), "KING")));
    assertEquals("queen", e.word(Suggestions.closest(e.words(), "qeen")));
    assertEquals(-1, Suggestions.closest(e.words(), "xyzzy"));
  }
}
