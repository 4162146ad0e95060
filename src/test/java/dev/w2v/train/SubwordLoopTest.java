// The subword skip-gram step makes fastText's updates: one gather and one scatter per centre word give what
// fastText's FastText::skipgram (a gather, Model::update and a scatter per context word) gives, on the same draws.
// The CBOW step, which gathers and scatters each position once (its errors delayed until it leaves the window),
// gives fastText's FastText::cbow updates where no two positions in a window share a row, and nearly them otherwise.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vocab.ByteWords;
import dev.w2v.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubwordLoopTest {
  private static final String[] WORDS = {"</s>", "king", "queen", "kingdom", "crown", "castle", "prince", "x"};
  private static final int SIZE = 7;

  @Test
  void skipGramEqualsFastTextsPerContextWordUpdates() {
    for (boolean simd : new boolean[] {false, true}) {
      ByteWords bw = new ByteWords();
      long[] counts = new long[WORDS.length];
      for (int i = 0; i < WORDS.length; i++) {
        byte[] b = WORDS[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bw.add(b, 0, b.length);
        counts[i] = 100 - i;
      }
      Vocabulary vocab = Vocabulary.of(bw, counts);
      int v = WORDS.length;
      int bucket = 50;
      int stride = simd ? dev.w2v.math.Kernels.roundUp(SIZE) : SIZE;
      Random r = new Random(5);
      float[] syn0 = new float[v * stride];
      float[] ngr = new float[bucket * stride];
      float[] out = new float[v * stride];
      randomRows(r, stride, syn0, ngr, out);
      TrainConfig cfg = new TrainConfig(java.nio.file.Path.of("x"), null, SIZE, 3, 0f, 0, 3, 1, 1, 1, 0.05f, 0, 0,
          false, null, null, false, false, false);
      SubwordConfig sc = new SubwordConfig(2, 4, bucket, null);
      UnigramTable table = new UnigramTable(counts, 1000);
      Model model = Model.wrap(v, SIZE, stride, syn0.clone(), null, out.clone());
      SubwordModel sub = SubwordModel.wrap(vocab, sc, SIZE, stride, ngr.clone());
      SubwordLoop loop = new SubwordLoop(cfg, model, sub, table, v, simd);
      int[] sen = {1, 3, 2, 6, 4, 7, 5};
      long seed = 12345;
      loop.nextRandom = seed;
      float alpha = 0.05f;
      for (int pos = 0; pos < sen.length; pos++) {
        loop.skipGram(sen, 0, 3, pos, sen.length, alpha);
      }

      // fastText's loop over the same draws: per context word, gather, update the output rows, scatter
      FastText ft = new FastText(syn0, ngr, out, stride, table, v, seed);
      for (int pos = 0; pos < sen.length; pos++) {
        int[] rows = rowsOf(sub, sen[pos]);
        for (int a = 0; a < 7; a++) {
          int c = pos - 3 + a;
          if (a != 3 && c >= 0 && c < sen.length) {
            ft.update(rows, sen[c], alpha);
          }
        }
      }
      assertEquals(ft.rnd, loop.nextRandom, "the same draws");
      int moved = 0;
      float[][] got = {model.syn0, sub.ngrams, model.syn1neg};
      float[][] want = {ft.syn0, ft.ngr, ft.out};
      float[][] before = {syn0, ngr, out};
      for (int m = 0; m < 3; m++) {
        for (int i = 0; i < got[m].length; i++) {
          // the same arithmetic up to float rounding (the hidden vector is moved, not re-averaged)
          assertEquals(want[m][i], got[m][i], 1e-5, "matrix " + m + " element " + i + " simd " + simd);
          moved += Math.abs(got[m][i] - before[m][i]) > 1e-4 ? 1 : 0;
        }
      }
      assertTrue(moved > 50, "rows moved: " + moved);
    }
  }

  // no two words have a character in common (so their n-grams differ); abab and cdcd repeat an n-gram
  private static final String[] CBOW_WORDS = {"</s>", "abab", "cdcd", "efg", "hij", "klmn", "opq", "rst", "uvw",
      "xyz", "ABC", "DEF", "GHIJ"};

  private static Vocabulary vocab(String[] words) {
    ByteWords bw = new ByteWords();
    long[] counts = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      byte[] b = words[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
      bw.add(b, 0, b.length);
      counts[i] = 100 - i;
    }
    return Vocabulary.of(bw, counts);
  }

  /**
   * A bucket count under which no two distinct words share a bucket but some word has two n-grams in one bucket
   * (so that the sums' move, {@link SubwordModel#sumMove}, is tested too: abab's n-gram ab, for one).
   */
  private static int bucketWithoutSharing(Vocabulary vocab, SubwordConfig shape) {
    for (int bucket = 40; bucket < 100_000; bucket++) {
      SubwordModel sub = SubwordModel.wrap(vocab, new SubwordConfig(shape.minn(), shape.maxn(), bucket, null), SIZE,
          SIZE, new float[bucket * SIZE]);
      int[] owner = new int[bucket];
      java.util.Arrays.fill(owner, -1);
      boolean shared = false;
      boolean internal = false;
      for (int w = 1; w < vocab.size() && !shared; w++) {
        for (int k = sub.table.start[w]; k < sub.table.start[w + 1]; k++) {
          int g = sub.table.ids[k];
          if (owner[g] == w) {
            internal = true;
          } else if (owner[g] >= 0) {
            shared = true;
          }
          owner[g] = w;
        }
      }
      if (!shared && internal) {
        return bucket;
      }
    }
    throw new AssertionError("no such bucket count");
  }

  @Test
  void cbowMakesFastTextsUpdatesWhereNoRowIsSharedInAWindow() {
    Vocabulary vocab = vocab(CBOW_WORDS);
    int bucket = bucketWithoutSharing(vocab, new SubwordConfig(2, 4, 10, null));
    // every window of 3 either side holds distinct words: no row is shared, so delaying the scatter changes nothing
    int[][] sentences = {{1, 3, 2, 6, 4, 7, 5, 8, 9, 10, 11, 12, 1, 3, 2}, {4}, {5, 6}, {12, 11, 10, 9, 8, 7, 6, 5}};
    for (boolean simd : new boolean[] {false, true}) {
      double diff = cbowAgainstFastText(vocab, bucket, sentences, simd, 1e-5);
      assertTrue(diff < 1e-5, "simd " + simd + ": " + diff);
    }
  }

  @Test
  void cbowStaysCloseToFastTextsUpdatesWhereWindowsShareRows() {
    Vocabulary vocab = vocab(CBOW_WORDS);
    // a small bucket count (n-grams collide across words) and repeated words within a window
    int[][] sentences = {{1, 3, 1, 2, 3, 3, 6, 4, 1, 7, 5, 1}, {2, 2, 2, 4}, {9, 10, 9, 10, 11, 12, 11, 1}};
    for (boolean simd : new boolean[] {false, true}) {
      cbowAgainstFastText(vocab, 31, sentences, simd, Double.NaN);
    }
  }

  /**
   * Runs the CBOW step over {@code sentences} (random shrunk windows b) and fastText's per-centre-word updates on
   * the same draws; checks the draws, that rows moved, and that the largest difference is below {@code tol} (NaN:
   * below a tenth of the largest move). Returns the largest difference.
   */
  private static double cbowAgainstFastText(Vocabulary vocab, int bucket, int[][] sentences, boolean simd,
      double tol) {
    int v = vocab.size();
    int window = 3;
    int stride = simd ? dev.w2v.math.Kernels.roundUp(SIZE) : SIZE;
    Random r = new Random(7);
    float[] syn0 = new float[v * stride];
    float[] ngr = new float[bucket * stride];
    float[] out = new float[v * stride];
    randomRows(r, stride, syn0, ngr, out);
    long[] counts = new long[v];
    for (int i = 0; i < v; i++) {
      counts[i] = 100 - i;
    }
    TrainConfig cfg = new TrainConfig(java.nio.file.Path.of("x"), null, SIZE, window, 0f, 0, 3, 1, 1, 1, 0.05f, 0,
        0, false, null, null, true, false, false);
    SubwordConfig sc = new SubwordConfig(2, 4, bucket, null);
    UnigramTable table = new UnigramTable(counts, 1000);
    Model model = Model.wrap(v, SIZE, stride, syn0.clone(), null, out.clone());
    SubwordModel sub = SubwordModel.wrap(vocab, sc, SIZE, stride, ngr.clone());
    SubwordLoop loop = new SubwordLoop(cfg, model, sub, table, v, simd);
    long seed = 987;
    float alpha = 0.05f;
    Random rb = new Random(3);
    int[][] bs = new int[sentences.length][];
    for (int s = 0; s < sentences.length; s++) {
      bs[s] = new int[sentences[s].length];
      for (int pos = 0; pos < bs[s].length; pos++) {
        bs[s][pos] = rb.nextInt(window);
      }
    }
    loop.nextRandom = seed;
    int predictions = 0;
    for (int s = 0; s < sentences.length; s++) {
      int[] sen = java.util.Arrays.copyOf(sentences[s], 1001); // the trainer's buffer is longer than the sentence
      for (int pos = 0; pos < sentences[s].length; pos++) {
        loop.cbow(sen, bs[s][pos], window, pos, sentences[s].length, alpha);
        predictions += loop.predictions;
      }
    }

    // fastText's cbow: per centre word, gather every context word's rows, update the output rows, scatter
    FastText ft = new FastText(syn0, ngr, out, stride, table, v, seed);
    int fpredictions = 0;
    for (int s = 0; s < sentences.length; s++) {
      int[] sen = sentences[s];
      for (int pos = 0; pos < sen.length; pos++) {
        int b = bs[s][pos];
        List<Integer> bag = new ArrayList<>();
        for (int a = b; a < window * 2 + 1 - b; a++) {
          int c = pos - window + a;
          if (a != window && c >= 0 && c < sen.length) {
            for (int row : rowsOf(sub, sen[c])) {
              bag.add(row);
            }
          }
        }
        if (!bag.isEmpty()) {
          fpredictions++;
          ft.update(bag.stream().mapToInt(Integer::intValue).toArray(), sen[pos], alpha);
        }
      }
    }
    assertEquals(ft.rnd, loop.nextRandom, "the same draws");
    assertEquals(fpredictions, predictions);
    float[][] got = {model.syn0, sub.ngrams, model.syn1neg};
    float[][] want = {ft.syn0, ft.ngr, ft.out};
    float[][] before = {syn0, ngr, out};
    double maxDiff = 0;
    double maxMove = 0;
    int moved = 0;
    for (int m = 0; m < 3; m++) {
      for (int i = 0; i < got[m].length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(want[m][i] - got[m][i]));
        maxMove = Math.max(maxMove, Math.abs(want[m][i] - before[m][i]));
        moved += Math.abs(got[m][i] - before[m][i]) > 1e-4 ? 1 : 0;
      }
    }
    assertTrue(moved > 100, "rows moved: " + moved);
    double bound = Double.isNaN(tol) ? maxMove / 10 : tol;
    assertTrue(maxDiff < bound, "simd " + simd + ": largest difference " + maxDiff + ", largest move " + maxMove);
    return maxDiff;
  }

  /**
   * fastText's Model::update for one prediction, on copies of the matrices: h is the mean of the input rows (-(w + 1)
   * for word w's own row, else an n-gram bucket), then the target and three negatives (word2vec.c's table and
   * random stream, a negative equal to the target skipped), each scored against h with word2vec.c's tabulated
   * sigmoid, its gradient added to the error and its output row moved; then the error goes to every input row.
   */
  private static final class FastText {
    final float[] syn0;
    final float[] ngr;
    final float[] out;
    final int stride;
    final UnigramTable table;
    final int v;
    long rnd;

    FastText(float[] syn0, float[] ngr, float[] out, int stride, UnigramTable table, int v, long seed) {
      this.syn0 = syn0.clone();
      this.ngr = ngr.clone();
      this.out = out.clone();
      this.stride = stride;
      this.table = table;
      this.v = v;
      this.rnd = seed;
    }

    void update(int[] rows, int word, float alpha) {
      float[] h = new float[SIZE];
      for (int row : rows) {
        float[] m = row < 0 ? syn0 : ngr;
        int o = (row < 0 ? -row - 1 : row) * stride;
        for (int k = 0; k < SIZE; k++) {
          h[k] += m[o + k];
        }
      }
      for (int k = 0; k < SIZE; k++) {
        h[k] /= rows.length;
      }
      float[] grad = new float[SIZE];
      for (int d = 0; d <= 3; d++) {
        int target = word;
        int label = 1;
        if (d > 0) {
          rnd = rnd * 25214903917L + 11;
          target = table.get((int) ((rnd >>> 16) % table.tableSize()));
          if (target == 0) {
            target = (int) Long.remainderUnsigned(rnd, v - 1) + 1;
          }
          if (target == word) {
            continue;
          }
          label = 0;
        }
        float f = 0;
        for (int k = 0; k < SIZE; k++) {
          f += h[k] * out[target * stride + k];
        }
        // word2vec.c's tabulated sigmoid, saturated outside (-6, 6), as w2v's kernels use
        float sig = f > SigmoidTable.MAX_EXP ? 1f : f < -SigmoidTable.MAX_EXP ? 0f
            : SigmoidTable.table()[(int) ((f + SigmoidTable.MAX_EXP) * SigmoidTable.SCALE)];
        float g = (label - sig) * alpha;
        for (int k = 0; k < SIZE; k++) {
          grad[k] += g * out[target * stride + k];
          out[target * stride + k] += g * h[k];
        }
      }
      for (int row : rows) {
        float[] m = row < 0 ? syn0 : ngr;
        int o = (row < 0 ? -row - 1 : row) * stride;
        for (int k = 0; k < SIZE; k++) {
          m[o + k] += grad[k];
        }
      }
    }
  }

  /** Fills the first SIZE columns of every row of each matrix, in turn, with values in [-0.25, 0.25). */
  private static void randomRows(Random r, int stride, float[]... matrices) {
    for (float[] m : matrices) {
      for (int i = 0; i < m.length / stride; i++) {
        for (int c = 0; c < SIZE; c++) {
          m[i * stride + c] = (r.nextFloat() - 0.5f) / 2;
        }
      }
    }
  }

  /** The centre word's input rows: -(w + 1) for its own row, then its n-gram buckets. */
  private static int[] rowsOf(SubwordModel sub, int w) {
    int s0 = sub.table.start[w];
    int s1 = sub.table.start[w + 1];
    int[] rows = new int[s1 - s0 + 1];
    rows[0] = -(w + 1);
    for (int k = s0; k < s1; k++) {
      rows[k - s0 + 1] = sub.table.ids[k];
    }
    return rows;
  }
}
