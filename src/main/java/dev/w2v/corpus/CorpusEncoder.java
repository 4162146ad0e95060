// Builds the EncodedCorpus: ids recorded during the vocabulary scan, or a second pass that spills to disk.
package dev.w2v.corpus;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.TempFiles;
import dev.w2v.io.W2vException;
import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.Vocabulary;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tokenises once. {@link Recorder} captures provisional ids while the vocabulary is counted (so the text is read
 * only once); when that is impossible (a ReduceVocab renumbered the words, -read-vocab, or the ids outgrew their
 * memory budget) {@link #encode} makes a second pass, spilling to a memory-mapped temporary file past the budget.
 */
public final class CorpusEncoder {
  private CorpusEncoder() {}

  /** Records provisional ids during the scan, giving up past {@code budgetBytes}. */
  public static final class Recorder implements VocabBuilder.TokenSink {
    private IntChunks ids = new IntChunks();
    private final long budgetBytes;

    public Recorder(long budgetBytes) {
      this.budgetBytes = budgetBytes;
    }

    @Override
    public void accept(int provisionalIndex) {
      if (ids != null) {
        ids.add(provisionalIndex);
        if (ids.startedChunk() && ids.bytes() > budgetBytes) {
          ids = null;
        }
      }
    }

    @Override
    public void invalidate() {
      ids = null;
    }

    /** The encoded corpus under the final vocabulary, or null if recording was abandoned. */
    public EncodedCorpus finish(int[] provisionalToFinal) {
      if (ids == null) {
        return null;
      }
      ids.remapAndCompact(provisionalToFinal);
      IntChunks r = ids;
      ids = null;
      return r;
    }
  }

  /** Second pass: looks up every token of {@code file} in {@code vocab}, dropping out-of-vocabulary words. */
  public static EncodedCorpus encode(Path file, Vocabulary vocab, long budgetBytes, Path tempDir) {
    int eos = vocab.index(Vocabulary.EOS, 0, Vocabulary.EOS.length);
    IntChunks mem = new IntChunks();
    OutputStream spill = null;
    Path spillFile = null;
    byte[] le = new byte[4];
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      WordReader r = new WordReader(in, 100);
      byte[] w = r.word();
      while (true) {
        int len = r.next();
        if (len == WordReader.EOF) {
          break;
        }
        int id = len == WordReader.NEWLINE ? eos : vocab.index(w, 0, len);
        if (id < 0) {
          continue;
        }
        if (spill != null) {
          le[0] = (byte) id;
          le[1] = (byte) (id >>> 8);
          le[2] = (byte) (id >>> 16);
          le[3] = (byte) (id >>> 24);
          spill.write(le);
          continue;
        }
        mem.add(id);
        if (mem.startedChunk() && mem.bytes() > budgetBytes) {
          spillFile = createSpill(tempDir, file);
          spill = new SpillOutput(new BufferedOutputStream(Files.newOutputStream(spillFile), 1 << 20), spillFile);
          writeAll(mem, spill);
          mem = null;
        }
      }
      if (spill != null) {
        spill.close();
        spill = null;
        return new MappedIds(spillFile);
      }
      return mem;
    } catch (IOException e) {
      throw W2vException.io("cannot read training file " + file + ": " + AtomicFile.reason(e), e);
    } catch (RuntimeException | Error e) {
      if (spill != null) {
        try {
          spill.close();
        } catch (IOException | RuntimeException ignored) {
          // failing anyway
        }
      }
      TempFiles.delete(spillFile);
      throw e;
    }
  }

  private static Path createSpill(Path tempDir, Path corpus) {
    try {
      return TempFiles.create(tempDir, String.valueOf(corpus.getFileName()), "ids");
    } catch (IOException e) {
      throw W2vException.io("cannot create the corpus spill file in " + tempDir + ": " + AtomicFile.reason(e), e);
    }
  }

  /** Names the spill file, and what it is for, when writing it fails (a full disk, typically). */
  private static final class SpillOutput extends FilterOutputStream {
    private final Path path;

    SpillOutput(OutputStream out, Path path) {
      super(out);
      this.path = path;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    private W2vException failed(IOException e) {
      return W2vException.io("cannot write the corpus spill file " + path + ": " + AtomicFile.reason(e)
          + " (the encoded corpus goes there past its memory budget, a quarter of the heap; free space there,"
          + " or raise the heap with W2V_JAVA_OPTS=-Xmx...)", e);
    }
  }

  private static void writeAll(IntChunks mem, OutputStream out) throws IOException {
    int[] buf = new int[1 << 16];
    byte[] bytes = new byte[buf.length * 4];
    long pos = 0;
    while (true) {
      int n = mem.read(pos, buf, 0, buf.length);
      if (n == 0) {
        return;
      }
      for (int i = 0; i < n; i++) {
        int id = buf[i];
        bytes[4 * i] = (byte) id;
        bytes[4 * i + 1] = (byte) (id >>> 8);
        bytes[4 * i + 2] = (byte) (id >>> 16);
        bytes[4 * i + 3] = (byte) (id >>> 24);
      }
      out.write(bytes, 0, 4 * n);
      pos += n;
    }
  }
}
