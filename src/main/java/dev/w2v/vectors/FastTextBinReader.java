// fastText's own model files (.bin): the vectors of the in-vocabulary words, as fastText and gensim compute them.
package dev.w2v.vectors;

import dev.w2v.math.ScalarMath;
import dev.w2v.vocab.Subwords;
import java.io.EOFException;
import java.io.IOException;

/**
 * The layout is {@link FastTextFormat}'s (fastText's {@code FastText::saveModel}), read as gensim's
 * {@code _fasttext_bin.load} does; the output matrix after the input matrix is not read.
 *
 * <p>A word's vector is what fastText's {@code getWordVector} and gensim's {@code load_facebook_vectors} give: the
 * average of its own row and the rows of its character n-grams ({@code <word>}'s n-grams of minn..maxn UTF-8
 * characters, hashed with FNV-1a over sign-extended bytes, modulo {@code bucket}), summed in float32 in n-gram order
 * and divided once, as gensim's {@code adjust_vectors} does. Like gensim, {@code </s>} gets its n-grams too.
 */
final class FastTextBinReader {
  static final int MAGIC = FastTextFormat.MAGIC;
  private static final int MODEL_SUPERVISED = FastTextFormat.MODEL_SUPERVISED;

  private final VectorInput in;
  private final ByteSource src;
  /**
   * fastText's format before the magic number and version (2016-2017; gensim's {@code new_format = False}): the
   * header starts directly with dim and ws, the dictionary has no pruneidx size or pairs, and no quantised flag
   * precedes the matrices.
   */
  private final boolean older;

  FastTextBinReader(VectorInput in) {
    this(in, false);
  }

  FastTextBinReader(VectorInput in, boolean older) {
    this.in = in;
    this.src = in.src;
    this.older = older;
  }

  /**
   * Whether {@code head[0..n)} is the start of a fastText model of the older format, which has no magic number:
   * its 12 int32 args and float64 t, then the dictionary's sizes, all in their ranges (dim, ws, epoch positive;
   * loss and model fastText's codes 1..4 and 1..3; t in [0, 1]; size = nwords + nlabels).
   */
  static boolean isOlderFormat(byte[] head, int n) {
    if (n < 13 * 4 + 8 + 3 * 4 + 8) {
      return false;
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head, 0, n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int dim = b.getInt(0);
    int ws = b.getInt(4);
    int epoch = b.getInt(8);
    int minCount = b.getInt(12);
    int neg = b.getInt(16);
    int wordNgrams = b.getInt(20);
    int loss = b.getInt(24);
    int model = b.getInt(28);
    int bucket = b.getInt(32);
    int minn = b.getInt(36);
    int maxn = b.getInt(40);
    int lrUpdateRate = b.getInt(44);
    double t = b.getDouble(48);
    int size = b.getInt(56);
    int nwords = b.getInt(60);
    int nlabels = b.getInt(64);
    long ntokens = b.getLong(68);
    return dim > 0 && dim <= 100_000 && ws > 0 && epoch > 0 && minCount >= 0 && neg >= 0 && wordNgrams > 0
        && loss >= 1 && loss <= 4 && model >= 1 && model <= 3 && bucket >= 0 && minn >= 0 && maxn >= 0
        && maxn <= 1000 && lrUpdateRate > 0 && t >= 0 && t <= 1 && size >= 0 && nwords >= 0 && nlabels >= 0
        && (long) nwords + nlabels == size && ntokens >= 0;
  }

  /** The model type of a fastText file starting at the position (for "looks like" messages), or -1. */
  static int modelType(byte[] head, int n) {
    if (n < 4 * 10) {
      return -1;
    }
    return (head[36] & 0xff) | (head[37] & 0xff) << 8 | (head[38] & 0xff) << 16 | (head[39] & 0xff) << 24;
  }

  Embeddings read() throws IOException {
    try {
      return load();
    } catch (EOFException e) {
      throw in.bad("the fastText model ends early (at byte " + src.offset() + "): the file is truncated");
    }
  }

  private Embeddings load() throws IOException {
    if (!older) {
      src.int32(); // magic
      int version = src.int32();
      if (version != 11 && version != 12) {
        throw in.bad("a fastText model of version " + version + " (w2v reads versions 11 and 12)");
      }
    }
    int dim = src.int32();
    src.int32(); // ws
    src.int32(); // epoch
    src.int32(); // minCount
    src.int32(); // neg
    src.int32(); // wordNgrams
    src.int32(); // loss
    int model = src.int32();
    int bucket = src.int32();
    int minn = src.int32();
    int maxn = src.int32();
    src.int32(); // lrUpdateRate
    src.float64(); // t
    if (model == MODEL_SUPERVISED) {
      throw in.bad("this is a fastText supervised (classification) model: its vectors serve labels, not a word"
          + " embedding; w2v reads fastText's unsupervised (skipgram, cbow) models");
    }
    if (dim <= 0 || dim > in.maxChunkFloats || bucket < 0 || minn < 0 || maxn < 0 || maxn > 1000) {
      throw in.bad("the fastText model's header is corrupt (dim " + dim + ", bucket " + bucket + ", minn " + minn
          + ", maxn " + maxn + ")");
    }
    int size = src.int32();
    int nwords = src.int32();
    int nlabels = src.int32();
    src.int64(); // ntokens
    long pruneSize = older ? 0 : src.int64();
    if (size < 0 || nwords < 0 || nlabels < 0 || (long) nwords + nlabels != size) {
      throw in.bad("the fastText model's dictionary header is corrupt (" + size + " entries, " + nwords + " words, "
          + nlabels + " labels)");
    }
    if (nlabels > 0) {
      throw in.bad("this fastText model has " + nlabels + " labels: it is a supervised (classification) model,"
          + " which w2v does not read");
    }
    long want = Math.min(nwords, in.limit);
    EmbeddingsBuilder b = new EmbeddingsBuilder(dim, want, false, in.maxChunkFloats);
    b.trackInput(src, in.inputSize, 4L * dim);
    for (int i = 0; i < size; i++) {
      int len = wordLength(i);
      if (i < want) {
        b.addWord(src.buf, src.position(), len);
      }
      src.skip(len + 1);
      src.int64(); // count
      src.int8(); // type
    }
    if (pruneSize > 0) {
      throw in.bad("this fastText model is pruned (quantised, .ftz): its vectors are compressed, which w2v does"
          + " not decode");
    }
    if (!older && src.int8() != 0) {
      throw in.bad("this fastText model is quantised (.ftz): its vectors are compressed, which w2v does not decode");
    }
    long rows = src.int64();
    long cols = src.int64();
    if (cols != dim || rows != (long) nwords + bucket) {
      throw in.bad("the fastText model's input matrix is " + rows + " x " + cols + ", not the " + nwords + " words +"
          + " " + bucket + " buckets by " + dim + " its header implies: the file is corrupt");
    }
    for (long i = 0; i < want; i++) {
      float[] a = b.nextArray();
      int o = b.nextOffset();
      readFloats(a, o, dim, i);
      b.commitRowUnchecked(); // checked after the n-grams are added
    }
    for (long i = want; i < nwords; i++) {
      skipFloats(dim, i);
    }
    FloatMatrix words = b.matrix();
    NgramVectors ngrams = null;
    if (maxn > 0 && bucket > 0 && want > 0) {
      ngrams = new NgramVectors(minn, maxn, bucket, addNgrams(b.words, words, dim, bucket, minn, maxn));
    }
    for (int i = 0; i < words.rows(); i++) {
      float[] a = words.arrayOf(i);
      int o = words.offsetOf(i);
      for (int c = 0; c < dim; c++) {
        float v = a[o + c];
        if (v - v != 0f) {
          throw in.notFinite(i, b.words, c, v);
        }
      }
    }
    if (in.normalise) {
      for (int c = 0; c < words.chunkCount(); c++) {
        ScalarMath.normaliseRowsS(words.chunk(c), 0, words.chunkRows(c), dim);
      }
    }
    Embeddings e = in.finish(VectorFormat.FASTTEXT_BIN, nwords, b, words);
    if (ngrams != null) {
      e.attachNgrams(ngrams);
    }
    return e;
  }

  /** Reads the bucket rows, then averages each word's row with its n-grams' rows in place; returns the rows. */
  private FloatMatrix addNgrams(WordTable wordTable, FloatMatrix words, int dim, int bucket, int minn, int maxn)
      throws IOException {
    EmbeddingsBuilder nb = new EmbeddingsBuilder(dim, bucket, false, in.maxChunkFloats);
    nb.trackInput(src, in.inputSize, 4L * dim);
    for (int r = 0; r < bucket; r++) {
      float[] a = nb.nextArray();
      readFloats(a, nb.nextOffset(), dim, -1);
      nb.commitRowUnchecked();
    }
    FloatMatrix ngrams = nb.matrix();
    int[] hashes = new int[64];
    for (int i = 0; i < words.rows(); i++) {
      byte[] w = wordTable.bytes(i);
      int n = Subwords.ngramBuckets(w, minn, maxn, bucket, hashes);
      if (n > hashes.length) {
        hashes = new int[n];
        Subwords.ngramBuckets(w, minn, maxn, bucket, hashes);
      }
      float[] a = words.arrayOf(i);
      int o = words.offsetOf(i);
      for (int k = 0; k < n; k++) {
        float[] g = ngrams.arrayOf(hashes[k]);
        int go = ngrams.offsetOf(hashes[k]);
        for (int c = 0; c < dim; c++) {
          a[o + c] += g[go + c];
        }
      }
      float d = n + 1;
      for (int c = 0; c < dim; c++) {
        a[o + c] /= d;
      }
    }
    return ngrams;
  }

  private void readFloats(float[] a, int o, int dim, long row) throws IOException {
    int bytes = 4 * dim;
    if (!src.ensure(bytes)) {
      throw new EOFException();
    }
    src.buf.asFloatBuffer().get(a, o, dim);
    src.skip(bytes);
  }

  private void skipFloats(int dim, long row) throws IOException {
    if (!src.ensure(4 * dim)) {
      throw new EOFException();
    }
    src.skip(4 * dim);
  }

  private int wordLength(long i) throws IOException {
    int k = src.scan((byte) 0, VectorInput.MAX_WORD_BYTES);
    if (k == ByteSource.TOO_LONG) {
      throw in.badEntry(i, null, "no NUL after the first " + VectorInput.MAX_WORD_BYTES + " bytes of its word:"
          + " the fastText dictionary is corrupt");
    }
    if (k == ByteSource.END) {
      throw new EOFException();
    }
    return k;
  }

}
