// The network's weights: syn0 (input vectors), syn1 (hierarchical softmax), syn1neg (negative sampling).
package dev.w2v.train;

import dev.w2v.io.W2vException;

/**
 * Flat row-major matrices of shape (V, size): row w starts at {@code w * stride} (padding columns stay zero). syn0 is initialised as
 * word2vec.c's InitNet does (its own LCG seeded with 1); syn1 and syn1neg start at zero. Threads update these
 * arrays without locks (Hogwild): races lose an occasional update, which SGD tolerates, as in the original.
 */
public final class Model {
  public final int vocabSize;
  public final int size;
  /** Floats between the starts of consecutive rows: {@code size}, or more so rows fill whole SIMD vectors. */
  public final int stride;
  public final float[] syn0;
  public final float[] syn1;
  public final float[] syn1neg;

  private Model(int vocabSize, int size, int stride, boolean hs, boolean negative) {
    this.vocabSize = vocabSize;
    this.size = size;
    this.stride = stride;
    int n = vocabSize * stride;
    this.syn0 = new float[n];
    this.syn1 = hs ? new float[n] : null;
    this.syn1neg = negative ? new float[n] : null;
  }

  private Model(int vocabSize, int size, int stride, float[] syn0, float[] syn1, float[] syn1neg) {
    this.vocabSize = vocabSize;
    this.size = size;
    this.stride = stride;
    this.syn0 = syn0;
    this.syn1 = syn1;
    this.syn1neg = syn1neg;
  }

  /** A model over existing matrices (each V * stride floats; syn1 / syn1neg may be null), as loaded from a file. */
  public static Model wrap(int vocabSize, int size, int stride, float[] syn0, float[] syn1, float[] syn1neg) {
    return new Model(vocabSize, size, stride, syn0, syn1, syn1neg);
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
    long elements = (long) vocabSize * stride;
    long need = bytesNeeded(vocabSize, stride, hs, negative);
    if (elements > Integer.MAX_VALUE - 8) {
      throw new W2vException(W2vException.Kind.MEMORY,
          String.format("model too large: it needs %,d MB (%d words x -size %d = %d floats per matrix, more than"
              + " one Java array holds: 2^31); lower -size or raise -min-count", need >> 20, vocabSize, size,
              elements));
    }
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (need > free) {
      throw new W2vException(W2vException.Kind.MEMORY,
          String.format("model needs %,d MB (%d words x -size %d) but only %,d MB of Java heap is free;"
              + " raise the heap (W2V_JAVA_OPTS=-Xmx%dg) or lower -size / raise -min-count",
              need >> 20, vocabSize, size, free >> 20, (need >> 30) + 2));
    }
    try {
      return new Model(vocabSize, size, stride, hs, negative);
    } catch (OutOfMemoryError e) {
      throw new W2vException(W2vException.Kind.MEMORY,
          String.format("out of memory allocating the model (%,d MB); raise the heap with W2V_JAVA_OPTS=-Xmx..",
              need >> 20));
    }
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
        syn0[a * stride + b] = (float) ((((nextRandom & 0xFFFF) / (float) 65536) - 0.5) / size);
      }
    }
  }
}
