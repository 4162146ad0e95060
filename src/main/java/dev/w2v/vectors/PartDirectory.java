// A directory of word2vec binary part files with an _index listing (the Spark trainer's large-model output).
package dev.w2v.vectors;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.W2vException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a part directory: {@code _index} holds {@code "V dim"} on its first line and then one {@code "FILE count"}
 * line per part, in order; each part is a complete word2vec binary file. The vectors are the parts' entries
 * concatenated in index order, so the directory reads as the single file the parts were cut from.
 */
public final class PartDirectory {
  /** The listing file's name. */
  public static final String INDEX = "_index";

  private PartDirectory() {}

  /** Whether {@code dir} is a part directory (holds an {@code _index}). */
  public static boolean is(Path dir) {
    return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(INDEX));
  }

  static Embeddings read(Path dir, long limit, boolean normalise) {
    if (limit < 0) {
      throw W2vException.usage("the word limit must be 0 or more, got " + limit);
    }
    Path index = dir.resolve(INDEX);
    if (!Files.isRegularFile(index)) {
      throw W2vException.usage("vectors file " + dir + " is a directory without an " + INDEX
          + " listing (not a w2v part directory)");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(index, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw W2vException.io("cannot read " + index + ": " + AtomicFile.reason(e), e);
    }
    long[] header = numbers(index, lines.isEmpty() ? "" : lines.get(0), 1);
    long total = header[0];
    int dim = (int) header[1];
    long want = Math.min(total, limit);
    if (want > Integer.MAX_VALUE - 16) {
      throw bad(index, "the listing says " + total + " words; at most " + (Integer.MAX_VALUE - 16)
          + " can be loaded (use -limit)");
    }
    FloatMatrix m = FloatMatrix.allocate((int) want, dim);
    WordTable words = new WordTable((int) want);
    int row = 0;
    long listed = 0;
    for (int l = 1; l < lines.size() && row < want; l++) {
      if (lines.get(l).isBlank()) {
        continue;
      }
      String[] f = lines.get(l).trim().split(" ");
      if (f.length != 2 || f[0].contains("/")) {
        throw bad(index, "line " + (l + 1) + " is not \"FILE count\"");
      }
      long count = numbers(index, "0 " + f[1], l + 1)[1];
      listed += count;
      if (count == 0) {
        continue;
      }
      Embeddings part = VectorReader.read(dir.resolve(f[0]), want - row, normalise);
      if (part.dim() != dim || part.headerCount() != count) {
        throw bad(dir.resolve(f[0]), "holds " + part.headerCount() + " words of " + part.dim()
            + " numbers, but " + INDEX + " lists " + count + " of " + dim);
      }
      for (int i = 0; i < part.size(); i++, row++) {
        byte[] w = part.words().bytes(i);
        words.add(w, 0, w.length);
        FloatMatrix pm = part.matrix();
        System.arraycopy(pm.arrayOf(i), pm.offsetOf(i), m.arrayOf(row), m.offsetOf(row), dim);
      }
    }
    if (row < want || (want == total && listed != total)) {
      throw bad(index, "the parts hold " + Math.max(row, listed) + " words, but the first line says " + total);
    }
    return new Embeddings(dir, VectorFormat.BINARY_NEWLINE, total, words, m, normalise);
  }

  private static long[] numbers(Path file, String line, int lineNo) {
    String[] f = line.trim().split(" ");
    try {
      if (f.length == 2) {
        long a = Long.parseLong(f[0]);
        long b = Long.parseLong(f[1]);
        if (a >= 0 && b > 0 && b <= 1_000_000 || lineNo > 1 && a >= 0 && b >= 0) {
          return new long[] {a, b};
        }
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw bad(file, "line " + lineNo + " is not " + (lineNo == 1 ? "\"words dim\"" : "\"FILE count\""));
  }

  private static W2vException bad(Path file, String what) {
    return W2vException.badInput("vectors file " + file + ": " + what);
  }
}
