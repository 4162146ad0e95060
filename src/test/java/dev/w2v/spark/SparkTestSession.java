// One local Spark session shared by every Spark test (starting one takes seconds).
package dev.w2v.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** local[2,4]: two cores, and a failed task is retried (up to 4 attempts), as on a cluster. */
final class SparkTestSession {
  private SparkTestSession() {}

  static synchronized SparkSession get() {
    SparkSession s = SparkSession.builder()
        .master("local[2,4]")
        .appName("w2v-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .getOrCreate();
    s.sparkContext().setLogLevel("ERROR");
    return s;
  }

  static JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(get().sparkContext());
  }
}
