// FixedFormat must print what glibc's printf("%lf", (double) v) prints, for every kind of float.
package dev.w2v.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedFormatTest {

  /** The exact binary value rounded half-to-even to 6 places; C keeps the sign of a negative that rounds to 0. */
  static String expected(float v) {
    if (Float.isNaN(v)) {
      return Float.floatToRawIntBits(v) < 0 ? "-nan" : "nan";
    }
    if (Float.isInfinite(v)) {
      return v < 0 ? "-inf" : "inf";
    }
    String s = new BigDecimal((double) v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    if (Float.floatToRawIntBits(v) < 0 && !s.startsWith("-")) {
      s = "-" + s; // BigDecimal has no negative zero
    }
    return s;
  }

  static void check(float v) {
    assertEquals(expected(v), FixedFormat.toString(v), () -> "bits 0x" + Integer.toHexString(Float.floatToRawIntBits(v)));
  }

  @Test
  void examplesAsCPrintsThem() {
    assertEquals("0.000000", FixedFormat.toString(0f));
    assertEquals("-0.000000", FixedFormat.toString(-0f));
    assertEquals("-0.000000", FixedFormat.toString(-1e-7f));
    assertEquals("0.000000", FixedFormat.toString(5e-7f)); // 5e-7f is 4.99999998...e-7
    assertEquals("0.000001", FixedFormat.toString(6e-7f));
    assertEquals("1.000000", FixedFormat.toString(1f));
    assertEquals("-0.125000", FixedFormat.toString(-0.125f));
    assertEquals("0.100000", FixedFormat.toString(0.1f));
    assertEquals("0.007812", FixedFormat.toString(0.0078125f)); // an exact tie rounds to even
    assertEquals("0.023438", FixedFormat.toString(0.0234375f)); // ... up when that is even
    assertEquals("16777216.000000", FixedFormat.toString(16777216f));
    assertEquals("340282346638528859811704183484516925440.000000", FixedFormat.toString(Float.MAX_VALUE));
    assertEquals("0.000000", FixedFormat.toString(Float.MIN_VALUE));
    assertEquals("nan", FixedFormat.toString(Float.NaN));
    assertEquals("-nan", FixedFormat.toString(Float.intBitsToFloat(0xFFC00000)));
    assertEquals("inf", FixedFormat.toString(Float.POSITIVE_INFINITY));
    assertEquals("-inf", FixedFormat.toString(Float.NEGATIVE_INFINITY));
  }

  @Test
  void randomBitPatterns() {
    Random rnd = new Random(1);
    for (int i = 0; i < 50_000; i++) {
      check(Float.intBitsToFloat(rnd.nextInt()));
    }
  }

  @Test
  void randomValuesOfTrainedVectorMagnitude() {
    Random rnd = new Random(2);
    for (int i = 0; i < 50_000; i++) {
      check((float) ((rnd.nextDouble() * 2 - 1) * Math.pow(10, rnd.nextInt(6) - 4)));
    }
  }

  @Test
  void tiesAndNeighbours() {
    // multiples of 2^-k are exactly representable, and many of them are exact ties at the sixth decimal
    for (int k = 1; k <= 24; k++) {
      for (int n = -2000; n <= 2000; n++) {
        float v = (float) Math.scalb((double) n, -k);
        check(v);
        check(Math.nextUp(v));
        check(Math.nextDown(v));
      }
    }
    // around the rounding boundary of 0.0000005 and of other half-millionths
    for (int n = 0; n < 2000; n++) {
      float v = (float) ((n + 0.5) / 1e6);
      for (int u = -3; u <= 3; u++) {
        float w = v;
        for (int s = 0; s < Math.abs(u); s++) {
          w = u < 0 ? Math.nextDown(w) : Math.nextUp(w);
        }
        check(w);
        check(-w);
      }
    }
  }

  @Test
  void formatAppendsAtAPositionAndReturnsTheEnd() {
    byte[] out = new byte[100];
    out[0] = 'x';
    int end = FixedFormat.format(-1.5f, out, 1);
    assertEquals("x-1.500000", new String(out, 0, end, StandardCharsets.US_ASCII));
    end = FixedFormat.format(Float.MAX_VALUE, out, 0);
    assertEquals(46, end);
  }
}
