// Test helper: reads a word2vec.c vectors file (binary or text) and answers cosine queries by brute force.
package dev.w2v.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Words and their unit-length vectors, flattened (V, size). Deliberately naive: it checks the trainer. */
final class LoadedVectors {
  final List<String> words;
  final int size;
  final float[] unit;
  final Map<String, Integer> index = new HashMap<>();

  LoadedVectors(List<String> words, int size, float[] raw) {
    this.words = words;
    this.size = size;
    this.unit = raw.clone();
    for (int i = 0; i < words.size(); i++) {
      index.putIfAbsent(words.get(i), i);
      double n = 0;
      for (int d = 0; d < size; d++) {
        n += (double) raw[i * size + d] * raw[i * size + d];
      }
      float inv = n > 0 ? (float) (1 / Math.sqrt(n)) : 0f;
      for (int d = 0; d < size; d++) {
        unit[i * size + d] *= inv;
      }
    }
  }

  /** Reads either format: binary when {@code binary}, else "%lf " text. */
  static LoadedVectors read(Path file, boolean binary) throws IOException {
    byte[] b = Files.readAllBytes(file);
    int pos = 0;
    int nl = indexOf(b, pos, (byte) '\n');
    String[] header = new String(b, 0, nl, StandardCharsets.US_ASCII).trim().split(" ");
    int v = Integer.parseInt(header[0]);
    int size = Integer.parseInt(header[1]);
    pos = nl + 1;
    List<String> words = new ArrayList<>(v);
    float[] m = new float[v * size];
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < v; i++) {
      int sp = indexOf(b, pos, (byte) ' ');
      words.add(new String(b, pos, sp - pos, StandardCharsets.UTF_8));
      pos = sp + 1;
      if (binary) {
        for (int d = 0; d < size; d++) {
          m[i * size + d] = le.getFloat(pos);
          pos += 4;
        }
        pos++; // '\n'
      } else {
        int end = indexOf(b, pos, (byte) '\n');
        String[] f = new String(b, pos, end - pos, StandardCharsets.US_ASCII).trim().split(" ");
        for (int d = 0; d < size; d++) {
          m[i * size + d] = Float.parseFloat(f[d]);
        }
        pos = end + 1;
      }
    }
    return new LoadedVectors(words, size, m);
  }

  private static int indexOf(byte[] b, int from, byte c) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    throw new IllegalStateException("truncated vectors file");
  }

  int id(String w) {
    Integer i = index.get(w);
    if (i == null) {
      throw new IllegalArgumentException("not in vocabulary: " + w);
    }
    return i;
  }

  float cosine(int a, int b) {
    float s = 0;
    for (int d = 0; d < size; d++) {
      s += unit[a * size + d] * unit[b * size + d];
    }
    return s;
  }

  /** The {@code k} words (ids) nearest to {@code q} (any vector) among ids below {@code limit}, skipping some. */
  int[] nearest(float[] q, int k, int limit, Set<Integer> skip) {
    int[] best = new int[k];
    float[] bestSim = new float[k];
    java.util.Arrays.fill(best, -1);
    java.util.Arrays.fill(bestSim, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < Math.min(limit, words.size()); i++) {
      if (skip.contains(i)) {
        continue;
      }
      float s = 0;
      for (int d = 0; d < size; d++) {
        s += unit[i * size + d] * q[d];
      }
      if (s > bestSim[k - 1]) {
        int j = k - 1;
        while (j > 0 && bestSim[j - 1] < s) {
          bestSim[j] = bestSim[j - 1];
          best[j] = best[j - 1];
          j--;
        }
        bestSim[j] = s;
        best[j] = i;
      }
    }
    return best;
  }

  float[] row(int i) {
    return java.util.Arrays.copyOfRange(unit, i * size, (i + 1) * size);
  }

  /** 3CosAdd: the word nearest to b - a + c (a is to b as c is to ?), excluding a, b and c. */
  String analogy(String a, String b, String c) {
    int ia = id(a);
    int ib = id(b);
    int ic = id(c);
    float[] q = new float[size];
    for (int d = 0; d < size; d++) {
      q[d] = unit[ib * size + d] - unit[ia * size + d] + unit[ic * size + d];
    }
    int[] n = nearest(q, 1, words.size(), Set.of(ia, ib, ic));
    return words.get(n[0]);
  }
}
