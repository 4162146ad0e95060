// Decimal text to float straight from the file's bytes, correctly rounded, without a String per number.
package dev.w2v.vectors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Parses the numbers of text vector files. The common case (at most 18 significant digits and a decimal exponent
 * within +-22, such as word2vec.c's {@code %lf} or gensim's {@code repr}) is computed exactly in double and rounded
 * once to float; the rare case where that double sits exactly between two floats, and everything else (long
 * mantissas, huge exponents, nan, inf), goes to {@link Float#parseFloat}. Either way the result is the correctly
 * rounded float.
 */
final class FastFloat {
  private static final double[] P10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < P10.length; i++) {
      P10[i] = p;
      p *= 10;
    }
  }

  private FastFloat() {}

  /** Thrown for text that is not a number; no stack trace, it only carries control flow. */
  static final class NotANumber extends Exception {
    private static final long serialVersionUID = 1L;

    NotANumber() {
      super(null, null, false, false);
    }
  }

  /** The float written in {@code b[from, to)}. */
  static float parse(ByteBuffer b, int from, int to) throws NotANumber {
    int i = from;
    boolean neg = false;
    if (i < to && (b.get(i) == '-' || b.get(i) == '+')) {
      neg = b.get(i) == '-';
      i++;
    }
    long mant = 0;
    int digits = 0;
    int exp10 = 0;
    boolean any = false;
    boolean dropped = false;
    for (; i < to; i++) {
      int d = b.get(i) - '0';
      if (d < 0 || d > 9) {
        break;
      }
      any = true;
      if (digits < 18) {
        mant = mant * 10 + d;
        if (mant != 0) {
          digits++;
        }
      } else {
        exp10++;
        dropped |= d != 0;
      }
    }
    if (i < to && b.get(i) == '.') {
      for (i++; i < to; i++) {
        int d = b.get(i) - '0';
        if (d < 0 || d > 9) {
          break;
        }
        any = true;
        if (digits < 18) {
          mant = mant * 10 + d;
          if (mant != 0) {
            digits++;
          }
          exp10--;
        } else {
          dropped |= d != 0;
        }
      }
    }
    if (i < to && (b.get(i) == 'e' || b.get(i) == 'E') && any) {
      i++;
      boolean eneg = false;
      if (i < to && (b.get(i) == '-' || b.get(i) == '+')) {
        eneg = b.get(i) == '-';
        i++;
      }
      int e = 0;
      boolean edigit = false;
      for (; i < to; i++) {
        int d = b.get(i) - '0';
        if (d < 0 || d > 9) {
          break;
        }
        edigit = true;
        if (e < 100000) {
          e = e * 10 + d;
        }
      }
      if (!edigit) {
        return slow(b, from, to);
      }
      exp10 += eneg ? -e : e;
    }
    if (!any || i != to || dropped) {
      return slow(b, from, to);
    }
    if (mant == 0) {
      return neg ? -0f : 0f;
    }
    if (exp10 < -22 || exp10 > 22) {
      return slow(b, from, to);
    }
    double d = exp10 >= 0 ? mant * P10[exp10] : mant / P10[-exp10]; // mant < 10^18 < 2^53: one rounding
    float f = (float) d;
    if (f != d && !Float.isInfinite(f)) {
      // A double exactly halfway between two floats may hide which side the decimal was on: decide the slow way.
      float other = d > f ? Math.nextUp(f) : Math.nextDown(f);
      if (((double) f + (double) other) * 0.5 == d) {
        return slow(b, from, to);
      }
    }
    return neg ? -f : f;
  }

  private static float slow(ByteBuffer b, int from, int to) throws NotANumber {
    byte[] bytes = new byte[to - from];
    b.get(from, bytes);
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    String t = s.toLowerCase(java.util.Locale.ROOT);
    boolean neg = t.startsWith("-");
    String u = neg || t.startsWith("+") ? t.substring(1) : t;
    if (u.equals("nan")) {
      return Float.NaN;
    }
    if (u.equals("inf") || u.equals("infinity")) {
      return neg ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
    }
    // Java also accepts hex floats and a trailing f/d; refuse those suffixes, which no vector file writes
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    if (last == 'f' || last == 'd' || t.startsWith("0x") || t.contains("x")) {
      throw new NotANumber();
    }
    try {
      return Float.parseFloat(s);
    } catch (NumberFormatException e) {
      throw new NotANumber();
    }
  }
}
