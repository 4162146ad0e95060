// JSON output through Jackson's streaming generator: one compact document per line, as the commands print it.
package dev.w2v.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes JSON documents to a command's output writer (Jackson does the escaping and the number syntax). */
final class Json {
  /** Compact output. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private Json() {}

  /** The body of one document. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Writes one document and a newline to {@code out} (JSON Lines when called per answer or event), in one write,
   * so that a line from another thread (progress, a log message) cannot land inside it.
   */
  static void line(PrintWriter out, Body body) {
    StringWriter line = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(line)) {
      body.write(g);
    } catch (IOException e) {
      // a StringWriter never throws; the generator only would on its own misuse
      throw new UncheckedIOException(e);
    }
    out.println(line);
  }

  /** A float as a JSON number (the shortest decimal that reads back as the same float), or null if not finite. */
  static void number(JsonGenerator g, float f) throws IOException {
    if (Float.isFinite(f)) {
      g.writeNumber(f);
    } else {
      g.writeNull();
    }
  }

  /** A double as a JSON number, or null if not finite. */
  static void number(JsonGenerator g, double d) throws IOException {
    if (Double.isFinite(d)) {
      g.writeNumber(d);
    } else {
      g.writeNull();
    }
  }
}
