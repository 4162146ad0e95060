// Default mode (fast kernels, every epoch trained) against reference mode on the golden corpus: it must train all
// epochs (word2vec.c skips all but the first), and its vectors differ in bits but not in quality.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultModeTest {
  @TempDir Path tmp;

  private static TrainConfig config(Path corpus, Path out, int iter, boolean reference) {
    return new TrainConfig(corpus, out, 24, 5, 1e-3f, 0, 5, 1, iter, 5, 0.05f, 0, 0, true, null, null, true,
        reference, false);
  }

  private static TrainJob.Result run(TrainConfig cfg) {
    return new TrainJob(cfg).run();
  }

  @Test
  void defaultModeTrainsEveryEpochAndLearnsAsWell() throws IOException {
    Path corpus = SharedData.requireGolden().resolve("corpus.txt");
    Path ref = tmp.resolve("ref.bin");
    Path def = tmp.resolve("def.bin");
    TrainJob.Result r = run(config(corpus, ref, 2, true));
    TrainJob.Result d = run(config(corpus, def, 2, false));
    assertEquals(r.trainWords(), d.trainWords());
    // word2vec.c's end-of-file flag stops reference mode after one pass; default mode makes both passes
    assertTrue(r.wordsTrained() < 1.1 * r.trainWords(), "reference mode trained " + r.wordsTrained());
    assertTrue(d.wordsTrained() >= 2 * d.trainWords() - 100, "default mode trained " + d.wordsTrained()
        + " of 2 x " + d.trainWords());

    byte[] rb = Files.readAllBytes(ref);
    byte[] db = Files.readAllBytes(def);
    assertEquals(rb.length, db.length);
    // different kernels (SIMD when available) and a second epoch: the bits must differ
    assertFalse(java.util.Arrays.equals(rb, db), "default mode should not be bit-identical to reference mode");

    LoadedVectors rv = LoadedVectors.read(ref, true);
    LoadedVectors dv = LoadedVectors.read(def, true);
    assertEquals(rv.words, dv.words);
    double overlap = neighbourOverlap(rv, dv, 200, 2000, 10);
    // 0.22 when written; unrelated vectors share about 10 / 2000 = 0.005
    assertTrue(overlap > 0.08, "top-10 neighbour overlap between the two models only " + overlap);
  }

  /**
   * Mean fraction of shared top-k neighbours (among the {@code limit} most frequent words) of the {@code queries}
   * most frequent words: two sound trainings of the same corpus agree on many, unrelated vectors on almost none.
   */
  static double neighbourOverlap(LoadedVectors a, LoadedVectors b, int queries, int limit, int k) {
    double sum = 0;
    for (int q = 1; q <= queries; q++) {
      Set<Integer> skip = Set.of(0, q);
      int[] na = a.nearest(a.row(q), k, limit, skip);
      int[] nb = b.nearest(b.row(q), k, limit, skip);
      Set<Integer> s = new HashSet<>();
      for (int x : na) {
        s.add(x);
      }
      int common = 0;
      for (int x : nb) {
        if (s.contains(x)) {
          common++;
        }
      }
      sum += common / (double) k;
    }
    return sum / queries;
  }
}
