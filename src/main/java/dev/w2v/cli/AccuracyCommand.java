// `w2v accuracy`: word2vec.c's compute-accuracy on an analogy question file.
package dev.w2v.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.w2v.eval.AnalogyAccuracy;
import dev.w2v.io.CFormat;
import dev.w2v.io.CompressedInput;
import dev.w2v.io.InputFiles;
import dev.w2v.io.W2vException;
import dev.w2v.vectors.Embeddings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Top-1 analogy accuracy per section and in total, counted exactly as compute-accuracy.c counts. */
@Command(
    name = "accuracy",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Measure analogy accuracy on a question file (compute-accuracy).",
      "QUESTIONS is in questions-words.txt format: ': section' lines, each followed by 'a b c d' lines "
          + "meaning b - a + c = d. compute-accuracy's rules: words upper-cased, top-1 answer among the loaded "
          + "words, questions with an unknown word skipped and reported as 'seen / total'."
    },
    footer = {
      "",
      "Examples:",
      "  w2v accuracy -vectors vectors.bin questions-words.txt",
      "  w2v accuracy -vectors vectors.bin -threshold 30000 -format word2vec \\",
      "      questions-words.txt     (compute-accuracy's own output, byte for byte)"
    })
public final class AccuracyCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUESTIONS", description = "Question file, or - for standard input.")
  String questions;

  @Option(
      names = {"-threshold", "-limit"},
      paramLabel = "N",
      defaultValue = "0",
      description = "Use only the first N words of the vectors, as compute-accuracy's threshold (default: 0 = all;"
          + " word2vec.c's demo uses 30000).")
  long threshold;

  @Option(
      names = "-method",
      paramLabel = "M",
      defaultValue = "add",
      description = "add: 3CosAdd, as compute-accuracy; mul: 3CosMul (default: add).")
  AnalogyCommand.MethodName method;

  @Option(
      names = "-format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, tsv, json, or word2vec (compute-accuracy's own output, byte for byte) (default: table).")
  Format format;

  @Option(
      names = "-vocab-only",
      description = "On a subword model (fastText .bin), skip questions with a word outside the loaded words, as"
          + " compute-accuracy does, instead of building its vector from its n-grams.")
  boolean vocabOnly;

  @Mixin QueryOptions opts = new QueryOptions();

  /** Output layouts of this command. */
  enum Format {
    TABLE,
    TSV,
    JSON,
    WORD2VEC
  }

  @Override
  public boolean stackTraces() {
    return opts.stackTraces();
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threshold < 0) {
      throw W2vException.usage("-threshold must be 0 (all words) or more, got " + threshold);
    }
    if (!questions.equals("-")) {
      InputFiles.requireReadable(Path.of(questions), "question file");
    }
    Embeddings e = opts.load(threshold, err, spec.qualifiedName());
    long t0 = System.nanoTime();
    AnalogyAccuracy.Report r;
    // gzip/bzip2/xz/zstd undone, as for every input; "-" is standard input
    try (InputStream in = CompressedInput.stream(Path.of(questions), "question file")) {
      r = new AnalogyAccuracy(e, method.method, vocabOnly).evaluate(in);
    } catch (IOException ex) {
      throw CompressedInput.failure("question file " + questions, ex);
    }
    if (r.sections().isEmpty() || r.questions() == 0) {
      // compute-accuracy would print "0 / N": a zero that looks like a result
      String name = questions.equals("-") ? "standard input" : "question file " + questions;
      throw W2vException.badInput(name + " has no analogy questions: expected ': section' lines, each followed by"
          + " 'a b c d' lines (a word-pair file goes to w2v similarity)");
    }
    if (r.builtWords() > 0 && opts.debug >= 1) {
      err.println(spec.qualifiedName() + ": " + r.builtWords() + " words not in the vocabulary built from their"
          + " n-grams (in " + r.builtQuestions() + " of " + r.seen() + " questions seen)");
    }
    if (opts.debug >= 2) {
      err.printf("%s: %d questions evaluated in %.2f s%n", spec.qualifiedName(), r.seen(), (System.nanoTime() - t0) / 1e9);
    }
    switch (format) {
      case WORD2VEC:
        printWord2vec(out, r);
        break;
      case TSV:
        printTsv(out, r);
        break;
      case JSON:
        printJson(out, r);
        break;
      default:
        printTable(out, r);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** compute-accuracy.c's printf arithmetic: {@code CCN / (float)TCN * 100}. */
  private static String pct(int num, int den) {
    return CFormat.fixed(num / (float) den * 100, 2);
  }

  private static void printWord2vec(PrintWriter out, AnalogyAccuracy.Report r) {
    for (AnalogyAccuracy.Section s : r.sections()) {
      if (s.name() != null) {
        out.print(s.name() + ":\n");
      }
      int tcn = s.seen() == 0 ? 1 : s.seen(); // "if (TCN == 0) TCN = 1;"
      out.print("ACCURACY TOP1: " + pct(s.correct(), tcn) + " %  (" + s.correct() + " / " + tcn + ")\n");
      out.print(
          "Total accuracy: " + pct(s.totalCorrect(), s.totalSeen()) + " %   Semantic accuracy: "
              + pct(s.semanticCorrect(), s.semanticSeen()) + " %   Syntactic accuracy: "
              + pct(s.syntacticCorrect(), s.syntacticSeen()) + " % \n");
    }
    out.print("Questions seen / total: " + r.seen() + " " + r.questions() + "   " + pct(r.seen(), r.questions()) + " % \n");
  }

  private static String ratio(int num, int den) {
    return den == 0 ? "-" : CFormat.fixed(100.0 * num / den, 2) + " %";
  }

  private static void printTable(PrintWriter out, AnalogyAccuracy.Report r) {
    int w = 9;
    for (AnalogyAccuracy.Section s : r.sections()) {
      w = Math.max(w, s.name() == null ? 0 : s.name().length());
    }
    String fmt = "%-" + w + "s  %8s  %8s  %9s  %9s%n";
    out.printf(fmt, "section", "correct", "seen", "questions", "accuracy");
    for (AnalogyAccuracy.Section s : r.sections()) {
      out.printf(fmt, s.name(), s.correct(), s.seen(), s.questions(), ratio(s.correct(), s.seen()));
    }
    out.println();
    out.printf(fmt, "semantic", r.semanticCorrect(), r.semanticSeen(), "", ratio(r.semanticCorrect(), r.semanticSeen()));
    out.printf(fmt, "syntactic", r.syntacticCorrect(), r.syntacticSeen(), "", ratio(r.syntacticCorrect(), r.syntacticSeen()));
    out.printf(fmt, "total", r.correct(), r.seen(), r.questions(), ratio(r.correct(), r.seen()));
    out.printf(
        "%nQuestions seen / total: %d / %d (%s), %s, %d words%n",
        r.seen(), r.questions(), ratio(r.seen(), r.questions()), r.method().label(), r.vocabulary());
    if (r.builtWords() > 0) {
      out.printf("Words built from n-grams: %d, in %d of the questions seen%n", r.builtWords(), r.builtQuestions());
    }
  }

  private static void printTsv(PrintWriter out, AnalogyAccuracy.Report r) {
    out.println("section\tcorrect\tseen\tquestions");
    for (AnalogyAccuracy.Section s : r.sections()) {
      out.println(s.name() + "\t" + s.correct() + "\t" + s.seen() + "\t" + s.questions());
    }
    out.println("semantic\t" + r.semanticCorrect() + "\t" + r.semanticSeen() + "\t");
    out.println("syntactic\t" + r.syntacticCorrect() + "\t" + r.syntacticSeen() + "\t");
    out.println("total\t" + r.correct() + "\t" + r.seen() + "\t" + r.questions());
  }

  private static void printJson(PrintWriter out, AnalogyAccuracy.Report r) {
    Json.line(out, g -> {
      g.writeStartObject();
      g.writeStringField("method", r.method().label());
      g.writeNumberField("words", r.vocabulary());
      g.writeArrayFieldStart("sections");
      for (AnalogyAccuracy.Section s : r.sections()) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeBooleanField("semantic", s.semantic());
        g.writeNumberField("correct", s.correct());
        g.writeNumberField("seen", s.seen());
        g.writeNumberField("questions", s.questions());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("semantic");
      counts(g, r.semanticCorrect(), r.semanticSeen());
      g.writeEndObject();
      g.writeObjectFieldStart("syntactic");
      counts(g, r.syntacticCorrect(), r.syntacticSeen());
      g.writeEndObject();
      g.writeObjectFieldStart("total");
      counts(g, r.correct(), r.seen());
      g.writeNumberField("questions", r.questions());
      g.writeEndObject();
      g.writeNumberField("ngram_words", r.builtWords());
      g.writeNumberField("ngram_questions", r.builtQuestions());
      g.writeEndObject();
    });
  }

  private static void counts(JsonGenerator g, int correct, int seen) throws IOException {
    g.writeNumberField("correct", correct);
    g.writeNumberField("seen", seen);
  }
}
