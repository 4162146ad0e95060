// What similar and analogy share: one-shot or line-by-line queries, unknown-word messages, and result printing.
package dev.w2v.cli;

import dev.w2v.io.CFormat;
import dev.w2v.query.Neighbour;
import dev.w2v.query.Suggestions;
import dev.w2v.vectors.Embeddings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/** Runs queries: from the command line, or like the C tools from standard input, a prompt when it is a terminal. */
final class QuerySession {
  /** Set by tests: the stream read in interactive mode (standard input otherwise). */
  static InputStream input = null;

  private final Embeddings e;
  private final PrintWriter out;
  private final PrintWriter err;
  private final String who;
  private final OutputFormat format;
  private final String scoreName;

  QuerySession(Embeddings e, PrintWriter out, PrintWriter err, String who, OutputFormat format, String scoreName) {
    this.e = e;
    this.out = out;
    this.err = err;
    this.who = who;
    this.format = format;
    this.scoreName = scoreName;
  }

  /** The indexes of the words, or null after telling the user which one is unknown. */
  int[] lookUp(String[] words) {
    int[] idx = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      idx[i] = e.indexOf(words[i]);
      if (idx[i] < 0) {
        String close = Suggestions.closest(e.words(), words[i]);
        err.println(
            who + ": \"" + words[i] + "\" is not in the vocabulary"
                + (close == null ? "" : " (did you mean \"" + close + "\"?)"));
        err.flush();
        return null;
      }
    }
    return idx;
  }

  /**
   * Reads queries, one per line, until end of input or a line "EXIT"; with a terminal on both sides it prompts as
   * distance.c does. Each line's words go to {@code query}; an unknown word is reported and the loop goes on.
   */
  int loop(String prompt, Predicate<String[]> query) throws IOException {
    boolean tty = input == null && System.console() != null;
    InputStream in = input != null ? input : System.in;
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    while (true) {
      if (tty) {
        out.print(prompt);
        out.flush();
      }
      String line = r.readLine();
      if (line == null || line.equals("EXIT")) {
        return ExitCodes.OK;
      }
      String[] words = split(line);
      if (words.length == 0) {
        continue;
      }
      if (!tty && format == OutputFormat.TABLE) {
        out.println("> " + String.join(" ", words));
      }
      query.test(words);
      out.flush();
    }
  }

  static String[] split(String line) {
    String t = line.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  /** Prints one query's answers in the chosen format. */
  void print(String[] words, List<Neighbour> results) {
    String query = String.join(" ", words);
    switch (format) {
      case TSV:
        for (Neighbour nb : results) {
          out.println(query + "\t" + e.word(nb.index()) + "\t" + CFormat.fixed(nb.score(), 6));
        }
        break;
      case JSON:
        StringBuilder sb = new StringBuilder("{\"query\":[");
        for (int i = 0; i < words.length; i++) {
          sb.append(i == 0 ? "" : ",").append(Json.str(words[i]));
        }
        sb.append("],\"results\":[");
        for (int i = 0; i < results.size(); i++) {
          Neighbour nb = results.get(i);
          sb.append(i == 0 ? "" : ",")
              .append("{\"word\":")
              .append(Json.str(e.word(nb.index())))
              .append(",\"")
              .append(scoreName)
              .append("\":")
              .append(Json.num(nb.score()))
              .append('}');
        }
        out.println(sb.append("]}"));
        break;
      default:
        int width = 4;
        for (Neighbour nb : results) {
          width = Math.max(width, e.word(nb.index()).codePointCount(0, e.word(nb.index()).length()));
        }
        out.println(String.format("%4s  %s  %9s", "#", pad("word", width), scoreName));
        for (int i = 0; i < results.size(); i++) {
          Neighbour nb = results.get(i);
          out.println(
              String.format(
                  "%4d  %s  %9s", i + 1, pad(e.word(nb.index()), width), CFormat.fixed(nb.score(), 6)));
        }
        if (results.isEmpty()) {
          out.println("(no word scores above the threshold)");
        }
    }
    out.flush();
  }

  private static String pad(String s, int width) {
    int n = s.codePointCount(0, s.length());
    return n >= width ? s : s + " ".repeat(width - n);
  }
}
