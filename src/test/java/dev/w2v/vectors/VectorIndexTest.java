// A word2vec binary file read in place through its index answers exactly what the same file loaded into memory does.
package dev.w2v.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.io.W2vException;
import dev.w2v.math.Kernels;
import dev.w2v.math.VectorMath;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.query.Neighbour;
import dev.w2v.query.Queries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorIndexTest {
  @TempDir Path dir;

  /** Mapped windows of 2^10 bytes: rows of 4 * 37 bytes straddle many window starts. */
  private static final int SHIFT = 10;

  private static Embeddings mapped(Path f) {
    return VectorReader.read(f, VectorReader.ALL, true, FloatMatrix.MAX_CHUNK_FLOATS, 0, SHIFT);
  }

  private static Embeddings inMemory(Path f) {
    return VectorReader.read(f, VectorReader.ALL, true, FloatMatrix.MAX_CHUNK_FLOATS, Long.MAX_VALUE, SHIFT);
  }

  private static TestVectors data(int n, int dim) {
    TestVectors t = TestVectors.random(n, dim, 17);
    Arrays.fill(t.vectors[5], 0f); // an all-zero row
    Arrays.fill(t.vectors[6], 3e30f); // its float sum of squares overflows
    for (int i = 0; i < n; i++) { // words of many lengths, so rows start at every alignment
      if (i > 6) {
        t.words[i] = ("w" + "x".repeat(i % 11) + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return t;
  }

  private static void assertSame(Embeddings a, Embeddings b) {
    assertEquals(a.size(), b.size());
    assertEquals(a.dim(), b.dim());
    assertEquals(a.format(), b.format());
    assertEquals(a.headerCount(), b.headerCount());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.words().bytes(i), b.words().bytes(i));
      assertArrayEquals(a.vector(i), b.vector(i), "row " + i); // bit for bit: the same normalisation
      assertEquals(a.indexOf(a.word(i)), b.indexOf(b.word(i)));
    }
    for (VectorMath k : new VectorMath[] {Kernels.best(), Kernels.scalar()}) {
      NearestNeighbours na = new NearestNeighbours(a, k);
      NearestNeighbours nb = new NearestNeighbours(b, k);
      for (int w = 0; w < Math.min(a.size(), 40); w++) {
        float[] q = Queries.sum(a, new int[] {w});
        assertEquals(na.nearest(q, 10, new int[] {w}, -1f), nb.nearest(q, 10, new int[] {w}, -1f), "query " + w);
      }
    }
  }

  @Test
  void readsInPlaceWithTheSameAnswersAsInMemoryBothLayouts() throws IOException {
    for (boolean newline : new boolean[] {true, false}) {
      TestVectors t = data(300, 37);
      Path f = dir.resolve("v" + newline + ".bin");
      Files.write(f, t.binary(newline));
      Embeddings heap = inMemory(f);
      assertFalse(heap.matrix().mapped());
      assertFalse(Files.exists(VectorIndex.beside(f)));

      Embeddings first = mapped(f); // reads the file and saves the index
      assertTrue(first.matrix().mapped());
      assertTrue(Files.isRegularFile(VectorIndex.beside(f)));
      assertSame(heap, first);

      Embeddings second = mapped(f); // through the index
      assertTrue(second.matrix().mapped());
      assertSame(heap, second);
      assertEquals(Queries.cosine(heap, 3, 9), Queries.cosine(second, 3, 9));
    }
  }

  @Test
  void theInt8CopyPicksEveryExactNeighbourAndItsBoundHolds() throws IOException {
    TestVectors t = data(400, 37);
    Path f = dir.resolve("c.bin");
    Files.write(f, t.binary(true));
    Embeddings heap = inMemory(f);
    mapped(f); // saves the index
    Embeddings indexed = mapped(f);
    assertTrue(indexed.matrix().hasCompact());
    FloatMatrix m = indexed.matrix();
    int stride = m.compactStride();
    assertEquals(48, stride);
    // the quantisation bound that the candidate selection relies on, element by element
    byte[] codes = new byte[stride];
    for (int r = 0; r < indexed.size(); r++) {
      float[] x = heap.vector(r);
      float step = CompactRows.quantise(x, 37, codes, 0, stride);
      assertEquals(step, m.compactStep(r), 0f, "row " + r);
      for (int c = 0; c < stride; c++) {
        double err = c < 37 ? Math.abs(x[c] - (double) step * codes[c]) : Math.abs(codes[c]);
        assertTrue(err <= step * CompactRows.STEP_ERROR, "row " + r + " element " + c + ": " + err);
      }
    }
    // the answers equal the float scan's for many queries, n and negative words
    NearestNeighbours exact = new NearestNeighbours(heap);
    NearestNeighbours compact = new NearestNeighbours(indexed);
    for (int w = 0; w < 200; w++) {
      for (int n : new int[] {1, 10, 50}) {
        float[] q = Queries.sum(heap, new int[] {w});
        assertEquals(exact.nearest(q, n, new int[] {w}, -1f), compact.nearest(q, n, new int[] {w}, -1f),
            "query " + w + " n " + n);
        assertTrue(compact.lastCandidates() >= Math.min(n, 399), "went through the int8 copy");
        assertTrue(compact.lastCandidates() < 400, "a few candidates, not every row: " + compact.lastCandidates());
      }
      float[] q = Queries.combine(heap, new int[] {w}, new int[] {(w + 1) % 400});
      int[] ex = {w, (w + 1) % 400};
      assertEquals(exact.nearest(q, 10, ex, Float.NEGATIVE_INFINITY),
          compact.nearest(q, 10, ex, Float.NEGATIVE_INFINITY), "query " + w + " - " + (w + 1));
    }
  }

  @Test
  void aChangedFileRebuildsTheIndex() throws IOException {
    TestVectors t = data(200, 37);
    Path f = dir.resolve("v.bin");
    Files.write(f, t.binary(true));
    mapped(f);
    long before = Files.getLastModifiedTime(VectorIndex.beside(f)).toMillis();
    t.vectors[10][0] += 1f;
    t.words[11] = "renamed".getBytes(java.nio.charset.StandardCharsets.UTF_8); // same size? no matter
    Files.write(f, t.binary(true));
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    Embeddings e = mapped(f);
    assertEquals(11, e.indexOf("renamed"));
    assertArrayEquals(inMemory(f).vector(10), e.vector(10));
    assertNotEquals(-1, before);
  }

  @Test
  void aLimitThroughTheIndexKnowsOnlyTheFirstWords() throws IOException {
    TestVectors t = data(200, 37);
    Path f = dir.resolve("v.bin");
    Files.write(f, t.binary(true));
    mapped(f);
    Embeddings e = VectorReader.read(f, 50, true, FloatMatrix.MAX_CHUNK_FLOATS, 0, SHIFT);
    assertEquals(50, e.size());
    assertEquals(-1, e.indexOf(new String(t.words[120], java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(49, e.indexOf(new String(t.words[49], java.nio.charset.StandardCharsets.UTF_8)));
    List<Neighbour> n = new NearestNeighbours(e).nearest(e.vector(0), 60, new int[0], -1f);
    assertEquals(50, n.size());
  }

  @Test
  void aBadFileFailsAsInMemoryAndLeavesNoIndex() throws IOException {
    TestVectors t = data(100, 37);
    byte[] b = t.binary(true);
    Path f = dir.resolve("cut.bin");
    Files.write(f, Arrays.copyOf(b, b.length - 50));
    W2vException heap = assertThrows(W2vException.class, () -> inMemory(f));
    W2vException map = assertThrows(W2vException.class, () -> mapped(f));
    assertEquals(heap.getMessage(), map.getMessage());
    assertFalse(Files.exists(VectorIndex.beside(f)));
  }

  @Test
  void rawValuesAreLeftAloneWhenNotNormalising() throws IOException {
    TestVectors t = data(50, 37);
    Path f = dir.resolve("v.bin");
    Files.write(f, t.binary(true));
    Embeddings e = VectorReader.read(f, VectorReader.ALL, false, FloatMatrix.MAX_CHUNK_FLOATS, 0, SHIFT);
    assertFalse(e.matrix().mapped());
    assertArrayEquals(t.vectors[7], e.vector(7));
  }
}
