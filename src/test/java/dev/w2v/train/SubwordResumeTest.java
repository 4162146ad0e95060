// Subword models in w2v's model file: a one-thread run stopped after epoch 2 of 4 and resumed writes exactly the
// bytes of the uninterrupted run (vectors, fastText .bin and final state, n-gram rows included); -init-model
// carries the n-gram rows over; mismatched subword flags are refused.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.W2vException;
import dev.w2v.model.ModelFile;
import dev.w2v.model.TrainingState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubwordResumeTest {
  @TempDir Path tmp;
  Path corpus;

  @org.junit.jupiter.api.BeforeEach
  void corpus() throws IOException {
    // ResumeTest's corpus: 60,000 words over 300 types, Zipf-like
    java.util.Random r = new java.util.Random(3);
    StringBuilder s = new StringBuilder();
    for (int line = 0; line < 6000; line++) {
      for (int k = 0; k < 10; k++) {
        s.append(k == 0 ? "" : " ").append('t').append((int) (300 * Math.pow(r.nextDouble(), 3)));
      }
      s.append('\n');
    }
    corpus = tmp.resolve("corpus.txt");
    Files.writeString(corpus, s);
  }

  private TrainConfig config(Path out, boolean cbow) {
    return new TrainConfig(corpus, out, 12, 3, 1e-3f, 0, 5, 1, 4, 2, cbow ? 0.05f : 0.025f, 0, 0, true, null, null,
        cbow, false, false);
  }

  private static TrainJob.Result run(TrainConfig cfg, RunConfig rc, SubwordConfig sc, long stopAfter) {
    TrainJob job = new TrainJob(cfg, rc, TrainListener.SILENT).subwords(sc);
    job.stopAfterEpoch = stopAfter;
    return job.run();
  }

  @Test
  void resumedSubwordRunEqualsUninterrupted() throws IOException {
    for (boolean cbow : new boolean[] {false, true}) {
      String name = cbow ? "cbow" : "sg";
      Path full = tmp.resolve(name + "-full.bin");
      Path fullCk = tmp.resolve(name + "-full.ckpt");
      Path fullFt = tmp.resolve(name + "-full.ft.bin");
      run(config(full, cbow), new RunConfig(1, null, null, fullCk, null, null),
          new SubwordConfig(2, 4, 500, fullFt), 0);

      Path resumed = tmp.resolve(name + "-resumed.bin");
      Path ck = tmp.resolve(name + ".ckpt");
      Path ft = tmp.resolve(name + "-resumed.ft.bin");
      SubwordConfig sc = new SubwordConfig(2, 4, 500, ft);
      assertThrows(TrainJob.Stopped.class, () -> run(config(resumed, cbow),
          new RunConfig(1, null, null, ck, null, null), sc, 2));
      TrainingState at2 = ModelFile.read(ck, "checkpoint", s -> s);
      assertNotNull(at2.ngrams());
      assertEquals(500, at2.ngrams().bucket());
      assertEquals(2, at2.ngrams().minn());
      ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(ck)).order(ByteOrder.LITTLE_ENDIAN);
      assertEquals(ModelFile.VERSION_SUBWORDS, head.getInt(8));

      // a resume without the subword flags, or with others, is refused before any work
      W2vException e = assertThrows(W2vException.class, () -> run(config(resumed, cbow),
          new RunConfig(1, null, null, ck, ck, null), null, 0));
      assertTrue(e.getMessage().contains("-maxn 0 does not match"), e.getMessage());
      e = assertThrows(W2vException.class, () -> run(config(resumed, cbow),
          new RunConfig(1, null, null, ck, ck, null), new SubwordConfig(2, 4, 600, null), 0));
      assertTrue(e.getMessage().contains("-bucket 600 does not match"), e.getMessage());

      run(config(resumed, cbow), new RunConfig(1, null, null, ck, ck, null), sc, 0);
      assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(resumed), name + ": resumed vectors differ");
      assertArrayEquals(Files.readAllBytes(fullFt), Files.readAllBytes(ft), name + ": resumed .bin differs");
      assertArrayEquals(Files.readAllBytes(fullCk), Files.readAllBytes(ck), name + ": final states differ");
    }
  }

  @Test
  void initModelCarriesTheNgramRowsOver() throws IOException {
    Path model = tmp.resolve("m.w2v");
    run(config(tmp.resolve("a.bin"), false),
        new RunConfig(1, model, null, null, null, null), new SubwordConfig(3, 5, 400, null), 0);
    TrainingState before = ModelFile.read(model, "model file", s -> s);
    Path again = tmp.resolve("m2.w2v");
    run(config(tmp.resolve("b.bin"), false),
        new RunConfig(1, again, model, null, null, null), new SubwordConfig(3, 5, 400, null), 0);
    TrainingState after = ModelFile.read(again, "model file", s -> s);
    assertEquals(8, after.position().epochsTotal());
    assertEquals(before.ngrams().rows().length, after.ngrams().rows().length);
    assertFalse(java.util.Arrays.equals(before.ngrams().rows(), after.ngrams().rows()), "trained further");
    W2vException e = assertThrows(W2vException.class, () -> run(
        config(tmp.resolve("c.bin"), false),
        new RunConfig(1, null, model, null, null, null), new SubwordConfig(2, 5, 400, null), 0));
    assertTrue(e.getMessage().contains("-minn 2 does not match"), e.getMessage());
  }
}
