// `w2v train` with -save-model / -init-model / -checkpoint / -resume / -seed / -eval-*: continuing a model adds the
// new corpus's words, bad or mismatched model files are refused with one line naming the file, and evaluation
// prints one line per epoch with the same figure `w2v accuracy` gives on the written vectors.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.model.ModelFile;
import dev.w2v.model.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainStateCommandTest {
  @TempDir Path tmp;
  Path corpus;

  @BeforeEach
  void smallCorpus() throws IOException {
    corpus = tmp.resolve("corpus.txt");
    Files.writeString(corpus, TrainCommandTest.sentences(new Random(5), 2000, 40));
  }

  /** Runs train with quick settings, any of which {@code args} may override. */
  private TrainRun train(String... args) {
    List<String> a = new ArrayList<>(List.of("train"));
    List<String> given = Arrays.asList(args);
    String[] quick = {"-size", "8", "-iter", "2", "-threads", "1", "-min-count", "2"};
    for (int i = 0; i < quick.length; i += 2) {
      if (!given.contains(quick[i])) {
        a.add(quick[i]);
        a.add(quick[i + 1]);
      }
    }
    a.addAll(given);
    return TrainRun.of(a.toArray(new String[0]));
  }

  private static TrainingState load(Path f) {
    return ModelFile.read(f, "model file", s -> s);
  }

  private static int index(TrainingState s, String w) {
    return s.words().find(w.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void initModelContinuesAndAddsNewWords() throws IOException {
    Path a = tmp.resolve("a.w2vm");
    TrainRun r = train("-output", tmp.resolve("a.bin").toString(), "-save-model", a.toString(), corpus.toString());
    assertEquals(0, r.code(), r.toString());
    TrainingState sa = load(a);
    assertEquals(2, sa.position().epochsTotal());

    // a second corpus: the old words and new ones (x0 .. x9), x9 too rare for -min-count 2
    Random rnd = new Random(9);
    StringBuilder more = new StringBuilder(TrainCommandTest.sentences(new Random(6), 500, 40));
    for (int i = 0; i < 300; i++) {
      more.append("w1 x").append(rnd.nextInt(9)).append(" w2\n");
    }
    more.append("x9 w3\n");
    Path corpus2 = tmp.resolve("corpus2.txt");
    Files.writeString(corpus2, more);
    Path b = tmp.resolve("b.w2vm");
    Path bBin = tmp.resolve("b.bin");
    r = train("-output", bBin.toString(), "-init-model", a.toString(), "-save-model", b.toString(), "-iter", "1",
        corpus2.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("Continuing " + a + " (2 epochs): 9 new words"), r.err());
    TrainingState sb = load(b);
    assertEquals(3, sb.position().epochsTotal());
    assertEquals(sa.vocabSize() + 9, sb.vocabSize());
    assertEquals(-1, index(sb, "x9"));
    // counts add up; the vocabulary stays sorted by count, </s> first
    String text2 = Files.readString(corpus2);
    for (String w : List.of("w1", "w5", "x0")) {
      long inA = index(sa, w) < 0 ? 0 : sa.counts()[index(sa, w)];
      long in2 = Pattern.compile("(?<=^|[ \n])" + w + "(?=[ \n])").matcher(text2).results().count();
      assertEquals(inA + in2, sb.counts()[index(sb, w)], w);
      assertEquals(in2, sb.corpusCounts()[index(sb, w)], w);
    }
    assertEquals("</s>", sb.words().string(0));
    for (int i = 2; i < sb.vocabSize(); i++) {
      assertTrue(sb.counts()[i - 1] >= sb.counts()[i], "not sorted at " + i);
    }
    // the old words started from their trained vectors: continuing moved them, but not from scratch
    String vectors = new String(Files.readAllBytes(bBin), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(vectors.startsWith(sb.vocabSize() + " 8\n"), vectors.substring(0, 20));
    assertTrue(vectors.contains("\nx0 "));
  }

  @Test
  void initModelWithHierarchicalSoftmax() throws IOException {
    Path a = tmp.resolve("hs.w2vm");
    assertEquals(0, train("-hs", "1", "-negative", "0", "-cbow", "0", "-output", tmp.resolve("a.bin").toString(),
        "-save-model", a.toString(), corpus.toString()).code());
    Path corpus2 = tmp.resolve("corpus2.txt");
    Files.writeString(corpus2, TrainCommandTest.sentences(new Random(7), 800, 60));
    Path b = tmp.resolve("hs2.w2vm");
    TrainRun r = train("-hs", "1", "-negative", "0", "-cbow", "0", "-output", tmp.resolve("b.bin").toString(),
        "-init-model", a.toString(), "-save-model", b.toString(), corpus2.toString());
    assertEquals(0, r.code(), r.toString());
    TrainingState sa = load(a);
    TrainingState sb = load(b);
    assertTrue(sb.vocabSize() > sa.vocabSize());
    assertEquals(null, sb.syn1neg());
    for (float x : sb.syn1()) {
      assertTrue(Float.isFinite(x));
    }
  }

  @Test
  void initModelRefusesMismatchedFlags() {
    Path a = tmp.resolve("a.w2vm");
    assertEquals(0, train("-output", tmp.resolve("a.bin").toString(), "-save-model", a.toString(),
        corpus.toString()).code());
    TrainRun r = train("-output", tmp.resolve("b.bin").toString(), "-init-model", a.toString(), "-size", "10",
        corpus.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.toString());
    assertEquals("w2v train: error: -size 10 does not match model file " + a + " (made with -size 8)",
        r.err().strip().lines().reduce((x, y) -> y).orElse(""));
    r = train("-output", tmp.resolve("b.bin").toString(), "-init-model", a.toString(), "-cbow", "0",
        corpus.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.toString());
    assertTrue(r.err().contains("-cbow 0 does not match model file " + a), r.err());
    // schedule flags may change
    r = train("-output", tmp.resolve("b.bin").toString(), "-init-model", a.toString(), "-alpha", "0.01",
        "-window", "3", "-sample", "0", "-threads", "2", corpus.toString());
    assertEquals(0, r.code(), r.toString());
  }

  @Test
  void corruptModelFilesAreRefusedNamingTheFile() throws IOException {
    Path a = tmp.resolve("a.w2vm");
    assertEquals(0, train("-output", tmp.resolve("a.bin").toString(), "-save-model", a.toString(),
        corpus.toString()).code());
    byte[] good = Files.readAllBytes(a);
    Path bad = tmp.resolve("bad.w2vm");
    byte[] flipped = good.clone();
    flipped[good.length - 100] ^= 1;
    byte[][] cases = {flipped, Arrays.copyOf(good, good.length / 3), "not a model".getBytes()};
    String[] expect = {"is corrupt: checksum mismatch in the SNEG section", "is truncated", "is not a w2v model file"};
    for (int i = 0; i < cases.length; i++) {
      Files.write(bad, cases[i]);
      for (String flag : List.of("-init-model", "-resume")) {
        TrainRun r = train("-output", tmp.resolve("b.bin").toString(), flag, bad.toString(), corpus.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.toString());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains(expect[i]), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("b.bin")));
      }
    }
  }

  @Test
  void stateFilesMustNotBeInputs() throws IOException {
    Files.createDirectories(tmp.resolve("x"));
    TrainRun r = train("-output", tmp.resolve("b.bin").toString(), "-checkpoint", corpus.toString(),
        corpus.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("-checkpoint " + corpus + " is the training file " + corpus + " (the same file)"),
        r.err());
    r = train("-output", tmp.resolve("b.bin").toString(), "-save-model",
        tmp.resolve("x/../corpus.txt").toString(), corpus.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
  }

  @Test
  void resumeFromTheCommandLineFinishesAndRefusesChangedSettings() throws IOException {
    Path ck = tmp.resolve("run.ckpt");
    Path full = tmp.resolve("full.bin");
    assertEquals(0, train("-iter", "3", "-output", full.toString(), "-checkpoint", ck.toString(),
        corpus.toString()).code());
    assertTrue(Files.exists(ck));
    TrainRun r = train("-iter", "3", "-output", tmp.resolve("r.bin").toString(), "-resume", ck.toString(),
        corpus.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.toString());
    assertTrue(r.err().contains("has finished all 3 epochs"), r.err());
    r = train("-iter", "4", "-output", tmp.resolve("r.bin").toString(), "-resume", ck.toString(),
        corpus.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.toString());
    assertTrue(r.err().contains("-iter 4 does not match checkpoint " + ck + " (made with -iter 3)"), r.err());
  }

  @Test
  void seedFlag() throws IOException {
    byte[][] b = new byte[3][];
    String[] seeds = {"5", "5", "6"};
    for (int i = 0; i < 3; i++) {
      Path out = tmp.resolve("s" + i + ".bin");
      assertEquals(0, train("-output", out.toString(), "-seed", seeds[i], corpus.toString()).code());
      b[i] = Files.readAllBytes(out);
    }
    assertArrayEquals(b[0], b[1]);
    assertFalse(Arrays.equals(b[0], b[2]));
  }

  @Test
  void evaluatesAfterEveryEpochAsAccuracyDoes() throws IOException {
    Path demo = Path.of("data", "demo.txt");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(demo), "data/demo.txt not found");
    Path q = tmp.resolve("q.txt");
    Files.writeString(q, ": gender\nking queen man woman\nman woman prince princess\nprince princess king queen\n"
        + ": capital\nfrance paris germany berlin\ngermany berlin spain madrid\nspain madrid france paris\n"
        + ": plural\ncat cats dog dogs\ndog dogs cat cats\nnosuch word at all\n");
    Path p = tmp.resolve("pairs.txt");
    Files.writeString(p, "king queen 8.5\nking emperor 8\ncat dog 7\nparis berlin 6\nwalk cats 1\ndog madrid 0.5\n");
    Path out = tmp.resolve("demo.bin");
    TrainRun r = TrainRun.of("train", "-size", "24", "-iter", "3", "-threads", "1", "-output", out.toString(),
        "-eval-analogies", q.toString(), "-eval-pairs", p.toString(), demo.toString());
    assertEquals(0, r.code(), r.toString());
    List<String> acc = r.err().lines().filter(l -> l.contains("q.txt  accuracy")).toList();
    List<String> rho = r.err().lines().filter(l -> l.contains("pairs.txt  spearman")).toList();
    assertEquals(3, acc.size(), r.err());
    assertEquals(3, rho.size(), r.err());
    for (int e = 1; e <= 3; e++) {
      assertTrue(acc.get(e - 1).startsWith("epoch " + e + "/3  q.txt  accuracy "), acc.get(e - 1));
      assertTrue(acc.get(e - 1).endsWith("of 9 questions)"), acc.get(e - 1));
    }
    assertTrue(r.err().contains("Evaluation per epoch:\nepoch  q.txt (acc %)  pairs.txt (rho)\n"), r.err());

    // the last epoch's line is what `w2v accuracy -threshold 30000` says of the written vectors
    Matcher m = Pattern.compile("accuracy ([0-9.]+) %  \\(seen (\\d+) of").matcher(acc.get(2));
    assertTrue(m.find());
    TrainRun a = TrainRun.of("accuracy", "-vectors", out.toString(), "-threshold", "30000", "-format", "tsv",
        q.toString());
    assertEquals(0, a.code(), a.toString());
    String total = a.out().lines().filter(l -> l.startsWith("total\t")).findFirst().orElseThrow();
    String[] f = total.split("\t");
    assertEquals(m.group(2), f[2]);
    assertEquals(Double.parseDouble(m.group(1)), 100.0 * Integer.parseInt(f[1]) / Integer.parseInt(f[2]), 0.006);
    // and the pairs line is `w2v similarity`'s
    TrainRun s = TrainRun.of("similarity", "-vectors", out.toString(), "-format", "tsv", p.toString());
    assertEquals(0, s.code(), s.toString());
    String rhoNow = s.out().lines().skip(1).findFirst().orElseThrow().split("\t")[4];
    assertTrue(rho.get(2).contains(String.format(java.util.Locale.ROOT, "spearman %.4f", Double.parseDouble(rhoNow))),
        rho.get(2) + " vs " + rhoNow);
  }
}
