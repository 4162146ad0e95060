// JSON documents through Jackson's streaming generator: one compact document per line, shared by cli/ and serve/.
package dev.w2v.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes JSON documents (Jackson does the escaping and the number syntax). The command line prints them with
 * {@code -format json} and {@code w2v serve} answers with the same bytes, so both go through this one writer.
 */
public final class Json {
  /** Compact output. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private Json() {}

  /** The body of one document. */
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** One compact document, without a newline. */
  public static String document(Body body) {
    StringWriter doc = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(doc)) {
      body.write(g);
    } catch (IOException e) {
      // a StringWriter never throws; the generator only would on its own misuse
      throw new UncheckedIOException(e);
    }
    return doc.toString();
  }

  /**
   * Writes one document and a newline to {@code out} (JSON Lines when called per answer or event), in one write,
   * so that a line from another thread (progress, a log message) cannot land inside it.
   */
  public static void line(PrintWriter out, Body body) {
    out.println(document(body));
  }

  /** A float as a JSON number (the shortest decimal that reads back as the same float), or null if not finite. */
  public static void number(JsonGenerator g, float f) throws IOException {
    if (Float.isFinite(f)) {
      g.writeNumber(f);
    } else {
      g.writeNull();
    }
  }

  /** A double as a JSON number, or null if not finite. */
  public static void number(JsonGenerator g, double d) throws IOException {
    if (Double.isFinite(d)) {
      g.writeNumber(d);
    } else {
      g.writeNull();
    }
  }
}
