// Writes a synthetic word2vec.c binary vector file (random words and vectors) for load and query benchmarks.
// Usage: java scripts/GenVectors.java OUT.bin WORDS DIM [WORD,WORD,...]
// The optional comma-separated words name the first rows (so that a query such as `w2v similar king` finds its word);
// the other rows are named w<i>.
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

public final class GenVectors {
  public static void main(String[] args) throws IOException {
    long words = Long.parseLong(args[1]);
    int dim = Integer.parseInt(args[2]);
    String[] named = args.length > 3 ? args[3].split(",") : new String[0];
    long s = 0x9E3779B97F4A7C15L;
    ByteBuffer bb = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[0]), 1 << 20)) {
      out.write((words + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
      for (long i = 0; i < words; i++) {
        out.write(((i < named.length ? named[(int) i] : "w" + i) + " ").getBytes(StandardCharsets.UTF_8));
        bb.clear();
        for (int c = 0; c < dim; c++) {
          s ^= s << 13; s ^= s >>> 7; s ^= s << 17; // xorshift64
          bb.putFloat(((s >>> 40) / (float) (1 << 24)) * 2 - 1);
        }
        out.write(bb.array());
        out.write('\n');
      }
    }
  }
}
