// Subword models across tools (fixtures in src/test/resources/fixtures/subwords, made by its make_fixtures.sh): a
// .bin trained by w2v gives, in w2v, the vectors and nearest words fastText and gensim give on the same file, for
// vocabulary words and words outside it; and fastText's own .bin gives fastText's and gensim's OOV vectors.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubwordInteropTest {
  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SubwordInteropTest.class.getResource("/fixtures/subwords/" + name).toURI());
  }

  private static List<String> lines(String name) throws IOException, URISyntaxException {
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(fixture(name), StandardCharsets.UTF_8)) {
      if (!l.isBlank()) {
        out.add(l);
      }
    }
    return out;
  }

  /** The raw (not normalised) vector w2v gives a word: its row, or for an unknown word its n-gram vector. */
  private static float[] vector(Embeddings e, String word) {
    int i = e.indexOf(word);
    if (i < 0) {
      i = e.oov(word.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(i >= 0, word);
    return e.vector(i);
  }

  private static float[] parse(String[] f, int from) {
    float[] v = new float[f.length - from];
    for (int k = from; k < f.length; k++) {
      v[k - from] = Float.parseFloat(f[k]);
    }
    return v;
  }

  /** gensim's load_facebook_vectors values, word by word, to the last bit (vocabulary and OOV words alike). */
  private static void sameAsGensim(String bin, String tsv) throws Exception {
    Embeddings e = VectorReader.read(fixture(bin), VectorReader.ALL, false);
    int oov = 0;
    int n = 0;
    for (String l : lines(tsv)) {
      String[] f = l.split("\t");
      float[] want = parse(f[2].trim().split(" +"), 0);
      assertEquals(f[1].equals("in"), e.indexOf(f[0]) >= 0, f[0]);
      float[] got = vector(e, f[0]);
      assertEquals(want.length, got.length);
      for (int c = 0; c < want.length; c++) {
        assertEquals(Float.floatToIntBits(want[c]), Float.floatToIntBits(got[c]),
            f[0] + "[" + c + "]: gensim " + want[c] + ", w2v " + got[c]);
      }
      oov += f[1].equals("oov") ? 1 : 0;
      n++;
    }
    assertEquals(8, oov);
    assertTrue(n > 400, "rows " + n);
  }

  @Test
  void w2vsModelGivesGensimsVectorsForEveryWordInAndOutOfTheVocabulary() throws Exception {
    sameAsGensim("w2v-sg.bin", "w2v-sg.gensim-vectors.tsv");
  }

  @Test
  void fastTextsModelGivesGensimsVectorsForEveryWordInAndOutOfTheVocabulary() throws Exception {
    sameAsGensim("../vectors/ft.bin", "ft.gensim-vectors.tsv");
  }

  /** fastText print-word-vectors' values (5 significant digits) for the words it printed. */
  private static int sameAsPrintWordVectors(String bin, String txt) throws Exception {
    Embeddings e = VectorReader.read(fixture(bin), VectorReader.ALL, false);
    int n = 0;
    for (String l : lines(txt)) {
      String[] f = l.trim().split(" +");
      if (f[0].equals("</s>")) {
        continue; // fastText gives </s> no n-grams (its row alone); gensim and w2v's reader average them in
      }
      float[] want = parse(f, 1);
      float[] got = vector(e, f[0]);
      for (int c = 0; c < want.length; c++) {
        assertEquals(want[c], got[c], 6e-5 * Math.abs(want[c]) + 1e-9, f[0] + "[" + c + "]");
      }
      n++;
    }
    return n;
  }

  @Test
  void fastTextPrintsTheSameVectorsForW2vsModel() throws Exception {
    assertTrue(sameAsPrintWordVectors("w2v-sg.bin", "w2v-sg.ft-print-word-vectors.txt") > 400);
  }

  @Test
  void theOutputOfTrainingHoldsWhatFastTextPrintsForEachWord() throws Exception {
    // w2v-sg.vec is the -output of the run that wrote w2v-sg.bin: fastText's .vec, </s> (its row alone) included
    Embeddings vec = VectorReader.read(fixture("w2v-sg.vec"), VectorReader.ALL, false);
    int n = 0;
    for (String l : lines("w2v-sg.ft-print-word-vectors.txt")) {
      String[] f = l.trim().split(" +");
      int i = vec.indexOf(f[0]);
      if (i < 0) {
        continue; // the OOV words
      }
      float[] want = parse(f, 1);
      float[] got = vec.vector(i);
      for (int c = 0; c < want.length; c++) {
        assertEquals(want[c], got[c], 6e-5 * Math.abs(want[c]) + 1e-6, f[0] + "[" + c + "]");
      }
      n++;
    }
    assertEquals(vec.size(), n);
  }

  @Test
  void fastTextsOovVectorsOfItsOwnModelAreW2vs() throws Exception {
    assertEquals(8, sameAsPrintWordVectors("../vectors/ft.bin", "ft.oov-print-word-vectors.txt"));
  }

  /** w2v similar's five nearest words of each OOV word, as "query word cosine" lists. */
  private static Map<String, List<String[]>> w2vSimilar(String bin) throws Exception {
    Map<String, List<String[]>> out = new LinkedHashMap<>();
    for (String w : lines("oov-words.txt")) {
      CliRun r = CliRun.run("similar", "-vectors", fixture(bin).toString(), "-format", "tsv", "-n", "5", w.trim());
      assertEquals(0, r.code, r::toString);
      assertTrue(r.err.contains(w.trim() + ": not in the vocabulary, built from "), r.err);
      List<String[]> rows = new ArrayList<>();
      for (String l : r.out.split("\n")) {
        String[] f = l.split("\t");
        rows.add(new String[] {f[1], f[2]});
      }
      out.put(w.trim(), rows);
    }
    return out;
  }

  private static void sameNeighbours(Map<String, List<String[]>> got, List<String> want, String sep, double tol) {
    Map<String, List<String[]>> expected = new LinkedHashMap<>();
    for (String l : want) {
      String[] f = l.trim().split(sep);
      expected.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2]});
    }
    assertEquals(expected.keySet(), got.keySet());
    for (String w : expected.keySet()) {
      List<String[]> a = expected.get(w);
      List<String[]> b = got.get(w);
      assertEquals(a.size(), b.size(), w);
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i)[0], b.get(i)[0], w + " #" + (i + 1));
        assertEquals(Double.parseDouble(a.get(i)[1]), Double.parseDouble(b.get(i)[1]), tol, w + " #" + (i + 1));
      }
    }
  }

  @Test
  void similarOnAnOovWordAnswersWhatFastTextNnAndGensimAnswer() throws Exception {
    Map<String, List<String[]>> got = w2vSimilar("w2v-sg.bin");
    sameNeighbours(got, lines("w2v-sg.ft-nn.txt"), " ", 1e-5); // fastText prints 6 significant digits
    sameNeighbours(got, lines("w2v-sg.gensim-most-similar.tsv"), "\t", 1e-6);
  }

  @Test
  void similarOnFastTextsModelAnswersWhatGensimAnswers() throws Exception {
    sameNeighbours(w2vSimilar("../vectors/ft.bin"), lines("ft.gensim-most-similar.tsv"), "\t", 1e-6);
  }

  /**
   * fastText's {@code analogies} answers A - B + C with OOV words built from their n-grams; w2v accuracy on the same
   * triplets as questions "B A C answer" (b - a + c = d) must get every one right, counting the built words, and with
   * -vocab-only must skip the questions compute-accuracy skips.
   */
  @Test
  void accuracyBuildsOovQuestionWordsAsFastTextsAnalogiesDoes(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    List<String> triplets = lines("analogy-triplets.txt");
    List<String> answers = lines("w2v-sg.ft-analogies.txt");
    assertEquals(triplets.size(), answers.size());
    java.util.Set<String> vocab = new java.util.HashSet<>();
    for (String l : lines("w2v-sg.vec").subList(1, lines("w2v-sg.vec").size())) {
      vocab.add(l.substring(0, l.indexOf(' ')));
    }
    StringBuilder q = new StringBuilder(": oov-analogies\n");
    java.util.Set<String> oov = new java.util.HashSet<>();
    int allKnown = 0;
    for (int i = 0; i < triplets.size(); i++) {
      String[] t = triplets.get(i).trim().split(" ");
      String d = answers.get(i).trim().split(" ")[0];
      q.append(t[1]).append(' ').append(t[0]).append(' ').append(t[2]).append(' ').append(d).append('\n');
      int known = 0;
      for (String w : t) {
        if (vocab.contains(w)) {
          known++;
        } else {
          oov.add(w);
        }
      }
      allKnown += known == 3 ? 1 : 0;
    }
    assertTrue(oov.size() >= triplets.size(), "every triplet has an OOV word: " + oov);
    Path questions = Files.writeString(dir.resolve("q.txt"), q, StandardCharsets.UTF_8);
    String bin = fixture("w2v-sg.bin").toString();
    CliRun r = CliRun.run("accuracy", "-vectors", bin, "-format", "json", questions.toString());
    assertEquals(0, r.code, r::toString);
    assertEquals(triplets.size(), jsonInt(r.out, "\"total\":\\{\"correct\":\\d+,\"seen\""), r.out);
    assertEquals(triplets.size(), jsonInt(r.out, "\"total\":\\{\"correct\""), r.out);
    assertEquals(oov.size(), jsonInt(r.out, "\"ngram_words\""), r.out);
    assertEquals(triplets.size() - allKnown, jsonInt(r.out, "\"ngram_questions\""), r.out);
    assertTrue(r.err.contains(oov.size() + " words not in the vocabulary built from their n-grams"), r.err);

    CliRun v = CliRun.run("accuracy", "-vectors", bin, "-format", "json", "-vocab-only", questions.toString());
    assertEquals(0, v.code, v::toString);
    assertEquals(allKnown, jsonInt(v.out, "\"total\":\\{\"correct\":\\d+,\"seen\""), v.out);
    assertEquals(0, jsonInt(v.out, "\"ngram_words\""), v.out);
  }

  /** The integer after the first match of {@code key} (a regex ending at a JSON name) and its colon. */
  private static int jsonInt(String json, String key) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(key + ":(\\d+)").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void withoutSubwordsAnUnknownWordIsStillAnError() throws Exception {
    CliRun r = CliRun.run("similar", "-vectors", fixture("../vectors/ft-nosubwords.bin").toString(), "kingz");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r::toString);
    assertTrue(r.err.contains("not in the vocabulary"), r.err);
  }
}
