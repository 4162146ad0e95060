// The Spark ML API: a drop-in for org.apache.spark.ml.feature.Word2Vec in a Pipeline, with save and load.
package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.corpus.DemoCorpus;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Tokenizer;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class W2vSkipGramTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static Dataset<Row> text;

  @BeforeAll
  static void data() throws IOException {
    spark = SparkTestSession.get();
    StringWriter w = new StringWriter();
    DemoCorpus.write(w, 1_500, 3);
    List<Row> rows = new ArrayList<>();
    for (String line : w.toString().split("\n")) {
      rows.add(RowFactory.create(line));
    }
    text = spark.createDataFrame(rows, new StructType().add("text", DataTypes.StringType));
  }

  private static PipelineModel fit(PipelineStage w2v) {
    Tokenizer tok = new Tokenizer().setInputCol("text").setOutputCol("tokens");
    return new Pipeline().setStages(new PipelineStage[] {tok, w2v}).fit(text);
  }

  @Test
  void replacesMllibsWord2VecInAPipeline() throws IOException {
    PipelineModel mllib = fit(new Word2Vec().setInputCol("tokens").setOutputCol("features").setVectorSize(8)
        .setMaxIter(1).setMinCount(5));
    PipelineModel ours = fit(new W2vSkipGram().setInputCol("tokens").setOutputCol("features").setVectorSize(8)
        .setMaxIter(1).setMinCount(5).setNumPartitions(2));
    Dataset<Row> a = mllib.transform(text);
    Dataset<Row> b = ours.transform(text);
    assertEquals(a.schema(), b.schema());
    assertEquals(8, ((Vector) b.select("features").first().get(0)).size());

    W2vSkipGramModel m = (W2vSkipGramModel) ours.stages()[1];
    org.apache.spark.ml.feature.Word2VecModel ml = (org.apache.spark.ml.feature.Word2VecModel) mllib.stages()[1];
    assertEquals(ml.getVectors().schema(), m.getVectors().schema());
    assertEquals(ml.getVectors().count(), m.getVectors().count()); // same vocabulary (min-count 5)

    // transform averages the word vectors over the sentence's words, as MLlib does
    Map<String, double[]> vec = new HashMap<>();
    for (Row r : m.getVectors().collectAsList()) {
      vec.put(r.getString(0), ((Vector) r.get(1)).toArray());
    }
    Row first = b.select("tokens", "features").first();
    List<String> words = first.getList(0);
    double[] expect = new double[8];
    for (String t : words) {
      double[] v = vec.get(t);
      for (int i = 0; v != null && i < 8; i++) {
        expect[i] += v[i] / words.size();
      }
    }
    assertArrayEquals(expect, ((Vector) first.get(1)).toArray(), 1e-12);

    Dataset<Row> syn = m.findSynonyms("king", 3);
    assertEquals(3, syn.count());
    assertTrue(syn.filter("word = 'king'").isEmpty());

    // save and load: the pipeline and the model
    Path dir = tmp.resolve("pipeline");
    ours.write().overwrite().save(dir.toString());
    PipelineModel back = PipelineModel.load(dir.toString());
    List<Row> x = ours.transform(text).select("features").collectAsList();
    List<Row> y = back.transform(text).select("features").collectAsList();
    assertEquals(x, y);
    W2vSkipGramModel loaded = W2vSkipGramModel.load(dir.resolve("stages").toFile().listFiles(
        f -> f.getName().startsWith("1_"))[0].toString());
    assertEquals("features", loaded.getOrDefault(loaded.outputCol()));
  }
}
