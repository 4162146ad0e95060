// Spark ML Estimator: a drop-in for org.apache.spark.ml.feature.Word2Vec, trained by partitioned skip-gram.
package dev.w2v.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Learns word vectors from a column of token arrays, with MLlib Word2Vec's parameter names (inputCol, outputCol,
 * vectorSize 100, windowSize 5, minCount 5, maxIter 1, numPartitions 1, stepSize 0.025, seed) plus negative (5)
 * and sample (1e-3). Unlike MLlib's (hierarchical softmax, the whole model in every partition, averaged), it
 * trains skip-gram with negative sampling on a model partitioned over numPartitions ({@link SparkSkipGram}).
 * Each row is one sentence.
 */
public final class W2vSkipGram extends Estimator<W2vSkipGramModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;

  private Param<String> inputCol;
  private Param<String> outputCol;
  private IntParam vectorSize;
  private IntParam windowSize;
  private IntParam minCount;
  private IntParam maxIter;
  private IntParam numPartitions;
  private DoubleParam stepSize;
  private LongParam seed;
  private IntParam negative;
  private DoubleParam sample;

  public W2vSkipGram() {
    this(Identifiable$.MODULE$.randomUID("w2vSkipGram"));
  }

  public W2vSkipGram(String uid) {
    this.uid = uid;
    // after uid: a Param records its parent's uid when it is made
    inputCol = new Param<>(this, "inputCol", "input column of token arrays");
    outputCol = new Param<>(this, "outputCol", "output column of averaged vectors");
    vectorSize = new IntParam(this, "vectorSize", "dimension of the vectors (> 0)",
      ParamValidators.gt(0));
    windowSize = new IntParam(this, "windowSize", "max skip length (> 0)", ParamValidators.gt(0));
    minCount = new IntParam(this, "minCount", "minimum word count (>= 0)",
      ParamValidators.gtEq(0));
    maxIter = new IntParam(this, "maxIter", "epochs (> 0)", ParamValidators.gt(0));
    numPartitions = new IntParam(this, "numPartitions", "model partitions K (> 0)",
      ParamValidators.gt(0));
    stepSize = new DoubleParam(this, "stepSize", "starting learning rate (> 0)",
      ParamValidators.gt(0));
    seed = new LongParam(this, "seed", "random seed");
    negative = new IntParam(this, "negative", "negative samples per pair (> 0)",
      ParamValidators.gt(0));
    sample = new DoubleParam(this, "sample", "subsampling threshold (>= 0)",
      ParamValidators.gtEq(0));
    setDefault(outputCol, uid + "__output");
    setDefault(vectorSize, 100);
    setDefault(windowSize, 5);
    setDefault(minCount, 5);
    setDefault(maxIter, 1);
    setDefault(numPartitions, 1);
    setDefault(stepSize, 0.025);
    setDefault(seed, 1L);
    setDefault(negative, 5);
    setDefault(sample, 1e-3);
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() { return inputCol; }
  public Param<String> outputCol() { return outputCol; }
  public IntParam vectorSize() { return vectorSize; }
  public IntParam windowSize() { return windowSize; }
  public IntParam minCount() { return minCount; }
  public IntParam maxIter() { return maxIter; }
  public IntParam numPartitions() { return numPartitions; }
  public DoubleParam stepSize() { return stepSize; }
  public LongParam seed() { return seed; }
  public IntParam negative() { return negative; }
  public DoubleParam sample() { return sample; }

  public W2vSkipGram setInputCol(String v) { set(inputCol, v); return this; }
  public W2vSkipGram setOutputCol(String v) { set(outputCol, v); return this; }
  public W2vSkipGram setVectorSize(int v) { set(vectorSize, v); return this; }
  public W2vSkipGram setWindowSize(int v) { set(windowSize, v); return this; }
  public W2vSkipGram setMinCount(int v) { set(minCount, v); return this; }
  public W2vSkipGram setMaxIter(int v) { set(maxIter, v); return this; }
  public W2vSkipGram setNumPartitions(int v) { set(numPartitions, v); return this; }
  public W2vSkipGram setStepSize(double v) { set(stepSize, v); return this; }
  public W2vSkipGram setSeed(long v) { set(seed, v); return this; }
  public W2vSkipGram setNegative(int v) { set(negative, v); return this; }
  public W2vSkipGram setSample(double v) { set(sample, v); return this; }

  @Override
  public W2vSkipGramModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String col = $(inputCol);
    JavaRDD<String[]> sentences = dataset.select(col).toJavaRDD().map(r -> {
      List<String> ws = r.isNullAt(0) ? new ArrayList<>() : r.getList(0);
      return ws.toArray(new String[0]);
    });
    int k = (Integer) $(numPartitions);
    SparkSkipGram.Settings s = new SparkSkipGram.Settings((Integer) $(vectorSize), (Integer) $(windowSize),
        ((Double) $(sample)).floatValue(), (Integer) $(negative), (Integer) $(maxIter), (Integer) $(minCount),
        ((Double) $(stepSize)).floatValue(), k, Math.min(8, k), (Long) $(seed), StorageLevel.MEMORY_AND_DISK(),
        SparkSkipGram.BROADCAST_LIMIT, false, dataset.sparkSession().sparkContext().getConf()
        .getInt("spark.task.cpus", 1));
    SparkSkipGram.Result r = SparkSkipGram.train(sentences, null, s, line -> {});
    Dataset<Row> vectors = W2vSkipGramModel.vectorsFrame(dataset.sparkSession(), r).persist();
    vectors.count();
    W2vSkipGramModel model = new W2vSkipGramModel(uid, vectors);
    copyValues(model.setParent(this), extractParamMap());
    return model;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return validateAndTransform(schema, $(inputCol), $(outputCol));
  }

  static StructType validateAndTransform(StructType schema, String in, String out) {
    StructField f = schema.apply(in);
    if (!(f.dataType() instanceof ArrayType a) || !a.elementType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("column " + in + " must be array<string>, not " + f.dataType().simpleString());
    }
    if (java.util.Arrays.asList(schema.fieldNames()).contains(out)) {
      throw new IllegalArgumentException("output column " + out + " already exists");
    }
    return schema.add(new StructField(out, SQLDataTypes.VectorType(), true,
        org.apache.spark.sql.types.Metadata.empty()));
  }

  @Override
  public W2vSkipGram copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<W2vSkipGram> read() {
    return new DefaultParamsReader<>();
  }

  public static W2vSkipGram load(String path) {
    return read().load(path);
  }
}
