// `w2v odd-one-out`: the word that does not belong, as gensim's doesnt_match.
package dev.w2v.cli;

import dev.w2v.io.CFormat;
import dev.w2v.io.W2vException;
import dev.w2v.query.Neighbour;
import dev.w2v.query.OddOneOut;
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

/** The word least similar to the mean of all, as gensim's {@code doesnt_match}. */
@Command(
    name = "odd-one-out",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Find the word that does not belong with the others.",
      "The same answer as gensim's doesnt_match. Each word's unit vector is compared with the mean of all of them; the least similar word is the odd one"
          + " out. Every word is listed, least similar first. With no words, reads one set of words per line from"
          + " standard input (a prompt on a terminal; exit or Ctrl-D leaves). Words starting with '-' go after '--'."
    },
    footer = {
      "",
      "Examples:",
      "  w2v odd-one-out -vectors vec.bin breakfast cereal dinner lunch",
      "  w2v odd-one-out -vectors vec.bin -format json france italy germany paris"
    })
public final class OddOneOutCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "WORD", description = "Two or more words.")
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
    if (words.size() == 1) {
      throw W2vException.usage("one word given: give two or more words to pick the odd one out from");
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
    return session.loop("Enter two or more words (exit to leave): ", ws -> answer(session, e, ws, out));
  }

  private boolean answer(QuerySession session, Embeddings e, String[] ws, PrintWriter out) {
    if (ws.length < 2) {
      session.problem("one word on the line: give two or more words to pick the odd one out from");
      return false;
    }
    int[] idx = session.lookUp(ws);
    if (idx == null) {
      return false;
    }
    List<Neighbour> ranked = OddOneOut.rank(e, idx);
    String odd = Words.show(e, ranked.get(0).index());
    switch (format.format) {
      case TSV:
        for (Neighbour nb : ranked) {
          out.println(label(ws) + "\t" + Words.show(e, nb.index()) + "\t" + CFormat.fixed(nb.score(), 6));
        }
        break;
      case JSON:
        Json.line(out, g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("query");
          for (String w : ws) {
            g.writeString(QuerySession.shown(w));
          }
          g.writeEndArray();
          g.writeStringField("odd", odd);
          session.jsonResults(g, ranked); // scored as "cosine", the session's score name
          g.writeEndObject();
        });
        break;
      default:
        out.println("odd one out: " + odd);
        session.table(ranked, "cosine to mean");
    }
    out.flush();
    return true;
  }

  private static String label(String[] ws) {
    List<String> shown = new ArrayList<>();
    for (String w : ws) {
      shown.add(QuerySession.shown(w));
    }
    return String.join(" ", shown);
  }
}
