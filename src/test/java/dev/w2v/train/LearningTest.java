// Training must really learn: on a generated corpus with planted relations (DemoCorpus), a trained model answers
// the planted analogies a - b + c = d, and models that learned nothing (or lost their word identities) do not.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.cli.TrainRun;
import dev.w2v.corpus.DemoCorpus;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningTest {
  @TempDir static Path tmp;
  static Path corpus;

  @BeforeAll
  static void generate() throws IOException {
    corpus = tmp.resolve("planted.txt");
    try (Writer w = Files.newBufferedWriter(corpus, StandardCharsets.US_ASCII)) {
      DemoCorpus.write(w, 30_000, 7); // about 310,000 words; data/demo.txt uses another seed
    }
  }

  /** Fraction of the planted analogies whose nearest answer (3CosAdd, query words excluded) is right. */
  static double accuracy(LoadedVectors v) {
    List<String[]> qs = DemoCorpus.analogies();
    int right = 0;
    for (String[] q : qs) {
      if (v.analogy(q[0], q[1], q[2]).equals(q[3])) {
        right++;
      }
    }
    return right / (double) qs.size();
  }

  private static LoadedVectors train(String name, String... flags) throws IOException {
    Path out = tmp.resolve(name + ".bin");
    List<String> args = new ArrayList<>(List.of("train", "-debug", "0", "-threads", "2", "-size", "40"));
    args.addAll(List.of(flags));
    args.addAll(List.of(corpus.toString(), "-output", out.toString()));
    TrainRun r = TrainRun.of(args.toArray(new String[0]));
    assertEquals(0, r.code(), r::toString);
    return LoadedVectors.read(out, true);
  }

  @Test
  void cbowWithNegativeSamplingAnswersThePlantedAnalogies() throws IOException {
    LoadedVectors v = train("cbow-ns"); // word2vec.c's defaults: CBOW, -negative 5, -iter 5
    assertTrue(DemoCorpus.analogies().size() > 500);
    double acc = accuracy(v);
    assertTrue(acc >= 0.8, "accuracy " + acc);
    assertEquals("queen", v.analogy("man", "king", "woman"));

    // the same vectors with their rows shuffled among the words: the check must fail
    List<String> shuffled = new ArrayList<>(v.words);
    Collections.shuffle(shuffled, new Random(1));
    float[] raw = v.unit.clone();
    double broken = accuracy(new LoadedVectors(shuffled, v.size, raw));
    assertTrue(broken < 0.1, "shuffled vectors scored " + broken);
  }

  @Test
  void skipGramWithHierarchicalSoftmaxLearnsToo() throws IOException {
    LoadedVectors v = train("sg-hs", "-cbow", "0", "-hs", "1", "-negative", "0", "-iter", "2");
    double acc = accuracy(v);
    assertTrue(acc >= 0.7, "accuracy " + acc);
  }

  @Test
  void aModelThatBarelyMovedFailsTheCheck() throws IOException {
    // a learning rate a million times too small leaves the random initial vectors
    LoadedVectors v = train("frozen", "-alpha", "1e-8", "-iter", "1");
    double acc = accuracy(v);
    assertTrue(acc < 0.1, "an untrained model scored " + acc);
  }
}
