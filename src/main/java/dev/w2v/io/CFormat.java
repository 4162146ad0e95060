// printf's %.Nf as glibc prints it, for output that must read exactly like the C tools'.
package dev.w2v.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * glibc rounds the exact binary value of a double to N decimals, ties to even; Java's {@code %.Nf} rounds a shortest
 * decimal form half-up and so differs now and then in the last digit. NaN prints as glibc prints x86's default NaN
 * (the result of 0.0f / 0.0f), {@code -nan}.
 */
public final class CFormat {
  private CFormat() {}

  /** {@code printf("%.<decimals>f", x)}. */
  public static String fixed(double x, int decimals) {
    if (Double.isNaN(x)) {
      return "-nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    if (x < 0 || (x == 0 && 1 / x < 0)) {
      return s.startsWith("-") ? s : "-" + s;
    }
    return s;
  }
}
