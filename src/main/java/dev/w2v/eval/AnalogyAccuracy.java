// compute-accuracy.c: analogy questions ("a b c d": b - a + c should be d) scored top-1, section by section.
package dev.w2v.eval;

import dev.w2v.query.Analogy;
import dev.w2v.query.Neighbour;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.WordTable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs compute-accuracy.c's rules, so that its counts come out identical on the same vectors:
 *
 * <ul>
 *   <li>the vocabulary is the loaded words (the caller applies the threshold by loading only that many), each
 *       upper-cased with ASCII {@code toupper}; question words are upper-cased the same way and a lookup answers the
 *       first word that matches;
 *   <li>the input is read as whitespace-separated tokens ({@code scanf("%s")}), four per question; a token ":" (or
 *       "EXIT") starts a section whose name is the next token; the first five sections are "semantic", the rest
 *       "syntactic", by position, not by name;
 *   <li>a question counts in the total whatever happens, and as seen only when all four words are known;
 *   <li>the answer is the word of highest cosine with b - a + c above 0 among all loaded words except a, b and c
 *       (by index), and it is right when its upper-cased spelling equals d's, so another case variant of d counts.
 * </ul>
 *
 * <p>On a model with subwords (a fastText {@code .bin}) a question word a, b or c outside the loaded words gets its
 * vector from its n-grams, built from the word as written in the question file, as fastText's own {@code analogies}
 * does; d must still be a loaded word (the answer is always one), so such a question is seen only then. {@link
 * Report#builtWords()} and {@link Report#builtQuestions()} count them. {@code vocabularyOnly} keeps
 * compute-accuracy's rule (skip the question) on such models too.
 */
public final class AnalogyAccuracy {
  /** One section's counts, and the running totals when it ended (what compute-accuracy prints after it). */
  public record Section(
      String name,
      int number,
      boolean semantic,
      int questions,
      int seen,
      int correct,
      int totalSeen,
      int totalCorrect,
      int semanticSeen,
      int semanticCorrect,
      int syntacticSeen,
      int syntacticCorrect) {}

  /** All sections and the totals. */
  public record Report(
      Analogy.Method method,
      int vocabulary,
      List<Section> sections,
      int questions,
      int seen,
      int correct,
      int semanticSeen,
      int semanticCorrect,
      int syntacticSeen,
      int syntacticCorrect,
      int builtWords,
      int builtQuestions) {}

  private final Embeddings e;
  private final WordTable upper;
  private final Analogy analogy;
  private final Analogy.Method method;
  private final boolean ngrams;
  /** Words built from their n-grams so far (as written), and the questions seen that used one. */
  private final java.util.Set<String> built = new java.util.HashSet<>();
  private int builtQuestions;

  public AnalogyAccuracy(Embeddings e, Analogy.Method method) {
    this(e, method, false);
  }

  /** {@code vocabularyOnly}: skip questions with a word outside the loaded words even on a subword model. */
  public AnalogyAccuracy(Embeddings e, Analogy.Method method, boolean vocabularyOnly) {
    this.e = e;
    this.upper = e.words().upperAscii();
    this.analogy = new Analogy(new NearestNeighbours(e));
    this.method = method;
    this.ngrams = e.hasSubwords() && !vocabularyOnly;
  }

  /** The row of a question word: a loaded word's (upper-cased match), else its n-gram vector's, else -1. */
  private int row(byte[] upperCased, byte[] raw, boolean[] usedNgrams) {
    int i = upper.indexOf(upperCased, 0, upperCased.length);
    if (i >= 0 || !ngrams) {
      return i;
    }
    i = e.oov(raw);
    if (i >= 0) {
      built.add(new String(raw, StandardCharsets.UTF_8));
      usedNgrams[0] = true;
    }
    return i;
  }

  /** Evaluates the questions read from {@code in} (questions-words.txt format). */
  public Report evaluate(InputStream in) throws IOException {
    Tokens tok = new Tokens(in);
    List<Section> sections = new ArrayList<>();
    // compute-accuracy.c's counters, same names
    int tcn = 0;
    int ccn = 0;
    int tacn = 0;
    int cacn = 0;
    int secn = 0;
    int sycn = 0;
    int seac = 0;
    int syac = 0;
    int qid = 0;
    int tq = 0;
    int tqs = 0;
    int questionsInSection = 0;
    String name = null;
    byte[] st1 = new byte[0];
    byte[] st2 = st1;
    byte[] st3 = st1;
    byte[] st4 = st1;
    byte[] raw1 = st1;
    byte[] raw2 = st1;
    byte[] raw3 = st1;
    boolean[] usedNgrams = new boolean[1];
    built.clear();
    builtQuestions = 0;
    while (true) {
      byte[] t1 = tok.next(st1);
      raw1 = t1 == st1 ? raw1 : tok.raw;
      st1 = t1;
      if (isToken(st1, ":") || isToken(st1, "EXIT") || tok.eof) {
        if (qid != 0) {
          sections.add(new Section(name, qid, qid <= 5, questionsInSection, tcn, ccn, tacn, cacn, secn, seac, sycn, syac));
        }
        qid++;
        byte[] raw = tok.nextRaw();
        if (tok.eof) {
          break;
        }
        name = new String(raw, StandardCharsets.UTF_8);
        tcn = 0;
        ccn = 0;
        questionsInSection = 0;
        continue;
      }
      byte[] t2 = tok.next(st2);
      raw2 = t2 == st2 ? raw2 : tok.raw;
      st2 = t2;
      byte[] t3 = tok.next(st3);
      raw3 = t3 == st3 ? raw3 : tok.raw;
      st3 = t3;
      st4 = tok.next(st4);
      tq++;
      questionsInSection++;
      if (upper.indexOf(st4, 0, st4.length) < 0) {
        continue;
      }
      usedNgrams[0] = false;
      int b1 = row(st1, raw1, usedNgrams);
      int b2 = row(st2, raw2, usedNgrams);
      int b3 = row(st3, raw3, usedNgrams);
      if (b1 < 0 || b2 < 0 || b3 < 0) {
        continue;
      }
      tqs++;
      if (usedNgrams[0]) {
        builtQuestions++;
      }
      int best = answer(b2, b1, b3);
      if (best >= 0 && Arrays.equals(upper.bytes(best), st4)) {
        ccn++;
        cacn++;
        if (qid <= 5) {
          seac++;
        } else {
          syac++;
        }
      }
      if (qid <= 5) {
        secn++;
      } else {
        sycn++;
      }
      tcn++;
      tacn++;
    }
    return new Report(method, e.size(), sections, tq, tqs, cacn, secn, seac, sycn, syac, built.size(), builtQuestions);
  }

  /** The best answer to a - b + c, or -1 when no word scores above 0 (3CosAdd). */
  private int answer(int a, int b, int c) {
    List<Neighbour> top = method == Analogy.Method.MUL ? analogy.mul(a, b, c, 1) : analogy.add(a, b, c, 1, false);
    return top.isEmpty() ? -1 : top.get(0).index();
  }

  private static boolean isToken(byte[] t, String s) {
    if (t.length != s.length()) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (t[i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code scanf("%s")} over a byte stream: tokens split at C {@code isspace} bytes. {@link #eof} mirrors
   * {@code feof(stdin)}: set once a read has run into the end, including a token that ends exactly there.
   */
  static final class Tokens {
    private final InputStream in;
    boolean eof;
    /** The last token {@link #next} read, as written (not upper-cased); unchanged when it read none. */
    byte[] raw = new byte[0];
    private byte[] buf = new byte[64];

    Tokens(InputStream in) {
      this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
    }

    private static boolean space(int c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }

    /** The next token as read, or null at the end (scanf fails). */
    byte[] nextRaw() throws IOException {
      int c;
      do {
        c = in.read();
      } while (c >= 0 && space(c));
      if (c < 0) {
        eof = true;
        return null;
      }
      int n = 0;
      while (c >= 0 && !space(c)) {
        if (n == buf.length) {
          buf = Arrays.copyOf(buf, 2 * n);
        }
        buf[n++] = (byte) c;
        c = in.read();
      }
      if (c < 0) {
        eof = true;
      }
      return Arrays.copyOf(buf, n);
    }

    /** The next token upper-cased (ASCII toupper); {@code previous} when there is none (scanf leaves it as it was). */
    byte[] next(byte[] previous) throws IOException {
      byte[] t = nextRaw();
      if (t == null) {
        return previous;
      }
      raw = t.clone();
      for (int i = 0; i < t.length; i++) {
        t[i] = WordTable.upperAscii(t[i]);
      }
      return t;
    }
  }
}
