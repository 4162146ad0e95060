// `w2v cosine`: the cosine similarity of word pairs, as gensim's similarity.
package dev.w2v.cli;

import dev.w2v.io.CFormat;
import dev.w2v.io.W2vException;
import dev.w2v.query.Queries;
import dev.w2v.query.Words;
import dev.w2v.vectors.Embeddings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The cosine similarity of each pair of words, as gensim's {@code KeyedVectors.similarity}. */
@Command(
    name = "cosine",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Print the cosine similarity of word pairs.",
      "The same figures as gensim's similarity. Words are taken two by two: 'w2v cosine king queen man woman' prints two pairs. With no words, reads"
          + " pairs from standard input, one or more pairs per line (a prompt on a terminal; exit or Ctrl-D leaves)."
          + " Words that are not valid UTF-8 are typed and shown with \\xHH escapes. Words starting"
          + " with '-' go after '--'."
    },
    footer = {
      "",
      "Examples:",
      "  w2v cosine -vectors vec.bin king queen",
      "  w2v cosine -vectors vec.bin -format tsv king queen man woman",
      "  printf 'king queen\\ncat dog car bus\\n' | w2v cosine -vectors vec.bin",
      "  w2v cosine -- -lrb- -rrb-    (words starting with '-' after '--')"
    })
public final class CosineCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "WORD1 WORD2", description = "Pairs of words.")
  List<String> words = new ArrayList<>();

  @Mixin QueryOptions.Limit limit = new QueryOptions.Limit();

  @Mixin QueryOptions.Format format = new QueryOptions.Format();

  @Mixin QueryOptions opts = new QueryOptions();

  @Override
  public boolean stackTraces() {
    return opts.stackTraces();
  }

  @Override
  public Integer call() throws Exception {
    if (words.size() % 2 != 0) {
      throw W2vException.usage(words.size() + " words given: cosine takes pairs, an even number of words");
    }
    if (words.isEmpty()) {
      QuerySession.requireStdinFree(opts.vectors);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String who = spec.qualifiedName();
    Embeddings e = opts.load(limit.limit, err, who);
    QuerySession session = new QuerySession(e, out, err, who, format.format, "cosine");
    if (!words.isEmpty()) {
      return answer(session, e, words.toArray(new String[0]), out) ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
    return session.loop("Enter pairs of words (exit to leave): ", ws -> answer(session, e, ws, out));
  }

  /** Prints every pair it can; false when a word was unknown or the count was odd. */
  private boolean answer(QuerySession session, Embeddings e, String[] ws, PrintWriter out) {
    if (ws.length % 2 != 0) {
      session.problem(ws.length + " words on the line: cosine takes pairs, an even number of words");
      return false;
    }
    boolean ok = true;
    List<String[]> rows = new ArrayList<>();
    List<Float> cosines = new ArrayList<>();
    for (int p = 0; p + 1 < ws.length; p += 2) {
      int a = session.find(ws[p]);
      int b = a < 0 ? -1 : session.find(ws[p + 1]);
      if (a < 0 || b < 0) {
        session.unknown(a < 0 ? ws[p] : ws[p + 1]);
        ok = false;
        continue;
      }
      float cos = Queries.cosine(e, a, b);
      rows.add(new String[] {Words.show(e, a), Words.show(e, b), CFormat.fixed(cos, 6)});
      cosines.add(cos);
    }
    switch (format.format) {
      case TSV:
        for (String[] r : rows) {
          out.println(r[0] + "\t" + r[1] + "\t" + r[2]);
        }
        break;
      case JSON:
        for (int i = 0; i < rows.size(); i++) {
          String[] r = rows.get(i);
          float cos = cosines.get(i);
          Json.line(out, g -> {
            g.writeStartObject();
            g.writeStringField("word1", r[0]);
            g.writeStringField("word2", r[1]);
            g.writeFieldName("cosine");
            Json.number(g, cos);
            g.writeEndObject();
          });
        }
        break;
      default:
        if (!rows.isEmpty()) {
          int w1 = 5;
          int w2 = 5;
          for (String[] r : rows) {
            w1 = Math.max(w1, r[0].codePointCount(0, r[0].length()));
            w2 = Math.max(w2, r[1].codePointCount(0, r[1].length()));
          }
          out.println(QuerySession.pad("word1", w1) + "  " + QuerySession.pad("word2", w2) + "     cosine");
          for (String[] r : rows) {
            out.println(QuerySession.pad(r[0], w1) + "  " + QuerySession.pad(r[1], w2) + "  " + String.format("%9s", r[2]));
          }
        }
    }
    out.flush();
    return ok;
  }
}
