// The network's weights: syn0 (input vectors), syn1 (hierarchical softmax), syn1neg (negative sampling).
package dev.w2v.train;

import dev.w2v.io.HeapLimit;
import dev.w2v.io.W2vException;

/**
 * Flat row-major matrices of shape (V, size): row w starts at {@code w * stride} (padding columns stay zero). syn0 is initialised as
 * word2vec.c's InitNet does (its own LCG seeded with 1); syn1 and syn1neg start at zero. Threads update these
 * arrays without locks (Hogwild): races lose an occasional update, which SGD tolerates, as in the original.
 */
public final class Model {
  /**
   * The largest chunk of a matrix that does not fit one array, in floats (1 GiB): a Java array stops at 2^31
   * elements, and pieces of this size also fit a generational heap more easily.
   */
  public static final int MAX_CHUNK_FLOATS = 1 << 28;

  public final int vocabSize;
  public final int size;
  /** Floats between the starts of consecutive rows: {@code size}, or more so rows fill whole SIMD vectors. */
  public final int stride;
  /** The whole matrices when they fit one array each (V * stride below 2^31), else null: see {@link #syn0Chunks}. */
  public final float[] syn0;
  public final float[] syn1;
  public final float[] syn1neg;
  /**
   * The matrices as chunks of {@code 2^chunkShift} rows (one chunk, the arrays above, unless V * stride passes 2^31
   * floats): row w is {@code chunks[w >>> chunkShift]} from offset {@code (w & chunkMask) * stride}, so a row never
   * straddles two arrays and the kernels take (array, offset) as before.
   */
  public final float[][] syn0Chunks;
  public final float[][] syn1Chunks;
  public final float[][] syn1negChunks;
  public final int chunkShift;
  public final int chunkMask;

  private Model(int vocabSize, int size, int stride, int chunkShift, float[][] syn0, float[][] syn1,
      float[][] syn1neg) {
    this.vocabSize = vocabSize;
    this.size = size;
    this.stride = stride;
    this.chunkShift = chunkShift;
    this.chunkMask = chunkShift >= 31 ? Integer.MAX_VALUE : (1 << chunkShift) - 1;
    this.syn0Chunks = syn0;
    this.syn1Chunks = syn1;
    this.syn1negChunks = syn1neg;
    this.syn0 = syn0.length == 1 ? syn0[0] : null;
    this.syn1 = syn1 != null && syn1.length == 1 ? syn1[0] : null;
    this.syn1neg = syn1neg != null && syn1neg.length == 1 ? syn1neg[0] : null;
  }

  /** A model over existing matrices (each V * stride floats; syn1 / syn1neg may be null), as loaded from a file. */
  public static Model wrap(int vocabSize, int size, int stride, float[] syn0, float[] syn1, float[] syn1neg) {
    return new Model(vocabSize, size, stride, 31, new float[][] {syn0}, syn1 == null ? null : new float[][] {syn1},
        syn1neg == null ? null : new float[][] {syn1neg});
  }

  /** True when the matrices are split into several arrays (more than 2^31 floats each). */
  public boolean chunked() {
    return syn0Chunks.length > 1;
  }

  /** The array holding row w of a matrix given as chunks. */
  public float[] array(float[][] chunks, int w) {
    return chunks[w >>> chunkShift];
  }

  /** The offset of row w in {@link #array}. */
  public int offset(int w) {
    return (w & chunkMask) * stride;
  }

  /** Bytes the matrices need. */
  public static long bytesNeeded(long vocabSize, long size, boolean hs, boolean negative) {
    return vocabSize * size * 4L * (1 + (hs ? 1 : 0) + (negative ? 1 : 0));
  }

  /**
   * Allocates after checking that the matrices fit: a message saying how much memory is needed, before
   * allocating, rather than an OutOfMemoryError halfway.
   */
  public static Model allocate(int vocabSize, int size, int stride, boolean hs, boolean negative) {
    return allocate(vocabSize, size, stride, hs, negative, Integer.getInteger("w2v.modelChunkFloats", 0));
  }

  /**
   * As {@link #allocate(int, int, int, boolean, boolean)}; a positive {@code chunkFloats} splits the matrices into
   * chunks of at most that many floats even when they would fit one array (tests use it to exercise chunks).
   */
  public static Model allocate(int vocabSize, int size, int stride, boolean hs, boolean negative, int chunkFloats) {
    long elements = (long) vocabSize * stride;
    long need = bytesNeeded(vocabSize, stride, hs, negative);
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (need > free) {
      throw new W2vException(W2vException.Kind.MEMORY,
          String.format("model needs %,d MB (%d words x -size %d) but only %,d MB of Java heap is free: %s;"
              + " or lower -size / raise -min-count", need >> 20, vocabSize, size, free >> 20,
              HeapLimit.describe((need >> 30) + 2)));
    }
    int shift = 31;
    if (chunkFloats > 0 || elements > Integer.MAX_VALUE - 8) {
      int max = chunkFloats > 0 ? chunkFloats : MAX_CHUNK_FLOATS;
      shift = 31 - Integer.numberOfLeadingZeros(Math.max(1, max / stride)); // a power of two of rows per chunk
    }
    try {
      return new Model(vocabSize, size, stride, shift, chunks(vocabSize, stride, shift),
          hs ? chunks(vocabSize, stride, shift) : null, negative ? chunks(vocabSize, stride, shift) : null);
    } catch (OutOfMemoryError e) {
      throw new W2vException(W2vException.Kind.MEMORY,
          String.format("out of memory allocating the model (%,d MB): %s", need >> 20,
              HeapLimit.describe((need >> 30) + 2)));
    }
  }

  private static float[][] chunks(int rows, int stride, int shift) {
    if (shift >= 31) {
      return new float[][] {new float[rows * stride]};
    }
    int per = 1 << shift;
    int n = (int) ((rows + (long) per - 1) / per);
    float[][] c = new float[n][];
    for (int k = 0; k < n; k++) {
      c[k] = new float[Math.min(per, rows - k * per) * stride];
    }
    return c;
  }

  /** InitNet: {@code syn0 = (((r & 0xFFFF) / (real)65536) - 0.5) / layer1_size} with r an LCG from 1. */
  public void initSyn0() {
    initSyn0(RunConfig.WORD2VEC_SEED);
  }

  /** InitNet with the generator started at {@code seed} (word2vec.c: 1). */
  public void initSyn0(long seed) {
    long nextRandom = seed;
    for (int a = 0; a < vocabSize; a++) {
      for (int b = 0; b < size; b++) {
        nextRandom = nextRandom * 25214903917L + 11;
        syn0Chunks[a >>> chunkShift][(a & chunkMask) * stride + b] = (float) ((((nextRandom & 0xFFFF) / (float) 65536) - 0.5) / size);
      }
    }
  }
}
