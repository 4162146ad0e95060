// The checks `w2v train` makes on its inputs before any work: no output is an input; -reference 1's one plain file.
package dev.w2v.train;

import dev.w2v.io.CompressedInput;
import dev.w2v.io.Inputs;
import dev.w2v.io.NotAnInput;
import dev.w2v.io.W2vException;
import java.nio.file.Path;
import java.util.List;

/** Input checks of a training job. */
final class TrainInputs {
  private TrainInputs() {}

  /** Refuses an -output or -save-vocab that is one of the training files or the -read-vocab file. */
  static void checkOutputs(TrainConfig cfg, Inputs inputs) {
    List<Path> files = inputs.files();
    List<Path> vocab = cfg.readVocab() == null ? List.of() : List.of(cfg.readVocab());
    NotAnInput.check(cfg.output(), "-output", files, "the training file");
    NotAnInput.check(cfg.output(), "-output", vocab, "the -read-vocab file");
    NotAnInput.check(cfg.saveVocab(), "-save-vocab", files, "the training file");
    NotAnInput.check(cfg.saveVocab(), "-save-vocab", vocab, "the -read-vocab file");
  }

  /**
   * -reference 1 reads the corpus as word2vec.c does: one regular, uncompressed file, which each thread seeks into
   * at {@code file_size / threads * id}. Returns that file, or refuses anything else with one line.
   */
  static Path referenceFile(Inputs inputs) {
    String why = "-reference 1 reads one uncompressed, seekable file as word2vec.c does";
    String fix = " (give one plain file, or drop -reference 1)";
    List<Inputs.Source> sources = inputs.sources();
    if (sources.size() != 1) {
      throw W2vException.usage(why + "; got " + inputs.describe() + fix);
    }
    Inputs.Source s = sources.get(0);
    if (!s.regular()) {
      String kind = s.stdin() ? "standard input" : "training file " + s.name() + " (not a regular file)";
      throw W2vException.usage(why + "; " + kind + " is not seekable" + fix);
    }
    CompressedInput.Codec c = inputs.compression(s);
    if (c != null) {
      throw W2vException.usage(why + "; training file " + s.name() + " is " + c.label() + "-compressed" + fix);
    }
    return s.path();
  }
}
