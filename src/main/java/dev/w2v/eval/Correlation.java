// Pearson and Spearman correlation with two-sided p-values, as scipy.stats.pearsonr and spearmanr compute them.
package dev.w2v.eval;

import java.util.Arrays;

/** Correlation statistics in double precision. */
public final class Correlation {
  private Correlation() {}

  /** A coefficient and its two-sided p-value. */
  public record Result(double r, double p) {}

  /**
   * Pearson's r (scipy.stats.pearsonr: centred vectors, each scaled to unit length, then a dot product, clipped to
   * [-1, 1]) and the p-value of the t test with n - 2 degrees of freedom.
   */
  public static Result pearson(double[] x, double[] y) {
    int n = x.length;
    if (n != y.length || n < 2) {
      throw new IllegalArgumentException("need two series of the same length, at least 2");
    }
    double mx = mean(x);
    double my = mean(y);
    double nx = 0;
    double ny = 0;
    for (int i = 0; i < n; i++) {
      nx += (x[i] - mx) * (x[i] - mx);
      ny += (y[i] - my) * (y[i] - my);
    }
    nx = Math.sqrt(nx);
    ny = Math.sqrt(ny);
    double r = 0;
    for (int i = 0; i < n; i++) {
      r += ((x[i] - mx) / nx) * ((y[i] - my) / ny);
    }
    r = Math.max(-1, Math.min(1, r));
    return new Result(r, pValue(r, n));
  }

  /** Spearman's rho: Pearson's r of the ranks, ties given their average rank (scipy.stats.spearmanr). */
  public static Result spearman(double[] x, double[] y) {
    return pearson(ranks(x), ranks(y));
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  /** 1-based ranks, ties averaged (scipy.stats.rankdata's "average"). */
  static double[] ranks(double[] a) {
    int n = a.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(a[i], a[j]));
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && a[order[j + 1]] == a[order[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = avg;
      }
      i = j + 1;
    }
    return rank;
  }

  /** Two-sided p-value of r with n samples: I_{1 - r^2}((n - 2) / 2, 1 / 2), the regularised incomplete beta. */
  static double pValue(double r, int n) {
    if (n <= 2) {
      return 1.0;
    }
    double x = 1 - r * r;
    if (x <= 0) {
      return 0.0;
    }
    return incompleteBeta((n - 2) / 2.0, 0.5, x);
  }

  /** The regularised incomplete beta function I_x(a, b) (continued fraction, Numerical Recipes' betai). */
  static double incompleteBeta(double a, double b, double x) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(lnFront) * betaFraction(a, b, x) / a;
    }
    return 1 - Math.exp(lnFront) * betaFraction(b, a, 1 - x) / b;
  }

  private static double betaFraction(double a, double b, double x) {
    final double tiny = 1e-300;
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < tiny) {
      d = tiny;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-16) {
        break;
      }
    }
    return h;
  }

  /** ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits). */
  static double lgamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
    }
    double[] c = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
    };
    x -= 1;
    double a = c[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += c[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
