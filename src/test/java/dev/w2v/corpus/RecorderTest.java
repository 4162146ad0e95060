// The scan-time recorder gives word2vec.c's second pass exactly, also after a ReduceVocab and past its memory budget.
package dev.w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.TempFiles;
import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {
  @TempDir Path dir;

  /** Zipf-ish words with a long tail of rare ones, so that a small ReduceVocab threshold prunes repeatedly. */
  static String corpus(int words, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      int w = (int) Math.floor(Math.pow(r.nextDouble(), 4) * 5000);
      sb.append('w').append(w).append(i % 23 == 22 ? '\n' : ' ');
    }
    sb.append("\u0000nul \u00e9t\u00e9 ").append("x".repeat(150)).append('\n'); // NUL-cut, UTF-8, cut at 98 bytes
    return sb.toString();
  }

  static int[] all(EncodedCorpus c) {
    int[] out = new int[(int) c.size()];
    int pos = 0;
    while (pos < out.length) {
      pos += c.read(pos, out, pos, Math.min(1000, out.length - pos));
    }
    return out;
  }

  private record Scan(Vocabulary vocab, EncodedCorpus recorded, VocabBuilder builder) {}

  private Scan scan(byte[] text, long reduceAbove, long budget, boolean rereadable) throws IOException {
    CorpusEncoder.Recorder rec = new CorpusEncoder.Recorder(budget, dir, rereadable);
    VocabBuilder b = new VocabBuilder(reduceAbove);
    b.scan(new WordReader(new ByteArrayInputStream(text), 100), rec);
    int[][] map = new int[1][];
    Vocabulary v = b.build(3, map);
    return new Scan(v, rec.finish(map[0], v), b);
  }

  private int[] secondPass(byte[] text, Vocabulary v) throws IOException {
    Path file = dir.resolve("c.txt");
    Files.write(file, text);
    try (EncodedCorpus c = CorpusEncoder.encode(file, v, Long.MAX_VALUE, dir)) {
      return all(c);
    }
  }

  private long tempFiles() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> TempFiles.isTempName(p.getFileName().toString())).count();
    }
  }

  @Test
  void aReduceVocabOnAnInputReadOnceKeepsTheTokensAsBytes() throws IOException {
    byte[] text = corpus(100_000, 3).getBytes(StandardCharsets.UTF_8);
    for (long budget : new long[] {Long.MAX_VALUE, 1}) {
      Scan s = scan(text, 1500, budget, false);
      assertTrue(s.builder().reductions() >= 2, "the threshold makes ReduceVocab run: " + s.builder().reductions());
      int[] want = secondPass(text, s.vocab());
      assertArrayEquals(want, all(s.recorded()), "budget " + budget);
      s.recorded().close();
      // a word2vec.c second pass also finds the occurrences that a ReduceVocab forgot (of words seen again
      // later): more tokens than the counts add up to, which renumbering the recorded ids could not give
      long counted = 0;
      for (int i = 0; i < s.vocab().size(); i++) {
        counted += s.vocab().count(i);
      }
      assertTrue(want.length > counted, want.length + " tokens found, " + counted + " counted");
    }
    Files.deleteIfExists(dir.resolve("c.txt"));
    assertEquals(0, tempFiles(), "the temporary files are gone");
  }

  @Test
  void aReduceVocabOnARereadableInputAbandonsTheRecording() throws IOException {
    byte[] text = corpus(50_000, 4).getBytes(StandardCharsets.UTF_8);
    Scan s = scan(text, 1500, Long.MAX_VALUE, true);
    assertTrue(s.builder().reductions() > 0);
    assertNull(s.recorded(), "the input is encoded again instead");
  }

  @Test
  void pastItsBudgetTheRecordingSpillsAndIsRenumberedInPlace() throws IOException {
    byte[] text = corpus(3_000_000, 5).getBytes(StandardCharsets.UTF_8);
    Scan s = scan(text, Long.MAX_VALUE, 1, false); // spills at the first chunk
    assertEquals(MappedIds.class, s.recorded().getClass());
    assertArrayEquals(secondPass(text, s.vocab()), all(s.recorded()));
    s.recorded().close();
  }
}
