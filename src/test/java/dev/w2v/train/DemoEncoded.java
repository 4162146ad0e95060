// The demo corpus scanned and encoded in memory, as the default pipeline does: a vocabulary and its encoded corpus
// for the trainer tests.
package dev.w2v.train;

import dev.w2v.corpus.CorpusEncoder;
import dev.w2v.corpus.DemoCorpus;
import dev.w2v.corpus.EncodedCorpus;
import dev.w2v.corpus.WordReader;
import dev.w2v.vocab.VocabBuilder;
import dev.w2v.vocab.Vocabulary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** A vocabulary (words of at least {@code minCount}) and the corpus encoded with its ids. */
record DemoEncoded(Vocabulary vocab, EncodedCorpus corpus) {
  /** {@code sentences} sentences of {@link DemoCorpus} drawn with {@code seed}. */
  static DemoEncoded of(int sentences, long seed, int minCount) throws IOException {
    StringWriter w = new StringWriter();
    DemoCorpus.write(w, sentences, seed);
    byte[] text = w.toString().getBytes(StandardCharsets.UTF_8);
    VocabBuilder b = new VocabBuilder();
    CorpusEncoder.Recorder recorder = new CorpusEncoder.Recorder(Long.MAX_VALUE);
    b.scan(new WordReader(new ByteArrayInputStream(text), 100), recorder);
    int[][] map = new int[1][];
    Vocabulary vocab = b.build(minCount, map);
    return new DemoEncoded(vocab, recorder.finish(map[0]));
  }
}
