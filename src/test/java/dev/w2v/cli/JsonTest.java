// JSON output: Jackson's escaping and numbers, one document per line, read back by Jackson's parser.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
  @TempDir Path dir;

  @Test
  void escapesWordsAndWritesNonFiniteNumbersAsNull() throws IOException {
    StringWriter sw = new StringWriter();
    PrintWriter out = new PrintWriter(sw);
    String word = "say\"hi\\\n\t\u0001é\u2028";
    Json.line(out, g -> {
      g.writeStartObject();
      g.writeStringField("word", word);
      g.writeFieldName("nan");
      Json.number(g, Float.NaN);
      g.writeFieldName("inf");
      Json.number(g, Double.POSITIVE_INFINITY);
      g.writeFieldName("x");
      Json.number(g, 0.1f);
      g.writeEndObject();
    });
    Json.line(out, g -> g.writeNumber(2));
    out.flush();
    assertEquals("{\"word\":\"say\\\"hi\\\\\\n\\t\\u0001é\u2028\",\"nan\":null,\"inf\":null,\"x\":0.1}\n2\n", sw.toString());
    try (JsonParser p = new JsonFactory().createParser(sw.toString().lines().findFirst().orElseThrow())) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      assertEquals("word", p.nextFieldName());
      p.nextToken();
      assertEquals(word, p.getText());
    }
  }

  @Test
  void everyJsonOutputParses() throws IOException {
    Path v = dir.resolve("v.txt");
    Files.writeString(v, "4 2\nking 1 0.1\nqueen 0.9 0.2\nman 0 1\n\"quoted\\ 0.5 0.5\n", StandardCharsets.UTF_8);
    Path q = Files.writeString(dir.resolve("q.txt"), ": s\nking queen man \"quoted\\\n");
    Path pairs = Files.writeString(dir.resolve("p.tsv"), "king queen 9\nking man 2\nqueen man 3\n");
    String[][] runs = {
      {"similar", "-vectors", v.toString(), "-format", "json", "king", "\"quoted\\"},
      {"analogy", "-vectors", v.toString(), "-format", "json", "king", "queen", "man"},
      {"cosine", "-vectors", v.toString(), "-format", "json", "king", "queen", "king", "man"},
      {"odd-one-out", "-vectors", v.toString(), "-format", "json", "king", "queen", "man"},
      {"accuracy", "-vectors", v.toString(), "-format", "json", q.toString()},
      {"similarity", "-vectors", v.toString(), "-format", "json", "-restrict", "0", pairs.toString()},
    };
    for (String[] args : runs) {
      CliRun r = CliRun.run(args);
      assertEquals(0, r.code, r.toString());
      for (String line : r.out.split("\n")) {
        try (JsonParser p = new JsonFactory().createParser(line)) {
          int depth = 0;
          JsonToken t;
          while ((t = p.nextToken()) != null) {
            depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
          }
          assertEquals(0, depth, line);
        }
      }
    }
  }
}
