// `w2v train`'s subword flags (fastText's names): a mixin, so the train command only passes them on.
package dev.w2v.cli;

import dev.w2v.io.W2vException;
import dev.w2v.train.SubwordConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** -minn, -maxn, -bucket and -save-fasttext, into a {@link SubwordConfig}. */
public final class SubwordOptions {
  @Option(names = "-minn", paramLabel = "INT",
      description = "Subwords: min length of character n-grams (default 3 when -maxn > 0).")
  Integer minn;

  @Option(names = "-maxn", paramLabel = "INT",
      description = "Subwords: max length of character n-grams (default 0: no subwords, word2vec's model; fastText"
          + " uses 6). With -maxn > 0 a word's vector is the mean of its own row and its n-grams' rows, as fastText;"
          + " -alpha then defaults to 0.05 (fastText's -lr) for skip-gram too.")
  int maxn = 0;

  @Option(names = "-bucket", paramLabel = "INT",
      description = "Subwords: number of hash buckets for the n-grams (default 2000000 when -maxn > 0).")
  Integer bucket;

  @Option(names = "-save-fasttext", paramLabel = "FILE",
      description = "Subwords: also save the whole model in fastText's .bin format (version 12) to FILE, for"
          + " fasttext, gensim and w2v's queries on words outside the vocabulary.")
  Path saveFastText;

  /** The validated settings; -minn / -bucket without -maxn > 0 is refused rather than ignored. */
  SubwordConfig config() {
    if (maxn == 0 && (minn != null || bucket != null)) {
      throw W2vException.usage((minn != null ? "-minn" : "-bucket") + " needs subwords on: give -maxn N too"
          + " (fastText's default is 6)");
    }
    return new SubwordConfig(minn != null ? minn : Math.min(SubwordConfig.DEFAULT_MINN, Math.max(maxn, 1)), maxn,
        bucket != null ? bucket : SubwordConfig.DEFAULT_BUCKET, saveFastText);
  }
}
