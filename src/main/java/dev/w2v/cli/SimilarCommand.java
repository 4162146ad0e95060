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
      "The words nearest WORD by cosine similarity (word2vec.c's distance). Several words are summed first.",
      "With no WORD, reads one query per line from standard input (a prompt on a terminal; EXIT to leave)."
    })
public final class SimilarCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "WORD", description = "The word(s) to look up.")
  List<String> words = new ArrayList<>();

  @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "How many answers (default: 10; distance.c shows 40).")
  int n;

  @Option(names = "-limit", paramLabel = "N", defaultValue = "0", description = "Load only the first N words (default: 0 = all).")
  long limit;

  @Option(names = "-format", paramLabel = "FORMAT", defaultValue = "table", description = "Output: table, tsv or json (default: table).")
  OutputFormat format;

  @Mixin QueryOptions opts = new QueryOptions();

  @Override
  public boolean stackTraces() {
    return opts.stackTraces();
  }

  @Override
  public Integer call() throws Exception {
    if (n < 1) {
      throw W2vException.usage("-n must be at least 1, got " + n);
    }
    if (n > QueryOptions.MAX_N) {
      throw W2vException.usage("-n " + n + " is out of range (at most " + QueryOptions.MAX_N + ")");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String who = spec.qualifiedName();
    Embeddings e = opts.load(limit, err, who);
    NearestNeighbours nn = new NearestNeighbours(e);
    QuerySession session = new QuerySession(e, out, err, who, format, "cosine");
    if (!words.isEmpty()) {
      String[] ws = QuerySession.split(String.join(" ", words));
      return answer(session, nn, ws, err) ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
    return session.loop("Enter word or sentence (EXIT to break): ", ws -> answer(session, nn, ws, err));
  }

  private boolean answer(QuerySession session, NearestNeighbours nn, String[] ws, PrintWriter err) {
    int[] idx = session.lookUp(ws);
    if (idx == null) {
      return false;
    }
    long t0 = System.nanoTime();
    List<Neighbour> res = nn.nearest(Queries.sum(nn.embeddings(), idx), n, idx, -1f);
    if (opts.debug >= 2) {
      err.printf("%s: query answered in %.1f ms%n", spec.qualifiedName(), (System.nanoTime() - t0) / 1e6);
      err.flush();
    }
    session.print(ws, res);
    return true;
  }
}
