package dev.w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel scan against the serial one (VocabBuilder with the Recorder): the same vocabulary, the same ids. */
class ParallelScanTest {
  @TempDir
  Path dir;

  /** Text with every tokeniser case near any cut: runs of separators, CR, NUL, over-long words, no final separator. */
  private static byte[] text(long seed, int words) {
    Random r = new Random(seed);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String[] common = {"the", "of", "and", "a", "to", "in", "is", "</s>", "x", "zz"};
    for (int i = 0; i < words; i++) {
      int k = r.nextInt(100);
      if (k < 60) {
        b.writeBytes(common[r.nextInt(common.length)].getBytes());
      } else if (k < 90) {
        b.writeBytes(("w" + r.nextInt(300)).getBytes()); // ties in count among these
      } else if (k < 93) {
        b.writeBytes("y".repeat(95 + r.nextInt(10)).getBytes()); // cut at 98 bytes
      } else if (k < 95) {
        b.writeBytes(new byte[] {'n', 'u', 0, 'l', (byte) ('a' + r.nextInt(3))});
      } else if (k < 97) {
        b.writeBytes(new byte[] {'c', 13, 'r'});
      } else {
        b.writeBytes(("\u00e9t\u00e9" + r.nextInt(5)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      int s = r.nextInt(20);
      byte[][] seps = {{' '}, {' '}, {' '}, {' '}, {' ', ' '}, {'\t'}, {'\n'}, {'\n', '\n'}, {13, '\n'}, {' ', '\n'}};
      b.writeBytes(seps[s % seps.length]);
    }
    b.writeBytes("last".getBytes()); // no separator follows: word2vec.c drops it
    return b.toByteArray();
  }

  private static long[] ids(EncodedCorpus c) {
    long n = c.size();
    int[] buf = new int[(int) n];
    int got = 0;
    while (got < n) {
      int r = c.read(got, buf, got, Math.min(777, (int) n - got)); // reads that cross the parts' joins
      assertTrue(r > 0);
      got += r;
    }
    long[] out = new long[(int) n];
    for (int i = 0; i < n; i++) {
      out[i] = buf[i];
    }
    return out;
  }

  @Test
  void sameVocabularyAndIdsAsTheSerialScan() throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      byte[] bytes = text(seed, 20_000);
      Path f = dir.resolve("t" + seed + ".txt");
      Files.write(f, bytes);
      for (int minCount : new int[] {1, 5}) {
        VocabBuilder serial = new VocabBuilder();
        CorpusEncoder.Recorder rec = new CorpusEncoder.Recorder(1L << 30);
        serial.scan(new WordReader(new ByteArrayInputStream(bytes), 100), rec);
        int[][] sm = new int[1][];
        Vocabulary want = serial.build(minCount, sm);
        long[] wantIds = ids(rec.finish(sm[0]));
        for (int n : new int[] {2, 3, 4, 7, 64}) {
          AtomicLong read = new AtomicLong();
          ParallelScan p = ParallelScan.scan(f, bytes.length, n, read, null);
          assertNotNull(p);
          assertEquals(bytes.length, read.get(), "bytes read, " + n + " parts");
          assertEquals(serial.tokens(), p.builder().tokens(), "tokens, " + n + " parts");
          int[][] pm = new int[1][];
          Vocabulary got = p.builder().build(minCount, pm);
          assertEquals(want.size(), got.size(), "vocabulary size, " + n + " parts");
          for (int i = 0; i < want.size(); i++) {
            assertEquals(want.word(i), got.word(i), "word " + i + ", " + n + " parts, seed " + seed);
            assertEquals(want.count(i), got.count(i), "count of " + want.word(i) + ", " + n + " parts");
          }
          assertArrayEquals(wantIds, ids(p.finish(pm[0])), "ids, " + n + " parts, seed " + seed);
        }
      }
    }
  }

  @Test
  void cutsFallJustAfterASeparator() throws IOException {
    byte[] bytes = text(9, 5000);
    Path f = dir.resolve("c.txt");
    Files.write(f, bytes);
    long[] cut = ParallelScan.cuts(f, bytes.length, 5);
    assertEquals(0, cut[0]);
    assertEquals(bytes.length, cut[5]);
    for (int i = 1; i < 5; i++) {
      assertTrue(cut[i] > cut[i - 1]);
      byte b = bytes[(int) cut[i] - 1];
      assertTrue(b == ' ' || b == '\t' || b == '\n', "byte before cut " + i + ": " + b);
      for (long q = bytes.length * (long) i / 5; q < cut[i] - 1; q++) {
        byte c = bytes[(int) q];
        assertTrue(c != ' ' && c != '\t' && c != '\n', "an earlier separator at " + q);
      }
    }
  }

  @Test
  void aFileWithoutSeparatorsIsOnePart() throws IOException {
    Path f = dir.resolve("one.txt");
    Files.write(f, "abcdefghij".getBytes());
    long[] cut = ParallelScan.cuts(f, 10, 3);
    assertArrayEquals(new long[] {0, 10, 10, 10}, cut);
    ParallelScan p = ParallelScan.scan(f, 10, 3, null, null);
    assertEquals(0, p.builder().tokens()); // the unterminated word is dropped, as by the serial scan
  }
}
