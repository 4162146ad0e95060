// `w2v convert`: every readable format to word2vec binary, text and compressed text, the projector's files, -limit,
// -normalize, -vocab, and the refusals.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorFormat;
import dev.w2v.vectors.VectorReader;
import dev.w2v.vectors.VectorWriter;
import dev.w2v.vocab.ByteWords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvertCommandTest {
  @TempDir Path dir;

  private static void assertSameVectors(Embeddings a, Embeddings b, float tol) {
    assertEquals(a.size(), b.size());
    assertEquals(a.dim(), b.dim());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.words().bytes(i), b.words().bytes(i));
      assertArrayEquals(a.vector(i), b.vector(i), tol, a.word(i));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ft.bin", "w2v-gensim.txt.bz2", "glove.txt", "ft.vec.xz", "w2v-gensim.bin"})
  void binaryRoundTripIsExactAndTextIsTrainsFormat(String name) throws Exception {
    Path in = VectorInputsTest.fixture(name);
    Embeddings orig = VectorReader.read(in, VectorReader.ALL, false);
    Path bin = dir.resolve("out.bin");
    CliRun r = CliRun.run("convert", in.toString(), bin.toString());
    assertEquals(0, r.code, r.toString());
    assertEquals("", r.err);
    Embeddings b = VectorReader.read(bin, VectorReader.ALL, false);
    assertEquals(VectorFormat.BINARY_NEWLINE, b.format());
    assertSameVectors(orig, b, 0f);
    // text: the very bytes w2v train writes for these words and values
    Path txt = dir.resolve("out.txt");
    assertEquals(0, CliRun.run("convert", bin.toString(), txt.toString()).code);
    ByteWords words = new ByteWords();
    float[] m = new float[orig.size() * orig.dim()];
    for (int i = 0; i < orig.size(); i++) {
      byte[] w = orig.words().bytes(i);
      words.add(w, 0, w.length);
      System.arraycopy(orig.vector(i), 0, m, i * orig.dim(), orig.dim());
    }
    Path trainTxt = dir.resolve("train.txt");
    VectorWriter.write(trainTxt, words, m, orig.dim(), orig.dim(), false);
    assertArrayEquals(Files.readAllBytes(trainTxt), Files.readAllBytes(txt));
    // and the same through -binary 0 to a .bin name, and gzip by name
    Path gz = dir.resolve("out.bin.gz");
    assertEquals(0, CliRun.run("convert", "-binary", "0", in.toString(), gz.toString()).code);
    Embeddings g = VectorReader.read(gz, VectorReader.ALL, false);
    assertEquals("gzip", g.compression());
    assertEquals(VectorFormat.TEXT, g.format());
    assertSameVectors(VectorReader.read(txt, VectorReader.ALL, false), g, 0f);
  }

  @Test
  void limitNormalizeAndVocab() throws Exception {
    Path in = VectorInputsTest.fixture("w2v-gensim.bin");
    Embeddings unit = VectorReader.read(in, VectorReader.ALL, true);
    Path out = dir.resolve("n.bin");
    Path vocab = Files.writeString(dir.resolve("vocab.txt"), "queen 12\nnot-a-word\r\nking\n\nthe\n");
    CliRun r = CliRun.run("convert", "-normalize", "-limit", "300", "-vocab", vocab.toString(), in.toString(),
        out.toString());
    assertEquals(0, r.code, r.toString());
    assertTrue(r.err.contains("warning: 1 of the 4 words of " + vocab + " are not in the vectors, for example"
        + " \"not-a-word\""), r.err);
    Embeddings e = VectorReader.read(out, VectorReader.ALL, false);
    assertEquals(3, e.size());
    int[] want = {unit.indexOf("the"), unit.indexOf("king"), unit.indexOf("queen")};
    java.util.Arrays.sort(want); // the vector file's order, not the list's
    for (int i = 0; i < 3; i++) {
      assertEquals(unit.word(want[i]), e.word(i));
      assertArrayEquals(unit.vector(want[i]), e.vector(i), 0f);
    }
    r = CliRun.run("convert", "-limit", "10", "-vocab", vocab.toString(), in.toString(), out.toString());
    assertEquals(0, r.code, r.toString());
    assertEquals(1, VectorReader.read(out, VectorReader.ALL, false).size()); // only "the" is in the first 10
    Path none = Files.writeString(dir.resolve("none.txt"), "zzz\n");
    r = CliRun.run("convert", "-vocab", none.toString(), in.toString(), out.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
  }

  @Test
  void projectorFilesInADirectoryOrWithGensimsPrefix() throws Exception {
    Path in = VectorInputsTest.fixture("w2v-gensim.txt");
    Embeddings e = VectorReader.read(in, VectorReader.ALL, false);
    CliRun r = CliRun.run("convert", "-format", "projector", in.toString(), dir.resolve("proj") + "/");
    assertEquals(0, r.code, r.toString());
    List<String> tensors = Files.readAllLines(dir.resolve("proj/tensors.tsv"));
    List<String> meta = Files.readAllLines(dir.resolve("proj/metadata.tsv"));
    assertEquals(e.size(), tensors.size());
    assertEquals(e.size(), meta.size());
    for (int i = 0; i < e.size(); i++) {
      assertEquals(e.word(i), meta.get(i));
      String[] f = tensors.get(i).split("\t");
      assertEquals(e.dim(), f.length);
      for (int c = 0; c < f.length; c++) {
        assertEquals(e.matrix().get(i, c), Float.parseFloat(f[c]), 0f);
      }
    }
    assertEquals(0, CliRun.run("convert", "-format", "projector", in.toString(), dir.resolve("pre").toString()).code);
    assertArrayEquals(Files.readAllBytes(dir.resolve("proj/tensors.tsv")), Files.readAllBytes(dir.resolve("pre_tensor.tsv")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("proj/metadata.tsv")), Files.readAllBytes(dir.resolve("pre_metadata.tsv")));
  }

  @Test
  void anOutputThatIsTheInputIsRefusedAndLeftIntact() throws Exception {
    Path in = dir.resolve("v.txt");
    Files.copy(VectorInputsTest.fixture("w2v-gensim.txt"), in);
    byte[] before = Files.readAllBytes(in);
    CliRun r = CliRun.run("convert", in.toString(), in.toString());
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertTrue(r.err.contains("is the input"), r.err);
    Path link = dir.resolve("link.txt");
    Files.createSymbolicLink(link, in);
    r = CliRun.run("convert", in.toString(), link.toString());
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    assertArrayEquals(before, Files.readAllBytes(in));
    r = CliRun.run("convert", "-format", "nope", in.toString(), dir.resolve("x").toString());
    assertEquals(ExitCodes.USAGE, r.code, r.toString());
    r = CliRun.run("convert", VectorInputsTest.fixture("array.npy").toString(), dir.resolve("x.bin").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertTrue(!Files.exists(dir.resolve("x.bin")));
  }
}
