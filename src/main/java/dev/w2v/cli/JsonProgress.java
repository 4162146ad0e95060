// `-progress json`: a training run's events as newline-delimited JSON objects on stderr, for programs.
package dev.w2v.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.w2v.train.RunConfig;
import dev.w2v.train.TrainConfig;
import dev.w2v.train.TrainListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * One JSON object per line per event, written with Jackson's streaming generator: {@code vocab_scan},
 * {@code vocabulary}, {@code start}, {@code progress} (every second), {@code epoch}, {@code kmeans}, {@code done};
 * the fields are listed in the README. The {@code -debug} levels apply as to text. Numbers that are not finite
 * (a loss with nothing measured yet, a time left not yet known) are written as {@code null}.
 */
final class JsonProgress implements TrainListener {
  private final PrintWriter err;
  private final int debug;

  JsonProgress(PrintWriter err, int debug) {
    this.err = err;
    this.debug = debug;
  }

  @Override
  public long progressMillis() {
    return debug >= 2 ? 1000 : 0;
  }

  /** Writes one event, one line (through {@link Json}): {@code body} adds the fields after {@code "event"}. */
  private void emit(String event, Json.Body body) {
    Json.line(err, g -> {
      g.writeStartObject();
      g.writeStringField("event", event);
      body.write(g);
      g.writeEndObject();
    });
    err.flush();
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    Json.number(g, v); // null if not finite
  }

  private static void path(JsonGenerator g, String name, Path p) throws IOException {
    if (p == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, p.toString());
    }
  }

  @Override
  public void vocabScan(VocabScan s) {
    if (debug >= 2) {
      emit("vocab_scan", g -> {
        g.writeNumberField("bytes", s.bytesRead());
        if (s.bytesTotal() >= 0) {
          g.writeNumberField("bytes_total", s.bytesTotal());
        } else {
          g.writeNullField("bytes_total");
        }
        g.writeNumberField("words", s.words());
        number(g, "elapsed_s", s.seconds());
      });
    }
  }

  @Override
  public void vocabulary(int vocabSize, long trainWords) {
    if (debug >= 1) {
      emit("vocabulary", g -> {
        g.writeNumberField("vocab_size", vocabSize);
        g.writeNumberField("train_words", trainWords);
      });
    }
  }

  @Override
  public void started(Start s) {
    if (debug >= 1) {
      TrainConfig c = s.config();
      emit("start", g -> {
        g.writeStringField("mode", c.cbow() ? "cbow" : "skip-gram");
        g.writeNumberField("size", c.size());
        g.writeNumberField("window", c.window());
        g.writeNumberField("negative", c.negative());
        g.writeNumberField("hs", c.hs());
        g.writeNumberField("sample", c.sample());
        g.writeNumberField("alpha", c.alpha());
        g.writeNumberField("min_count", c.minCount());
        g.writeNumberField("iter", c.iter());
        g.writeNumberField("threads", c.threads());
        g.writeBooleanField("reference", c.reference());
        g.writeBooleanField("shared_negatives", c.sharedNegatives());
        g.writeNumberField("classes", c.classes());
        g.writeBooleanField("binary", c.binary());
        g.writeStringField("kernels", s.simd() ? "simd" : "scalar");
        g.writeNumberField("seed", s.run() != null ? s.run().seed() : RunConfig.WORD2VEC_SEED);
        path(g, "init_model", s.run() != null ? s.run().initModel() : null);
        path(g, "resume", s.run() != null ? s.run().resume() : null);
        path(g, "train", c.train());
        path(g, "output", c.output());
        path(g, "read_vocab", c.readVocab());
        g.writeNumberField("vocab_size", s.vocabSize());
        g.writeNumberField("train_words", s.trainWords());
      });
    }
  }

  @Override
  public void progress(Update u) {
    if (debug >= 2) {
      emit("progress", g -> {
        g.writeNumberField("epoch", u.epoch());
        g.writeNumberField("epochs", u.epochs());
        g.writeNumberField("progress", u.progress());
        g.writeNumberField("words", u.words());
        g.writeNumberField("words_total", u.wordsTotal());
        number(g, "words_per_sec", u.wordsPerSec());
        g.writeNumberField("alpha", u.alpha());
        number(g, "loss", u.loss());
        number(g, "eta_s", u.etaSeconds());
        number(g, "elapsed_s", u.seconds());
      });
    }
  }

  @Override
  public void epoch(Epoch e) {
    if (debug >= 2) {
      emit("epoch", g -> {
        g.writeNumberField("epoch", e.epoch());
        g.writeNumberField("epochs", e.epochs());
        number(g, "loss", e.loss());
        g.writeNumberField("predictions", e.predictions());
        number(g, "seconds", e.seconds());
      });
    }
  }

  @Override
  public void kmeans(int iteration, int iterations) {
    if (debug >= 2) {
      emit("kmeans", g -> {
        g.writeNumberField("iteration", iteration);
        g.writeNumberField("iterations", iterations);
      });
    }
  }

  @Override
  public void finished(Summary s) {
    if (debug >= 1) {
      PeakMemory peak = PeakMemory.read();
      emit("done", g -> {
        g.writeNumberField("vocab_size", s.vocabSize());
        g.writeNumberField("train_words", s.trainWords());
        g.writeNumberField("words", s.wordsTrained());
        g.writeNumberField("epochs", s.epochLoss().length);
        g.writeNumberField("epochs_trained", s.epochsTrained());
        g.writeArrayFieldStart("epoch_loss");
        for (double l : s.epochLoss()) {
          if (Double.isFinite(l)) {
            g.writeNumber(l);
          } else {
            g.writeNull();
          }
        }
        g.writeEndArray();
        number(g, "train_s", s.trainSeconds());
        number(g, "elapsed_s", s.seconds());
        g.writeArrayFieldStart("outputs");
        for (Path p : s.outputs()) {
          g.writeString(p.toString());
        }
        g.writeEndArray();
        g.writeNumberField("peak_memory_bytes", peak.bytes());
        g.writeStringField("peak_memory_source", peak.source());
      });
    }
  }
}
