// Keeps the vectors of the words a list names (for `w2v convert -vocab`).
package dev.w2v.vectors;

import dev.w2v.io.CompressedInput;
import dev.w2v.io.Printable;
import dev.w2v.io.W2vException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The list is one word per line; only a line's first field counts (up to a space or tab), so a vocabulary file
 * written by {@code w2v train -save-vocab} ("word count" lines) serves as it is. Blank lines are skipped, a CR
 * before the newline is dropped. The words kept stay in the vector file's order.
 */
public final class VocabFilter {
  /** The kept embeddings, and the listed words the vectors do not hold (the first few of them, escaped). */
  public record Result(Embeddings kept, long listed, long missing, List<String> someMissing) {}

  private VocabFilter() {}

  public static Result keep(Embeddings e, Path list) {
    boolean[] keep = new boolean[e.size()];
    long listed = 0;
    long missing = 0;
    List<String> someMissing = new ArrayList<>();
    try (InputStream in = new java.io.BufferedInputStream(CompressedInput.stream(list, "vocabulary file"), 1 << 16)) {
      byte[] line = new byte[256];
      int len = 0;
      boolean field = true; // still in the line's first field
      while (true) {
        int c = in.read();
        if (c == '\n' || c < 0) {
          if (len > 0 && line[len - 1] == '\r') {
            len--;
          }
          if (len > 0) {
            listed++;
            int i = e.words().indexOf(line, 0, len);
            if (i >= 0) {
              keep[i] = true;
            } else {
              missing++;
              if (someMissing.size() < 5) {
                someMissing.add(Printable.of(line, 0, len));
              }
            }
          }
          if (c < 0) {
            break;
          }
          len = 0;
          field = true;
          continue;
        }
        if (c == ' ' || c == '\t') {
          field = false;
        }
        if (!field) {
          continue;
        }
        if (len == line.length) {
          if (len >= VectorInput.MAX_WORD_BYTES) {
            throw W2vException.badInput("vocabulary file " + Printable.of(list.toString()) + ": line " + (listed + 1)
                + " holds a word longer than " + VectorInput.MAX_WORD_BYTES + " bytes");
          }
          line = java.util.Arrays.copyOf(line, 2 * len);
        }
        line[len++] = (byte) c;
      }
    } catch (CompressedInput.CorruptInput ex) {
      throw W2vException.badInput("vocabulary file " + Printable.of(list.toString()) + ": " + ex.getMessage());
    } catch (IOException ex) {
      throw W2vException.io("cannot read vocabulary file " + Printable.of(list.toString()) + ": " + ex.getMessage(),
          ex);
    }
    int n = 0;
    for (boolean k : keep) {
      n += k ? 1 : 0;
    }
    int[] rows = new int[n];
    for (int i = 0, j = 0; i < keep.length; i++) {
      if (keep[i]) {
        rows[j++] = i;
      }
    }
    return new Result(e.select(rows), listed, missing, someMissing);
  }
}
