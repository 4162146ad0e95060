// Fuzz target: the corpus tokeniser. Any bytes give words within word2vec.c's rules, and the stream always ends.
package dev.w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

class WordReaderFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void tokenise(byte[] data) throws IOException {
    WordReader r = new WordReader(new ByteArrayInputStream(data), 100);
    long tokens = 0;
    while (true) {
      int len = r.next();
      if (len == WordReader.EOF) {
        break;
      }
      tokens++;
      assertTrue(tokens <= data.length, "more tokens than bytes");
      if (len == WordReader.NEWLINE) {
        continue;
      }
      assertTrue(len >= 0 && len <= 99, "word length " + len);
      byte[] w = r.word();
      for (int i = 0; i < len; i++) {
        byte b = w[i];
        assertTrue(b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != 0, "separator inside a word");
      }
    }
  }
}
