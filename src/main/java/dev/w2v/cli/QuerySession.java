// What the query commands share: one-shot or line-by-line queries, unknown-word messages, and result printing.
package dev.w2v.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.w2v.io.CFormat;
import dev.w2v.io.CompressedInput;
import dev.w2v.io.W2vException;
import dev.w2v.query.Neighbour;
import dev.w2v.query.Queries;
import dev.w2v.query.Suggestions;
import dev.w2v.query.Words;
import dev.w2v.vectors.Embeddings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Runs queries: from the command line, or like the C tools from standard input. On a terminal (standard input and
 * output both) the prompt has line editing and history ({@link InteractiveLines}, JLine); from a pipe lines are read
 * silently as bytes, without JLine. {@code EXIT}, {@code exit}, {@code quit} (any case) and end of input leave; they
 * are never looked up as words (ask for a vocabulary word "exit" as {@code \x65xit}).
 */
final class QuerySession {
  /** Set by tests: the stream read in line-by-line mode (standard input otherwise). */
  static InputStream input = null;

  /** A query line longer than this is skipped with a message (its bytes are not kept). */
  static final int MAX_LINE_BYTES = 1 << 20;

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

  /** Refuses to read queries from standard input when it holds the vectors (checked before loading, and in loop). */
  static void requireStdinFree(java.nio.file.Path vectors) {
    if (input == null && vectors != null && CompressedInput.isStdin(vectors)) {
      throw W2vException.usage("standard input holds the vectors (-vectors -), so it cannot also hold the queries:"
          + " give the words on the command line");
    }
  }

  /** True for the words that end a session. */
  static boolean isExit(String line) {
    String t = line.strip();
    return t.equalsIgnoreCase("exit") || t.equalsIgnoreCase("quit");
  }

  /** The indexes of the words, or null after telling the user which one is unknown. */
  int[] lookUp(String[] words) {
    int[] idx = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      idx[i] = find(words[i]);
      if (idx[i] < 0) {
        unknown(words[i]);
        return null;
      }
    }
    return idx;
  }

  /**
   * The row of a typed word; on a fastText model with subwords, a word outside the vocabulary gets its n-gram
   * vector (an {@link Embeddings#oov} row), said on stderr. -1 when neither.
   */
  int find(String word) {
    int i = Words.find(e, word);
    if (i < 0 && e.hasSubwords()) {
      i = e.oov(Words.parse(word));
      if (i >= 0) {
        err.println(who + ": " + Words.echo(word) + ": not in the vocabulary, built from " + e.ngramCount(i)
            + " n-grams");
        err.flush();
      }
    }
    return i;
  }

  /** Prints the one-line "not in the vocabulary" message, with a suggestion when a close spelling exists. */
  void unknown(String word) {
    int close = Suggestions.closest(e.words(), word);
    err.println(
        who + ": \"" + Words.echo(word) + "\" is not in the vocabulary"
            + (close < 0 ? "" : " (did you mean \"" + Words.show(e, close) + "\"?)"));
    err.flush();
  }

  /** Prints a problem with one query (line-by-line mode carries on after it). */
  void problem(String message) {
    err.println(who + ": " + message);
    err.flush();
  }

  /**
   * Reads queries, one per line, until end of input or an exit word; on a terminal with a prompt, line editing and
   * history. Each line's words go to {@code query}; an unknown word is reported and the loop goes on.
   */
  int loop(String prompt, Predicate<String[]> query) throws IOException {
    requireStdinFree(e.source());
    boolean tty = input == null && System.console() != null;
    LineSource lines = tty ? InteractiveLines.open(out) : null;
    boolean prompting = lines != null;
    if (lines == null) {
      lines = new PipedLines(input != null ? input : System.in, this);
    }
    try {
      while (true) {
        String line = lines.read(prompt);
        if (line == null) {
          return lines.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
        if (isExit(line)) {
          return ExitCodes.OK;
        }
        String[] words = split(line);
        if (words.length == 0) {
          continue;
        }
        if (!prompting && format == OutputFormat.TABLE) {
          out.println("> " + echoLine(words));
        }
        query.test(words);
        out.flush();
        if (out.checkError()) {
          return ExitCodes.OK; // the answers cannot be written (a closed pipe...): Main says so, or ends quietly
        }
      }
    } finally {
      lines.close();
    }
  }

  private static String echoLine(String[] words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(sb.length() == 0 ? "" : " ").append(Words.echo(w));
    }
    return sb.toString();
  }

  static String[] split(String line) {
    String t = line.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  /** Prints one query's answers in the chosen format; the query is its words (negative ones shown with "-"). */
  void print(String[] words, List<Neighbour> results) {
    print(words, new String[0], results);
  }

  /** Prints answers to positive and negative words. */
  void print(String[] positive, String[] negative, List<Neighbour> results) {
    StringBuilder label = new StringBuilder();
    for (String w : positive) {
      label.append(label.length() == 0 ? "" : " ").append(shown(w));
    }
    for (String w : negative) {
      label.append(label.length() == 0 ? "" : " ").append('-').append(shown(w));
    }
    Json.Body query = g -> {
      g.writeArrayFieldStart("query");
      for (String w : positive) {
        g.writeString(shown(w));
      }
      g.writeEndArray();
      if (negative.length > 0) {
        g.writeArrayFieldStart("negative");
        for (String w : negative) {
          g.writeString(shown(w));
        }
        g.writeEndArray();
      }
    };
    printResults(label.toString(), query, results);
  }

  /** A query word as answers show it: escaped as vocabulary words are, so it pastes back as the same query. */
  static String shown(String typed) {
    return Words.show(Words.parse(typed));
  }

  /** Prints answers to a literal vector. */
  void printForVector(float[] v, List<Neighbour> results) {
    StringBuilder label = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      label.append(i == 0 ? "" : " ").append(v[i]);
    }
    Json.Body query = g -> {
      g.writeArrayFieldStart("vector");
      for (float x : v) {
        Json.number(g, x);
      }
      g.writeEndArray();
    };
    printResults(label.toString(), query, results);
  }

  /** The {@code "results"} array of a JSON answer: each word, shown as {@link Words#show}, and its score. */
  void jsonResults(JsonGenerator g, List<Neighbour> results) throws IOException {
    Queries.jsonResults(g, e, results, scoreName);
  }


  /** Prints the answers; {@code jsonQuery} writes the JSON document's fields that describe the query. */
  private void printResults(String query, Json.Body jsonQuery, List<Neighbour> results) {
    switch (format) {
      case TSV:
        for (Neighbour nb : results) {
          out.println(query + "\t" + Words.show(e, nb.index()) + "\t" + CFormat.fixed(nb.score(), 6));
        }
        break;
      case JSON:
        Json.line(out, g -> {
          g.writeStartObject();
          jsonQuery.write(g);
          jsonResults(g, results);
          g.writeEndObject();
        });
        break;
      default:
        table(results, scoreName);
        if (results.isEmpty()) {
          out.println("(no word scores above the threshold)");
        }
    }
    out.flush();
  }

  /** The table layout: rank, word, score. */
  void table(List<Neighbour> results, String header) {
    int width = 4;
    String[] shown = new String[results.size()];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = Words.show(e, results.get(i).index());
      width = Math.max(width, shown[i].codePointCount(0, shown[i].length()));
    }
    String col = "%" + Math.max(9, header.length()) + "s";
    out.println(String.format("%4s  %s  " + col, "#", pad("word", width), header));
    for (int i = 0; i < shown.length; i++) {
      out.println(String.format("%4d  %s  " + col, i + 1, pad(shown[i], width), CFormat.fixed(results.get(i).score(), 6)));
    }
  }

  static String pad(String s, int width) {
    int n = s.codePointCount(0, s.length());
    return n >= width ? s : s + " ".repeat(width - n);
  }

  /** Where query lines come from. */
  interface LineSource extends AutoCloseable {
    /** The next line (prompting on a terminal), or null at the end. */
    String read(String prompt) throws IOException;

    /** True when the end came from Ctrl-C. */
    default boolean interrupted() {
      return false;
    }

    @Override
    default void close() {}
  }

  /**
   * Lines from a pipe or file: no prompt, no JLine; bytes decoded as UTF-8 (a trailing CR dropped); a line over
   * {@link #MAX_LINE_BYTES} is consumed without being kept and reported, so a 200 MB line costs one read.
   */
  static final class PipedLines implements LineSource {
    private final InputStream in;
    private final QuerySession session;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long lineNo;

    PipedLines(InputStream in, QuerySession session) {
      this.in = in;
      this.session = session;
    }

    @Override
    public String read(String prompt) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(128);
      long total = 0;
      boolean newline = false;
      while (!newline) {
        if (pos == end) {
          end = in.read(buf, 0, buf.length);
          pos = 0;
          if (end <= 0) {
            end = 0;
            break;
          }
        }
        int i = pos;
        while (i < end && buf[i] != '\n') {
          i++;
        }
        int n = i - pos;
        if (total + n <= MAX_LINE_BYTES) {
          line.write(buf, pos, n);
        }
        total += n;
        newline = i < end;
        pos = newline ? i + 1 : i;
      }
      if (!newline && total == 0) {
        return null;
      }
      lineNo++;
      if (total > MAX_LINE_BYTES) {
        session.problem(String.format(Locale.ROOT, "line %d of standard input is %d bytes long; a query line may be"
            + " at most %d bytes: skipped", lineNo, total, MAX_LINE_BYTES));
        return "";
      }
      byte[] bytes = line.toByteArray();
      int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
      return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }
  }
}
