// `w2v similarity`: word-pair similarity benchmarks, as gensim's evaluate_word_pairs.
package dev.w2v.cli;

import dev.w2v.eval.WordPairSimilarity;
import dev.w2v.io.CompressedInput;
import dev.w2v.io.InputFiles;
import dev.w2v.io.W2vException;
import dev.w2v.vectors.Embeddings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Spearman and Pearson correlation between cosine similarity and human scores, with the OOV share. */
@Command(
    name = "similarity",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Correlate word-pair cosines with human similarity scores.",
      "For WordSim-353, SimLex-999, MEN or RW. Spearman's rho and Pearson's r with two-sided p-values, and the share of pairs with an unknown word. "
          + "A pair file has 'word1 word2 score' per line, tab- or space-separated, '#' comments (MEN and RW "
          + "files too). The figures equal gensim's evaluate_word_pairs with its defaults."
    },
    footer = {
      "",
      "Examples:",
      "  w2v similarity -vectors vectors.bin wordsim353.tsv SimLex-999.txt",
      "  w2v similarity -vectors vectors.bin -format json -case-sensitive pairs.tsv"
    })
public final class SimilarityCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PAIRS", description = "Word-pair file(s).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "-restrict",
      paramLabel = "N",
      defaultValue = "300000",
      description = "Only the first N words count, as gensim's restrict_vocab (default: 300000; 0 = all).")
  int restrict;

  @Option(names = "-case-sensitive", description = "Compare words as they are (gensim's default upper-cases both sides).")
  boolean caseSensitive;

  @Option(names = "-oov-zero", description = "Score pairs with an unknown word 0 instead of skipping them (gensim's dummy4unknown).")
  boolean oovZero;

  @Mixin QueryOptions.Format format = new QueryOptions.Format();

  @Mixin QueryOptions opts = new QueryOptions();

  @Override
  public boolean stackTraces() {
    return opts.stackTraces();
  }

  @Override
  public Integer call() throws IOException {
    if (restrict < 0) {
      throw W2vException.usage("-restrict must be 0 (all words) or more, got " + restrict);
    }
    for (Path f : files) {
      if (!CompressedInput.isStdin(f)) {
        InputFiles.requireReadable(f, "word-pair file");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // only the first -restrict words can match, so only they are loaded; raw values, for cosines in double
    Embeddings e = opts.load(restrict, false, err, spec.qualifiedName());
    WordPairSimilarity sim =
        new WordPairSimilarity(e, new WordPairSimilarity.Options(restrict, !caseSensitive, oovZero));
    List<WordPairSimilarity.Report> reports = new ArrayList<>();
    for (Path f : files) {
      WordPairSimilarity.Report r;
      // gzip/bzip2/xz/zstd undone, as for every input; "-" is standard input; invalid UTF-8 is reported
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          CompressedInput.stream(f, "word-pair file"), StandardCharsets.UTF_8.newDecoder()))) {
        r = sim.evaluate(in);
      } catch (java.nio.charset.CharacterCodingException ex) {
        throw W2vException.badInput("word-pair file " + f + " is not UTF-8 text");
      } catch (IOException ex) {
        throw CompressedInput.failure("word-pair file " + f, ex);
      }
      if (r.pairs() < 2) {
        throw W2vException.badInput(
            "word-pair file " + f + ": " + r.pairs() + " usable pairs (" + r.oov() + " with unknown words, "
                + r.skippedLines() + " lines not 'word1 word2 score'): nothing to correlate");
      }
      if (r.builtWords() > 0 && opts.debug >= 1) {
        err.println(spec.qualifiedName() + ": " + f + ": " + r.builtWords() + " words not in the vocabulary built from"
            + " their n-grams (in " + r.builtPairs() + " of " + r.pairs() + " pairs)");
      }
      if (r.skippedLines() > 0 && opts.debug >= 1) {
        err.println(spec.qualifiedName() + ": " + f + ": skipped " + r.skippedLines() + " lines that are not 'word1 word2 score'");
      }
      reports.add(r);
    }
    print(out, reports);
    out.flush();
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, List<WordPairSimilarity.Report> reports) {
    switch (format.format) {
      case TSV:
        out.println("file\tpairs\toov\toov_ratio\tspearman\tspearman_p\tpearson\tpearson_p");
        for (int i = 0; i < files.size(); i++) {
          WordPairSimilarity.Report r = reports.get(i);
          out.println(files.get(i) + "\t" + r.pairs() + "\t" + r.oov() + "\t" + r.oovRatio() + "\t" + r.spearman().r()
              + "\t" + r.spearman().p() + "\t" + r.pearson().r() + "\t" + r.pearson().p());
        }
        break;
      case JSON:
        Json.line(out, g -> {
          g.writeStartArray();
          for (int i = 0; i < files.size(); i++) {
            WordPairSimilarity.Report r = reports.get(i);
            g.writeStartObject();
            g.writeStringField("file", files.get(i).toString());
            g.writeNumberField("pairs", r.pairs());
            g.writeNumberField("oov", r.oov());
            g.writeFieldName("oov_ratio");
            Json.number(g, r.oovRatio());
            g.writeFieldName("spearman");
            Json.number(g, r.spearman().r());
            g.writeFieldName("spearman_p");
            Json.number(g, r.spearman().p());
            g.writeFieldName("pearson");
            Json.number(g, r.pearson().r());
            g.writeFieldName("pearson_p");
            Json.number(g, r.pearson().p());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
        break;
      default:
        int w = 5;
        for (Path f : files) {
          w = Math.max(w, f.getFileName().toString().length());
        }
        String fmt = "%-" + w + "s  %6s  %6s  %7s  %8s  %9s  %8s  %9s%n";
        out.printf(fmt, "pairs", "scored", "oov", "oov %", "spearman", "p", "pearson", "p");
        for (int i = 0; i < files.size(); i++) {
          WordPairSimilarity.Report r = reports.get(i);
          out.printf(fmt, files.get(i).getFileName(), r.pairs(), r.oov(), String.format("%.2f", r.oovRatio()),
              String.format("%.4f", r.spearman().r()), String.format("%.2e", r.spearman().p()),
              String.format("%.4f", r.pearson().r()), String.format("%.2e", r.pearson().p()));
        }
    }
  }
}
