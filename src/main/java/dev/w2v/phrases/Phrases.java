// Runs `w2v phrases`: one or more word2phrase passes over files, the last one written atomically.
package dev.w2v.phrases;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.InputFiles;
import dev.w2v.io.W2vException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pass 1 reads the corpus, pass k reads pass k-1's output from a temporary file beside the output (deleted as soon
 * as the next pass has read it, and on exit). Each pass reads its input twice, as word2phrase.c does: once to count,
 * once to write. Nothing is written to the output path until the last pass has finished.
 */
public final class Phrases {
  private Phrases() {}

  /** Summary of one pass, for the log and for tests. */
  public record PassResult(long trainWords, int seen, int kept, long joined) {}

  /**
   * Runs every pass of {@code config}. {@code log} (stderr) gets progress and statistics as {@code -debug} asks;
   * may be null.
   */
  public static PassResult[] run(PhrasesConfig config, PrintWriter log) {
    return run(config, log, false);
  }

  /**
   * As {@link #run(PhrasesConfig, PrintWriter)}; {@code tty} says whether {@code log} is a terminal, where the
   * word count may update in place (anywhere else it is a plain line every 10 seconds).
   */
  public static PassResult[] run(PhrasesConfig config, PrintWriter log, boolean tty) {
    Path train = InputFiles.requireReadable(config.train(), "training file");
    if (!Files.isRegularFile(train)) {
      throw W2vException.badInput("training file " + train + " is not a regular file (it is read twice)");
    }
    AtomicFile.checkWritable(config.output(), "output file");
    int passes = config.passes().size();
    int debug = log == null ? 0 : config.debug();
    ProgressLine progress = debug > 1 ? new ProgressLine(log, tty) : null;
    PassResult[] results = new PassResult[passes];
    Path input = train;
    Path temp = null; // the previous pass's output when it is a temporary file
    try {
      for (int k = 0; k < passes; k++) {
        PhrasesConfig.Pass pass = config.passes().get(k);
        String what = k == 0 ? "training file " + train : "pass " + k + " output " + input;
        if (debug > 0) {
          if (passes > 1) {
            log.printf("Pass %d of %d (min-count %d, threshold %s): ", k + 1, passes, pass.minCount(),
                pass.threshold());
          }
          log.println(k == 0 ? "Starting training using file " + train : "reading the output of pass " + k);
          log.flush();
        }
        Word2Phrase.Vocab vocab;
        try (InputStream in = open(input, what)) {
          vocab = Word2Phrase.learn(in, pass.minCount(), progress, Word2Phrase.REDUCE_ABOVE);
        } catch (IOException e) {
          throw readError(what, e);
        }
        if (k == 0 && vocab.trainWords() == 0) {
          throw W2vException.badInput("training file " + train + " contains no words");
        }
        if (debug > 0) {
          end(progress);
          log.printf("Vocab size (unigrams + bigrams): %d of %d seen%n", vocab.kept(), vocab.seen());
          log.printf("Words in train file: %d%n", vocab.trainWords());
          log.flush();
        }
        long joined;
        if (k == passes - 1) {
          try (AtomicFile out = AtomicFile.create(config.output(), "output file")) {
            joined = writePass(input, what, out.stream(), "output file " + config.output(), vocab, pass, progress);
            out.commit();
          }
        } else {
          Path next = createTemp(config.output(), k + 1);
          try {
            try (OutputStream out = Files.newOutputStream(next)) {
              joined = writePass(input, what, out, "temporary file " + next, vocab, pass, progress);
            } catch (IOException e) {
              throw W2vException.io("cannot write temporary file " + next + ": " + AtomicFile.reason(e), e);
            }
          } catch (RuntimeException | Error e) {
            delete(next);
            throw e;
          }
          delete(temp);
          temp = next;
          input = next;
        }
        if (debug > 0) {
          end(progress);
          log.printf("Joined %d pairs%n", joined);
          log.flush();
        }
        results[k] = new PassResult(vocab.trainWords(), vocab.seen(), vocab.kept(), joined);
      }
    } finally {
      delete(temp);
    }
    return results;
  }

  private static void end(ProgressLine progress) {
    if (progress != null) {
      progress.end();
    }
  }

  private static long writePass(
      Path input, String what, OutputStream out, String outWhat, Word2Phrase.Vocab vocab, PhrasesConfig.Pass pass,
      ProgressLine progress) {
    try (InputStream in = open(input, what)) {
      return Word2Phrase.write(
          in, new NamedOutput(out, outWhat), vocab, pass.minCount(), pass.threshold(), progress);
    } catch (IOException e) {
      throw readError(what, e);
    }
  }

  private static InputStream open(Path path, String what) {
    try {
      return new NamedInput(Files.newInputStream(path), what);
    } catch (IOException e) {
      throw readError(what, e);
    }
  }

  private static W2vException readError(String what, IOException e) {
    return W2vException.io("cannot read " + what + ": " + AtomicFile.reason(e), e);
  }

  private static Path createTemp(Path output, int pass) {
    Path abs = output.toAbsolutePath();
    try {
      Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".pass" + pass + ".", ".tmp");
      temp.toFile().deleteOnExit();
      return temp;
    } catch (IOException e) {
      throw W2vException.io("cannot create a temporary file beside " + output + ": " + AtomicFile.reason(e), e);
    }
  }

  private static void delete(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // deleteOnExit is the fallback
    }
  }

  /** Turns a failed read into a one-line error naming the file. */
  private static final class NamedInput extends FilterInputStream {
    private final String what;

    NamedInput(InputStream in, String what) {
      super(in);
      this.what = what;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw readError(what, e);
      }
    }
  }

  /** Turns a failed write into a one-line error naming the file. */
  private static final class NamedOutput extends FilterOutputStream {
    private final String what;

    NamedOutput(OutputStream out, String what) {
      super(out);
      this.what = what;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw W2vException.io("cannot write " + what + ": " + AtomicFile.reason(e), e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw W2vException.io("cannot write " + what + ": " + AtomicFile.reason(e), e);
      }
    }
  }
}
