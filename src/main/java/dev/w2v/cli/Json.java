// JSON output for the commands: the shared writer (io/Json), which w2v serve's answers go through too.
package dev.w2v.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;

/** The commands' short names for {@link dev.w2v.io.Json}. */
final class Json {
  private Json() {}

  /** The body of one document. */
  interface Body extends dev.w2v.io.Json.Body {}

  /** Writes one document and a newline to {@code out}, in one write. */
  static void line(PrintWriter out, Body body) {
    dev.w2v.io.Json.line(out, body);
  }

  /** A float as a JSON number, or null if not finite. */
  static void number(JsonGenerator g, float f) throws IOException {
    dev.w2v.io.Json.number(g, f);
  }

  /** A double as a JSON number, or null if not finite. */
  static void number(JsonGenerator g, double d) throws IOException {
    dev.w2v.io.Json.number(g, d);
  }
}
