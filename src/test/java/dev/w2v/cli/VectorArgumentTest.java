// -vector's numbers: a word where numbers belong is named as such, before the count is compared.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.w2v.io.W2vException;
import org.junit.jupiter.api.Test;

class VectorArgumentTest {
  private static String refused(String text, int dim) {
    return assertThrows(W2vException.class, () -> VectorArgument.parse(text, dim, "-vector")).getMessage();
  }

  @Test
  void numbersSeparatedBySpacesOrCommasOrAsAList() {
    assertArrayEquals(new float[] {1, -2.5f, 3e-3f}, VectorArgument.parse("[1, -2.5 3e-3]", 3, "-vector"));
  }

  @Test
  void aWordIsNotANumberWhateverTheCount() {
    assertEquals("-vector: number 1 is not a number: \"king\"", refused("king", 40));
    assertEquals("-vector: number 2 is not a number: \"x\"", refused("1,x,3", 3));
  }

  @Test
  void theCountIsComparedOnceEveryNumberParses() {
    assertEquals("-vector has 1 number; the vectors have 40", refused("1", 40));
    assertEquals("-vector has 3 numbers; the vectors have 8", refused("1 2 3", 8));
    assertEquals("-vector: number 1 (1e999) is not finite as a float", refused("1e999 1", 2));
  }
}
