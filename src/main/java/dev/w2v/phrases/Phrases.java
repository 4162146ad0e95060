// Runs `w2v phrases`: one or more word2phrase passes over files, the last one written atomically.
package dev.w2v.phrases;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.Inputs;
import dev.w2v.io.NotAnInput;
import dev.w2v.io.TempFiles;
import dev.w2v.io.W2vException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pass 1 reads the corpus, pass k reads pass k-1's output from a temporary file beside the output (deleted as soon
 * as the next pass has read it, and on exit; see {@link TempFiles}). Each pass reads its input twice, as
 * word2phrase.c does: once to count, once to write. Nothing is written to the output path until the last pass has
 * finished.
 */
public final class Phrases {
  /** Each pass's statistics; the live progress lines go to the {@code log} writer. */
  private static final Logger LOG = LoggerFactory.getLogger(Phrases.class);

  private Phrases() {}

  /** Summary of one pass, for the log and for tests. */
  public record PassResult(long trainWords, int seen, int kept, long joined) {}

  /**
   * Runs every pass of {@code config}. {@code log} (stderr) gets progress and statistics as {@code -debug} asks;
   * may be null.
   */
  public static PassResult[] run(PhrasesConfig config, PrintWriter log) {
    return run(config, log, System.out);
  }

  /**
   * As {@link #run(PhrasesConfig, PrintWriter)}; with {@code -output -} the result goes to {@code stdout} (flushed,
   * not closed).
   */
  public static PassResult[] run(PhrasesConfig config, PrintWriter log, OutputStream stdout) {
    return run(config, log, stdout, false);
  }

  /**
   * As {@link #run(PhrasesConfig, PrintWriter, OutputStream)}; {@code tty} says whether {@code log} is a terminal,
   * where the word count may update in place (anywhere else it is a plain line every 10 seconds).
   */
  public static PassResult[] run(PhrasesConfig config, PrintWriter log, OutputStream stdout, boolean tty) {
    Inputs inputs = Inputs.expand(config.inputs(), "training file");
    NotAnInput.check(config.output(), "-output", inputs.files(), "the training file");
    if (!config.toStdout()) {
      AtomicFile.checkWritable(config.output(), "output file");
    }
    String train = inputs.describe();
    boolean oneFile = inputs.sources().size() == 1 && !inputs.sources().get(0).stdin();
    int passes = config.passes().size();
    int debug = log == null ? 0 : config.debug();
    ProgressLine progress = debug > 1 ? new ProgressLine(log, tty) : null;
    PassResult[] results = new PassResult[passes];
    Path input = null; // pass 1 reads `inputs` unless they were spooled; later passes read the previous output
    Path temp = null; // the previous pass's output (or the spooled input) when it is a temporary file
    try {
      if (!inputs.rereadable()) {
        // each pass reads its input twice: standard input and pipes are copied to a temporary file once
        temp = createTemp(config, 0);
        spool(inputs, temp);
        input = temp;
      }
      for (int k = 0; k < passes; k++) {
        PhrasesConfig.Pass pass = config.passes().get(k);
        String what = k == 0 ? "training file " + train : "pass " + k + " output " + input;
        Opener opener = opener(k == 0 && input == null ? inputs : null, input, what);
        if (debug > 0) {
          String source = k == 0 ? "Starting training using " + (oneFile ? "file " : "") + train
              : "reading the output of pass " + k;
          if (passes > 1) {
            LOG.info("Pass {} of {} (min-count {}, threshold {}): {}", k + 1, passes, pass.minCount(),
                pass.threshold(), source);
          } else {
            LOG.info(source);
          }
        }
        Word2Phrase.Vocab vocab;
        try (InputStream in = opener.open()) {
          vocab = Word2Phrase.learn(in, pass.minCount(), progress, Word2Phrase.REDUCE_ABOVE);
        } catch (IOException e) {
          throw readError(what, e);
        }
        if (k == 0 && vocab.trainWords() == 0) {
          throw W2vException.badInput("training file " + train + " contains no words");
        }
        if (debug > 0) {
          end(progress); // ends the progress line, if one was shown
          log.flush();
          LOG.info("Vocab size (unigrams + bigrams): {} of {} seen", vocab.kept(), vocab.seen());
          LOG.info("Words in train file: {}", vocab.trainWords());
        }
        long joined;
        if (k == passes - 1 && config.toStdout()) {
          NamedOutput out = new NamedOutput(new NonClosing(stdout), "standard output");
          joined = writePass(opener, what, out, "standard output", vocab, pass, progress);
          out.flush();
          if (stdout instanceof PrintStream && ((PrintStream) stdout).checkError()) {
            throw W2vException.io("cannot write standard output", null);
          }
        } else if (k == passes - 1) {
          try (AtomicFile out = AtomicFile.create(config.output(), "output file")) {
            joined = writePass(opener, what, out.stream(), "output file " + config.output(), vocab, pass, progress);
            out.commit();
          }
        } else {
          Path next = createTemp(config, k + 1);
          try {
            try (OutputStream out = Files.newOutputStream(next)) {
              joined = writePass(opener, what, out, "temporary file " + next, vocab, pass, progress);
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
          log.flush();
          LOG.info("Joined {} pairs", joined);
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
      Opener input, String what, OutputStream out, String outWhat, Word2Phrase.Vocab vocab, PhrasesConfig.Pass pass,
      ProgressLine progress) {
    try (InputStream in = input.open()) {
      return Word2Phrase.write(
          in, new NamedOutput(out, outWhat), vocab, pass.minCount(), pass.threshold(), progress);
    } catch (IOException e) {
      throw readError(what, e);
    }
  }

  /** Opens a pass's input afresh (each pass reads it twice). */
  private interface Opener {
    InputStream open();
  }

  /** The original inputs (decompressed, joined) if {@code inputs} is given, else the plain file {@code path}. */
  private static Opener opener(Inputs inputs, Path path, String what) {
    if (inputs != null) {
      return inputs::open;
    }
    return () -> {
      try {
        return new NamedInput(Files.newInputStream(path), what);
      } catch (IOException e) {
        throw readError(what, e);
      }
    };
  }

  /** Copies inputs that can be read only once (decompressed, joined) to {@code file}. */
  private static void spool(Inputs inputs, Path file) {
    try (InputStream in = inputs.open(); OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    } catch (IOException e) {
      throw W2vException.io("cannot write temporary file " + file + ": " + AtomicFile.reason(e), e);
    }
  }

  private static W2vException readError(String what, IOException e) {
    return W2vException.io("cannot read " + what + ": " + AtomicFile.reason(e), e);
  }

  /**
   * A temporary file beside the output (pass 0: the spooled input), or in java.io.tmpdir when the output is
   * standard output.
   */
  private static Path createTemp(PhrasesConfig config, int pass) {
    String name = pass == 0 ? "input" : "pass" + pass;
    try {
      if (config.toStdout()) {
        return TempFiles.create(Path.of(System.getProperty("java.io.tmpdir")), "w2v-phrases", name);
      }
      Path abs = config.output().toAbsolutePath();
      return TempFiles.create(abs.getParent(), abs.getFileName().toString(), name);
    } catch (IOException e) {
      String where = config.toStdout() ? "in " + System.getProperty("java.io.tmpdir") : "beside " + config.output();
      throw W2vException.io("cannot create a temporary file " + where + ": " + AtomicFile.reason(e), e);
    }
  }

  private static void delete(Path temp) {
    TempFiles.delete(temp);
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

  /** Standard output is not ours to close. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      // a PrintStream keeps its errors to itself: stop at the first (a closed pipe need not wait for the whole
      // corpus); checkError's flush costs nothing more, System.out flushes every write
      if (out instanceof PrintStream && ((PrintStream) out).checkError()) {
        throw W2vException.io("cannot write standard output", null);
      }
    }

    @Override
    public void close() throws IOException {
      out.flush();
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
