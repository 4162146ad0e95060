// Names what a file that is not a vector file seems to be, from its first bytes, for the refusal message.
package dev.w2v.vectors;

import java.nio.charset.StandardCharsets;

/** Recognises the files people mistake for vector files: gensim's pickles and NumPy arrays, archives, HDF5. */
final class LooksLike {
  private LooksLike() {}

  /** What {@code head[0..n)} looks like, as a phrase with advice, or null if nothing known. */
  static String describe(byte[] head, int n) {
    if (n >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
      return "a Python pickle, such as gensim's model.save() or KeyedVectors.save() write (with the vectors in"
          + " .npy files beside it); in gensim, write word vectors with"
          + " model.wv.save_word2vec_format(\"vectors.bin\", binary=True)";
    }
    if (n >= 6 && (head[0] & 0xff) == 0x93 && startsWith(head, n, 1, "NUMPY")) {
      return "a NumPy array (.npy), such as the .vectors.npy that gensim's save() writes beside its pickle: it holds"
          + " no words; load the model in gensim and write model.wv.save_word2vec_format(\"vectors.bin\","
          + " binary=True)";
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4
        || head[3] == 6)) {
      return zipEntryEndsWith(head, n, ".npy")
          ? "a NumPy .npz archive (arrays without words)"
          : "a zip archive: unpack it first (unzip -p FILE | w2v ... -vectors -)";
    }
    if (n >= 8 && (head[0] & 0xff) == 0x89 && startsWith(head, n, 1, "HDF\r\n\u001a\n")) {
      return "an HDF5 file (Keras or h5py weights?), which holds no word list";
    }
    if (n >= 4 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x9d) {
      return "Unix compress (.Z) data: decompress it first (zcat FILE | w2v ... -vectors -)";
    }
    if (n >= 6 && startsWith(head, n, 0, "7z\u00bc\u00af\u0027\u001c")) {
      return "a 7-Zip archive: unpack it first";
    }
    if (n >= 262 && startsWith(head, n, 257, "ustar")) {
      return "a tar archive: unpack it first (tar -xOf FILE NAME | w2v ... -vectors -)";
    }
    if (n >= 1 && (head[0] == '{' || head[0] == '[')) {
      return "JSON, not a vector file";
    }
    return null;
  }

  private static boolean startsWith(byte[] head, int n, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (at + b.length > n) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      if (head[at + i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean zipEntryEndsWith(byte[] head, int n, String suffix) {
    if (n < 30 || head[2] != 3) {
      return false;
    }
    int len = (head[26] & 0xff) | (head[27] & 0xff) << 8;
    if (30 + len > n) {
      return false;
    }
    return new String(head, 30, len, StandardCharsets.ISO_8859_1).endsWith(suffix);
  }
}
