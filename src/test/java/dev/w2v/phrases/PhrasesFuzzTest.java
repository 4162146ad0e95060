// Fuzz target: word2phrase's input. Any corpus and settings give an output of the same words, some joined by '_'.
package dev.w2v.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.w2v.corpus.WordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

class PhrasesFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void phrases(FuzzedDataProvider in) throws IOException {
    int minCount = in.consumeInt(0, 6);
    float threshold = in.consumeFloat();
    if (!(threshold >= 0) || Float.isInfinite(threshold)) {
      threshold = 0;
    }
    byte[] corpus = in.consumeRemainingAsBytes();
    Word2Phrase.Vocab vocab = Word2Phrase.learn(new ByteArrayInputStream(corpus), minCount, 0, null, 64);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Word2Phrase.write(new ByteArrayInputStream(corpus), out, vocab, minCount, threshold, 0, null);
    // joining replaces a separator by '_': the words, read back with '_' split, are the input's words (when no
    // word is long enough for a joined pair to pass the 99-byte cut, and none is cut short by a NUL byte)
    // (word2phrase.c writes a separator before each word, not after: a space at the end lets the last one be read).
    // With -min-count 0 word2phrase.c's "a joined word cannot join its right neighbour" (pb = 0, then pb < min_count)
    // does not hold, so phrases chain past the 99-byte cut: w2v keeps that, byte for byte.
    if (minCount > 0 && plain(corpus)) {
      out.write(' ');
      assertEquals(words(corpus), words(out.toByteArray()));
    }
  }

  private static boolean plain(byte[] text) {
    int run = 0;
    for (byte b : text) {
      if (b == 0) {
        return false;
      }
      run = b == ' ' || b == '\t' || b == '\n' ? 0 : run + 1;
      if (run > 45) {
        return false;
      }
    }
    return true;
  }

  /** The words of {@code text} as word2vec.c reads them, '_' splitting too. */
  private static String words(byte[] text) throws IOException {
    WordReader r = new WordReader(new ByteArrayInputStream(text), 100);
    StringBuilder s = new StringBuilder();
    while (true) {
      int len = r.next();
      if (len == WordReader.EOF) {
        return s.toString();
      }
      if (len == WordReader.NEWLINE) {
        s.append('\n');
        continue;
      }
      String w = new String(r.word(), 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
      s.append(w.replace('_', ' ')).append(' ');
    }
  }
}
