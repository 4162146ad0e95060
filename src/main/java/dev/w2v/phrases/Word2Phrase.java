// One pass of word2phrase.c: count words and bigrams (LearnVocabFromTrainFile, SortVocab), then copy the text
// joining the pairs that score above the threshold (TrainModel).
package dev.w2v.phrases;

import dev.w2v.corpus.WordReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The two loops of word2phrase.c, byte for byte. A pair {@code a b} of adjacent words is written {@code a_b} when
 *
 * <pre>
 *   score = (count(a_b) - min_count) / count(a) / count(b) * train_words   (in float)   &gt; threshold
 * </pre>
 *
 * with both words and the bigram findable after {@link SortVocab} and both counts at least {@code min_count}.
 * A word just joined to its left neighbour cannot also join its right one in the same pass.
 */
public final class Word2Phrase {
  /** word2phrase.c's MAX_STRING: words keep at most 58 bytes, bigrams 59. */
  static final int MAX_STRING = 60;
  /** word2phrase.c's {@code vocab_hash_size * 0.7}: more entries than this trigger ReduceVocab. */
  static final long REDUCE_ABOVE = 350_000_000L;

  private static final byte[] EOS = {'<', '/', 's', '>'};
  private static final int PROGRESS_EVERY = 1_000_000;

  private Word2Phrase() {}

  /** The counts of one pass, after SortVocab: what TrainModel looks words and bigrams up in. */
  public static final class Vocab {
    final CountTable table;
    final long trainWords;
    final int seen;
    final int kept;

    Vocab(CountTable table, long trainWords, int seen, int kept) {
      this.table = table;
      this.trainWords = trainWords;
      this.seen = seen;
      this.kept = kept;
    }

    /** Words read (newlines excluded): word2phrase.c's {@code train_words}. */
    public long trainWords() {
      return trainWords;
    }

    /** Distinct words and bigrams counted (with {@code </s>}). */
    public int seen() {
      return seen;
    }

    /** Distinct words and bigrams that lookups can still find (count at least min-count). */
    public int kept() {
      return kept;
    }
  }

  /** LearnVocabFromTrainFile and SortVocab. {@code log} gets progress when {@code debug > 1}; may be null. */
  public static Vocab learn(InputStream in, int minCount, int debug, PrintWriter log) throws IOException {
    return learn(in, minCount, debug, log, REDUCE_ABOVE);
  }

  static Vocab learn(InputStream in, int minCount, int debug, PrintWriter log, long reduceAbove)
      throws IOException {
    return learn(in, minCount, debug > 1 && log != null ? new ProgressLine(log, false) : null, reduceAbove);
  }

  /** As {@link #learn(InputStream, int, int, PrintWriter)}, with progress to {@code progress} (null: none). */
  static Vocab learn(InputStream in, int minCount, ProgressLine progress, long reduceAbove) throws IOException {
    CountTable vocab = new CountTable();
    vocab.put(EOS, EOS.length, 0); // AddWordToVocab("</s>"), count 0
    WordReader reader = new WordReader(in, MAX_STRING);
    byte[] word = reader.word();
    byte[] lastWord = new byte[MAX_STRING];
    int lastLen = 0; // uninitialised stack memory in word2phrase.c: read as the empty string
    byte[] bigram = new byte[2 * MAX_STRING];
    long trainWords = 0;
    long minReduce = 1;
    int len;
    while ((len = reader.next()) != WordReader.EOF) {
      if (len == WordReader.NEWLINE) {
        continue; // the original's `start` flag never skips a bigram: pairs run across line ends
      }
      trainWords++;
      if (progress != null && trainWords % PROGRESS_EVERY == 0) {
        progress.update(String.format("Words processed: %dM     Vocab size: %dK", trainWords / 1_000_000,
            vocab.size() / 1000));
      }
      vocab.add(word, len);
      int b = joinBigram(bigram, lastWord, lastLen, word, len);
      System.arraycopy(word, 0, lastWord, 0, len);
      lastLen = len;
      vocab.add(bigram, b);
      if (vocab.size() > reduceAbove) {
        vocab.retainAbove(minReduce); // ReduceVocab
        minReduce++;
      }
    }
    int seen = vocab.size();
    int kept = SortVocab.apply(vocab, minCount);
    return new Vocab(vocab, trainWords, seen, kept);
  }

  /**
   * TrainModel's loop: copies {@code in} to {@code out}, one separator before each word ({@code '_'} when it
   * joins its left neighbour, else a space) and a newline for each newline. Returns the number of joins.
   */
  public static long write(
      InputStream in, OutputStream out, Vocab vocab, int minCount, float threshold, int debug, PrintWriter log)
      throws IOException {
    return write(in, out, vocab, minCount, threshold, debug > 1 && log != null ? new ProgressLine(log, false) : null);
  }

  /** As {@link #write(InputStream, OutputStream, Vocab, int, float, int, PrintWriter)}, with progress (or null). */
  static long write(InputStream in, OutputStream out, Vocab vocab, int minCount, float threshold,
      ProgressLine progress) throws IOException {
    CountTable table = vocab.table;
    float trainWords = (float) vocab.trainWords;
    WordReader reader = new WordReader(in, MAX_STRING);
    byte[] word = reader.word();
    int len = 0;
    byte[] lastWord = new byte[MAX_STRING];
    int lastLen;
    byte[] bigram = new byte[2 * MAX_STRING];
    byte[] buf = new byte[1 << 16];
    int n = 0; // bytes in buf
    long pa = 0;
    long pb = 0;
    long pab = 0;
    boolean lastFound = false; // li != -1
    long cn = 0;
    long joined = 0;
    while (true) {
      // strcpy(last_word, word): the previous token, "\n" after a newline
      if (len == WordReader.NEWLINE) {
        lastWord[0] = '\n';
        lastLen = 1;
      } else {
        System.arraycopy(word, 0, lastWord, 0, len);
        lastLen = len;
      }
      len = reader.next();
      if (len == WordReader.EOF) {
        break;
      }
      if (n > buf.length - MAX_STRING - 1) {
        out.write(buf, 0, n);
        n = 0;
      }
      if (len == WordReader.NEWLINE) {
        buf[n++] = '\n';
        continue;
      }
      cn++;
      if (progress != null && cn % PROGRESS_EVERY == 0) {
        progress.update(String.format("Words written: %dM", cn / 1_000_000));
      }
      boolean oov = false;
      long c = table.get(word, len);
      if (c < 0) {
        oov = true; // pb keeps its previous value, as in the original
      } else {
        pb = c;
      }
      if (!lastFound) {
        oov = true;
      }
      lastFound = c >= 0;
      int b = joinBigram(bigram, lastWord, lastLen, word, len);
      long cab = table.get(bigram, b);
      if (cab < 0) {
        oov = true;
      } else {
        pab = cab;
      }
      if (pa < minCount) {
        oov = true;
      }
      if (pb < minCount) {
        oov = true;
      }
      float score = oov ? 0f : (float) (pab - minCount) / (float) pa / (float) pb * trainWords;
      if (score > threshold) {
        buf[n++] = '_';
        pb = 0; // the joined word cannot join its right neighbour
        joined++;
      } else {
        buf[n++] = ' ';
      }
      System.arraycopy(word, 0, buf, n, len);
      n += len;
      pa = pb;
    }
    out.write(buf, 0, n);
    return joined;
  }

  /** {@code last + '_' + word} cut to {@code MAX_STRING - 1} bytes, into {@code bigram}; returns its length. */
  static int joinBigram(byte[] bigram, byte[] last, int lastLen, byte[] word, int len) {
    System.arraycopy(last, 0, bigram, 0, lastLen);
    bigram[lastLen] = '_';
    System.arraycopy(word, 0, bigram, lastLen + 1, len);
    return Math.min(lastLen + 1 + len, MAX_STRING - 1);
  }
}
