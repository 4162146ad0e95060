// For comparisons: trains Spark MLlib's own Word2Vec on the same tokens and writes a word2vec file ordered as w2v's.
package dev.w2v.spark;

import dev.w2v.vectors.VectorWriter;
import dev.w2v.vocab.ByteWords;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code MllibWord2Vec CORPUS OUTPUT.bin K ITER SIZE WINDOW MIN_COUNT MASTER}: org.apache.spark.ml.feature.Word2Vec
 * (skip-gram, hierarchical softmax, numPartitions = K) on the corpus tokenised as {@link SparkTrain} does, written
 * as word2vec binary in w2v's vocabulary order (descending count), so {@code w2v accuracy -threshold} and
 * {@code w2v similarity} evaluate it exactly as they evaluate w2v's vectors. Used by scripts/bench-spark.
 */
public final class MllibWord2Vec {
  private MllibWord2Vec() {}

  public static void main(String[] a) {
    String corpus = a[0];
    String output = a[1];
    int k = Integer.parseInt(a[2]);
    int iter = Integer.parseInt(a[3]);
    int size = Integer.parseInt(a[4]);
    int window = Integer.parseInt(a[5]);
    int minCount = Integer.parseInt(a[6]);
    SparkSession spark = SparkSession.builder().appName("mllib-word2vec").master(a[7]).getOrCreate();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setLogLevel("ERROR");
    long t0 = System.nanoTime();
    JavaRDD<String[]> sentences = SparkTrain.lines(jsc, corpus, k).filter(s -> s.length > 0);
    StructType schema = new StructType().add("tokens", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> df = spark.createDataFrame(sentences.map(s -> RowFactory.create((Object)
            scala.jdk.javaapi.CollectionConverters.asScala(
                Arrays.stream(s).filter(java.util.Objects::nonNull).toList()).toSeq())), schema)
        .repartition(k).cache();
    df.count();
    Word2VecModel m = new Word2Vec().setInputCol("tokens").setOutputCol("v").setVectorSize(size)
        .setWindowSize(window).setMaxIter(iter).setNumPartitions(k).setMinCount(minCount).setStepSize(0.025)
        .setSeed(1).fit(df);
    double secs = (System.nanoTime() - t0) / 1e9;
    Map<String, float[]> vec = new HashMap<>();
    for (Row r : m.getVectors().collectAsList()) {
      double[] d = ((Vector) r.get(1)).toArray();
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      vec.put(r.getString(0), f);
    }
    List<VocabWord> order = SparkVocab.count(sentences, minCount).collect();
    String[] byId = new String[order.size()];
    for (VocabWord w : order) {
      byId[w.id()] = w.word();
    }
    ByteWords words = new ByteWords();
    float[] mat = new float[vec.size() * size];
    int n = 0;
    for (String w : byId) {
      float[] v = w == null ? null : vec.get(w);
      if (v != null) {
        byte[] b = Tokens.bytes(w);
        words.add(b, 0, b.length);
        System.arraycopy(v, 0, mat, n++ * size, size);
      }
    }
    VectorWriter.write(Path.of(output), words, mat, size, size, true);
    System.err.printf("MLlib Word2Vec: %d words x %d, K=%d, %d iterations: %.1f s training%n", n, size, k, iter,
        secs);
    spark.stop();
  }
}
