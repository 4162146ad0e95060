// Small corpora whose phrases are worked out by hand (and were checked against word2phrase.c built from source).
package dev.w2v.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Word2PhraseTest {
  private static final String X58 = "x".repeat(58);
  private static final String X70 = "x".repeat(70);

  @TempDir Path tmp;

  /** One pass over {@code corpus} (one char per byte). */
  static String phrase(String corpus, int minCount, double threshold) throws IOException {
    return phrase(corpus, minCount, threshold, Word2Phrase.REDUCE_ABOVE);
  }

  static String phrase(String corpus, int minCount, double threshold, long reduceAbove) throws IOException {
    byte[] in = corpus.getBytes(StandardCharsets.ISO_8859_1);
    Word2Phrase.Vocab vocab = Word2Phrase.learn(new ByteArrayInputStream(in), minCount, 0, null, reduceAbove);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Word2Phrase.write(new ByteArrayInputStream(in), out, vocab, minCount, (float) threshold, 0, null);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void joinsAPairWhoseScoreIsAboveTheThreshold() throws IOException {
    // 9 words; a, b: 3 each, c, d, e: 1 each (rare at min-count 2); a_b: 3.
    // score(a b) = (3 - 2) / 3 / 3 * 9 = 1.0 in float; c, d, e are rare so nothing else can join.
    String corpus = "a b c a b d a b e\n";
    assertEquals(" a_b c a_b d a_b e\n", phrase(corpus, 2, 0.99));
    assertEquals(" a b c a b d a b e\n", phrase(corpus, 2, 1.0), "the score must be strictly above");
    assertEquals(" a b c a b d a b e\n", phrase(corpus, 4, 0), "words rarer than min-count never join");
  }

  @Test
  void aJoinedWordDoesNotJoinAgainInTheSamePass() throws IOException {
    // x_y and y_z both score (3 - 2) / 3 / 3 * 9 = 1, but y, once joined to x, cannot take z as well.
    assertEquals(" x_y z x_y z x_y z\n", phrase("x y z x y z x y z\n", 2, 0.5));
  }

  @Test
  void theScoreIsComputedInFloatStepByStep() throws IOException {
    // a: 3, b: 5, a_b: 3, 777 words, min-count 2. In float, (3 - 2) / 3f / 5f * 777f = 51.800003 (each step
    // rounded), above the float 51.8; the exact value 51.8 (or double arithmetic rounded once) is not.
    String corpus = "a b\n".repeat(3) + "r b\n".repeat(2) + "f ".repeat(766) + "f\n";
    String rest = " r b\n".repeat(2) + " f".repeat(767) + "\n";
    assertEquals(" a_b\n".repeat(3) + rest, phrase(corpus, 2, 51.8));
    assertEquals(" a b\n".repeat(3) + rest, phrase(corpus, 2, 51.80001));
  }

  @Test
  void aWordAfterAnUnknownWordNeverJoins() throws IOException {
    // "a b_c" has the same bigram key as "a_b c" (a_b_c, 6 times), and b_c is frequent (2), but a (1) is
    // below min-count 2: with li = -1 the original never scores the pair. Had it scored it, with the stale
    // pa = count(c) = 5: (6 - 2) / 5 / 2 * 13 = 5.2 > 3. ("a_b c" itself: (6 - 2) / 5 / 5 * 13 = 2.08.)
    String corpus = "a_b c a_b c a_b c a_b c a_b c a b_c b_c\n";
    assertEquals(" " + corpus, phrase(corpus, 2, 3));
  }

  @Test
  void pairsAreCountedAcrossLinesButNeverJoinedAcrossThem() throws IOException {
    // Counting ignores newlines: b_a is seen 3 times (twice across a line end), so within the last line
    // b a scores (3 - 2) / 4 / 4 * 8 = 0.5 and joins; after a newline the pair is "\n_a", never found.
    String corpus = "a b\na b\na b\nb a\n";
    assertEquals(" a_b\n a_b\n a_b\n b_a\n", phrase(corpus, 2, 0.4));
    assertEquals(" a b\n a b\n a b\n b a\n", phrase(corpus, 2, 0.5));
  }

  @Test
  void spacingAndNewlinesFollowTheOriginal() throws IOException {
    // one separator before each word, tabs and runs of spaces collapse, empty lines stay, CRs vanish
    assertEquals(" a b\n\n\n c d\n", phrase("\t a\t\t b  \n\n\n  c d \r\r\n", 1, 0));
  }

  @Test
  void crlfLinesGiveTheSameOutputAsLf() throws IOException {
    assertEquals(" a_b\n a_b\n", phrase("a b\r\na b\r\n", 1, 0));
    assertEquals(phrase("a b\na b\n", 1, 0), phrase("a b\r\na b\r\n", 1, 0));
  }

  @Test
  void aFinalWordWithoutSeparatorIsDroppedAndNoNewlineIsAdded() throws IOException {
    assertEquals(" a b", phrase("a b c", 1, 0));
    assertEquals(" a b c", phrase("a b c ", 1, 0));
  }

  @Test
  void wordsAreCutAt58BytesAndBigramsAt59() throws IOException {
    // X70 reads as X58; every bigram starting with it is X58 + "_" (59 bytes) whatever follows, so that key is
    // counted 3 times: score(X58 a) = (3 - 1) / 3 / 1 * 6 = 4. With min-count 1 SortVocab's loop drops the last
    // entry of its sorted order, here w (count 1, added last), which therefore cannot join...
    String corpus = X70 + " a " + X70 + " b " + X70 + " w\n";
    assertEquals(" " + X58 + "_a " + X58 + "_b " + X58 + " w\n", phrase(corpus, 1, 1));
    // ...unless another entry is added after it
    assertEquals(" " + X58 + "_a " + X58 + "_b " + X58 + "_w\n q\n", phrase(corpus + "q\n", 1, 1));
    // a 59-byte word keeps its first 58 bytes too
    assertEquals(" " + X58 + " y", phrase("x".repeat(59) + " y z", 5, 0));
  }

  @Test
  void aNulByteEndsAWordAsInC() throws IOException {
    // "ab\0cd" is "ab"; "\0zz" is the empty word, which still takes a separator
    assertEquals(" ab ef  gh\n", phrase("ab\0cd ef \0zz gh\n", 1, 0));
    assertEquals(" ab_ef__gh\n", phrase("ab\0cd ef \0zz gh\n", 0, 0));
  }

  @Test
  void minCountZeroChainsJoinsAsTheOriginalDoes() throws IOException {
    // after a join pa = 0, and with min-count 0 the score divides by zero: +inf joins again
    assertEquals(" a_b_c\n", phrase("a b c\n", 0, 0));
  }

  @Test
  void reduceVocabPrunesAsTheOriginal() throws IOException {
    // word2phrase.c with vocab_hash_size 10 prunes (ReduceVocab) when it holds more than 7 entries;
    // expected outputs come from that build.
    assertEquals(" a_b a_b a_b c a_b\n", phrase("a b a b a b c a b\n", 1, 0, 7));
    assertEquals(" a_a a b\n", phrase("a a a b\n", 1, 0, 7));
    // pruned twice: only a (count 3), e and d_e survive, so nothing can join
    assertEquals(" a b c a b c a b c d e\n", phrase("a b c a b c a b c d e\n", 1, 0, 7));
    assertEquals(" x_y x_y x_y z z z x_y w v\n", phrase("x y x y x y z z z x y w v\n", 2, 0, 7));
  }

  @Test
  void twoPassesInOneRunEqualTwoSingleRuns() throws IOException {
    Path corpus = tmp.resolve("corpus.txt");
    Files.writeString(corpus, randomText(new Random(7), 60_000), StandardCharsets.ISO_8859_1);
    Path one = tmp.resolve("one.txt");
    Path two = tmp.resolve("two.txt");
    Path both = tmp.resolve("both.txt");
    Phrases.run(new PhrasesConfig(corpus, one, List.of(PhrasesConfig.Pass.of(5, 20)), 0), null);
    Phrases.run(new PhrasesConfig(one, two, List.of(PhrasesConfig.Pass.of(3, 10)), 0), null);
    Phrases.PassResult[] r = Phrases.run(
        new PhrasesConfig(corpus, both, List.of(PhrasesConfig.Pass.of(5, 20), PhrasesConfig.Pass.of(3, 10)), 0), null);
    assertEquals(-1L, Files.mismatch(two, both));
    assertEquals(2, r.length);
    // the second pass joins again: some three- or four-word phrases appear
    String out = Files.readString(both, StandardCharsets.ISO_8859_1);
    assertEquals(true, r[0].joined() > 0 && r[1].joined() > 0, "both passes join pairs");
    assertEquals(true, out.matches("(?s).*\\w+_\\w+_\\w+.*"), "a phrase of three or more words");
  }

  /** Text with a few fixed collocations among random words, so that pairs and pairs of pairs join. */
  static String randomText(Random r, int words) {
    String[] vocab = new String[300];
    for (int i = 0; i < vocab.length; i++) {
      vocab[i] = "w" + Integer.toString(i, 36);
    }
    String[][] phrases = {{"new", "york"}, {"san", "francisco", "bay", "area"}, {"los", "angeles"},
        {"new", "york", "times"}, {"united", "states"}};
    StringBuilder sb = new StringBuilder();
    int n = 0;
    while (n < words) {
      if (r.nextInt(8) == 0) {
        String[] p = phrases[r.nextInt(phrases.length)];
        for (String w : p) {
          sb.append(w).append(' ');
        }
        n += p.length;
      } else {
        // Zipf-like: small indices are common
        int i = (int) Math.min(vocab.length - 1, Math.floor(Math.exp(r.nextDouble() * Math.log(vocab.length))));
        sb.append(vocab[i]).append(r.nextInt(12) == 0 ? '\n' : ' ');
        n++;
      }
    }
    return sb.append('\n').toString();
  }
}
