// word2vec.c's CreateBinaryTree: Huffman codes and inner-node paths for hierarchical softmax.
package dev.w2v.vocab;

/**
 * For word w: {@code codeLen(w)} bits {@code code(w, d)} (root first) and the inner nodes {@code point(w, d)} on
 * the path (indices into syn1, 0 .. V-2), flattened into arrays at {@code offset(w)}. Built with the original's
 * two-pointer merge over counts sorted descending, so ties resolve as in word2vec.c.
 */
public final class HuffmanTree {
  /** word2vec.c's MAX_CODE_LENGTH. */
  public static final int MAX_CODE_LENGTH = 40;

  private final int[] offset; // (V+1)
  private final byte[] codes;
  private final int[] points;

  private HuffmanTree(int[] offset, byte[] codes, int[] points) {
    this.offset = offset;
    this.codes = codes;
    this.points = points;
  }

  public static HuffmanTree build(long[] cn) {
    int v = cn.length;
    long[] count = new long[v * 2 + 1];
    long[] binary = new long[v * 2 + 1];
    long[] parent = new long[v * 2 + 1];
    System.arraycopy(cn, 0, count, 0, v);
    // word2vec.c fills the not-yet-built inner nodes with 1e15, so a word counted 1e15 times or more was merged
    // with a node that did not exist yet: the parent links formed a cycle and the path walk below never ended.
    // Long.MAX_VALUE orders exactly as 1e15 for every smaller count (the same tree, bit for bit) and above any
    // real count; the sums saturate below it.
    for (int a = v; a < v * 2; a++) {
      count[a] = Long.MAX_VALUE;
    }
    long pos1 = v - 1;
    long pos2 = v;
    long min1i;
    long min2i;
    for (int a = 0; a < v - 1; a++) {
      if (pos1 >= 0 && count[(int) pos1] < count[(int) pos2]) {
        min1i = pos1--;
      } else {
        min1i = pos2++;
      }
      if (pos1 >= 0 && count[(int) pos1] < count[(int) pos2]) {
        min2i = pos1--;
      } else {
        min2i = pos2++;
      }
      long sum = count[(int) min1i] + count[(int) min2i];
      count[v + a] = sum < 0 || sum == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : sum; // saturated: counts are >= 0
      parent[(int) min1i] = v + a;
      parent[(int) min2i] = v + a;
      binary[(int) min2i] = 1;
    }
    // first walk: each word's code length (steps from the word to the root), to size the flat arrays
    int[] offset = new int[v + 1];
    int total = 0;
    int longest = 0;
    for (int a = 0; a < v; a++) {
      int i = 0;
      long b = a;
      do {
        i++;
        b = parent[(int) b];
      } while (b != v * 2L - 2);
      offset[a] = total;
      total += i + 1; // point has codelen + 1 entries in word2vec.c
      longest = Math.max(longest, i);
    }
    offset[v] = total;
    byte[] codes = new byte[total];
    int[] points = new int[total];
    byte[] code = new byte[longest];
    long[] point = new long[longest];
    for (int a = 0; a < v; a++) {
      long b = a;
      int i = 0;
      do {
        code[i] = (byte) binary[(int) b];
        point[i] = b;
        i++;
        b = parent[(int) b];
      } while (b != v * 2L - 2);
      int o = offset[a];
      points[o] = v - 2;
      for (int k = 0; k < i; k++) {
        codes[o + i - k - 1] = code[k];
        points[o + i - k] = (int) (point[k] - v);
      }
    }
    return new HuffmanTree(offset, codes, points);
  }

  public int codeLen(int w) {
    return offset[w + 1] - offset[w] - 1;
  }

  public int offset(int w) {
    return offset[w];
  }

  public byte[] codes() {
    return codes;
  }

  public int[] points() {
    return points;
  }

  /** Longest code, which word2vec.c caps at MAX_CODE_LENGTH. */
  public int maxCodeLen() {
    int m = 0;
    for (int w = 0; w + 1 < offset.length; w++) {
      m = Math.max(m, codeLen(w));
    }
    return m;
  }
}
