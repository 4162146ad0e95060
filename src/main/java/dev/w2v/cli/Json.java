// The little JSON the commands print, written by hand (no dependency).
package dev.w2v.cli;

/** JSON string and number literals. */
final class Json {
  private Json() {}

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static String str(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  /** A JSON number (the shortest decimal that reads back as the same float), or null for NaN and infinities. */
  static String num(float f) {
    return Float.isFinite(f) ? Float.toString(f) : "null";
  }

  /** A JSON number for a double, or null for NaN and infinities. */
  static String num(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }
}
