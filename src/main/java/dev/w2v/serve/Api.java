// The JSON API's answers: each question asked as the command line asks it, and written in its -format json shape.
package dev.w2v.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.w2v.io.Json;
import dev.w2v.plot.Pca;
import dev.w2v.query.Analogy;
import dev.w2v.query.Neighbour;
import dev.w2v.query.OddOneOut;
import dev.w2v.query.Queries;
import dev.w2v.query.Suggestions;
import dev.w2v.query.Words;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.WordTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers {@code /api/NAME?...}. similar, analogy, cosine and odd-one-out compute what {@code w2v similar},
 * {@code analogy}, {@code cosine} and {@code odd-one-out} compute and answer the exact JSON document those commands
 * print with {@code -format json} (ServeApiTest compares them); map projects as {@code w2v plot} does.
 */
public final class Api {
  private final List<Model> models;

  public Api(List<Model> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no model");
    }
    this.models = List.copyOf(models);
  }

  public List<Model> models() {
    return models;
  }

  /** The JSON answer to {@code /api/<name>?<query>}; throws {@link ApiError} for a request it refuses. */
  String answer(String name, Params p) {
    switch (name) {
      case "models":
        return modelsDoc();
      case "similar":
        return similar(model(p), p);
      case "analogy":
        return analogy(model(p), p);
      case "cosine":
        return cosine(model(p), p);
      case "odd-one-out":
        return oddOneOut(model(p), p);
      case "complete":
        return complete(model(p), p);
      case "suggestions":
        return suggestions(model(p), p);
      case "map":
        return map(model(p), p);
      default:
        throw ApiError.notFound("no API call /api/" + Limits.cut(name)
            + " (try models, similar, analogy, cosine, odd-one-out, complete, suggestions, map)");
    }
  }

  private Model model(Params p) {
    int m = p.integer("model", 1, 1, Integer.MAX_VALUE);
    if (m > models.size()) {
      throw ApiError.bad("parameter 'model' must be between 1 and " + models.size() + ", got " + m);
    }
    return models.get(m - 1);
  }

  private String modelsDoc() {
    return Json.document(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("models");
      for (int i = 0; i < models.size(); i++) {
        Embeddings e = models.get(i).embeddings();
        g.writeStartObject();
        g.writeNumberField("model", i + 1);
        g.writeStringField("name", models.get(i).name());
        g.writeNumberField("words", e.size());
        g.writeNumberField("dim", e.dim());
        g.writeStringField("format", e.format().description());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** {@code w2v similar WORD... [-neg WORD...] -n N}: words summed (distance.c), or combined with -neg words. */
  private String similar(Model m, Params p) {
    List<String> pos = bounded(p.requiredWords("word"), "word");
    List<String> neg = bounded(p.words("neg"), "neg");
    int n = p.integer("n", 10, 1, Limits.MAX_N);
    Embeddings e = m.embeddings();
    int[] idx = lookUp(e, pos);
    int[] nidx = lookUp(e, neg);
    List<Neighbour> res;
    if (nidx.length == 0) {
      res = m.nearest().nearest(Queries.sum(e, idx), n, idx, -1f); // as SimilarCommand: distance.c exactly
    } else {
      int[] all = new int[idx.length + nidx.length];
      System.arraycopy(idx, 0, all, 0, idx.length);
      System.arraycopy(nidx, 0, all, idx.length, nidx.length);
      res = m.nearest().nearest(Queries.combine(e, idx, nidx), n, all, Float.NEGATIVE_INFINITY);
    }
    return Json.document(g -> {
      g.writeStartObject();
      shownArray(g, "query", pos);
      if (!neg.isEmpty()) {
        shownArray(g, "negative", neg);
      }
      Queries.jsonResults(g, e, res, "cosine");
      g.writeEndObject();
    });
  }

  /** {@code w2v analogy A B C} (A - B + C), by 3CosAdd or, with method=mul, 3CosMul. */
  private String analogy(Model m, Params p) {
    List<String> ws = new ArrayList<>();
    if (p.get("words") != null) {
      ws.addAll(p.words("words"));
    } else {
      ws.add(p.word("a"));
      ws.add(p.word("b"));
      ws.add(p.word("c"));
    }
    if (ws.size() != 3) {
      throw ApiError.bad("an analogy takes three words, A B C for A - B + C; got " + ws.size());
    }
    bounded(ws, "words");
    String method = p.get("method") == null ? "add" : p.get("method").strip().toLowerCase(Locale.ROOT);
    Analogy.Method how;
    if (method.equals("add")) {
      how = Analogy.Method.ADD;
    } else if (method.equals("mul")) {
      how = Analogy.Method.MUL;
    } else {
      throw ApiError.bad("parameter 'method' must be add or mul, got \"" + Limits.cut(method) + "\"");
    }
    int n = p.integer("n", 10, 1, Limits.MAX_N);
    Embeddings e = m.embeddings();
    int[] idx = lookUp(e, ws);
    List<Neighbour> res = m.analogy().solve(how, idx[0], idx[1], idx[2], n);
    String score = how == Analogy.Method.MUL ? "3cosmul" : "cosine";
    return Json.document(g -> {
      g.writeStartObject();
      shownArray(g, "query", ws);
      Queries.jsonResults(g, e, res, score);
      g.writeEndObject();
    });
  }

  /** {@code w2v cosine W1 W2}. */
  private String cosine(Model m, Params p) {
    List<String> ws = new ArrayList<>();
    ws.add(p.word("w1"));
    ws.add(p.word("w2"));
    bounded(ws, "w1");
    Embeddings e = m.embeddings();
    int[] idx = lookUp(e, ws);
    float cos = Queries.cosine(e, idx[0], idx[1]);
    return Json.document(g -> {
      g.writeStartObject();
      g.writeStringField("word1", Words.show(e, idx[0]));
      g.writeStringField("word2", Words.show(e, idx[1]));
      g.writeFieldName("cosine");
      Json.number(g, cos);
      g.writeEndObject();
    });
  }

  /** {@code w2v odd-one-out WORD...}: the words ranked by cosine to their mean, the odd one first. */
  private String oddOneOut(Model m, Params p) {
    List<String> ws = bounded(p.requiredWords("words"), "words");
    if (ws.size() < 2) {
      throw ApiError.bad("give two or more words to pick the odd one out from");
    }
    Embeddings e = m.embeddings();
    List<Neighbour> ranked = OddOneOut.rank(e, lookUp(e, ws));
    return Json.document(g -> {
      g.writeStartObject();
      shownArray(g, "query", ws);
      g.writeStringField("odd", Words.show(e, ranked.get(0).index()));
      Queries.jsonResults(g, e, ranked, "cosine");
      g.writeEndObject();
    });
  }

  /**
   * Vocabulary words that start with a prefix (its UTF-8 bytes), in file order: most frequent first in a
   * frequency-sorted file, as word2vec.c writes. One pass over the words, stopping at n answers.
   */
  private String complete(Model m, Params p) {
    String prefix = p.get("prefix");
    if (prefix == null) {
      throw ApiError.bad("missing parameter 'prefix'");
    }
    prefix = prefix.strip();
    checkLength(prefix, "prefix");
    int n = p.integer("n", 10, 1, Limits.MAX_N);
    byte[] pre = Words.parse(prefix);
    WordTable words = m.embeddings().words();
    List<String> found = new ArrayList<>();
    if (pre.length > 0) {
      int size = words.size();
      for (int i = 0; i < size && found.size() < n; i++) {
        if (words.length(i) >= pre.length && startsWith(words.bytes(i), pre)) {
          found.add(Words.show(m.embeddings(), i));
        }
      }
    }
    String shown = prefix;
    return Json.document(g -> {
      g.writeStartObject();
      g.writeStringField("prefix", shown);
      g.writeArrayFieldStart("words");
      for (String w : found) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static boolean startsWith(byte[] word, byte[] prefix) {
    for (int k = 0; k < prefix.length; k++) {
      if (word[k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  /** Whether a word is known, and the command line's "did you mean" spelling when it is not. */
  private String suggestions(Model m, Params p) {
    String w = p.word("word");
    checkLength(w, "word");
    Embeddings e = m.embeddings();
    int i = Words.find(e, w);
    int close = i >= 0 ? -1 : Suggestions.closest(e.words(), w);
    return Json.document(g -> {
      g.writeStartObject();
      g.writeStringField("word", Words.show(Words.parse(w)));
      g.writeBooleanField("known", i >= 0);
      g.writeArrayFieldStart("suggestions");
      if (close >= 0) {
        g.writeString(Words.show(e, close));
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /**
   * The 2-D PCA map {@code w2v plot -neighbours N WORD...} draws: the words asked for (word= or words=), each with its
   * n nearest neighbours (default 20 for one word, 0 for a list), every word once, projected by {@link Pca}.
   */
  private String map(Model m, Params p) {
    List<String> asked = p.words("word");
    asked.addAll(p.words("words"));
    if (asked.isEmpty()) {
      throw ApiError.bad("missing parameter 'word' (a neighbourhood) or 'words' (a list)");
    }
    bounded(asked, "words");
    int dflt = asked.size() == 1 ? 20 : 0;
    int n = p.integer("n", dflt, 0, Limits.MAX_MAP_NEIGHBOURS);
    Embeddings e = m.embeddings();
    int[] idx = lookUp(e, asked);
    Map<Integer, int[]> drawn = new LinkedHashMap<>(); // row -> {query 1/0, group}
    for (int g = 0; g < idx.length; g++) {
      drawn.putIfAbsent(idx[g], new int[] {1, g});
    }
    if (n > 0) {
      for (int g = 0; g < idx.length; g++) {
        for (Neighbour nb : m.nearest().nearest(e.vector(idx[g]), n, new int[] {idx[g]}, Float.NEGATIVE_INFINITY)) {
          drawn.putIfAbsent(nb.index(), new int[] {0, g});
        }
      }
    }
    float[][] points = new float[drawn.size()][];
    int[] rows = new int[drawn.size()];
    int k = 0;
    for (int row : drawn.keySet()) {
      rows[k] = row;
      points[k++] = e.vector(row);
    }
    Pca.Projection pr = Pca.project(points);
    return Json.document(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("points");
      for (int i = 0; i < rows.length; i++) {
        int[] info = drawn.get(rows[i]);
        g.writeStartObject();
        g.writeStringField("word", Words.show(e, rows[i]));
        g.writeFieldName("x");
        Json.number(g, pr.xy()[i][0]);
        g.writeFieldName("y");
        Json.number(g, pr.xy()[i][1]);
        g.writeBooleanField("query", info[0] == 1);
        g.writeNumberField("group", info[1]);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeFieldName("varianceX");
      Json.number(g, pr.varianceX());
      g.writeFieldName("varianceY");
      Json.number(g, pr.varianceY());
      g.writeEndObject();
    });
  }

  /** Refuses too many words or a word over {@link Limits#MAX_WORD_CHARS}. */
  private static List<String> bounded(List<String> words, String param) {
    if (words.size() > Limits.MAX_WORDS) {
      throw ApiError.bad("parameter '" + param + "' has " + words.size() + " words; at most " + Limits.MAX_WORDS);
    }
    for (String w : words) {
      checkLength(w, param);
    }
    return words;
  }

  private static void checkLength(String w, String param) {
    if (w.length() > Limits.MAX_WORD_CHARS) {
      throw ApiError.bad("parameter '" + param + "': a word of " + w.length() + " characters; at most "
          + Limits.MAX_WORD_CHARS);
    }
  }

  /** The rows of the words, or a 404 naming the first unknown one (with the command line's suggestion). */
  private static int[] lookUp(Embeddings e, List<String> words) {
    int[] idx = new int[words.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = Words.find(e, words.get(i));
      if (idx[i] < 0) {
        int close = Suggestions.closest(e.words(), words.get(i));
        throw ApiError.notFound("\"" + Words.echo(words.get(i)) + "\" is not in the vocabulary"
            + (close < 0 ? "" : " (did you mean \"" + Words.show(e, close) + "\"?)"));
      }
    }
    return idx;
  }

  /** Query words as the command line shows them: escaped as vocabulary words are. */
  private static void shownArray(JsonGenerator g, String field, List<String> words) throws IOException {
    g.writeArrayFieldStart(field);
    for (String w : words) {
      g.writeString(Words.show(Words.parse(w)));
    }
    g.writeEndArray();
  }
}
