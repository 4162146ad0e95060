// The trained vectors out of Spark: one word2vec file through the command line's writer, or a part directory.
package dev.w2v.spark;

import dev.w2v.io.W2vException;
import dev.w2v.vectors.VectorWriter;
import dev.w2v.vocab.ByteWords;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Writes the input vectors (syn0) in index order. {@link #file} collects them in the driver and writes with
 * {@link VectorWriter}: the same bytes {@code w2v train} writes for the same vectors. {@link #parts} never
 * collects them: each task writes a contiguous range of indices as a complete word2vec binary file
 * {@code part-NNNNN.bin}, and the driver writes {@code _index} (first line {@code "V size"}, then one
 * {@code "part-NNNNN.bin count"} line per part in order) last, then renames the directory into place. The
 * concatenation of the parts in {@code _index} order is the word2vec file {@link #file} would write, and the
 * query commands read the directory directly.
 */
final class VectorsOut {
  static final String INDEX = dev.w2v.vectors.PartDirectory.INDEX;

  private VectorsOut() {}

  /** Words by index, as raw bytes. */
  static ByteWords words(List<VocabWord> vocab, boolean latin1) {
    String[] byId = new String[vocab.size()];
    for (VocabWord v : vocab) {
      byId[v.id()] = v.word();
    }
    ByteWords w = new ByteWords();
    for (String s : byId) {
      byte[] b = latin1 ? Tokens.bytes(s) : s.getBytes(StandardCharsets.UTF_8);
      w.add(b, 0, b.length);
    }
    return w;
  }

  /** syn0 as one (V, dim) matrix in index order. */
  static float[] matrix(JavaRDD<Block> syn0, int vocabSize, int dim) {
    float[] m = new float[Math.multiplyExact(vocabSize, dim)];
    Iterator<Block> it = syn0.toLocalIterator();
    while (it.hasNext()) {
      Block b = it.next();
      for (int i = 0; i < b.ids.length; i++) {
        System.arraycopy(b.vec, i * dim, m, b.ids[i] * dim, dim);
      }
    }
    return m;
  }

  static void file(SparkSkipGram.Result r, String path, boolean binary, Configuration conf) {
    if (r.vocabSize() * r.dim() > Integer.MAX_VALUE - 16) {
      throw W2vException.usage("the model has " + r.vocabSize() + " x " + r.dim()
          + " values, too many for one file written by the driver: use -output-format parts");
    }
    ByteWords words = words(r.vocab().collect(), true);
    float[] m = matrix(r.syn0(), (int) r.vocabSize(), r.dim());
    Outputs.viaLocalFile(path, "output file", conf, p -> VectorWriter.write(p, words, m, r.dim(), r.dim(), binary));
  }

  static void parts(SparkSkipGram.Result r, String path, Configuration conf) {
    int dim = r.dim();
    int parts = (int) Math.max(1, Math.min(10_000, r.vocabSize() / 1_000_000 + 1));
    try {
      Path target = new Path(path);
      FileSystem fs = target.getFileSystem(conf);
      Path tmp = Outputs.temp(target);
      String tmpDir = tmp.toString();
      SerializableConfiguration sconf = new SerializableConfiguration(conf);
      JavaPairRDD<Integer, float[]> rows = r.syn0().flatMapToPair(b -> {
        List<Tuple2<Integer, float[]>> out = new ArrayList<>(b.ids.length);
        for (int i = 0; i < b.ids.length; i++) {
          out.add(new Tuple2<>(b.ids[i], java.util.Arrays.copyOfRange(b.vec, i * dim, (i + 1) * dim)));
        }
        return out.iterator();
      });
      JavaPairRDD<Integer, String> words = r.vocab().mapToPair(w -> new Tuple2<>(w.id(), w.word()));
      List<long[]> written = rows.join(words).sortByKey(true, parts)
          .mapPartitionsWithIndex((idx, it) -> writePart(idx, it, dim, tmpDir, sconf), false)
          .collect();
      try (OutputStream out = fs.create(new Path(tmp, INDEX), false)) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.vocabSize()).append(' ').append(dim).append('\n');
        written.stream().sorted((a, b) -> Long.compare(a[0], b[0])).forEach(
            w -> sb.append(partName((int) w[0])).append(' ').append(w[1]).append('\n'));
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
      }
      Outputs.replace(fs, tmp, target);
    } catch (IOException e) {
      throw W2vException.io("cannot write output directory " + path + ": " + e.getMessage(), e);
    }
  }

  static String partName(int i) {
    return String.format("part-%05d.bin", i);
  }

  private static Iterator<long[]> writePart(int idx, Iterator<Tuple2<Integer, Tuple2<float[], String>>> it, int dim,
      String dir, SerializableConfiguration conf) throws IOException {
    List<Tuple2<Integer, Tuple2<float[], String>>> rows = new ArrayList<>();
    it.forEachRemaining(rows::add);
    Path p = new Path(dir, partName(idx));
    FileSystem fs = p.getFileSystem(conf.value());
    try (OutputStream out = new java.io.BufferedOutputStream(fs.create(p, true), 1 << 16)) {
      out.write((rows.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
      byte[] buf = new byte[4 * dim + 1];
      for (Tuple2<Integer, Tuple2<float[], String>> row : rows) {
        out.write(Tokens.bytes(row._2()._2()));
        out.write(' ');
        float[] v = row._2()._1();
        int pos = 0;
        for (int b = 0; b < dim; b++) {
          int bits = Float.floatToRawIntBits(v[b]);
          buf[pos++] = (byte) bits;
          buf[pos++] = (byte) (bits >>> 8);
          buf[pos++] = (byte) (bits >>> 16);
          buf[pos++] = (byte) (bits >>> 24);
        }
        buf[pos++] = '\n';
        out.write(buf, 0, pos);
      }
    }
    List<long[]> one = new ArrayList<>(1);
    one.add(new long[] {idx, rows.size()});
    return one.iterator();
  }

}
