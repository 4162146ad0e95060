// The matrix grows with the rows read, never with a header's claim.
package dev.w2v.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.Channels;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class EmbeddingsBuilderTest {
  private static void addRows(EmbeddingsBuilder b, int n, int dim) {
    for (int i = 0; i < n; i++) {
      float[] a = b.nextArray();
      int o = b.nextOffset();
      for (int c = 0; c < dim; c++) {
        a[o + c] = i + c;
      }
      b.addWord(new byte[] {'w'}, 0, 1);
      assertEquals(-1, b.commitRow());
    }
  }

  @Test
  void aHugeClaimedCountAllocatesOnlyWhatIsRead() {
    EmbeddingsBuilder b = new EmbeddingsBuilder(300, 250_000_000L, false, FloatMatrix.MAX_CHUNK_FLOATS);
    assertTrue(b.capacityRows() <= 4096, "before any row: " + b.capacityRows());
    addRows(b, 10_000, 300);
    assertTrue(b.capacityRows() <= 2 * 10_000 + 4096, "after 10,000 rows: " + b.capacityRows());
    FloatMatrix m = b.matrix();
    assertEquals(10_000, m.rows());
    assertEquals(9_999f + 299f, m.get(9_999, 299), 0f);
  }

  @Test
  void aKnownFileSizeBoundsTheFirstChunkByItsBytes() {
    // 1 MB of input can hold at most 1 MB / (2 + 4 * 100) binary entries of dimension 100
    EmbeddingsBuilder b = new EmbeddingsBuilder(100, 250_000_000L, false, FloatMatrix.MAX_CHUNK_FLOATS);
    ByteSource src = new ByteSource(Channels.newChannel(new ByteArrayInputStream(new byte[0])));
    b.trackInput(src, 1 << 20, 2 + 4 * 100);
    assertTrue(b.capacityRows() * 100 * 4 <= (1 << 20) + 4 * 100, "rows: " + b.capacityRows());
  }

  @Test
  void rowsSpreadOverChunksKeepTheirValues() {
    EmbeddingsBuilder b = new EmbeddingsBuilder(3, 100, false, 3 * 7);
    addRows(b, 50, 3);
    FloatMatrix m = b.matrix();
    assertEquals(8, m.chunkCount());
    for (int i = 0; i < 50; i++) {
      assertArrayEquals(new float[] {i, i + 1, i + 2}, m.row(i), 0f);
    }
  }
}
