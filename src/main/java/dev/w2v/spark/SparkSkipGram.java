// The partitioned skip-gram trainer's driver loop: K partitions, each epoch in K sub-iterations.
package dev.w2v.spark;

import dev.w2v.io.W2vException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Skip-gram with negative sampling over partitioned embeddings (stratified SGD, Gemulla et al. 2011; the scheme
 * of apache/spark#37967 and ezamyatin/distributed-word2vec). Input vectors are dealt to K partitions by a salted
 * hash and stay there; output vectors are dealt to K buckets that rotate one partition per sub-iteration
 * ({@link Strata}). In each sub-iteration every corpus partition regenerates its pairs for the epoch
 * ({@link PairGenerator}), the pairs whose two rows meet are shuffled (sorted, so a task's input is the same on
 * every attempt) to that partition, and each partition runs ordinary SGD ({@link SkipGramTask}). No averaging:
 * every row has exactly one writer at a time, so quality does not depend on K, and a task holds 2/K of the model.
 *
 * <p>The blocks of each sub-iteration are persisted at the chosen storage level (DISK_ONLY or MEMORY_AND_DISK
 * lets the model exceed the executors' memory) and the previous ones released only after the next are
 * materialised, so a failed task recomputes from the same immutable state and never applies its updates twice.
 * Every 10th sub-iteration's blocks are a checkpoint: reliable in {@code spark.checkpoint.dir} when set, else
 * local, in two copies on a cluster ({@link #stateLevel}), so the loss of an executor costs a recomputation from
 * the last checkpoint and never the run.
 */
public final class SparkSkipGram {
  private SparkSkipGram() {}

  /**
   * Vocabularies up to this size are broadcast to encode the corpus (a hash map of about 100 bytes per word on
   * the driver and every executor); larger ones are joined with the corpus as an RDD.
   */
  public static final long BROADCAST_LIMIT = 2_000_000L;

  /** Training settings (word2vec.c's names); {@code partitions} is K. */
  public record Settings(int size, int window, float sample, int negative, long iter, int minCount, float alpha,
      int partitions, int rounds, long seed, StorageLevel level, long broadcastLimit, boolean splitNoise,
      int threads) implements Serializable {
    public Settings {
      if (threads <= 0) {
        throw W2vException.usage("-threads must be a positive number, got " + threads);
      }
      if (partitions <= 0) {
        throw W2vException.usage("-partitions must be a positive number, got " + partitions);
      }
      if (rounds <= 0) {
        throw W2vException.usage("-rounds must be a positive number, got " + rounds);
      }
      if (negative <= 0) {
        throw W2vException.usage("-negative must be a positive number on Spark (negative sampling is the only"
            + " objective), got " + negative);
      }
    }

    /** The same settings with K partitions. */
    public Settings withPartitions(int k) {
      return new Settings(size, window, sample, negative, iter, minCount, alpha, k, rounds, seed, level,
          broadcastLimit, splitNoise, threads);
    }

    /** The same settings with T threads per task. */
    public Settings withThreads(int t) {
      return new Settings(size, window, sample, negative, iter, minCount, alpha, partitions, rounds, seed, level,
          broadcastLimit, splitNoise, t);
    }

    /** The same settings with R rounds. */
    public Settings withRounds(int r) {
      return new Settings(size, window, sample, negative, iter, minCount, alpha, partitions, r, seed, level,
          broadcastLimit, splitNoise, threads);
    }
  }

  /** The trained input vectors (syn0) in K blocks, with the vocabulary they index. */
  public record Result(JavaRDD<VocabWord> vocab, long vocabSize, long trainWords, JavaRDD<Block> syn0, int dim) {}

  /**
   * Trains on {@code sentences} (each ends with an implicit {@code </s>}); {@code vocab} is counted from them
   * when null. {@code log} receives one progress line per sub-iteration.
   */
  public static Result train(JavaRDD<String[]> sentences, JavaRDD<VocabWord> vocab, Settings s,
      Consumer<String> log) {
    long t0 = System.nanoTime();
    if (vocab == null) {
      vocab = SparkVocab.count(sentences, s.minCount());
    }
    vocab = vocab.persist(StorageLevel.MEMORY_AND_DISK());
    long vocabSize = vocab.count();
    long trainWords = vocabSize == 0 ? 0 : vocab.map(VocabWord::count).reduce(Long::sum);
    if (vocabSize <= 1) {
      throw W2vException.badInput(vocabSize == 0 ? "the corpus is empty"
          : "no word of the corpus occurs at least -min-count " + s.minCount() + " times");
    }
    log.accept(String.format("Vocab size: %d%nWords in train file: %d", vocabSize, trainWords));
    SparkContext sc = sentences.context();
    boolean reliable = sc.getCheckpointDir().isDefined();
    StorageLevel level = stateLevel(s.level(), sc.isLocal(), reliable);
    String warning = singleExecutorWarning(sc.isLocal(), reliable, sc.getExecutorMemoryStatus().size() - 1);
    if (warning != null) {
      log.accept(warning);
    }
    int k = s.partitions();
    int sources = Math.max(k, sc.defaultParallelism());
    // dealt to the sources by line id and sorted by it: a partition has the same lines in the same order whatever
    // executor computes it and in whatever order its shuffle blocks arrive, also when recomputed after a loss
    JavaRDD<Line> lines = CorpusEncoder.encode(sentences, vocab, vocabSize, trainWords, s.sample(),
        s.broadcastLimit()).repartitionAndSortWithinPartitions(new HashPartitioner(sources)).values()
        .persist(s.level());
    long lineCount = lines.count();
    log.accept(String.format("Encoded %d lines into %d partitions in %.1f s", lineCount, sources,
        (System.nanoTime() - t0) / 1e9));

    final int dim = s.size();
    final long seed = s.seed();
    HashPartitioner byPartition = new HashPartitioner(k);
    JavaRDD<Block> in = vocab.mapToPair(w -> new Tuple2<>(Strata.in(w.id(), k, seed), w))
        .groupByKey(byPartition)
        .map(g -> initial(true, g._1(), g._2(), dim, seed));
    JavaRDD<Block> out = vocab.mapToPair(w -> new Tuple2<>(Strata.out(w.id(), k, seed), w))
        .groupByKey(byPartition)
        .map(g -> initial(false, g._1(), g._2(), dim, seed));
    // groupByKey with a HashPartitioner over keys 0..K-1 puts key p in partition p, as the schedule needs

    long total = s.iter() * s.rounds() * k;
    PairGenerator gen = new PairGenerator(k, s.rounds(), s.window(), s.sample() > 0, seed, s.splitNoise());
    double noiseTotal = vocab.filter(w -> w.id() != 0).map(w -> Math.pow(w.count(), 0.75)).reduce(Double::sum);
    SkipGramTask task = new SkipGramTask(dim, s.negative(), s.alpha(), total, seed, noiseTotal, s.splitNoise(),
        s.threads(), !s.level().deserialized(), k);
    JavaRDD<Block> previous = null;
    // without a checkpoint directory on a cluster, the last local checkpoint (two copies) is kept until the next
    // one exists: the blocks between them are recomputed from it if an executor is lost
    boolean anchored = level.replication() > s.level().replication();
    JavaRDD<Block> anchor = null;
    for (long t = 0; t < total; t++) {
      long ts = System.nanoTime();
      final long sub = t;
      boolean cut = (t + 1) % 10 == 0;
      JavaPairRDD<Long, int[]> pairs = lines
          .mapPartitionsWithIndex((src, it) -> gen.pairs(sub, src, it), false)
          .mapToPair(x -> x)
          .repartitionAndSortWithinPartitions(new KeyPartitioner(k));
      JavaRDD<Block[]> state = in.zipPartitions(out, SparkSkipGram::pairUp);
      JavaRDD<Block> result = pairs.zipPartitions(state,
          (p, st) -> task.run(sub, TaskContext.getPartitionId(), p, st)).persist(cut ? level : s.level());
      if (cut) {
        // Cut the lineage, which otherwise grows by one sub-iteration each time (and its serialised form
        // overflows the stack after ~150): reliably to the checkpoint directory when one is set, else to the
        // executors' block stores, in two copies on a cluster (stateLevel).
        if (reliable) {
          result.checkpoint();
        } else {
          result.rdd().localCheckpoint();
        }
      }
      result.count();
      if (previous != null && previous != anchor) {
        previous.unpersist(false);
      }
      if (cut && anchored) {
        if (anchor != null) {
          anchor.unpersist(false);
        }
        anchor = result;
      }
      previous = result;
      in = result.filter(b -> b.input);
      final long next = t + 1;
      out = result.filter(b -> !b.input)
          .mapToPair(b -> new Tuple2<>(Strata.place(b.bucket, next, k), b))
          .partitionBy(byPartition)
          .values();
      log.accept(String.format("epoch %d/%d, sub-iteration %d/%d: %.1f s", t / k / s.rounds() + 1, s.iter(),
          t % (k * s.rounds()) + 1, k * s.rounds(),
          (System.nanoTime() - ts) / 1e9));
    }
    lines.unpersist(false);
    return new Result(vocab, vocabSize, trainWords, in, dim);
  }

  /**
   * The storage level of every 10th sub-iteration's blocks, the local checkpoints that cut the lineage: the chosen
   * level with two copies on a cluster without a checkpoint directory. A local checkpoint lost with its only copy
   * cannot be recomputed ({@code CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND}); with a second copy on another executor, and
   * kept until the next one exists, the blocks lost with an executor are recomputed from it (at most 9
   * sub-iterations, deterministic with one thread per task: the encoded lines come back in the same order). With
   * {@code spark.checkpoint.dir} they are recomputed from the last reliable checkpoint, and in local mode the
   * executor is the driver: one copy.
   */
  static StorageLevel stateLevel(StorageLevel chosen, boolean local, boolean reliable) {
    if (local || reliable || chosen.replication() >= 2) {
      return chosen;
    }
    return StorageLevel.apply(chosen.useDisk(), chosen.useMemory(), chosen.useOffHeap(), chosen.deserialized(), 2);
  }

  /**
   * A warning line when the state has nowhere to keep its second copy: a cluster of one executor (local-cluster,
   * standalone, YARN...) without a checkpoint directory; null otherwise (local mode has no separate executor).
   */
  static String singleExecutorWarning(boolean local, boolean reliable, int executors) {
    if (local || reliable || executors > 1) {
      return null;
    }
    return "warning: the cluster has " + (executors <= 0 ? "no executor yet" : "a single executor")
        + ": losing it would fail the run; set spark.checkpoint.dir to a reliable store (HDFS, S3...) or run two"
        + " executors or more";
  }

  private static Iterator<Block[]> pairUp(Iterator<Block> a, Iterator<Block> b) {
    Block x = a.hasNext() ? a.next() : null;
    Block y = b.hasNext() ? b.next() : null;
    List<Block[]> one = new ArrayList<>(1);
    one.add(new Block[] {x, y});
    return one.iterator();
  }

  /** word2vec.c's InitNet for syn0 ({@code ((r & 0xFFFF) / 65536 - 0.5) / size}), seeded per word; syn1neg 0. */
  static Block initial(boolean input, int bucket, Iterable<VocabWord> words, int dim, long seed) {
    List<VocabWord> ws = new ArrayList<>();
    words.forEach(ws::add);
    ws.sort((a, b) -> Integer.compare(a.id(), b.id()));
    int[] ids = new int[ws.size()];
    long[] counts = new long[ws.size()];
    float[] vec = new float[ws.size() * dim];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ws.get(i).id();
      counts[i] = ws.get(i).count();
      if (input) {
        long nextRandom = Strata.seed(seed, ids[i], 1);
        for (int b = 0; b < dim; b++) {
          nextRandom = nextRandom * 25214903917L + 11;
          vec[i * dim + b] = (((nextRandom & 0xFFFF) / (float) 65536) - 0.5f) / dim;
        }
      }
    }
    return new Block(input, bucket, ids, input ? null : counts, vec);
  }

  /** Routes a pair block to the partition in its key. */
  static final class KeyPartitioner extends org.apache.spark.Partitioner {
    private static final long serialVersionUID = 1L;
    private final int k;

    KeyPartitioner(int k) {
      this.k = k;
    }

    @Override
    public int numPartitions() {
      return k;
    }

    @Override
    public int getPartition(Object key) {
      return PairGenerator.partitionOf((Long) key);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof KeyPartitioner p && p.k == k;
    }

    @Override
    public int hashCode() {
      return k;
    }
  }
}
