// Reference-mode token source: reads and looks up the text each epoch, from byte offset file_size / threads * id.
package dev.w2v.train;

import dev.w2v.corpus.WordReader;
import dev.w2v.vocab.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** word2vec.c's ReadWordIndex over the training file, starting where its fseek puts each thread. */
final class FileTokenSource implements TokenSource {
  private final FileChannel channel;
  private final long start;
  private final Vocabulary vocab;
  private final int eosIndex;
  private WordReader reader;

  FileTokenSource(Path file, long fileSize, int id, int threads, Vocabulary vocab) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.start = fileSize / threads * id;
    this.vocab = vocab;
    this.eosIndex = vocab.index(Vocabulary.EOS, 0, Vocabulary.EOS.length);
    rewind();
  }

  @Override
  public void rewind() throws IOException {
    channel.position(start);
    InputStream in = Channels.newInputStream(channel);
    reader = new WordReader(new NonClosing(in), 100);
  }

  @Override
  public int next() throws IOException {
    int len = reader.next();
    if (len == WordReader.EOF) {
      return EOF;
    }
    if (len == WordReader.NEWLINE) {
      return eosIndex;
    }
    return vocab.index(reader.word(), 0, len);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Lets a new reader be put over the channel without closing it. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
