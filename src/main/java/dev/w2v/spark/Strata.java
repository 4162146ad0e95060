// DSGD's stratum schedule: which partition holds which words' vectors in each sub-iteration.
package dev.w2v.spark;

/**
 * Input vectors (syn0) of word w live in partition {@code in(w)} for the whole run; output vectors (syn1neg) of
 * word c belong to bucket {@code out(c)}, and in sub-iteration t (over all epochs) bucket b sits in partition
 * {@code (b + t) mod K}. A (context w, centre c) pair is trained in the sub-iteration where its two rows meet,
 * {@code (out(c) + t) mod K == in(w)}: within each epoch's K sub-iterations that happens exactly once, so every
 * pair is visited once per epoch, as on one machine (Gemulla et al.'s strata, a cyclic Latin square). Both hashes
 * are salted with the seed, so word frequency does not decide the partition.
 */
final class Strata {
  private Strata() {}

  static int in(int w, int k, long seed) {
    return Math.floorMod(mix(w, seed), k);
  }

  static int out(int c, int k, long seed) {
    return Math.floorMod(mix(c, seed ^ 0x5DEECE66DL), k);
  }

  /** The partition that holds bucket {@code b} in sub-iteration {@code t}. */
  static int place(int b, long t, int k) {
    return (int) ((b + t) % k);
  }

  /** The partition a pair (context w, centre c) goes to in sub-iteration t, or -1 when it is not trained then. */
  static int pair(int w, int c, long t, int k, long seed) {
    int p = in(w, k, seed);
    return place(out(c, k, seed), t, k) == p ? p : -1;
  }

  /** A 64-bit finaliser (SplitMix64), folded to an int. */
  static int mix(long x, long seed) {
    long z = x + seed * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (int) (z ^ (z >>> 32)) & 0x7FFFFFFF;
  }

  static long seed(long... parts) {
    long s = 0x2545F4914F6CDD1DL;
    for (long p : parts) {
      s = mix(p, s) * 0x100000001B3L + s;
    }
    return s;
  }
}
