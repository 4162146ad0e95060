// Checkpoints and resume: a one-thread run stopped after epoch 2 of 4 and resumed writes exactly the bytes of the
// uninterrupted run (vectors and final state), in the default mode and in -reference 1; a checkpoint is written
// after every epoch; seeds are reproducible.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.W2vException;
import dev.w2v.model.ModelFile;
import dev.w2v.model.TrainingState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {
  @TempDir static Path tmp;
  static Path corpus;

  @BeforeAll
  static void corpus() throws IOException {
    // 60,000 words over 300 types, Zipf-like: enough for subsampling, negatives and several 10,000-word syncs
    Random r = new Random(3);
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

  static TrainConfig config(Path out, boolean cbow, int hs, int negative, boolean reference, int threads) {
    return new TrainConfig(corpus, out, 12, 3, 1e-3f, hs, negative, threads, 4, 2, cbow ? 0.05f : 0.025f, 0, 0,
        true, null, null, cbow, reference, false);
  }

  static TrainJob.Result run(TrainConfig cfg, RunConfig rc, long stopAfter) {
    TrainJob job = new TrainJob(cfg, rc, TrainListener.SILENT);
    job.stopAfterEpoch = stopAfter;
    return job.run();
  }

  private void resumeEqualsUninterrupted(String name, boolean cbow, int hs, int negative, boolean reference)
      throws IOException {
    Path full = tmp.resolve(name + "-full.bin");
    Path fullCk = tmp.resolve(name + "-full.ckpt");
    run(config(full, cbow, hs, negative, reference, 1), new RunConfig(1, null, null, fullCk, null, null), 0);

    Path resumed = tmp.resolve(name + "-resumed.bin");
    Path ck = tmp.resolve(name + ".ckpt");
    RunConfig first = new RunConfig(1, null, null, ck, null, null);
    assertThrows(TrainJob.Stopped.class, () -> run(config(resumed, cbow, hs, negative, reference, 1), first, 2));
    assertFalse(Files.exists(resumed), "a stopped run writes no vectors");
    TrainingState at2 = ModelFile.read(ck, "checkpoint", s -> s);
    assertEquals(2, at2.position().epochsDone());

    run(config(resumed, cbow, hs, negative, reference, 1), new RunConfig(1, null, null, ck, ck, null), 0);
    assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(resumed), name + ": resumed vectors differ");
    assertArrayEquals(Files.readAllBytes(fullCk), Files.readAllBytes(ck), name + ": final states differ");
  }

  /** Keeps the summary a run reports. */
  private static final class Summaries implements TrainListener {
    Summary last;
    final List<Long> epochs = new ArrayList<>();

    @Override
    public long progressMillis() {
      return 60_000; // epochs are published only to a listener that wants progress
    }

    @Override
    public void epoch(Epoch e) {
      epochs.add(e.epoch());
    }

    @Override
    public void finished(Summary s) {
      last = s;
    }
  }

  @Test
  void resumedRunReportsTheEpochsItTrainedAndEveryEpochsLoss() throws IOException {
    Summaries full = new Summaries();
    new TrainJob(config(tmp.resolve("sum-full.bin"), true, 0, 5, false, 1), RunConfig.NONE, full).run();
    assertEquals(4, full.last.epochLoss().length); // config(): -iter 4
    assertEquals(0, full.last.epochsResumed());
    assertEquals(4, full.last.epochsTrained());
    assertEquals(List.of(1L, 2L, 3L, 4L), full.epochs);

    Path ck = tmp.resolve("sum.ckpt");
    Path out = tmp.resolve("sum-resumed.bin");
    assertThrows(TrainJob.Stopped.class,
        () -> run(config(out, true, 0, 5, false, 1), new RunConfig(1, null, null, ck, null, null), 2));
    Path older = tmp.resolve("sum-older.ckpt");
    Files.copy(ck, older);
    dev.w2v.model.OlderModelFiles.dropEpochLoss(older);

    Summaries resumed = new Summaries();
    new TrainJob(config(out, true, 0, 5, false, 1), new RunConfig(1, null, null, null, ck, null), resumed).run();
    assertEquals(2, resumed.last.epochsResumed());
    assertEquals(2, resumed.last.epochsTrained());
    assertEquals(List.of(3L, 4L), resumed.epochs, "the epoch lines of the epochs this run trained");
    // one thread: the same arithmetic as the uninterrupted run, so the same loss, the first two from the checkpoint
    assertArrayEquals(full.last.epochLoss(), resumed.last.epochLoss());
    assertTrue(Arrays.stream(resumed.last.epochLoss()).allMatch(Double::isFinite));
    assertTrue(Math.abs(resumed.last.wordsTrained() - 2 * resumed.last.trainWords()) < resumed.last.trainWords() / 10,
        "two epochs' words: " + resumed.last);

    // a checkpoint from before the loss was stored still resumes, to the same vectors; its epochs' loss is unknown
    Path olderOut = tmp.resolve("sum-older.bin");
    Summaries fromOlder = new Summaries();
    new TrainJob(config(olderOut, true, 0, 5, false, 1), new RunConfig(1, null, null, null, older, null),
        fromOlder).run();
    assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(olderOut));
    assertEquals(2, fromOlder.last.epochsResumed());
    assertTrue(Double.isNaN(fromOlder.last.epochLoss()[0]) && Double.isNaN(fromOlder.last.epochLoss()[1]));
    assertEquals(full.last.epochLoss()[2], fromOlder.last.epochLoss()[2]);
    assertEquals(full.last.epochLoss()[3], fromOlder.last.epochLoss()[3]);
  }

  @Test
  void resumedCbowNegativeEqualsUninterrupted() throws IOException {
    resumeEqualsUninterrupted("cbow-ns", true, 0, 5, false);
  }

  @Test
  void resumedSkipGramHsEqualsUninterrupted() throws IOException {
    resumeEqualsUninterrupted("sg-hs", false, 1, 0, false);
  }

  @Test
  void resumedReferenceModeEqualsUninterrupted() throws IOException {
    // word2vec.c's epoch bug (the end-of-file flag is never cleared) must survive the checkpoint too
    resumeEqualsUninterrupted("ref", true, 1, 3, true);
  }

  @Test
  void resumesWithSeveralThreads() throws IOException {
    Path ck = tmp.resolve("mt.ckpt");
    Path out = tmp.resolve("mt.bin");
    TrainConfig cfg = config(out, false, 0, 5, false, 2);
    assertThrows(TrainJob.Stopped.class, () -> run(cfg, new RunConfig(3, null, null, ck, null, null), 3));
    TrainingState at3 = ModelFile.read(ck, "checkpoint", s -> s);
    assertEquals(2, at3.position().threadRandom().length);
    TrainJob.Result r = run(cfg, new RunConfig(3, null, null, ck, ck, null), 0);
    // the last epoch only: about a quarter of the schedule's words
    assertTrue(Math.abs(r.wordsTrained() - r.trainWords()) < r.trainWords() / 10, r.toString());
    TrainingState end = ModelFile.read(ck, "checkpoint", s -> s);
    assertEquals(4, end.position().epochsDone());
    assertTrue(end.position().wordsDone() >= 4 * r.trainWords() - 100, end.position().toString());
    assertTrue(Files.size(out) > 0);
  }

  @Test
  void resumedContinuationEqualsUninterrupted() throws IOException {
    // a model from the first half of the corpus, continued on all of it (new words), stopped and resumed
    Path half = tmp.resolve("half.txt");
    List<String> lines = Files.readAllLines(corpus);
    Files.write(half, lines.subList(0, 600));
    Path base = tmp.resolve("base.w2vm");
    run(new TrainConfig(half, tmp.resolve("base.bin"), 12, 3, 1e-3f, 1, 3, 1, 2, 5, 0.05f, 0, 0, true, null, null,
        true, false, false), new RunConfig(1, base, null, null, null, null), 0);
    TrainConfig cont = config(tmp.resolve("cont-full.bin"), true, 1, 3, false, 1);
    Path fullModel = tmp.resolve("cont-full.w2vm");
    run(cont, new RunConfig(4, fullModel, base, null, null, null), 0);

    Path ck = tmp.resolve("cont.ckpt");
    TrainConfig cont2 = config(tmp.resolve("cont-resumed.bin"), true, 1, 3, false, 1);
    assertThrows(TrainJob.Stopped.class, () -> run(cont2, new RunConfig(4, null, base, ck, null, null), 3));
    Path resumedModel = tmp.resolve("cont-resumed.w2vm");
    run(cont2, new RunConfig(4, resumedModel, base, ck, ck, null), 0);
    assertArrayEquals(Files.readAllBytes(tmp.resolve("cont-full.bin")),
        Files.readAllBytes(tmp.resolve("cont-resumed.bin")));
    TrainingState a = ModelFile.read(fullModel, "model file", s -> s);
    TrainingState b = ModelFile.read(resumedModel, "model file", s -> s);
    assertEquals(2 + 4, b.position().epochsTotal());
    assertArrayEquals(a.counts(), b.counts());
    assertArrayEquals(a.syn1(), b.syn1());
    assertArrayEquals(a.syn1neg(), b.syn1neg());
    assertTrue(b.vocabSize() > ModelFile.read(base, "model file", s -> s).vocabSize(), "new words were added");
  }

  @Test
  void checkpointAfterEveryEpoch() {
    Path ck = tmp.resolve("every.ckpt");
    List<Long> seen = new ArrayList<>();
    EpochListener l = s -> {
      TrainingState st = ModelFile.read(ck, "checkpoint", x -> x);
      assertEquals(s.epoch(), st.position().epochsDone());
      seen.add(s.epoch());
    };
    run(config(tmp.resolve("every.bin"), true, 0, 5, false, 2), new RunConfig(1, null, null, ck, null, l), 0);
    assertEquals(List.of(1L, 2L, 3L, 4L), seen);
  }

  @Test
  void resumeRefusesAnotherCorpusOrOtherSettings() throws IOException {
    Path ck = tmp.resolve("other.ckpt");
    Path out = tmp.resolve("other.bin");
    assertThrows(TrainJob.Stopped.class,
        () -> run(config(out, true, 0, 5, false, 1), new RunConfig(1, null, null, ck, null, null), 1));
    RunConfig resume = new RunConfig(1, null, null, ck, ck, null);
    W2vException e = assertThrows(W2vException.class, () -> run(new TrainConfig(corpus, out, 12, 4, 1e-3f, 0, 5, 1,
        4, 2, 0.05f, 0, 0, true, null, null, true, false, false), resume, 0));
    assertTrue(e.getMessage().startsWith("-window 4 does not match checkpoint " + ck), e.getMessage());
    e = assertThrows(W2vException.class,
        () -> run(config(out, true, 0, 5, false, 1), new RunConfig(2, null, null, ck, ck, null), 0));
    assertTrue(e.getMessage().contains("-seed 2 does not match"), e.getMessage());

    // same size, one word changed: the counts differ
    String text = Files.readString(corpus);
    Path other = tmp.resolve("corpus.txt");
    Path copy = tmp.resolve("corpus-copy.txt");
    Files.copy(other, copy);
    try {
      Files.writeString(other, text.replaceFirst("t0 ", "t1 "));
      e = assertThrows(W2vException.class, () -> run(config(out, true, 0, 5, false, 1), resume, 0));
      assertEquals(W2vException.Kind.BAD_INPUT, e.kind());
      assertTrue(e.getMessage().contains("is not the corpus checkpoint " + ck), e.getMessage());
      Files.writeString(other, text + "t1 t2\n");
      e = assertThrows(W2vException.class, () -> run(config(out, true, 0, 5, false, 1), resume, 0));
      assertTrue(e.getMessage().contains("bytes"), e.getMessage());
    } finally {
      Files.copy(copy, other, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherModel() throws IOException {
    byte[][] b = new byte[3][];
    long[] seeds = {7, 7, 8};
    for (int i = 0; i < 3; i++) {
      Path out = tmp.resolve("seed" + i + ".bin");
      run(config(out, false, 0, 5, false, 1), new RunConfig(seeds[i], null, null, null, null, null), 0);
      b[i] = Files.readAllBytes(out);
    }
    assertArrayEquals(b[0], b[1]);
    assertFalse(Arrays.equals(b[0], b[2]));
    // the default seed is word2vec.c's: the same bytes as a run without a RunConfig
    Path a = tmp.resolve("seed-default.bin");
    Path c = tmp.resolve("seed-none.bin");
    run(config(a, false, 0, 5, false, 1), new RunConfig(RunConfig.WORD2VEC_SEED, null, null, null, null, null), 0);
    new TrainJob(config(c, false, 0, 5, false, 1)).run();
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(c));
  }

  @Test
  void seedsEveryStream() {
    Model m1 = Model.allocate(10, 4, 4, false, true);
    Model m2 = Model.allocate(10, 4, 4, false, true);
    m1.initSyn0(1);
    m2.initSyn0(2);
    assertFalse(Arrays.equals(m1.syn0, m2.syn0));
    assertEquals(0, RunConfig.threadSeed(1, 0));
    assertEquals(3, RunConfig.threadSeed(1, 3));
    assertTrue(RunConfig.threadSeed(2, 0) != RunConfig.threadSeed(1, 1));
  }
}
