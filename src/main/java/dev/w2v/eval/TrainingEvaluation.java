// Evaluation while training: the vectors of each epoch through the code of `w2v accuracy` and `w2v similarity`.
package dev.w2v.eval;

import dev.w2v.io.CompressedInput;
import dev.w2v.io.W2vException;
import dev.w2v.math.ScalarMath;
import dev.w2v.query.Analogy;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.FloatMatrix;
import dev.w2v.vectors.VectorFormat;
import dev.w2v.vectors.WordTable;
import dev.w2v.vocab.ByteWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores in-memory vectors (syn0 rows, as the binary vector file would hold them) on analogy files with
 * {@link AnalogyAccuracy} (3CosAdd over the first {@code analogyLimit} words, normalised as the reader normalises:
 * the same figure {@code w2v accuracy -threshold N} gives on the written file) and on word-pair files with
 * {@link WordPairSimilarity} (gensim's defaults, as {@code w2v similarity}). Keeps every epoch's scores for the
 * summary table.
 */
public final class TrainingEvaluation {
  /** One file's score after one epoch: accuracy in percent, or Spearman's rho, with its coverage. */
  public record Score(long epoch, Path file, boolean analogies, double value, double pearson, int seen, int total) {}

  public static final int DEFAULT_ANALOGY_LIMIT = 30000;

  private final List<Path> analogies;
  private final List<Path> pairs;
  private final int analogyLimit;
  private final List<Score> scores = new ArrayList<>();

  public TrainingEvaluation(List<Path> analogies, List<Path> pairs, int analogyLimit) {
    this.analogies = List.copyOf(analogies);
    this.pairs = List.copyOf(pairs);
    this.analogyLimit = analogyLimit;
  }

  public boolean isEmpty() {
    return analogies.isEmpty() && pairs.isEmpty();
  }

  /**
   * Evaluates after {@code epoch}: rows of {@code syn0} (shape (V, size), rows {@code stride} apart) belong to
   * {@code words}. Returns this epoch's scores (also kept for {@link #table()}).
   */
  public List<Score> evaluate(long epoch, ByteWords words, float[] syn0, int size, int stride) {
    List<Score> now = new ArrayList<>();
    if (!analogies.isEmpty()) {
      Embeddings e = embeddings(words, syn0, size, stride, analogyLimit, true);
      AnalogyAccuracy acc = new AnalogyAccuracy(e, Analogy.Method.ADD);
      for (Path f : analogies) {
        AnalogyAccuracy.Report r;
        try (InputStream in = CompressedInput.stream(f, "analogy file")) {
          r = acc.evaluate(in);
        } catch (IOException ex) {
          throw W2vException.badInput("cannot read analogy file " + f + ": " + ex.getMessage());
        }
        double pct = r.seen() == 0 ? Double.NaN : 100.0 * r.correct() / r.seen();
        now.add(new Score(epoch, f, true, pct, Double.NaN, r.seen(), r.questions()));
      }
    }
    if (!pairs.isEmpty()) {
      WordPairSimilarity.Options opt = WordPairSimilarity.Options.GENSIM;
      Embeddings e = embeddings(words, syn0, size, stride, opt.restrict(), false);
      WordPairSimilarity sim = new WordPairSimilarity(e, opt);
      for (Path f : pairs) {
        WordPairSimilarity.Report r;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            CompressedInput.stream(f, "word-pair file"), StandardCharsets.UTF_8.newDecoder()))) {
          r = sim.evaluate(in);
        } catch (IOException ex) {
          throw W2vException.badInput("cannot read word-pair file " + f + ": " + ex.getMessage());
        }
        now.add(new Score(epoch, f, false, r.spearman().r(), r.pearson().r(), r.pairs(), r.pairs() + r.oov()));
      }
    }
    scores.addAll(now);
    return now;
  }

  /** One line for a score: {@code epoch 2/5  questions-words.txt  accuracy 41.27 %  (seen 8861 of 19544 questions)}. */
  public static String line(Score s, long epochs) {
    String head = String.format(Locale.ROOT, "epoch %d/%d  %s  ", s.epoch(), epochs, s.file().getFileName());
    if (s.analogies()) {
      return head + String.format(Locale.ROOT, "accuracy %s  (seen %d of %d questions)",
          Double.isNaN(s.value()) ? "-" : number(s.value(), 2) + " %", s.seen(), s.total());
    }
    return head + String.format(Locale.ROOT, "spearman %s  pearson %s  (seen %d of %d pairs)", number(s.value(), 4),
        number(s.pearson(), 4), s.seen(), s.total());
  }

  /** {@code v} with {@code decimals} decimals, or {@code -} when there is nothing to score (no question seen). */
  private static String number(double v, int decimals) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** The per-epoch table: one row per epoch, one column per file (accuracy % or Spearman's rho). */
  public List<String> table() {
    List<Path> files = new ArrayList<>(analogies);
    files.addAll(pairs);
    List<String> out = new ArrayList<>();
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%5s", "epoch"));
    List<Integer> widths = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name = files.get(i).getFileName() + (i < analogies.size() ? " (acc %)" : " (rho)");
      widths.add(Math.max(10, name.length()));
      h.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(i) + "s", name));
    }
    out.add(h.toString());
    int per = files.size();
    for (int k = 0; k + per <= scores.size(); k += per) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d", scores.get(k).epoch()));
      for (int i = 0; i < per; i++) {
        Score s = scores.get(k + i);
        String v = number(s.value(), s.analogies() ? 2 : 4);
        row.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(i) + "s", v));
      }
      out.add(row.toString());
    }
    return out;
  }

  public List<Score> scores() {
    return List.copyOf(scores);
  }

  /** The first {@code limit} rows (0 = all) as loaded vectors, normalised as {@code VectorReader} normalises. */
  static Embeddings embeddings(ByteWords words, float[] syn0, int size, int stride, int limit, boolean normalise) {
    int n = limit > 0 ? Math.min(limit, words.size()) : words.size();
    WordTable table = new WordTable(n);
    FloatMatrix m = FloatMatrix.allocate(n, size);
    for (int i = 0; i < n; i++) {
      table.add(words.arena(), words.start(i), words.length(i));
      float[] chunk = m.arrayOf(i);
      System.arraycopy(syn0, i * stride, chunk, m.offsetOf(i), size);
    }
    if (normalise) {
      for (int c = 0; c < m.chunkCount(); c++) {
        ScalarMath.normaliseRowsS(m.chunk(c), 0, m.chunkRows(c), size);
      }
    }
    return new Embeddings(null, VectorFormat.BINARY_NEWLINE, words.size(), table, m, normalise);
  }
}
