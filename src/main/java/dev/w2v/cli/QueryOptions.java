// Options shared by the commands that load a vector file: -vectors and -debug, and the mixins -limit and -format.
package dev.w2v.cli;

import dev.w2v.io.CompressedInput;
import dev.w2v.io.Printable;
import dev.w2v.io.W2vException;
import dev.w2v.query.NearestNeighbours;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** A picocli mixin for the query and evaluation commands. */
final class QueryOptions {
  /** Upper bound of {@code -n} (answers per query) in similar and analogy. */
  static final int MAX_N = 100_000;

  @Option(
      names = "-vectors",
      paramLabel = "FILE",
      defaultValue = "vectors.bin",
      description = "Vector file, or - for standard input: word2vec binary or text (word2vec.c, gensim, with or"
          + " without a header, GloVe), fastText .vec or .bin, each possibly gzip/bzip2/xz/zstd-compressed"
          + " (default: ${DEFAULT-VALUE}).")
  Path vectors;

  @Option(
      names = "-debug",
      paramLabel = "N",
      defaultValue = "1",
      description = "0 quiet, 1 warnings, 2 also load and query timings on stderr, 3 also stack traces (default: 1).")
  int debug;

  /** Refuses an {@code -n} (answers per query) outside 1..{@link #MAX_N}. */
  static void checkN(int n) {
    if (n < 1) {
      throw W2vException.usage("-n must be at least 1, got " + n);
    }
    if (n > MAX_N) {
      throw W2vException.usage("-n " + n + " is out of range (at most " + MAX_N + ")");
    }
  }

  /**
   * Refuses a query whose vector file is missing while one of its words names a file: {@code w2v similar vec.bin
   * king} forgot {@code -vectors}.
   */
  void checkWords(List<String> words) {
    if (CompressedInput.isStdin(vectors) || Files.exists(vectors)) {
      return;
    }
    for (String w : words) {
      try {
        if (Files.isRegularFile(Path.of(w))) {
          throw W2vException.usage("vector file " + vectors + " does not exist, and '" + w + "' is a file:"
              + " to query it, give it as -vectors " + w);
        }
      } catch (InvalidPathException e) {
        // not a file name, so a word
      }
    }
  }

  /**
   * Starts compiling the scan kernels ({@link NearestNeighbours#warmUpInBackground}) as the process starts, before
   * the command line is even parsed, when a command that scans asks about a vector file of 64 MB or more: a one-shot
   * query of a large file read in place through its index is over in well under a second, which is about how long
   * the JIT needs, so every bit of head start counts.
   */
  static void warmUpEarly(String[] args) {
    if (args.length == 0 || !java.util.Set.of("similar", "analogy", "serve").contains(args[0])) {
      return;
    }
    for (int i = 1; i + 1 < args.length; i++) {
      if ("-vectors".equals(args[i]) || "--vectors".equals(args[i])) {
        try {
          if (new java.io.File(args[i + 1]).length() > (64L << 20)) {
            NearestNeighbours.warmUpInBackground(300);
            return;
          }
        } catch (SecurityException e) {
          return;
        }
      }
    }
  }

  /** Loads the vectors (normalised), reporting the time at -debug 2. */
  Embeddings load(long limit, PrintWriter err, String who) {
    return load(limit, true, err, who);
  }

  /** Loads the vectors, normalised or as in the file, reporting the time at -debug 2. */
  Embeddings load(long limit, boolean normalise, PrintWriter err, String who) {
    if (limit < 0) {
      throw W2vException.usage("-limit must be 0 (all words) or more, got " + limit);
    }
    long t0 = System.nanoTime();
    if (!CompressedInput.isStdin(vectors) && Files.exists(vectors) && !Files.isRegularFile(vectors)
        && (debug >= 2 || debug >= 1 && StdinHint.isNamedFifo(vectors))) {
      err.printf("%s: reading vectors from %s, which is not a regular file: waiting for data (a FIFO waits for a"
          + " writer)%n", who, Printable.of(vectors.toString(), 400));
      err.flush();
    }
    if (normalise && vectors.toFile().length() > (64L << 20)) {
      NearestNeighbours.warmUpInBackground(300); // compiles while the file loads; the dimension hardly matters
    }
    Embeddings e = VectorReader.read(vectors, limit == 0 ? VectorReader.ALL : limit, normalise);
    // the reader's warnings (e.warnings()) were logged through slf4j as it read: LogLines shows them at -debug 1
    if (debug >= 2) {
      err.printf(
          "%s: loaded %d words x %d (%s%s) from %s in %.3f s%n",
          who, e.size(), e.dim(), e.format().description(),
          e.compression() == null ? "" : ", " + e.compression() + "-compressed",
          CompressedInput.isStdin(vectors) ? "standard input" : Printable.of(vectors.toString(), 400),
          (System.nanoTime() - t0) / 1e9);
    }
    err.flush();
    return e;
  }

  boolean stackTraces() {
    return debug >= 3;
  }

  /** {@code -limit}, for the commands that load vectors to query them (convert's keeps its own words). */
  static final class Limit {
    @Option(names = "-limit", paramLabel = "N", defaultValue = "0",
        description = "Load only the first N words (default: 0 = all).")
    long limit;
  }

  /** {@code -format} table, tsv or json, for the query commands (accuracy adds word2vec's, convert has others). */
  static final class Format {
    @Option(names = "-format", paramLabel = "FORMAT", defaultValue = "table",
        description = "Output: table, tsv or json (default: table).")
    OutputFormat format;
  }
}
