// Matrices split into chunks (as beyond 2^31 floats) train exactly as one array does, in every architecture.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.corpus.EncodedCorpus;
import dev.w2v.math.Kernels;
import dev.w2v.vocab.HuffmanTree;
import dev.w2v.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChunkedModelTest {
  private static final int SIZE = 13; // not a multiple of a SIMD vector: the padded stride differs from it

  private static Vocabulary vocab;
  private static EncodedCorpus corpus;

  private static synchronized void corpus() throws Exception {
    if (corpus != null) {
      return;
    }
    DemoEncoded demo = DemoEncoded.of(3_000, 11, 1);
    vocab = demo.vocab();
    corpus = demo.corpus();
  }

  /** Every row of the matrix, whichever way it is stored. */
  private static float[] rows(Model m, float[][] chunks) {
    float[] out = new float[m.vocabSize * m.stride];
    for (int w = 0; w < m.vocabSize; w++) {
      System.arraycopy(m.array(chunks, w), m.offset(w), out, w * m.stride, m.stride);
    }
    return out;
  }

  private static Model train(boolean cbow, int hs, int negative, boolean shared, boolean simd, int chunkFloats)
      throws Exception {
    corpus();
    TrainConfig cfg = new TrainConfig(Path.of("unused.txt"), Path.of("unused.bin"), SIZE, 4, 1e-3f, hs, negative, 1,
        2, 1, cbow ? 0.05f : 0.025f, 0, 0, true, null, null, cbow, false, shared);
    int stride = simd ? Kernels.roundUp(SIZE) : SIZE;
    Model m = Model.allocate(vocab.size(), SIZE, stride, hs != 0, negative > 0, chunkFloats);
    m.initSyn0();
    Trainer t = new Trainer(cfg, vocab, m, hs != 0 ? HuffmanTree.build(vocab.counts()) : null,
        negative > 0 ? new UnigramTable(vocab.counts()) : null, simd);
    t.train(id -> new EncodedTokenSource(corpus, id, 1));
    return m;
  }

  @Test
  void chunksHoldWholeRowsInPowersOfTwo() {
    Model m = Model.allocate(37, SIZE, 16, true, true, 5 * 16); // 5 rows fit: chunks of 4
    assertTrue(m.chunked());
    assertEquals(2, m.chunkShift);
    assertEquals(10, m.syn0Chunks.length); // 9 of 4 rows, the last of 1
    assertEquals(16, m.syn0Chunks[9].length);
    assertNull(m.syn0);
    assertEquals(m.syn0Chunks[9], m.array(m.syn0Chunks, 36));
    assertEquals(0, m.offset(36));
    assertEquals(3 * 16, m.offset(35));
    Model one = Model.allocate(37, SIZE, 16, false, true, 0);
    assertFalse(one.chunked());
    assertEquals(37 * 16, one.syn0.length);
    assertEquals(one.syn0, one.array(one.syn0Chunks, 36));
    assertEquals(36 * 16, one.offset(36));
  }

  @Test
  void initialisationIsTheSameInChunks() {
    Model a = Model.allocate(50, SIZE, SIZE, false, true, 0);
    Model b = Model.allocate(50, SIZE, SIZE, false, true, 3 * SIZE);
    a.initSyn0();
    b.initSyn0();
    assertArrayEquals(a.syn0, rows(b, b.syn0Chunks));
  }

  @Test
  void trainingInChunksIsBitForBitTheSame() throws Exception {
    for (boolean simd : new boolean[] {false, Kernels.simd()}) {
      // {cbow, hs, negative, shared}
      int[][] cases = {{0, 0, 5, 0}, {0, 1, 0, 0}, {1, 1, 3, 0}, {0, 0, 5, 1}};
      for (int[] c : cases) {
        String what = Arrays.toString(c) + " simd " + simd;
        Model one = train(c[0] == 1, c[1], c[2], c[3] == 1, simd, 0);
        Model chunked = train(c[0] == 1, c[1], c[2], c[3] == 1, simd, 7 * 16); // 4 or 8 rows per chunk
        assertTrue(chunked.chunked());
        assertArrayEquals(one.syn0, rows(chunked, chunked.syn0Chunks), what);
        if (c[1] == 1) {
          assertArrayEquals(one.syn1, rows(chunked, chunked.syn1Chunks), what);
        }
        if (c[2] > 0) {
          assertArrayEquals(one.syn1neg, rows(chunked, chunked.syn1negChunks), what);
        }
        Model init = Model.allocate(one.vocabSize, SIZE, one.stride, false, true, 0);
        init.initSyn0();
        assertFalse(Arrays.equals(init.syn0, one.syn0), "training moved the weights: " + what);
      }
    }
  }
}
