// C's printf("%lf") for a float, exactly: the binary value rounded half-to-even to 6 decimals.
package dev.w2v.vectors;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats floats as glibc's {@code %lf} does (the float promoted to double, its exact binary value rounded to six
 * decimals, ties to even). Java's {@code String.format("%f")} rounds the shortest decimal representation instead,
 * which differs in the last digit for some values; this works on the exact value with integer arithmetic.
 */
public final class FixedFormat {
  private FixedFormat() {}

  /** Appends the formatted value to {@code out} at {@code pos}; returns the new position (needs 48 bytes free). */
  public static int format(float v, byte[] out, int pos) {
    if (Float.isNaN(v)) {
      return put(out, pos, (Float.floatToRawIntBits(v) < 0) ? "-nan" : "nan");
    }
    if (Float.isInfinite(v)) {
      return put(out, pos, v < 0 ? "-inf" : "inf");
    }
    int bits = Float.floatToRawIntBits(v);
    boolean neg = bits < 0;
    int exp = (bits >>> 23) & 0xFF;
    long mant = bits & 0x7FFFFF;
    if (exp == 0) {
      exp = 1; // subnormal
    } else {
      mant |= 0x800000;
    }
    int shift = 150 - exp; // value = mant * 2^-shift
    long q; // the value times 1e6, rounded
    if (shift <= 0) {
      if (shift < -10) {
        return put(out, pos, new BigDecimal((double) v).setScale(6, RoundingMode.HALF_EVEN).toPlainString());
      }
      q = (mant << -shift) * 1_000_000L;
    } else if (shift >= 63) {
      q = 0; // below 2^-39: rounds to 0.000000
    } else {
      long m = mant * 1_000_000L; // < 2^44
      q = m >>> shift;
      long rem = m & ((1L << shift) - 1);
      long half = 1L << (shift - 1);
      if (rem > half || (rem == half && (q & 1) == 1)) {
        q++;
      }
    }
    if (neg) {
      out[pos++] = '-';
    }
    long ip = q / 1_000_000L;
    int fp = (int) (q % 1_000_000L);
    pos = putLong(out, pos, ip);
    out[pos++] = '.';
    for (int d = 100_000; d > 0; d /= 10) {
      out[pos++] = (byte) ('0' + (fp / d) % 10);
    }
    return pos;
  }

  /** The formatted value as a String (for tests and messages). */
  public static String toString(float v) {
    byte[] b = new byte[64];
    int n = format(v, b, 0);
    return new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static int putLong(byte[] out, int pos, long v) {
    if (v == 0) {
      out[pos++] = '0';
      return pos;
    }
    int start = pos;
    while (v > 0) {
      out[pos++] = (byte) ('0' + v % 10);
      v /= 10;
    }
    for (int i = start, j = pos - 1; i < j; i++, j--) {
      byte t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return pos;
  }

  private static int put(byte[] out, int pos, String s) {
    for (int i = 0; i < s.length(); i++) {
      out[pos++] = (byte) s.charAt(i);
    }
    return pos;
  }
}
