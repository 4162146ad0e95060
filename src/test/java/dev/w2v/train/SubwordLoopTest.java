// The subword skip-gram step makes fastText's updates: one gather and one scatter per centre word give what
// fastText's FastText::skipgram (a gather, Model::update and a scatter per context word) gives, on the same draws.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vocab.ByteWords;
import dev.w2v.vocab.Vocabulary;
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
      for (float[] m : new float[][] {syn0, ngr, out}) {
        for (int i = 0; i < m.length / stride; i++) {
          for (int c = 0; c < SIZE; c++) {
            m[i * stride + c] = (r.nextFloat() - 0.5f) / 2;
          }
        }
      }
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
      float[] fsyn0 = syn0.clone();
      float[] fngr = ngr.clone();
      float[] fout = out.clone();
      long rnd = seed;
      for (int pos = 0; pos < sen.length; pos++) {
        int word = sen[pos];
        int[] rows = rowsOf(sub, word);
        for (int a = 0; a < 7; a++) {
          int c = pos - 3 + a;
          if (a == 3 || c < 0 || c >= sen.length) {
            continue;
          }
          float[] h = new float[SIZE];
          for (int row : rows) {
            float[] m = row < 0 ? fsyn0 : fngr;
            int o = (row < 0 ? -row - 1 : row) * stride;
            for (int k = 0; k < SIZE; k++) {
              h[k] += m[o + k];
            }
          }
          for (int k = 0; k < SIZE; k++) {
            h[k] /= rows.length;
          }
          float[] grad = new float[SIZE];
          for (int d = 0; d < 4; d++) {
            int target;
            int label;
            if (d == 0) {
              target = sen[c];
              label = 1;
            } else {
              rnd = rnd * 25214903917L + 11;
              target = table.get((int) ((rnd >>> 16) % table.tableSize()));
              if (target == 0) {
                target = (int) Long.remainderUnsigned(rnd, v - 1) + 1;
              }
              if (target == sen[c]) {
                continue;
              }
              label = 0;
            }
            float f = 0;
            for (int k = 0; k < SIZE; k++) {
              f += h[k] * fout[target * stride + k];
            }
            // word2vec.c's tabulated sigmoid, saturated outside (-6, 6), as w2v's kernels use
            float sig = f > SigmoidTable.MAX_EXP ? 1f : f < -SigmoidTable.MAX_EXP ? 0f
                : SigmoidTable.table()[(int) ((f + SigmoidTable.MAX_EXP) * SigmoidTable.SCALE)];
            float g = (label - sig) * alpha;
            for (int k = 0; k < SIZE; k++) {
              grad[k] += g * fout[target * stride + k];
              fout[target * stride + k] += g * h[k];
            }
          }
          for (int row : rows) {
            float[] m = row < 0 ? fsyn0 : fngr;
            int o = (row < 0 ? -row - 1 : row) * stride;
            for (int k = 0; k < SIZE; k++) {
              m[o + k] += grad[k];
            }
          }
        }
      }
      assertEquals(rnd, loop.nextRandom, "the same draws");
      int moved = 0;
      float[][] got = {model.syn0, sub.ngrams, model.syn1neg};
      float[][] want = {fsyn0, fngr, fout};
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
