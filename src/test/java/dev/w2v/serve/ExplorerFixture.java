// Small synthetic models for the explorer's tests: clusters of related words, so that answers are easy to read.
package dev.w2v.serve;

import dev.w2v.vectors.Embeddings;
import dev.w2v.vectors.VectorReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes word2vec text vector files of 20 dimensions: topic clusters (royalty, people, animals, meals, cities) whose
 * words are the topic's centre plus noise, king/queen/man/woman built so that king - man + woman is near queen, and
 * filler words. Two seeds give two models that share most, not all, neighbours.
 */
public final class ExplorerFixture {
  static final String[][] TOPICS = {
    {"king", "queen", "prince", "princess", "monarch", "throne", "royal", "crown", "kingdom", "palace"},
    {"man", "woman", "boy", "girl", "father", "mother", "son", "daughter"},
    {"cat", "dog", "horse", "cow", "lion", "tiger", "sheep", "wolf"},
    {"breakfast", "lunch", "dinner", "cereal", "bread", "cheese", "supper", "meal"},
    {"paris", "london", "berlin", "rome", "madrid", "vienna", "prague", "lisbon"},
  };
  static final int DIM = 20;

  private ExplorerFixture() {}

  /** Writes the model made from {@code seed} to {@code file}. */
  public static Path write(Path file, long seed) throws IOException {
    Random r = new Random(seed);
    Random topicsRandom = new Random(42); // the same topics in both models
    float[][] centre = new float[TOPICS.length][];
    for (int t = 0; t < TOPICS.length; t++) {
      centre[t] = gaussian(topicsRandom, 1f);
    }
    float[] male = gaussian(topicsRandom, 1.2f);
    float[] female = gaussian(topicsRandom, 1.2f);
    StringBuilder sb = new StringBuilder();
    int fillers = 200;
    int words = fillers + 1;
    for (String[] t : TOPICS) {
      words += t.length;
    }
    sb.append(words).append(' ').append(DIM).append('\n');
    line(sb, "</s>", gaussian(r, 1f));
    for (int t = 0; t < TOPICS.length; t++) {
      for (String w : TOPICS[t]) {
        float[] v = gaussian(r, 0.35f);
        add(v, centre[t]);
        if (w.equals("king") || w.equals("man") || w.equals("prince") || w.equals("father") || w.equals("boy")) {
          add(v, male);
        }
        if (w.equals("queen") || w.equals("woman") || w.equals("princess") || w.equals("mother") || w.equals("girl")) {
          add(v, female);
        }
        line(sb, w, v);
      }
    }
    for (int i = 0; i < fillers; i++) {
      line(sb, "w" + i, gaussian(r, 1f));
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** An explorer over two fixture models (seeds 1 and 2) on an ephemeral port of 127.0.0.1. */
  public static Explorer start(Path dir) throws IOException {
    Path a = write(dir.resolve("model-a.txt"), 1);
    Path b = write(dir.resolve("model-b.txt"), 2);
    List<Model> models = List.of(load(a), load(b));
    return Explorer.start(new Api(models), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
  }

  static Model load(Path file) {
    Embeddings e = VectorReader.read(file, VectorReader.ALL, true);
    return new Model(file.getFileName().toString(), e);
  }

  private static float[] gaussian(Random r, float scale) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) r.nextGaussian() * scale;
    }
    return v;
  }

  private static void add(float[] v, float[] d) {
    for (int i = 0; i < v.length; i++) {
      v[i] += d[i];
    }
  }

  private static void line(StringBuilder sb, String w, float[] v) {
    sb.append(w);
    for (float x : v) {
      sb.append(' ').append(String.format(Locale.ROOT, "%.5f", x));
    }
    sb.append('\n');
  }
}
