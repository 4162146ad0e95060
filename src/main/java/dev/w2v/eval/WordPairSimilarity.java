// gensim's evaluate_word_pairs: correlation of cosine similarity with human scores (WordSim-353, SimLex, MEN, RW).
package dev.w2v.eval;

import dev.w2v.vectors.Embeddings;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows gensim 4's {@code KeyedVectors.evaluate_word_pairs} so that its figures match gensim's on the same vectors
 * and file: lines starting with '#' are comments; a line is {@code word1 word2 score}, split at tabs (gensim's default
 * delimiter) or, in a line with no tab, at runs of spaces (which gensim would skip); lines that do not give exactly
 * three fields with a numeric score are skipped. Only the first {@code restrict} words count (gensim's
 * {@code restrict_vocab=300000}); with {@code caseInsensitive} (gensim's default) both words and vocabulary are
 * upper-cased and the first vocabulary word of each upper-case form is used. Pairs with an unknown word are skipped
 * and counted (or scored 0 with {@code oovAsZero}, gensim's {@code dummy4unknown}). On a fastText model with subwords
 * an unknown word gets its vector from its n-grams instead, as fastText's own evaluation of the Rare Words set does
 * (gensim skips it); {@link Report#builtWords} counts those words and {@link Report#builtPairs} their pairs.
 */
public final class WordPairSimilarity {
  /** Settings, gensim's defaults in {@link #GENSIM}. */
  public record Options(int restrict, boolean caseInsensitive, boolean oovAsZero) {
    public static final Options GENSIM = new Options(300000, true, false);
  }

  /** Pearson and Spearman over the scored pairs, and gensim's OOV ratio in percent. */
  public record Report(int pairs, int oov, int skippedLines, Correlation.Result pearson, Correlation.Result spearman,
      double oovRatio, int builtWords, int builtPairs) {}

  private final Embeddings e;
  private final Options opt;
  private final Map<String, Integer> vocab;

  public WordPairSimilarity(Embeddings e, Options opt) {
    this.e = e;
    this.opt = opt;
    int n = opt.restrict > 0 ? Math.min(opt.restrict, e.size()) : e.size();
    vocab = new HashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      vocab.putIfAbsent(key(e.word(i)), i);
    }
  }

  private String key(String w) {
    return opt.caseInsensitive ? w.toUpperCase(Locale.ROOT) : w;
  }

  /** Reads the pairs and correlates; a report with 0 pairs has NaN statistics. */
  public Report evaluate(BufferedReader in) throws IOException {
    List<double[]> scored = new ArrayList<>();
    built.clear();
    builtPairs = 0;
    int oov = 0;
    int skipped = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] f = line.indexOf('\t') >= 0 ? line.split("\t", -1) : line.strip().split(" +", -1);
      double gold;
      try {
        if (f.length != 3) {
          throw new NumberFormatException();
        }
        gold = Double.parseDouble(f[2].strip());
      } catch (NumberFormatException ex) {
        skipped++;
        continue;
      }
      Integer a = vocab.get(key(f[0]));
      Integer b = vocab.get(key(f[1]));
      if (e.hasSubwords() && (a == null || b == null)) {
        a = a != null ? a : built(f[0]);
        b = b != null ? b : built(f[1]);
        if (a != null && b != null) {
          builtPairs++;
        }
      }
      if (a == null || b == null) {
        oov++;
        if (opt.oovAsZero) {
          scored.add(new double[] {gold, 0.0});
        }
        continue;
      }
      scored.add(new double[] {gold, cosine(a, b)});
    }
    int n = scored.size();
    double[] gold = new double[n];
    double[] model = new double[n];
    for (int i = 0; i < n; i++) {
      gold[i] = scored.get(i)[0];
      model[i] = scored.get(i)[1];
    }
    Correlation.Result nan = new Correlation.Result(Double.NaN, Double.NaN);
    Correlation.Result p = n >= 2 ? Correlation.pearson(gold, model) : nan;
    Correlation.Result s = n >= 2 ? Correlation.spearman(gold, model) : nan;
    double ratio = opt.oovAsZero ? 100.0 * oov / n : 100.0 * oov / (n + oov);
    return new Report(n, oov, skipped, p, s, ratio, built.size(), builtPairs);
  }

  private final Map<String, Integer> built = new HashMap<>();
  private int builtPairs;

  /** The n-gram row of a word outside the vocabulary (as written in the file), or null when it has no n-gram. */
  private Integer built(String word) {
    Integer r = built.get(word);
    if (r == null) {
      int i = e.oov(word.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (i < 0) {
        return null;
      }
      built.put(word, i);
      r = i;
    }
    return r;
  }

  /**
   * Cosine of two words in double precision. gensim's float32 cosine is this value rounded; computing it in float
   * here instead (or from rows already normalised in float) can round two different pairs to one value, and such a
   * tie moves Spearman's rho in the sixth decimal on MEN.
   */
  private double cosine(int a, int b) {
    float[] x = e.arrayOf(a);
    float[] y = e.arrayOf(b);
    int xo = e.offsetOf(a);
    int yo = e.offsetOf(b);
    double xy = 0;
    double xx = 0;
    double yy = 0;
    for (int c = 0; c < e.dim(); c++) {
      double u = x[xo + c];
      double v = y[yo + c];
      xy += u * v;
      xx += u * u;
      yy += v * v;
    }
    return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0.0;
  }
}
