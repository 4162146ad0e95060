// The fitted model of W2vSkipGram: vectors as a DataFrame, findSynonyms, and MLlib's averaging transform.
package dev.w2v.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Word vectors ({@link #getVectors()}: columns {@code word}, {@code vector}, as MLlib's Word2VecModel), nearest
 * words by cosine ({@link #findSynonyms}, computed over the distributed vectors), and {@link #transform}: each
 * row's vector is the sum of its known words' vectors divided by its number of words, as MLlib does (that one
 * broadcasts the vectors, so it needs them to fit in each executor). Saved as Spark ML metadata plus a Parquet
 * table of (word, vector).
 */
public final class W2vSkipGramModel extends Model<W2vSkipGramModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  private final transient Dataset<Row> vectors;
  private Param<String> inputCol;
  private Param<String> outputCol;

  W2vSkipGramModel(String uid, Dataset<Row> vectors) {
    this.uid = uid;
    // after uid: a Param records its parent's uid when it is made
    inputCol = new Param<>(this, "inputCol", "input column of token arrays");
    outputCol = new Param<>(this, "outputCol", "output column of averaged vectors");
    this.vectors = vectors;
    setDefault(outputCol, uid + "__output");
  }

  static final StructType SCHEMA = new StructType()
      .add("word", DataTypes.StringType, true)
      .add("vector", SQLDataTypes.VectorType(), true);

  /** The trained syn0 rows with their words ({@code </s>}, the sentence break, left out). */
  static Dataset<Row> vectorsFrame(SparkSession spark, SparkSkipGram.Result r) {
    int dim = r.dim();
    JavaRDD<Row> rows = r.syn0().flatMapToPair(b -> {
      List<Tuple2<Integer, float[]>> out = new ArrayList<>(b.ids.length);
      for (int i = 0; i < b.ids.length; i++) {
        if (b.ids[i] != 0) {
          out.add(new Tuple2<>(b.ids[i], java.util.Arrays.copyOfRange(b.vec, i * dim, (i + 1) * dim)));
        }
      }
      return out.iterator();
    }).join(r.vocab().mapToPair(w -> new Tuple2<>(w.id(), w.word()))).map(t -> {
      float[] v = t._2()._1();
      double[] d = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        d[i] = v[i];
      }
      return RowFactory.create(t._2()._2(), Vectors.dense(d));
    });
    return spark.createDataFrame(rows, SCHEMA);
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> outputCol() { return outputCol; }
  public W2vSkipGramModel setInputCol(String v) { set(inputCol, v); return this; }
  public W2vSkipGramModel setOutputCol(String v) { set(outputCol, v); return this; }

  /** Columns {@code word} (string) and {@code vector} (ml Vector). */
  public Dataset<Row> getVectors() {
    return vectors;
  }

  /** The {@code num} words nearest {@code word} by cosine: columns {@code word}, {@code similarity}. */
  public Dataset<Row> findSynonyms(String word, int num) {
    List<Row> q = vectors.filter(functions.col("word").equalTo(word)).select("vector").takeAsList(1);
    if (q.isEmpty()) {
      throw new IllegalStateException(word + " not in vocabulary");
    }
    return findSynonyms((Vector) q.get(0).get(0), num, word);
  }

  /** The {@code num} words nearest a vector by cosine. */
  public Dataset<Row> findSynonyms(Vector v, int num) {
    return findSynonyms(v, num, null);
  }

  private Dataset<Row> findSynonyms(Vector v, int num, String skip) {
    double[] x = v.toArray();
    double nx = Math.sqrt(dot(x, x));
    JavaRDD<Row> scored = vectors.toJavaRDD().filter(r -> skip == null || !skip.equals(r.getString(0))).map(r -> {
      double[] y = ((Vector) r.get(1)).toArray();
      double ny = Math.sqrt(dot(y, y));
      double s = nx == 0 || ny == 0 ? 0 : dot(x, y) / (nx * ny);
      return RowFactory.create(r.getString(0), s);
    });
    StructType schema = new StructType().add("word", DataTypes.StringType).add("similarity", DataTypes.DoubleType);
    return vectors.sparkSession().createDataFrame(scored, schema)
        .orderBy(functions.col("similarity").desc()).limit(num);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Map<String, double[]> m = new HashMap<>();
    int dim = 0;
    for (Row r : vectors.collectAsList()) {
      double[] v = ((Vector) r.get(1)).toArray();
      dim = v.length;
      m.put(r.getString(0), v);
    }
    final int d = dim;
    Broadcast<Map<String, double[]>> b = JavaSparkContext.fromSparkContext(
        dataset.sparkSession().sparkContext()).broadcast(m);
    UserDefinedFunction avg = functions.udf((UDF1<scala.collection.Seq<String>, Vector>) words -> {
      double[] sum = new double[d];
      if (words == null || words.isEmpty()) {
        return new DenseVector(sum);
      }
      Map<String, double[]> bm = b.value();
      scala.collection.Iterator<String> it = words.iterator();
      while (it.hasNext()) {
        double[] v = bm.get(it.next());
        if (v != null) {
          for (int i = 0; i < d; i++) {
            sum[i] += v[i];
          }
        }
      }
      int n = words.size();
      for (int i = 0; i < d; i++) {
        sum[i] /= n;
      }
      return new DenseVector(sum);
    }, SQLDataTypes.VectorType());
    // the output column's ML attribute metadata (its size), as MLlib's Word2VecModel sets it
    org.apache.spark.sql.types.Metadata meta =
        new org.apache.spark.ml.attribute.AttributeGroup($(outputCol), d).toMetadata();
    return dataset.withColumn($(outputCol), avg.apply(functions.col($(inputCol))).as($(outputCol), meta));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return W2vSkipGram.validateAndTransform(schema, $(inputCol), $(outputCol));
  }

  @Override
  public W2vSkipGramModel copy(ParamMap extra) {
    W2vSkipGramModel c = new W2vSkipGramModel(uid, vectors);
    return copyValues(c, extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    W2vSkipGramModel self = this;
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        DefaultParamsWriter$.MODULE$.saveMetadata(self, path, sparkSession());
        self.vectors.write().parquet(path + "/data");
      }
    };
  }

  @Override
  public void save(String path) throws java.io.IOException {
    write().save(path);
  }

  public static MLReader<W2vSkipGramModel> read() {
    return new MLReader<>() {
      @Override
      public W2vSkipGramModel load(String path) {
        DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession(),
            W2vSkipGramModel.class.getName());
        Dataset<Row> v = sparkSession().read().parquet(path + "/data");
        W2vSkipGramModel m = new W2vSkipGramModel(meta.uid(), v);
        meta.getAndSetParams(m, scala.Option.empty());
        return m;
      }
    };
  }

  public static W2vSkipGramModel load(String path) {
    return read().load(path);
  }
}
