// The vocabulary by a distributed count: reduceByKey, min-count, a distributed sort in word2vec.c's order.
package dev.w2v.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Builds the vocabulary without collecting it: each partition counts its words (with the position of each
 * word's first occurrence, partition index in the high bits), counts are summed by {@code reduceByKey}, words
 * below min-count are dropped, and a distributed {@code sortByKey} orders the rest by descending count, ties by
 * first occurrence. That is word2vec.c's order (its SortVocab is a stable sort of the words in first-seen order),
 * so for one input file the indices and the -save-vocab file equal the command line's. One difference: the
 * command line prunes rare words while counting once the vocabulary passes 21 million distinct words
 * (ReduceVocab); the distributed count is exact.
 */
final class SparkVocab {
  private SparkVocab() {}

  /** Sort key: descending count, then ascending first position. */
  record Rank(long count, long pos) implements Comparable<Rank>, Serializable {
    @Override
    public int compareTo(Rank o) {
      int c = Long.compare(o.count, count);
      return c != 0 ? c : Long.compare(pos, o.pos);
    }
  }

  /**
   * Counts the words of {@code sentences} (each sentence ends with an implicit {@code </s>}, as a newline in
   * word2vec.c) and returns the vocabulary, {@code </s>} at index 0.
   */
  static JavaRDD<VocabWord> count(JavaRDD<String[]> sentences, int minCount) {
    JavaPairRDD<String, long[]> counts = sentences.mapPartitionsWithIndex(SparkVocab::countPartition, false)
        .mapToPair(t -> t)
        .reduceByKey((a, b) -> new long[] {a[0] + b[0], Math.min(a[1], b[1])});
    return number(counts, Tokens.EOS, minCount);
  }

  private static Iterator<Tuple2<String, long[]>> countPartition(int index, Iterator<String[]> it) {
    Map<String, long[]> m = new HashMap<>();
    long pos = (long) index << 40;
    while (it.hasNext()) {
      String[] s = it.next();
      int n = s.length;
      boolean goesOn = n > 0 && s[n - 1] == null; // a long line's sentence: no </s> after it
      for (int i = 0; i < (goesOn ? n - 1 : n); i++) {
        long p = pos++;
        m.computeIfAbsent(s[i], k -> new long[] {0, p})[0]++;
      }
      if (!goesOn) {
        long p = pos++;
        m.computeIfAbsent(Tokens.EOS, k -> new long[] {0, p})[0]++;
      }
    }
    List<Tuple2<String, long[]>> out = new ArrayList<>(m.size());
    for (Map.Entry<String, long[]> e : m.entrySet()) {
      out.add(new Tuple2<>(e.getKey(), e.getValue()));
    }
    return out.iterator();
  }

  /**
   * A -read-vocab file's entries ({@code word count} per line, in file order) as a vocabulary: the first entry
   * keeps index 0 whatever it is, the rest are sorted as word2vec.c's ReadVocab then SortVocab do.
   */
  static JavaRDD<VocabWord> fromEntries(JavaRDD<Tuple2<String, Long>> entries, int minCount) {
    JavaPairRDD<String, long[]> c = entries.zipWithIndex()
        .mapToPair(t -> new Tuple2<>(t._1()._1(), new long[] {t._1()._2(), t._2()}))
        .reduceByKey((a, b) -> a[1] <= b[1] ? a : b); // a repeated word: word2vec.c's lookups see the first
    List<Tuple2<String, long[]>> first = c.filter(t -> t._2()[1] == 0).collect();
    if (first.isEmpty()) {
      return entries.filter(x -> false).map(x -> new VocabWord(x._1(), x._2(), 0));
    }
    return number(c, first.get(0)._1(), minCount);
  }

  /** Index 0 for {@code first}; the others with count >= minCount sorted by {@link Rank} from index 1. */
  private static JavaRDD<VocabWord> number(JavaPairRDD<String, long[]> counts, String first, int minCount) {
    JavaRDD<VocabWord> head = counts.filter(t -> t._1().equals(first))
        .map(t -> new VocabWord(t._1(), t._2()[0], 0));
    JavaRDD<VocabWord> rest = counts
        .filter(t -> !t._1().equals(first) && t._2()[0] >= minCount)
        .mapToPair(t -> new Tuple2<>(new Rank(t._2()[0], t._2()[1]), t._1()))
        .sortByKey(true)
        .zipWithIndex()
        .map(t -> new VocabWord(t._1()._2(), t._1()._1().count(), (int) (t._2() + 1)));
    return head.union(rest);
  }
}
