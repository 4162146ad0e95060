// The two ways of joining word indices into the corpus give the same lines.
package dev.w2v.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

class CorpusEncoderTest {
  /** Each line as its key, ids and keep thresholds, in key order (the key fixes the lines' order). */
  private static List<String> encoded(JavaRDD<String[]> sentences, JavaRDD<VocabWord> vocab, long limit) {
    long v = vocab.count();
    long train = vocab.map(VocabWord::count).reduce(Long::sum);
    List<String> out = new ArrayList<>();
    for (scala.Tuple2<Long, Line> t : CorpusEncoder.encode(sentences, vocab, v, train, 1e-3f, limit).sortByKey()
        .collect()) {
      out.add(t._1() + ":" + Arrays.toString(t._2().ids()) + Arrays.toString(t._2().keep()));
    }
    return out;
  }

  @Test
  void theDistributedJoinEncodesAsTheBroadcastMapDoes() {
    List<String[]> text = List.of(
        new String[] {"the", "cat", "sat", "on", "the", "mat"},
        new String[] {"the", "dog", "sat", "rare", "the"},
        new String[] {"unseen", "words", "only"},
        new String[] {"cat", "dog", "the", "the", "cat"},
        new String[] {"the", "mat", "dog", "cat", "sat"});
    JavaRDD<String[]> sentences = SparkTestSession.jsc().parallelize(text, 2);
    JavaRDD<VocabWord> vocab = SparkVocab.count(sentences, 2).cache();
    List<String> broadcast = encoded(sentences, vocab, Long.MAX_VALUE);
    List<String> joined = encoded(sentences, vocab, 0); // every vocabulary is over the limit: the join
    assertEquals(broadcast, joined);
    assertEquals(text.size(), joined.size());
    // zipWithUniqueId over 2 partitions: the third line, the first of partition 1, is line 1
    assertTrue(joined.contains("1:[][]"), "a line of unknown words is an empty line: " + joined);
  }
}
