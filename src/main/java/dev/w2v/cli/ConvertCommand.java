// `w2v convert IN OUT`: any vector file w2v reads, written as word2vec binary or text, or for TensorBoard.
package dev.w2v.cli;

import dev.w2v.io.CompressedInput;
import dev.w2v.io.NotAnInput;
import dev.w2v.io.Printable;
import dev.w2v.io.W2vException;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorWriter;
import dev.w2v.vectors.VocabFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reads IN in any format the query commands read and writes OUT in word2vec.c's format or the projector's. */
@Command(
    name = "convert",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Convert vectors to word2vec binary or text, or TensorBoard TSV.",
      "Any format to word2vec binary or text, or to the TensorBoard projector's TSV files. IN is any file the query commands read (- for standard input). OUT is binary with -binary 1 or when its name"
          + " ends in .bin, else text, the same bytes w2v train writes; a .gz, .bz2, .xz or .zst suffix compresses it."
          + " With -format projector, OUT is a directory (existing, or named with a trailing /) that gets"
          + " tensors.tsv and metadata.tsv, or else a prefix for OUT_tensor.tsv and OUT_metadata.tsv"
          + " (gensim's word2vec2tensor names)."
    },
    footer = {
      "",
      "Examples:",
      "  w2v convert GoogleNews-vectors-negative300.bin.gz -limit 100000 top100k.txt",
      "  w2v convert model.vec model.bin",
      "  w2v convert -vocab words.txt -normalize vectors.bin subset.bin",
      "  w2v convert -format projector vectors.bin projector/"
    })
public final class ConvertCommand implements Callable<Integer>, Debuggable {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "The vector file to read (- for standard input).")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "The file (or projector directory or prefix) to write.")
  String outArg;

  private Path out;

  @Option(names = "-binary", paramLabel = "0|1", description = "1 binary, 0 text (default: binary if OUT ends in .bin).")
  Integer binary;

  @Option(names = "-format", paramLabel = "FORMAT", defaultValue = "word2vec",
      description = "word2vec (default) or projector (TensorBoard's tensors.tsv + metadata.tsv).")
  String format;

  @Option(names = "-limit", paramLabel = "N", defaultValue = "0", description = "Keep only the first N words (default: 0 = all).")
  long limit;

  @Option(names = {"-normalize", "-normalise"}, description = "Scale every vector to unit length (as distance.c does).")
  boolean normalize;

  @Option(names = "-vocab", paramLabel = "FILE",
      description = "Keep only the words listed in FILE (one per line; a line's first field counts), in the vector"
          + " file's order; applied after -limit.")
  Path vocab;

  @Option(names = "-debug", paramLabel = "N", defaultValue = "1",
      description = "0 quiet, 1 warnings, 2 also what was read and written, 3 also stack traces (default: 1).")
  int debug;

  @Override
  public boolean stackTraces() {
    return debug >= 3;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String who = spec.qualifiedName();
    if (limit < 0) {
      throw W2vException.usage("-limit must be 0 (all words) or more, got " + limit);
    }
    if (binary != null && binary != 0 && binary != 1) {
      throw W2vException.usage("-binary must be 0 or 1, got " + binary);
    }
    out = Path.of(outArg);
    boolean projector;
    if (format.equals("projector")) {
      projector = true;
      if (binary != null) {
        throw W2vException.usage("-binary does not apply to -format projector");
      }
    } else if (format.equals("word2vec")) {
      projector = false;
    } else {
      throw W2vException.usage("-format must be word2vec or projector, got \"" + Printable.of(format) + "\"");
    }
    Path[] outs = projector ? projectorFiles(outArg) : new Path[] {out};
    for (Path o : outs) {
      refuseSameFile(in, o, who);
      dev.w2v.io.AtomicFile.checkWritable(o, "output file");
    }
    if (vocab != null) {
      refuseSameFile(vocab, out, who);
    }
    QueryOptions load = new QueryOptions();
    load.vectors = in;
    load.debug = debug;
    Embeddings e = load.load(limit, normalize, err, who);
    if (vocab != null) {
      VocabFilter.Result r = VocabFilter.keep(e, vocab);
      if (r.kept().size() == 0) {
        throw W2vException.badInput("none of the " + r.listed() + " words of vocabulary file "
            + Printable.of(vocab.toString()) + " is in " + Printable.of(in.toString()));
      }
      if (r.missing() > 0 && debug >= 1) {
        err.println(who + ": warning: " + r.missing() + " of the " + r.listed() + " words of "
            + Printable.of(vocab.toString()) + " are not in the vectors, for example \""
            + String.join("\", \"", r.someMissing()) + "\"");
      }
      e = r.kept();
    }
    boolean bin;
    if (projector) {
      VectorWriter.writeProjector(outs[0], outs[1], e);
      bin = false;
    } else {
      bin = binary != null ? binary == 1 : VectorWriter.baseName(out).endsWith(".bin");
      VectorWriter.write(out, e, bin);
    }
    if (debug >= 2) {
      String what = projector ? "the projector's " + outs[0] + " and " + outs[1]
          : (bin ? "binary " : "text ") + out
              + (VectorWriter.compressionOf(out) != null ? " (" + VectorWriter.compressionOf(out) + ")" : "");
      err.printf("%s: wrote %d words x %d to %s%n", who, e.size(), e.dim(), Printable.of(what, 400));
    }
    err.flush();
    return ExitCodes.OK;
  }

  /** tensors.tsv and metadata.tsv in the directory OUT, or gensim's OUT_tensor.tsv and OUT_metadata.tsv. */
  static Path[] projectorFiles(String arg) {
    Path out = Path.of(arg);
    boolean dir = Files.isDirectory(out) || arg.endsWith("/") || arg.endsWith(java.io.File.separator);
    if (dir) {
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw W2vException.io("cannot create directory " + Printable.of(out.toString()) + ": "
            + dev.w2v.io.AtomicFile.reason(e), e);
      }
      return new Path[] {out.resolve("tensors.tsv"), out.resolve("metadata.tsv")};
    }
    return new Path[] {Path.of(out + "_tensor.tsv"), Path.of(out + "_metadata.tsv")};
  }

  /** No output may be an input: the same file, even under another name or through a link. */
  private static void refuseSameFile(Path input, Path output, String who) {
    if (!CompressedInput.isStdin(input)) {
      NotAnInput.check(output, "the output", List.of(input), "the input");
    }
  }

}
