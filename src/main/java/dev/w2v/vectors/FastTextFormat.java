// fastText's .bin layout (FastText::saveModel, version 12), shared by its reader and writer.
package dev.w2v.vectors;

/**
 * Little-endian throughout: int32 magic and version; the args (int32 dim, ws, epoch, minCount, neg, wordNgrams,
 * loss, model, bucket, minn, maxn, lrUpdateRate; float64 t); the dictionary (int32 size, nwords, nlabels; int64
 * ntokens, pruneidx size; per entry the NUL-terminated word, int64 count, int8 type (0 word, 1 label); the
 * pruneidx pairs); a bool (input quantised); the input matrix (int64 rows, int64 cols, rows x cols float32: nwords
 * word rows, then {@code bucket} n-gram rows); a bool (output quantised); the output matrix likewise.
 */
public final class FastTextFormat {
  private FastTextFormat() {}

  public static final int MAGIC = 793712314;
  /** The version fastText 0.9.x writes. */
  public static final int VERSION = 12;
  /** args.model: fastText's {@code model_name}. */
  public static final int MODEL_CBOW = 1;
  public static final int MODEL_SKIPGRAM = 2;
  public static final int MODEL_SUPERVISED = 3;
  /** args.loss: fastText's {@code loss_name}. */
  public static final int LOSS_HS = 1;
  public static final int LOSS_NS = 2;
  /** fastText's default lrUpdateRate: how many tokens between learning-rate updates (w2v uses 10,000). */
  public static final int LR_UPDATE_RATE = 100;
  /** Bytes before the dictionary: magic, version, 12 int32 args and the float64 t. */
  public static final int HEADER_BYTES = 4 * 14 + 8;
}
