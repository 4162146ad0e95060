// LearnVocabFromTrainFile, ReduceVocab and SortVocab on tiny hand-checked corpora; vocabulary files.
package dev.w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.corpus.WordReader;
import dev.w2v.io.W2vException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
  @TempDir Path tmp;

  static VocabBuilder scan(VocabBuilder b, String text) throws IOException {
    b.scan(new WordReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 100), null);
    return b;
  }

  static Vocabulary learn(String text, int minCount) throws IOException {
    return scan(new VocabBuilder(), text).build(minCount, null);
  }

  static List<String> entries(Vocabulary v) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(v.word(i) + " " + v.count(i));
    }
    return out;
  }

  @Test
  void countsSortDescendingWithTiesInFirstSeenOrder() throws IOException {
    Vocabulary v = learn("b a c a b d\ne c\n", 1);
    assertEquals(List.of("</s> 2", "b 2", "a 2", "c 2", "d 1", "e 1"), entries(v));
    assertEquals(10, v.trainWords());
    assertEquals(3, v.index("c"));
    assertEquals(-1, v.index("z"));
  }

  @Test
  void sentenceBreakStaysFirstWhateverItsCount() throws IOException {
    Vocabulary v = learn("x x x y y\n", 1);
    assertEquals(List.of("</s> 1", "x 3", "y 2"), entries(v));
    // never pruned either, even with a count of zero
    v = learn("x x x y y z ", 3);
    assertEquals(List.of("</s> 0", "x 3"), entries(v));
    assertEquals(3, v.trainWords());
  }

  @Test
  void minCountPrunesRareWordsAndTrainWordsSumsTheKept() throws IOException {
    VocabBuilder b = scan(new VocabBuilder(), "a a a b b c\na b d\n");
    assertEquals(11, b.tokens());
    Vocabulary v = b.build(2, null);
    assertEquals(List.of("</s> 2", "a 4", "b 3"), entries(v));
    assertEquals(9, v.trainWords());
    int[][] map = new int[1][];
    b = scan(new VocabBuilder(), "a a a b b c\na b d\n");
    b.build(3, map);
    // provisional order: </s> a b c d
    assertArrayEquals(new int[] {0, 1, 2, -1, -1}, map[0]);
  }

  @Test
  void reduceVocabDropsRareWordsWithARisingThreshold() throws IOException {
    // Prune when more than 4 entries. Tokens: a a a b b c (5 entries: </s>0 a3 b2 c1) then d: 5 > 4, so ReduceVocab
    // with min_reduce 1 keeps counts > 1: a3 b2 (</s> goes too: it has count 0). Then e e e f (a3 b2 e3 f1), then
    // the newline adds </s> again: 5 > 4, ReduceVocab with min_reduce 2 keeps a3 e3 only.
    VocabBuilder b = scan(new VocabBuilder(4), "a a a b b c d e e e f\n");
    assertEquals(2, b.reductions());
    assertEquals(12, b.tokens());
    assertEquals(2, b.distinct());
    Vocabulary v = b.build(1, null);
    assertEquals(List.of("a 3", "e 3"), entries(v));
    assertEquals(6, v.trainWords());
  }

  @Test
  void reduceVocabRunsAgainAsWordsKeepComing() throws IOException {
    // After the first reduction (min_reduce 1 -> 2) a word seen twice survives only until the next one.
    VocabBuilder b = scan(new VocabBuilder(3), "p p p q q r s ");
    // p3 q2 r1 -> 4 entries with </s>0 -> reduce(1): p3 q2; s -> 3 entries, not above 3
    assertEquals(1, b.reductions());
    assertEquals(List.of("p 3", "q 2", "s 1"), entries(b.build(1, null)));
    b = scan(new VocabBuilder(3), "p p p q q r s t ");
    // ... then t: 4 entries -> reduce(2): p3 only
    assertEquals(2, b.reductions());
    assertEquals(List.of("p 3"), entries(b.build(1, null)));
  }

  @Test
  void saveThenReadGivesTheSameVocabulary() throws IOException {
    Vocabulary v = learn("the cat sat on the mat\nthe end\n", 1);
    Path f = tmp.resolve("vocab.txt");
    VocabFile.save(v, f);
    assertEquals("</s> 2\nthe 3\ncat 1\nsat 1\non 1\nmat 1\nend 1\n", Files.readString(f));
    Vocabulary r = VocabFile.read(f, 1);
    assertEquals(entries(v), entries(r));
    assertEquals(v.trainWords(), r.trainWords());
    assertEquals(entries(learn("the cat sat on the mat\nthe end\n", 2)), entries(VocabFile.read(f, 2)));
  }

  @Test
  void readVocabKeepsTheFirstEntryFirst() throws IOException {
    Path f = write("first.txt", "the 10\n</s> 5\nx 20\nrare 1\n");
    Vocabulary v = VocabFile.read(f, 2);
    assertEquals(List.of("the 10", "x 20", "</s> 5"), entries(v));
    assertEquals(35, v.trainWords());
  }

  @Test
  void readVocabKeepsDuplicatesAndFindsTheMostFrequent() throws IOException {
    Path f = write("dup.txt", "</s> 0\nfoo 3\nbar 5\nfoo 7\n");
    Vocabulary v = VocabFile.read(f, 0);
    assertEquals(List.of("</s> 0", "foo 7", "bar 5", "foo 3"), entries(v));
    assertEquals(1, v.index("foo"));
  }

  @Test
  void readVocabAcceptsCrLfBlankLinesAndNoFinalNewline() throws IOException {
    Vocabulary v = VocabFile.read(write("crlf.txt", "</s> 4\r\nb 3\r\nc 9"), 1);
    assertEquals(List.of("</s> 4", "c 9", "b 3"), entries(v));
    v = VocabFile.read(write("blank.txt", "</s> 4\n\nb 3\n2013 35\n\n\n"), 1);
    assertEquals(List.of("</s> 4", "2013 35", "b 3"), entries(v));
  }

  @Test
  void malformedVocabFilesAreRefusedNamingTheFile() throws IOException {
    Path missing = write("nocount.txt", "</s> 3\nfoo\nbar 2\n");
    W2vException e = assertThrows(W2vException.class, () -> VocabFile.read(missing, 1));
    assertEquals(W2vException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("foo"), e.getMessage());

    Path word = write("wordcount.txt", "a b\n");
    e = assertThrows(W2vException.class, () -> VocabFile.read(word, 1));
    assertTrue(e.getMessage().contains(word.toString()) && e.getMessage().contains("no count"), e.getMessage());

    Path negative = write("neg.txt", "a -3\n");
    e = assertThrows(W2vException.class, () -> VocabFile.read(negative, 1));
    assertTrue(e.getMessage().contains("negative count"), e.getMessage());

    Path empty = write("empty.txt", "");
    e = assertThrows(W2vException.class, () -> VocabFile.read(empty, 1));
    assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("no entries"), e.getMessage());

    Path absent = tmp.resolve("absent.txt");
    e = assertThrows(W2vException.class, () -> VocabFile.read(absent, 1));
    assertEquals(W2vException.Kind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains(absent.toString()), e.getMessage());
  }

  @Test
  void byteWordsAreRawBytes() throws IOException {
    byte[] text = {(byte) 0xFF, 'a', ' ', (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xFF, 'a', '\n'};
    VocabBuilder b = new VocabBuilder();
    b.scan(new WordReader(new ByteArrayInputStream(text), 100), null);
    Vocabulary v = b.build(1, null);
    assertEquals(3, v.size());
    assertArrayEquals(new byte[] {(byte) 0xFF, 'a'}, v.words().bytes(1));
    assertEquals(2, v.count(1));
    assertEquals(1, v.index(new byte[] {(byte) 0xFF, 'a'}, 0, 2));
    assertEquals(2, v.index("\u00e9"));
  }

  private Path write(String name, String content) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }
}
