// Subword training (-minn/-maxn/-bucket): it learns, its -output is the .bin's word vectors, the .bin's header says
// what was trained, and the combinations it does not support are refused with the flag's name.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.cli.ExitCodes;
import dev.w2v.cli.TrainRun;
import dev.w2v.corpus.DemoCorpus;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.FastTextFormat;
import dev.w2v.vectors.VectorReader;
import dev.w2v.vocab.Subwords;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubwordTrainingTest {
  @TempDir static Path tmp;
  static Path corpus;

  @BeforeAll
  static void generate() throws IOException {
    corpus = tmp.resolve("planted.txt");
    try (Writer w = Files.newBufferedWriter(corpus, StandardCharsets.US_ASCII)) {
      DemoCorpus.write(w, 30_000, 7);
    }
  }

  private static TrainRun train(String name, String... flags) {
    List<String> args = new ArrayList<>(List.of("train", "-debug", "0", "-size", "40"));
    args.addAll(List.of(flags));
    if (!args.contains("-threads")) {
      args.addAll(List.of("-threads", "2"));
    }
    args.addAll(List.of(corpus.toString(), "-output", tmp.resolve(name + ".bin").toString()));
    return TrainRun.of(args.toArray(new String[0]));
  }

  @Test
  void skipGramAndCbowWithSubwordsAnswerThePlantedAnalogies() throws IOException {
    for (String cbow : new String[] {"0", "1"}) {
      // one thread: the same model every run (with two, the accuracy wanders by about 0.01 either way of 0.7)
      TrainRun r = train("sub" + cbow, "-cbow", cbow, "-minn", "3", "-maxn", "5", "-bucket", "20000", "-iter", "3",
          "-threads", "1");
      assertEquals(0, r.code(), r::toString);
      LoadedVectors v = LoadedVectors.read(tmp.resolve("sub" + cbow + ".bin"), true);
      double acc = LearningTest.accuracy(v);
      assertTrue(acc >= 0.7, "-cbow " + cbow + ": accuracy " + acc);
    }
  }

  @Test
  void theOutputHoldsTheWordVectorsOfTheFastTextFileAndItsHeaderSaysWhatWasTrained() throws IOException {
    Path ft = tmp.resolve("model.ft.bin");
    TrainRun r = train("vec", "-cbow", "0", "-minn", "2", "-maxn", "4", "-bucket", "5000", "-iter", "1",
        "-window", "4", "-negative", "3", "-min-count", "7", "-sample", "1e-4", "-save-fasttext", ft.toString());
    assertEquals(0, r.code(), r::toString);
    Embeddings out = VectorReader.read(tmp.resolve("vec.bin"), VectorReader.ALL, false);
    Embeddings bin = VectorReader.read(ft, VectorReader.ALL, false);
    assertEquals(out.size(), bin.size());
    assertEquals(40, bin.dim());
    int compared = 0;
    for (int i = 0; i < out.size(); i++) {
      String w = out.word(i);
      assertEquals(w, bin.word(i));
      if (w.equals("</s>")) {
        continue; // fastText gives </s> no n-grams; the reader, as gensim, does
      }
      assertArrayEquals(out.vector(i), bin.vector(i), w);
      compared++;
    }
    assertTrue(compared > 100);

    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(ft)).order(ByteOrder.LITTLE_ENDIAN);
    int[] want = {FastTextFormat.MAGIC, 12, 40, 4, 1, 7, 3, 1, FastTextFormat.LOSS_NS, FastTextFormat.MODEL_SKIPGRAM,
        5000, 2, 4, 100};
    for (int k = 0; k < want.length; k++) {
      assertEquals(want[k], b.getInt(), "header field " + k);
    }
    assertEquals(1e-4, b.getDouble(), 1e-9);
    int size = b.getInt();
    assertEquals(out.size(), size);
    assertEquals(size, b.getInt()); // nwords
    assertEquals(0, b.getInt()); // nlabels
    b.getLong(); // ntokens
    assertEquals(-1L, b.getLong()); // not pruned
    long dictionary = 0;
    for (int i = 0; i < size; i++) {
      dictionary += out.words().bytes(i).length + 1 + 8 + 1;
    }
    long matrices = 1 + 16 + 4L * 40 * (size + 5000) + 1 + 16 + 4L * 40 * size;
    assertEquals(FastTextFormat.HEADER_BYTES + 4 * 3 + 16 + dictionary + matrices, Files.size(ft));
  }

  @Test
  void unsupportedCombinationsAreRefusedNamingTheFlag() {
    String[][] cases = {
      {"-reference 1", "-reference", "1", "-threads", "1", "-maxn", "6"},
      {"-hs 1", "-hs", "1", "-maxn", "6"},
      {"-minn", "-minn", "3"},
      {"-bucket", "-bucket", "100"},
      {"-minn 7", "-minn", "7", "-maxn", "6"},
      {"-maxn -1", "-maxn", "-1"},
      {"-save-fasttext needs", "-save-fasttext", tmp.resolve("x.bin").toString()},
    };
    for (String[] c : cases) {
      String[] flags = java.util.Arrays.copyOfRange(c, 1, c.length);
      TrainRun r = train("refused", flags);
      assertEquals(ExitCodes.USAGE, r.code(), r::toString);
      assertTrue(r.err().contains(c[0]), c[0] + ": " + r.err());
      assertFalse(Files.exists(tmp.resolve("refused.bin")));
    }
  }

  @Test
  void maxnZeroIsWord2vecItself() throws IOException {
    TrainRun a = train("plain", "-threads", "1", "-iter", "1");
    TrainRun b = train("maxn0", "-threads", "1", "-iter", "1", "-maxn", "0");
    assertEquals(0, a.code(), a::toString);
    assertEquals(0, b.code(), b::toString);
    assertArrayEquals(Files.readAllBytes(tmp.resolve("plain.bin")), Files.readAllBytes(tmp.resolve("maxn0.bin")));
    TrainRun c = train("sub1", "-threads", "1", "-iter", "1", "-maxn", "6", "-bucket", "1000");
    assertEquals(0, c.code(), c::toString);
    assertNotEquals(Files.size(tmp.resolve("sub1.bin")), 0L);
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("plain.bin")),
        Files.readAllBytes(tmp.resolve("sub1.bin"))));
  }

  @Test
  void theNgramTableHoldsEachWordsBucketsAndNoneForTheEndOfSentence() {
    dev.w2v.vocab.ByteWords words = new dev.w2v.vocab.ByteWords();
    for (String w : new String[] {"</s>", "ab", "café", "kingdom"}) {
      byte[] b = w.getBytes(StandardCharsets.UTF_8);
      words.add(b, 0, b.length);
    }
    Subwords.Table t = Subwords.Table.of(words, 1, 3, 1000);
    assertEquals(0, t.count(0));
    int[] want = new int[64];
    for (int w = 1; w < 4; w++) {
      int n = Subwords.ngramBuckets(words.bytes(w), 1, 3, 1000, want);
      assertEquals(n, t.count(w));
      assertArrayEquals(java.util.Arrays.copyOf(want, n),
          java.util.Arrays.copyOfRange(t.ids, t.start[w], t.start[w + 1]));
    }
    assertEquals(7, t.count(1)); // <a, a, ab, <ab, b, b>, ab>
  }
}
