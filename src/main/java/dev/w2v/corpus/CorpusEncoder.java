// Builds the EncodedCorpus: ids recorded during the vocabulary scan, or a second pass; both spill to disk.
package dev.w2v.corpus;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.Inputs;
import dev.w2v.io.TempFiles;
import dev.w2v.io.W2vException;
import dev.w2v.vocab.ByteWords;
import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.Vocabulary;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tokenises once. {@link Recorder} captures provisional ids while the vocabulary is counted, so the text is read
 * only once (which standard input and pipes require); past its memory budget it spills them to a temporary file,
 * renumbered in place when the vocabulary is final. When a ReduceVocab renumbers the words during the scan, a
 * rereadable input is simply encoded again by {@link #encode} (as with -read-vocab); an input that cannot be read
 * again has its tokens kept as bytes in a temporary file instead, which is then encoded under the final vocabulary,
 * so every word word2vec.c's second pass would find is found.
 */
public final class CorpusEncoder {
  private CorpusEncoder() {}

  /** Records provisional ids during the scan. */
  public static final class Recorder implements VocabBuilder.TokenSink {
    private final long budgetBytes;
    private final Path tempDir;
    private final boolean rereadable;
    private IdStore ids;
    private ByteWords words; // set once a ReduceVocab switched the recording to bytes
    private OutputStream wordSpill;
    private Path wordSpillFile;
    private boolean abandoned;

    /** A recorder for a rereadable input that keeps everything in memory (tests). */
    public Recorder(long budgetBytes) {
      this(budgetBytes, null, true);
    }

    /**
     * @param tempDir where ids past the budget (and, for an input read once, the tokens after a ReduceVocab) go
     * @param rereadable whether the input can be read again: if so a ReduceVocab just abandons the recording
     */
    public Recorder(long budgetBytes, Path tempDir, boolean rereadable) {
      this.budgetBytes = budgetBytes;
      this.tempDir = tempDir;
      this.rereadable = rereadable;
      this.ids = new IdStore(budgetBytes, tempDir);
    }

    /** The memory budget of the ids, in bytes (past it they go to a temporary file). */
    public long budgetBytes() {
      return budgetBytes;
    }

    @Override
    public void accept(int provisionalIndex) {
      try {
        if (ids != null) {
          ids.add(provisionalIndex);
        } else if (words != null) {
          writeWord(wordSpill, words, provisionalIndex);
        }
      } catch (IOException e) {
        throw spillError(e);
      }
    }

    @Override
    public boolean reducing(ByteWords current) {
      if (words != null) {
        return true; // already recording bytes, which no renumbering changes
      }
      if (rereadable || ids == null) {
        discard();
        abandoned = true;
        return false;
      }
      // the ids so far index `current` as it is now: write them out as bytes, then record bytes from here on
      try {
        wordSpillFile = createTemp(tempDir, "words");
        wordSpill = new SpillOutput(new BufferedOutputStream(Files.newOutputStream(wordSpillFile), 1 << 20),
            wordSpillFile);
        EncodedCorpus recorded = ids.finish();
        ids = null;
        int[] buf = new int[1 << 16];
        long pos = 0;
        int n;
        while ((n = recorded.read(pos, buf, 0, buf.length)) > 0) {
          for (int i = 0; i < n; i++) {
            writeWord(wordSpill, current, buf[i]);
          }
          pos += n;
        }
        recorded.close();
        words = current;
        return true;
      } catch (IOException e) {
        throw spillError(e);
      }
    }

    /** True when the recording was given up and the input must be encoded again with {@link #encode}. */
    public boolean abandoned() {
      return abandoned;
    }

    /**
     * The encoded corpus under the final vocabulary, or null if the recording was abandoned.
     *
     * @param provisionalToFinal the builder's index map (from {@link VocabBuilder#build})
     */
    public EncodedCorpus finish(int[] provisionalToFinal, Vocabulary vocab) {
      if (abandoned) {
        return null;
      }
      try {
        if (ids != null) {
          EncodedCorpus c = ids.finishRemapped(provisionalToFinal);
          ids = null;
          return c;
        }
        wordSpill.close();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(wordSpillFile), 1 << 16)) {
          return encodeWords(in, vocab, budgetBytes, tempDir);
        } finally {
          TempFiles.delete(wordSpillFile);
        }
      } catch (IOException e) {
        throw spillError(e);
      }
    }

    /** Same as {@link #finish(int[], Vocabulary)} for a recording that cannot have switched to bytes. */
    public EncodedCorpus finish(int[] provisionalToFinal) {
      return finish(provisionalToFinal, null);
    }

    /** Deletes whatever was spilled (on failure). */
    public void discard() {
      if (ids != null) {
        ids.discard();
        ids = null;
      }
      if (wordSpillFile != null) {
        try {
          wordSpill.close();
        } catch (IOException | RuntimeException ignored) {
          // failing anyway
        }
        TempFiles.delete(wordSpillFile);
      }
    }
  }

  /** Second pass: looks up every token of {@code file} in {@code vocab}, dropping out-of-vocabulary words. */
  public static EncodedCorpus encode(Path file, Vocabulary vocab, long budgetBytes, Path tempDir) {
    return encode(Inputs.of(file, "training file"), vocab, budgetBytes, tempDir);
  }

  /** Second pass over {@code inputs}, as {@link #encode(Path, Vocabulary, long, Path)}. */
  public static EncodedCorpus encode(Inputs inputs, Vocabulary vocab, long budgetBytes, Path tempDir) {
    int eos = vocab.index(Vocabulary.EOS, 0, Vocabulary.EOS.length);
    IdStore store = new IdStore(budgetBytes, tempDir);
    try (InputStream in = inputs.open()) {
      WordReader r = new WordReader(in, 100);
      byte[] w = r.word();
      while (true) {
        int len = r.next();
        if (len == WordReader.EOF) {
          break;
        }
        int id = len == WordReader.NEWLINE ? eos : vocab.index(w, 0, len);
        if (id >= 0) {
          store.add(id);
        }
      }
      return store.finish();
    } catch (IOException e) {
      store.discard();
      throw spillError(e);
    } catch (RuntimeException e) {
      store.discard();
      throw e;
    }
  }

  /** Bytes-recorded tokens (a length byte, then the word) looked up in the final vocabulary. */
  private static EncodedCorpus encodeWords(InputStream in, Vocabulary vocab, long budgetBytes, Path tempDir)
      throws IOException {
    IdStore store = new IdStore(budgetBytes, tempDir);
    byte[] w = new byte[256];
    try {
      int len;
      while ((len = in.read()) >= 0) {
        if (in.readNBytes(w, 0, len) != len) {
          throw new IOException("temporary word file is truncated");
        }
        int id = vocab.index(w, 0, len);
        if (id >= 0) {
          store.add(id);
        }
      }
      return store.finish();
    } catch (IOException | RuntimeException e) {
      store.discard();
      throw e;
    }
  }

  private static void writeWord(OutputStream out, ByteWords words, int id) throws IOException {
    int len = words.length(id); // at most MAX_STRING - 2 = 98
    out.write(len);
    out.write(words.arena(), words.start(id), len);
  }

  private static W2vException spillError(IOException e) {
    return W2vException.io("cannot write the encoded corpus to a temporary file: " + AtomicFile.reason(e), e);
  }

  /** A temporary file in {@code dir} (java.io.tmpdir if null), deleted on exit (see {@link TempFiles}). */
  private static Path createTemp(Path dir, String tag) {
    Path d = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
    try {
      return TempFiles.create(d, "corpus", tag);
    } catch (IOException e) {
      throw W2vException.io("cannot create the corpus spill file in " + d + ": " + AtomicFile.reason(e), e);
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

  /** Ids in memory up to a budget, then all of them in a temporary file of little-endian int32s. */
  private static final class IdStore {
    private final long budgetBytes;
    private final Path tempDir;
    private PackedIds mem = new PackedIds();
    private OutputStream spill;
    private Path spillFile;
    private final byte[] le = new byte[4];

    IdStore(long budgetBytes, Path tempDir) {
      this.budgetBytes = budgetBytes;
      this.tempDir = tempDir;
    }

    void add(int id) throws IOException {
      if (spill != null) {
        le[0] = (byte) id;
        le[1] = (byte) (id >>> 8);
        le[2] = (byte) (id >>> 16);
        le[3] = (byte) (id >>> 24);
        spill.write(le);
        return;
      }
      mem.add(id);
      if (mem.startedChunk() && mem.bytes() > budgetBytes) {
        spillFile = createTemp(tempDir, "ids");
        spill = new SpillOutput(new BufferedOutputStream(Files.newOutputStream(spillFile), 1 << 20), spillFile);
        writeAll(mem, spill);
        mem = null;
      }
    }

    EncodedCorpus finish() throws IOException {
      if (spill == null) {
        return mem;
      }
      spill.close();
      return new MappedIds(spillFile);
    }

    /** Replaces every id by {@code map[id]}, dropping those mapped to -1 (in place, in memory or on disk). */
    EncodedCorpus finishRemapped(int[] map) throws IOException {
      if (spill == null) {
        mem = mem.remapped(map);
        return mem;
      }
      spill.close();
      try (FileChannel ch = FileChannel.open(spillFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        ByteBuffer in = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long readPos = 0;
        long writePos = 0; // never passes readPos: the file is compacted as it is read
        long size = ch.size();
        while (readPos < size) {
          in.clear();
          while (in.hasRemaining() && readPos + in.position() < size) {
            if (ch.read(in, readPos + in.position()) < 0) {
              break;
            }
          }
          in.flip();
          readPos += in.remaining();
          out.clear();
          while (in.remaining() >= 4) {
            int m = map[in.getInt()];
            if (m >= 0) {
              out.putInt(m);
            }
          }
          out.flip();
          while (out.hasRemaining()) {
            writePos += ch.write(out, writePos);
          }
        }
        ch.truncate(writePos);
      }
      return new MappedIds(spillFile);
    }

    void discard() {
      mem = null;
      if (spillFile != null) {
        try {
          spill.close();
        } catch (IOException | RuntimeException ignored) {
          // failing anyway
        }
        TempFiles.delete(spillFile);
      }
    }
  }

  private static void writeAll(PackedIds mem, OutputStream out) throws IOException {
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
