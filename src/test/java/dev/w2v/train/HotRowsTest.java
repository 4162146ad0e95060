// Batched CBOW's private hot output rows: each thread's changes reach the shared rows, and training learns as well
// as without them.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.corpus.EncodedCorpus;
import dev.w2v.vocab.Vocabulary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HotRowsTest {
  private static final int SIZE = 16;
  private static final int HOT = 12;

  private static TrainConfig cbow(int threads) {
    return new TrainConfig(Path.of("unused.txt"), Path.of("unused.bin"), SIZE, 5, 0f, 0, 5, threads, 3, 1, 0.05f, 0,
        0, true, null, null, true, false, true);
  }

  private static Trainer train(DemoEncoded demo, int threads, int hotRows, Model m) throws Exception {
    Trainer t = new Trainer(cbow(threads), demo.vocab(), m, null, new UnigramTable(demo.vocab().counts()), false);
    t.hotRows(hotRows, 1);
    EncodedCorpus corpus = demo.corpus();
    t.train(id -> new EncodedTokenSource(corpus, id, threads));
    return t;
  }

  private static Model model(Vocabulary vocab) {
    Model m = Model.allocate(vocab.size(), SIZE, SIZE, false, true);
    m.initSyn0();
    return m;
  }

  /**
   * syn1neg starts at zero and, with hot rows on, the threads write the hot words' shared rows only by merging: if
   * a merge lost a thread's changes or never ran, those rows would stay zero or lag far behind the rest.
   */
  @Test
  void twoThreadsMergeTheirHotRowsAndLearnAsWithout() throws Exception {
    DemoEncoded demo = DemoEncoded.of(6_000, 11, 5);
    Vocabulary vocab = demo.vocab();
    assertTrue(vocab.size() > 3 * HOT, "enough words beyond the hot ones: " + vocab.size());
    Model with = model(vocab);
    Trainer t = train(demo, 2, HOT, with);
    Model without = model(vocab);
    Trainer u = train(demo, 2, 0, without);
    for (int w = 1; w < HOT; w++) { // word 0 is </s>, never a negative
      double norm = 0;
      double ref = 0;
      for (int i = 0; i < SIZE; i++) {
        norm += with.syn1neg[w * SIZE + i] * with.syn1neg[w * SIZE + i];
        ref += without.syn1neg[w * SIZE + i] * without.syn1neg[w * SIZE + i];
      }
      assertTrue(norm > 0.25 * ref && norm < 4 * ref,
          "hot word " + vocab.word(w) + ": |row|^2 " + norm + " against " + ref + " without hot rows");
    }
    double a = t.loss().epochLoss(2);
    double b = u.loss().epochLoss(2);
    assertTrue(a < t.loss().epochLoss(0), "the loss falls: " + t.loss().epochLoss(0) + " -> " + a);
    assertEquals(b, a, 0.03 * b, "last epoch's loss with hot rows " + a + ", without " + b);
  }

  /** With one thread there is no other core to share with: hot rows are not used, and the result is the same. */
  @Test
  void oneThreadIgnoresThem() throws Exception {
    DemoEncoded demo = DemoEncoded.of(2_000, 5, 5);
    Model a = model(demo.vocab());
    train(demo, 1, HOT, a);
    Model b = model(demo.vocab());
    train(demo, 1, 0, b);
    assertArrayEquals(b.syn0, a.syn0);
    assertArrayEquals(b.syn1neg, a.syn1neg);
  }
}
