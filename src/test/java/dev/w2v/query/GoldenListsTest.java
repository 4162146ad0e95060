// distance.c and word-analogy.c parity: our lists on the golden vectors equal the original's, word for word.
package dev.w2v.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.w2v.SharedData;
import dev.w2v.io.CFormat;
import dev.w2v.math.Kernels;
import dev.w2v.math.VectorMath;
import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoldenListsTest {
  /** The 40 "word<TAB><TAB>cosine" lines after the dashes of a distance / word-analogy transcript. */
  static List<String> goldenList(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    boolean on = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("-----")) {
        on = true;
      } else if (on && line.contains("\t\t")) {
        String[] p = line.split("\t\t");
        out.add(p[0].trim() + " " + p[1].trim());
      } else if (on) {
        break;
      }
    }
    assertEquals(40, out.size(), file.toString());
    return out;
  }

  static List<String> ours(Embeddings e, List<Neighbour> list) {
    List<String> out = new ArrayList<>();
    for (Neighbour nb : list) {
      out.add(e.word(nb.index()) + " " + CFormat.fixed(nb.score(), 6));
    }
    return out;
  }

  private static VectorMath kernels(String name) {
    return name.equals("scalar") ? Kernels.scalar() : Kernels.best();
  }

  @ParameterizedTest
  @CsvSource({
    "gutenberg-sg, king, best", "gutenberg-sg, king, scalar", "cbow-ns, king, best", "sg-ns, city, best",
    "sg-ns, city, scalar"
  })
  void similarEqualsDistance(String model, String word, String kernels) throws IOException {
    Path g = SharedData.requireGolden();
    Embeddings e = VectorReader.read(g.resolve(model + ".bin"), VectorReader.ALL);
    NearestNeighbours nn = new NearestNeighbours(e, kernels(kernels));
    int[] q = {e.indexOf(word)};
    List<Neighbour> got = nn.nearest(Queries.sum(e, q), 40, q, -1f);
    assertEquals(goldenList(g.resolve("distance-" + model + "-" + word + ".txt")), ours(e, got));
  }

  @ParameterizedTest
  @CsvSource({"gutenberg-sg, best", "gutenberg-sg, scalar", "cbow-ns, best"})
  void analogyEqualsWordAnalogy(String model, String kernels) throws IOException {
    Path g = SharedData.requireGolden();
    Embeddings e = VectorReader.read(g.resolve(model + ".bin"), VectorReader.ALL);
    Analogy an = new Analogy(new NearestNeighbours(e, kernels(kernels)));
    // word-analogy.c was given "man king woman"; ours is king - man + woman
    List<Neighbour> got = an.add(e.indexOf("king"), e.indexOf("man"), e.indexOf("woman"), 40, true);
    assertEquals(goldenList(g.resolve("analogy-" + model + "-man-king-woman.txt")), ours(e, got));
  }
}
