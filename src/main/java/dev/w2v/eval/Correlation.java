// Pearson and Spearman correlation with two-sided p-values, as scipy.stats.pearsonr and spearmanr compute them.
package dev.w2v.eval;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/** Correlation statistics in double precision, through Hipparchus. */
public final class Correlation {
  /** Ties get their average rank (scipy.stats.rankdata's "average"); a NaN stays NaN, so rho is NaN, as in scipy. */
  private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE);

  private Correlation() {}

  /** A coefficient and its two-sided p-value. */
  public record Result(double r, double p) {}

  /** Pearson's r and the two-sided p-value of the t test with n - 2 degrees of freedom. */
  public static Result pearson(double[] x, double[] y) {
    check(x, y);
    double r = clip(new PearsonsCorrelation().correlation(x, y));
    return new Result(r, pValue(r, x.length));
  }

  /** Spearman's rho: Pearson's r of the ranks, ties given their average rank (scipy.stats.spearmanr). */
  public static Result spearman(double[] x, double[] y) {
    check(x, y);
    double r = clip(new SpearmansCorrelation(RANKING).correlation(x, y));
    return new Result(r, pValue(r, x.length));
  }

  private static void check(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("need two series of the same length, at least 2");
    }
  }

  /** Rounding can put |r| a hair above 1; scipy clips it too. */
  private static double clip(double r) {
    return Math.max(-1, Math.min(1, r));
  }

  /** 1-based ranks, ties averaged. */
  static double[] ranks(double[] a) {
    return RANKING.rank(a);
  }

  /**
   * Two-sided p-value of r with n samples: 2 P(T < -|t|) for Student's t with n - 2 degrees of freedom, where t = r
   * sqrt((n - 2) / (1 - r^2)).
   */
  static double pValue(double r, int n) {
    if (n <= 2 || Double.isNaN(r)) {
      return n <= 2 ? 1.0 : Double.NaN;
    }
    double rest = 1 - r * r;
    if (rest <= 0) {
      return 0.0;
    }
    double t = Math.abs(r) * Math.sqrt((n - 2) / rest);
    return 2 * new TDistribution(n - 2).cumulativeProbability(-t);
  }
}
