// Joins word indices into the corpus: a broadcast map when the vocabulary is small, else a distributed join.
package dev.w2v.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Turns sentences of words into {@link Line}s. With at most {@code broadcastLimit} words the vocabulary is
 * collected and broadcast (one pass, no shuffle); above it, every token is joined with the vocabulary RDD by word
 * and the lines are reassembled by key, so a vocabulary of 10^8+ words never passes through the driver.
 */
final class CorpusEncoder {
  private CorpusEncoder() {}

  /** word2vec.c's subsampling threshold for a word of count {@code cn} (Trainer's keepThreshold). */
  static float keep(long cn, float sample, long trainWords) {
    if (sample <= 0) {
      return Float.MAX_VALUE;
    }
    float st = sample * (float) trainWords;
    return (float) ((Math.sqrt((float) cn / st) + 1) * st / (double) cn);
  }

  /**
   * The lines keyed by a unique id fixed by their input partition and position ({@code zipWithUniqueId}), so
   * that sorting by it gives the same order however a shuffle's blocks arrive.
   */
  static JavaPairRDD<Long, Line> encode(JavaRDD<String[]> sentences, JavaRDD<VocabWord> vocab, long vocabSize,
      long trainWords, float sample, long broadcastLimit) {
    if (vocabSize <= broadcastLimit) {
      return broadcast(sentences, vocab, trainWords, sample);
    }
    return join(sentences, vocab, trainWords, sample);
  }

  private static JavaPairRDD<Long, Line> broadcast(JavaRDD<String[]> sentences, JavaRDD<VocabWord> vocab, long trainWords,
      float sample) {
    Map<String, Integer> ids = new HashMap<>();
    List<VocabWord> all = vocab.collect();
    float[] keep = new float[all.size()];
    for (VocabWord v : all) {
      ids.put(v.word(), v.id());
      keep[v.id()] = keep(v.count(), sample, trainWords);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sentences.context());
    Broadcast<Map<String, Integer>> bIds = jsc.broadcast(ids);
    Broadcast<float[]> bKeep = jsc.broadcast(keep);
    return sentences.zipWithUniqueId().mapToPair(t -> {
      String[] s = t._1();
      Map<String, Integer> m = bIds.value();
      float[] k = bKeep.value();
      int[] out = new int[s.length];
      int n = 0;
      for (String w : s) {
        Integer id = w == null ? null : m.get(w);
        if (id != null && id != 0) {
          out[n++] = id;
        }
      }
      int[] line = Arrays.copyOf(out, n);
      float[] kl = new float[n];
      for (int i = 0; i < n; i++) {
        kl[i] = k[line[i]];
      }
      return new Tuple2<>(t._2(), new Line(line, kl));
    });
  }

  private static JavaPairRDD<Long, Line> join(JavaRDD<String[]> sentences, JavaRDD<VocabWord> vocab, long trainWords,
      float sample) {
    JavaPairRDD<String[], Long> keyed = sentences.zipWithUniqueId();
    // (word, (line, position)) joined with (word, (id, keep)), regrouped by line
    JavaPairRDD<String, long[]> tokens = keyed.flatMapToPair(t -> {
      List<Tuple2<String, long[]>> out = new ArrayList<>(t._1().length);
      for (int i = 0; i < t._1().length; i++) {
        if (t._1()[i] == null) {
          continue;
        }
        out.add(new Tuple2<>(t._1()[i], new long[] {t._2(), i}));
      }
      return out.iterator();
    });
    JavaPairRDD<String, long[]> v = vocab.filter(w -> w.id() != 0)
        .mapToPair(w -> new Tuple2<>(w.word(), new long[] {w.id(),
            Float.floatToRawIntBits(keep(w.count(), sample, trainWords))}));
    JavaPairRDD<Long, long[]> found = tokens.join(v)
        .mapToPair(t -> new Tuple2<>(t._2()._1()[0],
            new long[] {t._2()._1()[1], t._2()._2()[0], t._2()._2()[1]}));
    return keyed.mapToPair(t -> new Tuple2<>(t._2(), 0)).cogroup(found).mapToPair(t -> {
      List<long[]> ws = new ArrayList<>();
      t._2()._2().forEach(ws::add);
      ws.sort((a, b) -> Long.compare(a[0], b[0]));
      int[] ids = new int[ws.size()];
      float[] k = new float[ws.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = (int) ws.get(i)[1];
        k[i] = Float.intBitsToFloat((int) ws.get(i)[2]);
      }
      return new Tuple2<>(t._1(), new Line(ids, k));
    });
  }
}
