// The model file: a saved state reads back exactly (padded strides included), and every damaged or foreign file is
// refused with a bad-input error that names the file and the problem.
package dev.w2v.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.W2vException;
import dev.w2v.vocab.ByteWords;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir Path tmp;

  /** A random state: V words, vectors of {@code size} in rows {@code stride} apart (padding zero). */
  static TrainingState state(int v, int size, int stride, boolean hs, boolean ns, int threads) {
    Random r = new Random(v * 31L + size);
    ByteWords words = new ByteWords();
    long[] counts = new long[v];
    long[] corpus = new long[v];
    for (int i = 0; i < v; i++) {
      byte[] w = (i == 0 ? "</s>" : "w" + i + (i % 7 == 0 ? "\u00e9" : "")).getBytes(StandardCharsets.UTF_8);
      words.add(w, 0, w.length);
      counts[i] = 1000 - i;
      corpus[i] = 500 - i;
    }
    float[][] m = new float[3][v * stride];
    for (float[] a : m) {
      for (int i = 0; i < v; i++) {
        for (int c = 0; c < size; c++) {
          a[i * stride + c] = (float) r.nextGaussian();
        }
      }
    }
    long[] rnd = new long[threads];
    float[] al = new float[threads];
    boolean[] eof = new boolean[threads];
    for (int t = 0; t < threads; t++) {
      rnd[t] = r.nextLong();
      al[t] = r.nextFloat();
      eof[t] = r.nextBoolean();
    }
    TrainingState.Settings s = new TrainingState.Settings(size, 5, 1e-3f, hs ? 1 : 0, ns ? 5 : 0, true, 0.05f, 5, 4,
        42, threads, false, true, "simd");
    TrainingState.Position p = new TrainingState.Position(2, 7, 123456789L, 0.0123f, rnd, al, eof);
    TrainingState.Corpus k = new TrainingState.Corpus("/some/corpus.txt", 1971285, 400000, 380000);
    return new TrainingState(s, p, k, words, counts, corpus, stride, m[0], hs ? m[1] : null, ns ? m[2] : null);
  }

  @Test
  void epochLossRoundTripsExactlyAndAnOlderFileWithoutItStillReads() throws IOException {
    TrainingState a = state(20, 13, 16, false, true, 2);
    TrainingState.Position p = a.position();
    double[] loss = {2.718281828459045, Double.NaN}; // epochs-done is 2; an unknown loss is NaN
    TrainingState withLoss = new TrainingState(a.settings(), new TrainingState.Position(p.epochsDone(),
        p.epochsTotal(), p.wordsDone(), p.alpha(), p.threadRandom(), p.threadAlpha(), p.threadEof(), loss),
        a.corpus(), a.words(), a.counts(), a.corpusCounts(), a.stride(), a.syn0(), a.syn1(), a.syn1neg());
    Path f = tmp.resolve("loss.w2vm");
    ModelFile.write(f, "checkpoint", withLoss);
    TrainingState b = ModelFile.read(f, "checkpoint", size -> 16);
    assertArrayEquals(loss, b.position().epochLoss());
    assertEquals(2.718281828459045, b.position().epochLoss(0));
    assertTrue(Double.isNaN(b.position().epochLoss(1)) && Double.isNaN(b.position().epochLoss(5)));

    OlderModelFiles.dropEpochLoss(f); // as w2v wrote checkpoints before the loss was stored
    TrainingState older = ModelFile.read(f, "checkpoint", size -> 16);
    assertEquals(0, older.position().epochLoss().length);
    assertTrue(Double.isNaN(older.position().epochLoss(0)));
    assertEquals(2, older.position().epochsDone());
    assertArrayEquals(b.syn1neg(), older.syn1neg());
  }

  @Test
  void moreEpochLossesThanEpochsDoneIsCorrupt() throws IOException {
    TrainingState a = state(20, 13, 16, false, true, 1);
    TrainingState.Position p = a.position();
    TrainingState bad = new TrainingState(a.settings(), new TrainingState.Position(p.epochsDone(),
        p.epochsTotal(), p.wordsDone(), p.alpha(), p.threadRandom(), p.threadAlpha(), p.threadEof(),
        new double[] {1, 2, 3}), a.corpus(), a.words(), a.counts(), a.corpusCounts(), a.stride(), a.syn0(),
        a.syn1(), a.syn1neg());
    Path f = tmp.resolve("bad-loss.w2vm");
    ModelFile.write(f, "checkpoint", bad);
    W2vException e = assertThrows(W2vException.class, () -> ModelFile.read(f, "checkpoint", size -> 16));
    assertTrue(e.getMessage().contains("epoch-loss has 3 entries for 2 epochs"), e.getMessage());
  }

  @Test
  void roundTripKeepsEverything() {
    for (int stride : new int[] {13, 16}) {
      TrainingState a = state(50, 13, stride, true, true, 3);
      Path f = tmp.resolve("m" + stride + ".w2vm");
      ModelFile.write(f, "model file", a);
      TrainingState b = ModelFile.read(f, "model file", size -> stride);
      assertEquals(a.settings(), b.settings());
      assertEquals(a.corpus(), b.corpus());
      assertEquals(a.position().epochsDone(), b.position().epochsDone());
      assertEquals(a.position().epochsTotal(), b.position().epochsTotal());
      assertEquals(a.position().wordsDone(), b.position().wordsDone());
      assertEquals(a.position().alpha(), b.position().alpha());
      assertArrayEquals(a.position().threadRandom(), b.position().threadRandom());
      assertArrayEquals(a.position().threadAlpha(), b.position().threadAlpha());
      assertArrayEquals(a.position().threadEof(), b.position().threadEof());
      assertEquals(a.vocabSize(), b.vocabSize());
      for (int i = 0; i < a.vocabSize(); i++) {
        assertArrayEquals(a.words().bytes(i), b.words().bytes(i));
      }
      assertArrayEquals(a.counts(), b.counts());
      assertArrayEquals(a.corpusCounts(), b.corpusCounts());
      assertArrayEquals(a.syn0(), b.syn0());
      assertArrayEquals(a.syn1(), b.syn1());
      assertArrayEquals(a.syn1neg(), b.syn1neg());
    }
  }

  @Test
  void readsIntoAnotherStrideAndSkipsAbsentMatrices() {
    TrainingState a = state(20, 5, 8, false, true, 1);
    Path f = tmp.resolve("m.w2vm");
    ModelFile.write(f, "model file", a);
    TrainingState b = ModelFile.read(f, "model file", size -> size);
    assertNull(b.syn1());
    for (int i = 0; i < 20; i++) {
      assertArrayEquals(Arrays.copyOfRange(a.syn0(), i * 8, i * 8 + 5), Arrays.copyOfRange(b.syn0(), i * 5, i * 5 + 5));
      assertArrayEquals(
          Arrays.copyOfRange(a.syn1neg(), i * 8, i * 8 + 5), Arrays.copyOfRange(b.syn1neg(), i * 5, i * 5 + 5));
    }
    // the layout is as documented: magic, version, then the HEAD section with its length
    ByteBuffer bb;
    try {
      bb = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertEquals("W2VMODEL", new String(bb.array(), 0, 8, StandardCharsets.US_ASCII));
    assertEquals(1, bb.getInt(8));
    assertEquals("HEAD", new String(bb.array(), 12, 4, StandardCharsets.US_ASCII));
    long headLen = bb.getLong(16);
    String head = new String(bb.array(), 24, (int) headLen, StandardCharsets.UTF_8);
    assertTrue(head.startsWith("size=5\nwindow=5\n"), head);
    assertEquals(bb.capacity(), 24 + headLen + 4 + sectionsAfterHead(20, 5, a), "file length");
  }

  private static long sectionsAfterHead(int v, int size, TrainingState a) {
    long vocab = 4;
    for (int i = 0; i < v; i++) {
      vocab += 4 + a.words().length(i) + 16;
    }
    long matrix = 8 + (long) v * size * 4;
    return (16 + vocab) + 2 * (16 + matrix) + 16; // VOCB, SYN0, SNEG, END.: tag + length + payload + CRC each
  }

  private Path saved() {
    Path f = tmp.resolve("model.w2vm");
    ModelFile.write(f, "model file", state(40, 7, 7, true, true, 2));
    return f;
  }

  private W2vException refused(Path f) {
    W2vException e = assertThrows(W2vException.class, () -> ModelFile.read(f, "model file", s -> s));
    assertEquals(W2vException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    return e;
  }

  @Test
  void refusesBadMagic() throws IOException {
    Path f = tmp.resolve("vectors.txt");
    Files.writeString(f, "3 2\na 1 2\nb 3 4\nc 5 6\n");
    assertTrue(refused(f).getMessage().contains("not a w2v model file"));
  }

  @Test
  void refusesOtherVersion() throws IOException {
    Path f = saved();
    byte[] b = Files.readAllBytes(f);
    b[8] = 3; // 2 is a subword model's
    Files.write(f, b);
    assertTrue(refused(f).getMessage().contains("version 3"));
  }

  @Test
  void refusesAFlippedByteAnywhereInTheMatrices() throws IOException {
    Path f = saved();
    byte[] good = Files.readAllBytes(f);
    for (int at : new int[] {good.length / 2, good.length - 40}) {
      byte[] b = good.clone();
      b[at] ^= 0x10;
      Files.write(f, b);
      String m = refused(f).getMessage();
      assertTrue(m.contains("checksum mismatch"), m);
    }
  }

  @Test
  void refusesATruncatedFile() throws IOException {
    Path f = saved();
    byte[] good = Files.readAllBytes(f);
    for (int len : new int[] {5, 30, good.length / 2, good.length - 1}) {
      Files.write(f, Arrays.copyOf(good, len));
      String m = refused(f).getMessage();
      assertTrue(m.contains("truncated") || m.contains("not a w2v model file"), m);
    }
    Files.write(f, Arrays.copyOf(good, good.length / 2));
    assertTrue(refused(f).getMessage().contains("truncated (it ends inside the SYN"));
  }

  @Test
  void refusesAMissingFile() {
    assertTrue(refused(tmp.resolve("nope.w2vm")).getMessage().contains("no such file"));
  }
}
