// `w2v similar`: word2vec.c's distance tool.
package dev.w2v.cli;

import dev.w2v.io.W2vException;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.query.Neighbour;
import dev.w2v.query.Queries;
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

/** Nearest words by cosine, as distance.c: several words are summed, the query words themselves are left out. */
@Command(
    name = "similar",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Find the words nearest to some words, or to a vector.",
      "By cosine similarity, as word2vec.c's distance tool: several words are summed first and left out of the"
          + " answers. -neg words are subtracted (gensim's most_similar(positive, negative)). -vector finds the words"
          + " nearest a vector of numbers (gensim's similar_by_vector; nothing is left out).",
      "With no WORD, reads one query per line from standard input: on a terminal with a prompt, line editing and"
          + " history; exit, quit or Ctrl-D leaves. Words that are not valid UTF-8 are typed and shown with \\xHH"
          + " escapes. Words starting with '-' go after '--'."
    },
    footer = {
      "",
      "Examples:",
      "  w2v similar -vectors vectors.bin king",
      "  w2v similar -vectors vectors.bin -n 5 -format json king woman -neg man",
      "  echo king | w2v similar -vectors vectors.bin -format tsv",
      "  w2v similar -vectors v.bin -- -lrb-      (words starting with '-' after '--')"
    })
public final class SimilarCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "WORD", description = "The word(s) to look up.")
  List<String> words = new ArrayList<>();

  @Option(
      names = "-neg",
      paramLabel = "WORD",
      description = "A word to subtract (repeat for several): 'king woman -neg man' is king + woman - man.")
  List<String> negative = new ArrayList<>();

  @Option(
      names = "-vector",
      paramLabel = "NUMBERS",
      description = "Find the words nearest this vector: its numbers separated by spaces or commas, as one argument"
          + " (quote it); '-' reads one vector per line from standard input.")
  String vector;

  @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "How many answers (default: 10; distance.c shows 40).")
  int n;

  @Mixin QueryOptions.Limit limit = new QueryOptions.Limit();

  @Mixin QueryOptions.Format format = new QueryOptions.Format();

  @Mixin QueryOptions opts = new QueryOptions();

  @Override
  public boolean stackTraces() {
    return opts.stackTraces();
  }

  @Override
  public Integer call() throws Exception {
    QueryOptions.checkN(n);
    opts.checkWords(words);
    if (vector != null && !(words.isEmpty() && negative.isEmpty())) {
      throw W2vException.usage("-vector takes no words: ask for words or for a vector, not both");
    }
    if (words.isEmpty() && (vector == null || vector.equals("-"))) {
      QuerySession.requireStdinFree(opts.vectors);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String who = spec.qualifiedName();
    Embeddings e = opts.load(limit.limit, err, who);
    NearestNeighbours nn = new NearestNeighbours(e);
    QuerySession session = new QuerySession(e, out, err, who, format.format, "cosine");
    String[] neg = negative.toArray(new String[0]);
    if (vector != null && !vector.equals("-")) {
      float[] v = VectorArgument.parse(vector, e.dim(), "-vector");
      return answerVector(session, nn, v) ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
    if (vector != null) {
      return session.loop("Enter a vector: ", ws -> {
        float[] v;
        try {
          v = VectorArgument.parse(String.join(" ", ws), e.dim(), "the vector");
        } catch (W2vException x) {
          session.problem(x.getMessage());
          return false;
        }
        return answerVector(session, nn, v);
      });
    }
    if (!words.isEmpty()) {
      String[] ws = QuerySession.split(String.join(" ", words));
      return answer(session, nn, ws, neg, err) ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
    return session.loop("Enter word or sentence (exit to leave): ", ws -> answer(session, nn, ws, neg, err));
  }

  private boolean answer(QuerySession session, NearestNeighbours nn, String[] ws, String[] neg, PrintWriter err) {
    int[] idx = session.lookUp(ws);
    int[] nidx = idx == null ? null : session.lookUp(neg);
    if (nidx == null) {
      return false;
    }
    long t0 = System.nanoTime();
    List<Neighbour> res;
    if (nidx.length == 0) {
      res = nn.nearest(Queries.sum(nn.embeddings(), idx), n, idx, -1f); // distance.c exactly
    } else {
      int[] all = new int[idx.length + nidx.length];
      System.arraycopy(idx, 0, all, 0, idx.length);
      System.arraycopy(nidx, 0, all, idx.length, nidx.length);
      res = nn.nearest(Queries.combine(nn.embeddings(), idx, nidx), n, all, Float.NEGATIVE_INFINITY);
    }
    timing(t0);
    session.print(ws, neg, res);
    return true;
  }

  private boolean answerVector(QuerySession session, NearestNeighbours nn, float[] v) {
    long t0 = System.nanoTime();
    List<Neighbour> res = nn.nearest(Queries.unit(v), n, new int[0], Float.NEGATIVE_INFINITY);
    timing(t0);
    session.printForVector(v, res);
    return true;
  }

  private void timing(long t0) {
    if (opts.debug >= 2) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf("%s: query answered in %.1f ms%n", spec.qualifiedName(), (System.nanoTime() - t0) / 1e6);
      err.flush();
    }
  }
}
