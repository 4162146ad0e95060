// The encoded corpus gives the same training whether it is recorded in the scan, re-encoded, or memory-mapped.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.corpus.CorpusEncoder;
import dev.w2v.corpus.EncodedCorpus;
import dev.w2v.corpus.PackedIds;
import dev.w2v.corpus.MappedIds;
import dev.w2v.corpus.WordReader;
import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedCorpusTest {
  @TempDir Path dir;

  static String corpus(int words, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      // Zipf-ish: small ids much more frequent
      int w = (int) Math.floor(Math.pow(r.nextDouble(), 3) * 400);
      sb.append('w').append(w).append(i % 37 == 36 ? '\n' : ' ');
    }
    return sb.toString();
  }

  private static int[] all(EncodedCorpus c) {
    int[] out = new int[(int) c.size()];
    int pos = 0;
    int[] buf = new int[1000];
    while (pos < out.length) {
      int n = c.read(pos, buf, 0, buf.length);
      System.arraycopy(buf, 0, out, pos, n);
      pos += n;
    }
    return out;
  }

  @Test
  void recordedRemappedAndSpilledCorporaAreIdentical() throws Exception {
    String text = corpus(200_000, 1);
    Path file = dir.resolve("c.txt");
    Files.writeString(file, text);
    CorpusEncoder.Recorder rec = new CorpusEncoder.Recorder(Long.MAX_VALUE);
    VocabBuilder b = new VocabBuilder();
    b.scan(new WordReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), 100), rec);
    int[][] map = new int[1][];
    Vocabulary v = b.build(20, map); // prunes rare words: their tokens must disappear
    EncodedCorpus recorded = rec.finish(map[0]);
    EncodedCorpus inMemory = CorpusEncoder.encode(file, v, Long.MAX_VALUE, dir);
    EncodedCorpus spilled = CorpusEncoder.encode(file, v, 1, dir); // budget of 1 byte: spills at once
    assertEquals(PackedIds.class, inMemory.getClass());
    assertEquals(MappedIds.class, spilled.getClass());
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertEquals(java.util.List.of(file), files.toList(), "the spill file is unlinked once mapped");
    }
    int[] a = all(recorded);
    assertArrayEquals(a, all(inMemory));
    assertArrayEquals(a, all(spilled));
    long inVocab = 0;
    for (int i = 0; i < v.size(); i++) {
      inVocab += v.count(i);
    }
    assertEquals(inVocab, a.length, "every in-vocabulary token, and only those");
    spilled.close();
  }

  @Test
  void aSpillThatCannotBeWrittenNamesTheSpillNotTheTrainingFile() throws Exception {
    Path file = dir.resolve("c.txt");
    Files.writeString(file, corpus(20_000, 1));
    VocabBuilder b = new VocabBuilder();
    b.scan(new WordReader(Files.newInputStream(file), 100), null);
    Vocabulary v = b.build(1, new int[1][]);
    Path gone = dir.resolve("no-such-dir");
    dev.w2v.io.W2vException e = org.junit.jupiter.api.Assertions.assertThrows(dev.w2v.io.W2vException.class,
        () -> CorpusEncoder.encode(file, v, 1, gone));
    assertEquals(dev.w2v.io.W2vException.Kind.IO, e.kind());
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().startsWith("cannot create the corpus spill file in " + gone), e.getMessage());
  }

  @Test
  void trainingFromAMappedCorpusEqualsTrainingFromMemory() throws Exception {
    Path file = dir.resolve("c.txt");
    Files.writeString(file, corpus(300_000, 2));
    byte[] mem = train(file, dir.resolve("mem.bin"), null);
    byte[] mapped = train(file, dir.resolve("map.bin"), "1");
    assertArrayEquals(mem, mapped);
  }

  private static byte[] train(Path corpus, Path out, String budget) throws Exception {
    String old = System.getProperty("w2v.corpus.budget");
    try {
      if (budget != null) {
        System.setProperty("w2v.corpus.budget", budget);
      }
      TrainConfig cfg = new TrainConfig(corpus, out, 16, 3, 1e-3f, 0, 3, 1, 2, 5, 0.025f, 0, 0, true,
          null, null, false, false, true);
      new TrainJob(cfg).run();
      return Files.readAllBytes(out);
    } finally {
      if (old == null) {
        System.clearProperty("w2v.corpus.budget");
      } else {
        System.setProperty("w2v.corpus.budget", old);
      }
    }
  }
}
