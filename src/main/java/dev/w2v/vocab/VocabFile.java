// -save-vocab / -read-vocab files: one "word count" line per entry (word2vec.c's SaveVocab / ReadVocab).
package dev.w2v.vocab;

import dev.w2v.corpus.WordReader;
import dev.w2v.io.AtomicFile;
import dev.w2v.io.InputFiles;
import dev.w2v.io.Printable;
import dev.w2v.io.W2vException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads and writes word2vec.c vocabulary files. */
public final class VocabFile {
  private VocabFile() {}

  /** SaveVocab: {@code fprintf(fo, "%s %lld\n", word, cn)} for every entry, {@code </s>} included. */
  public static void save(Vocabulary vocab, Path path) {
    try (AtomicFile f = AtomicFile.create(path, "vocabulary file")) {
      OutputStream out = f.stream();
      ByteWords w = vocab.words();
      for (int i = 0; i < vocab.size(); i++) {
        out.write(w.arena(), w.start(i), w.length(i));
        out.write(' ');
        out.write(Long.toString(vocab.count(i)).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
      }
      f.commit();
    } catch (IOException e) {
      throw W2vException.io("cannot write vocabulary file " + path + ": " + AtomicFile.reason(e), e);
    }
  }

  /**
   * The largest count, and the largest total of all counts, that a vocabulary file may hold: 2^53, where every
   * count is still exact as a double and no sum of counts (the Huffman tree's inner nodes, the training word total
   * times -iter) can overflow a long.
   */
  public static final long MAX_COUNT = 1L << 53;

  /**
   * ReadVocab: words read with word2vec.c's tokeniser, each followed by {@code fscanf("%lld%c")}; the file's
   * first entry stays at index 0 (the sentence break) whatever it is; then SortVocab with {@code minCount}.
   * A missing, negative or too large count ({@link #MAX_COUNT}, for one count and for the total) is refused with a
   * message naming the file, line and word; so is a vocabulary whose kept counts add up to 0. Empty lines and CRLF
   * line ends are accepted.
   */
  public static Vocabulary read(Path path, int minCount) {
    InputFiles.requireReadable(path, "vocabulary file");
    ByteWords words = new ByteWords();
    long[] counts = new long[1024];
    long total = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      WordReader r = new WordReader(in, 100);
      long[] line = {1};
      while (true) {
        int len = r.next();
        if (len == WordReader.EOF) {
          break;
        }
        if (len == WordReader.NEWLINE) {
          // An empty line, or the \n of a CRLF line end that %c left behind. word2vec.c adds a junk entry "</s>"
          // here and reads its count from the next line (0 when that starts with a letter, then pruned by
          // SortVocab unless -min-count is 0); we skip it.
          line[0]++;
          continue;
        }
        byte[] b = r.word();
        int entry = words.size() + 1;
        String shown = Printable.of(b, 0, len); // control bytes escaped, long words cut
        long cn = readCount(r, path, line, entry, shown);
        if (cn > MAX_COUNT - total) {
          throw W2vException.badInput(where(path, line[0], entry, shown) + ": the counts add up to more than "
              + MAX_COUNT + " (2^53)");
        }
        total += cn;
        if (r.read() == '\n') { // %c: the character after the number
          line[0]++;
        }
        int i = words.add(b, 0, len);
        if (i >= counts.length) {
          counts = Arrays.copyOf(counts, counts.length * 2);
        }
        counts[i] = cn;
      }
    } catch (IOException e) {
      throw W2vException.io("cannot read vocabulary file " + path + ": " + AtomicFile.reason(e), e);
    }
    if (words.size() == 0) {
      throw W2vException.badInput("vocabulary file " + path + " has no entries");
    }
    Vocabulary v = Vocabulary.sortAndPrune(words, Arrays.copyOf(counts, words.size()), minCount, null);
    if (v.trainWords() == 0) {
      throw W2vException.badInput("vocabulary file " + path + ": the counts of its " + v.size()
          + " words add up to 0, so there is nothing to train on");
    }
    return v;
  }

  private static String where(Path path, long line, int entry, String word) {
    return "vocabulary file " + path + ", line " + line + ": entry " + entry + " (\"" + word + "\")";
  }

  /**
   * fscanf's %lld: skips white space, reads an optional sign and digits; but a count past {@link #MAX_COUNT} is
   * refused, not wrapped (word2vec.c's %lld saturates or wraps, then hangs or drops the word).
   */
  private static long readCount(WordReader r, Path path, long[] line, int entry, String word) throws IOException {
    int c = r.read();
    while (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 11 || c == 12) {
      if (c == '\n') {
        line[0]++;
      }
      c = r.read();
    }
    boolean neg = false;
    if (c == '-' || c == '+') {
      neg = c == '-';
      c = r.read();
    }
    if (c < '0' || c > '9') {
      throw W2vException.badInput(where(path, line[0], entry, word) + " has no count"
          + " (expected lines of the form \"word count\")");
    }
    long v = 0;
    boolean tooLarge = false;
    StringBuilder digits = new StringBuilder();
    while (c >= '0' && c <= '9') {
      if (digits.length() < 40) {
        digits.append((char) c);
      }
      if (!tooLarge) {
        v = v * 10 + (c - '0');
        tooLarge = v > MAX_COUNT;
      }
      c = r.read();
    }
    if (c >= 0) {
      r.unread();
    }
    if (neg) {
      throw W2vException.badInput(where(path, line[0], entry, word) + " has a negative count");
    }
    if (tooLarge) {
      throw W2vException.badInput(where(path, line[0], entry, word) + ": count " + digits
          + (digits.length() >= 40 ? "..." : "") + " is out of range (at most " + MAX_COUNT + ", 2^53)");
    }
    return v;
  }
}
