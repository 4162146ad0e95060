// printf("%.Nf") as glibc prints it.
package dev.w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CFormatTest {
  @Test
  void roundsTheExactBinaryValueTiesToEven() {
    assertEquals("0.12", CFormat.fixed(0.125, 2)); // an exact tie: to even (Java's %.2f gives 0.13)
    assertEquals("0.38", CFormat.fixed(0.375, 2));
    assertEquals("1.00", CFormat.fixed(1.005, 2)); // 1.00499999999999989... in binary
    assertEquals("10.00", CFormat.fixed(10.0f / 20 * 20, 2));
    assertEquals("0.860393", CFormat.fixed(0.86039305f, 6));
    assertEquals("-0.000000", CFormat.fixed(-1e-9, 6));
    assertEquals("-0.00", CFormat.fixed(-0.0, 2));
    assertEquals("-nan", CFormat.fixed(0f / 0f, 2));
    assertEquals("inf", CFormat.fixed(Double.POSITIVE_INFINITY, 2));
  }
}
