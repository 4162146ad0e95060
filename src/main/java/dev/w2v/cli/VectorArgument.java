// A literal vector typed by the user: numbers separated by spaces or commas.
package dev.w2v.cli;

import dev.w2v.io.W2vException;

/** Parses {@code -vector} values. */
final class VectorArgument {
  private VectorArgument() {}

  /** The numbers of {@code text}; exactly {@code dim} finite ones, or a usage error naming {@code what}. */
  static float[] parse(String text, int dim, String what) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1).strip(); // as Python and JSON print a list
    }
    String[] parts = t.isEmpty() ? new String[0] : t.split("[\\s,]+");
    // each number first: "-vector king" is a word where numbers belong, not a count to fix
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Float.parseFloat(parts[i]);
      } catch (NumberFormatException e) {
        throw W2vException.usage(what + ": number " + (i + 1) + " is not a number: \"" + shorten(parts[i]) + "\"");
      }
      if (!Float.isFinite(v[i])) {
        throw W2vException.usage(what + ": number " + (i + 1) + " (" + shorten(parts[i]) + ") is not finite as a float");
      }
    }
    if (parts.length != dim) {
      throw W2vException.usage(what + " has " + parts.length + (parts.length == 1 ? " number" : " numbers")
          + "; the vectors have " + dim);
    }
    return v;
  }

  private static String shorten(String s) {
    return dev.w2v.query.Words.echo(s);
  }
}
