// `w2v analogy`: word2vec.c's word-analogy tool, with its three words in the a - b + c order.
package dev.w2v.cli;

import dev.w2v.io.W2vException;
import dev.w2v.query.Analogy;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.query.Neighbour;
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

/** The words nearest A - B + C: {@code w2v analogy king man woman} answers queen. */
@Command(
    name = "analogy",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Answer an analogy: the words nearest to A - B + C.",
      "'w2v analogy king man woman' (king - man + woman) answers queen. word2vec.c's word-analogy takes the "
          + "same question as B A C ('man king woman'). With no words, reads one question (three words) per line "
          + "from standard input (line editing and history on a terminal; exit, quit or Ctrl-D leaves)."
    },
    footer = {
      "",
      "Examples:",
      "  w2v analogy -vectors vectors.bin king man woman",
      "  w2v analogy -vectors vectors.bin -method mul -n 3 -format json king man woman",
      "  w2v analogy -vectors v.bin -- -lrb- ( )  (words starting with '-' after '--')"
    })
public final class AnalogyCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..3", paramLabel = "A B C", description = "The three words: A - B + C.")
  List<String> words = new ArrayList<>();

  @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "How many answers (default: 10; word-analogy.c shows 40).")
  int n;

  @Option(
      names = "-method",
      paramLabel = "M",
      defaultValue = "add",
      description = "add: cosine with A - B + C (3CosAdd, word-analogy.c); mul: 3CosMul, as gensim's most_similar_cosmul (default: add).")
  MethodName method;

  @Mixin QueryOptions.Limit limit = new QueryOptions.Limit();

  @Mixin QueryOptions.Format format = new QueryOptions.Format();

  @Mixin QueryOptions opts = new QueryOptions();

  /** Option values of -method. */
  enum MethodName {
    ADD(Analogy.Method.ADD),
    MUL(Analogy.Method.MUL);

    final Analogy.Method method;

    MethodName(Analogy.Method method) {
      this.method = method;
    }
  }

  @Override
  public boolean stackTraces() {
    return opts.stackTraces();
  }

  @Override
  public Integer call() throws Exception {
    QueryOptions.checkN(n);
    if (!words.isEmpty() && words.size() != 3) {
      throw W2vException.usage("give three words, A B C (for A - B + C), or none to read questions from standard input");
    }
    if (words.isEmpty()) {
      QuerySession.requireStdinFree(opts.vectors);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String who = spec.qualifiedName();
    opts.checkWords(words);
    Embeddings e = opts.load(limit.limit, err, who);
    Analogy analogy = new Analogy(new NearestNeighbours(e));
    String score = method.method == Analogy.Method.MUL ? "3cosmul" : "cosine";
    QuerySession session = new QuerySession(e, out, err, who, format.format, score);
    if (!words.isEmpty()) {
      return answer(session, analogy, words.toArray(new String[0]), err) ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
    return session.loop("Enter three words (exit to leave): ", ws -> answer(session, analogy, ws, err));
  }

  private boolean answer(QuerySession session, Analogy analogy, String[] ws, PrintWriter err) {
    if (ws.length != 3) {
      err.println(spec.qualifiedName() + ": " + ws.length + " words given, three are needed: A B C for A - B + C");
      err.flush();
      return false;
    }
    int[] idx = session.lookUp(ws);
    if (idx == null) {
      return false;
    }
    long t0 = System.nanoTime();
    List<Neighbour> res = analogy.solve(method.method, idx[0], idx[1], idx[2], n);
    if (opts.debug >= 2) {
      err.printf("%s: query answered in %.1f ms%n", spec.qualifiedName(), (System.nanoTime() - t0) / 1e6);
      err.flush();
    }
    session.print(ws, res);
    return true;
  }
}
