// What `w2v train` shows while it runs: the header, the epochs and their loss, the summary, JSON lines for
// programs, plain lines when stderr is not a terminal, and a clear stop when training diverges.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.w2v.train.TrainConfig;
import dev.w2v.train.TrainListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainProgressTest {
  private static final Path DEMO = Path.of("data/demo.txt");
  @TempDir Path tmp;

  /** A flat JSON object's fields (arrays become lists), parsed with Jackson; fails on anything else. */
  static Map<String, Object> parse(String line) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(line)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken(), line);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          List<Object> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(p));
          }
          m.put(name, list);
        } else {
          m.put(name, value(p));
        }
      }
      assertEquals(null, p.nextToken(), "one object per line: " + line);
    }
    return m;
  }

  private static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new AssertionError("unexpected " + p.currentToken());
    }
  }

  @Test
  void jsonProgressIsOneParsableObjectPerLine() throws IOException {
    Path out = tmp.resolve("v.bin");
    TrainRun r = TrainRun.of("train", "-progress", "json", "-size", "16", "-iter", "2", "-threads", "2",
        "-seed", "7", "-output", out.toString(), DEMO.toString());
    assertEquals(0, r.code(), r::toString);
    List<Map<String, Object>> events = new ArrayList<>();
    for (String line : r.err().split("\n")) {
      events.add(parse(line));
    }
    List<Object> kinds = events.stream().map(e -> e.get("event")).toList();
    assertEquals("vocabulary", kinds.get(0), kinds::toString);
    assertEquals("start", kinds.get(1), kinds::toString);
    assertEquals("done", kinds.get(kinds.size() - 1), kinds::toString);
    Map<String, Object> start = events.get(1);
    for (String f : List.of("mode", "size", "window", "negative", "hs", "sample", "alpha", "min_count", "iter",
        "threads", "reference", "shared_negatives", "classes", "binary", "kernels", "seed", "train", "output")) {
      assertTrue(start.containsKey(f), "start lacks " + f + ": " + start);
    }
    assertEquals(16L, start.get("size"));
    assertEquals(7L, start.get("seed"));
    assertEquals("cbow", start.get("mode"));
    List<Map<String, Object>> epochs = events.stream().filter(e -> "epoch".equals(e.get("event"))).toList();
    assertEquals(2, epochs.size(), kinds::toString);
    for (int i = 0; i < 2; i++) {
      assertEquals((long) i + 1, epochs.get(i).get("epoch"));
      assertEquals(2L, epochs.get(i).get("epochs"));
      assertTrue((Double) epochs.get(i).get("loss") > 0);
    }
    Map<String, Object> done = events.get(events.size() - 1);
    @SuppressWarnings("unchecked")
    List<Object> loss = (List<Object>) done.get("epoch_loss");
    assertEquals(List.of(epochs.get(0).get("loss"), epochs.get(1).get("loss")), loss);
    assertTrue((Double) loss.get(1) < (Double) loss.get(0), "the loss falls: " + loss);
    assertEquals(2L, done.get("epochs"));
    assertEquals(2L, done.get("epochs_trained"));
    assertEquals(List.of(out.toString()), done.get("outputs"));
    assertTrue((Long) done.get("peak_memory_bytes") > 1 << 20, done::toString);
  }

  @Test
  void jsonModeKeepsDiagnosticsEvaluationAndErrorsInJson() throws IOException {
    Path pairs = tmp.resolve("pairs.tsv");
    java.nio.file.Files.writeString(pairs, "the of 5\nthe and 3\nof and 1\n");
    Path out = tmp.resolve("v.bin");
    TrainRun r = TrainRun.of("train", "-progress", "json", "-size", "16", "-iter", "2", "-threads", "1",
        "-checkpoint", tmp.resolve("ck.w2vm").toString(), "-eval-pairs", pairs.toString(),
        "-output", out.toString(), DEMO.toString());
    assertEquals(0, r.code(), r::toString);
    List<Object> kinds = new ArrayList<>();
    for (String line : r.err().split("\n")) {
      Map<String, Object> e = parse(line); // every line an object: no plain text mixed in
      kinds.add(e.get("event"));
      if ("log".equals(e.get("event"))) {
        assertTrue(e.get("message") instanceof String && e.get("level") instanceof String, line);
      }
    }
    assertEquals(2, kinds.stream().filter("eval"::equals).count(), kinds::toString);
    assertTrue(kinds.contains("log"), kinds::toString); // the checkpoint notes
    TrainRun bad = TrainRun.of("train", "-progress", "json", "-output", tmp.resolve("x.bin").toString(),
        tmp.resolve("missing.txt").toString());
    assertTrue(bad.code() != 0, bad::toString);
    Map<String, Object> error = parse(bad.err().strip());
    assertEquals("error", error.get("event"));
    assertEquals((long) bad.code(), error.get("exit_code"));
    assertTrue(((String) error.get("message")).contains("missing.txt"), error::toString);
  }

  @Test
  void jsonProgressEventHasTheDocumentedFields() throws IOException {
    StringWriter sw = new StringWriter();
    JsonProgress json = new JsonProgress(new PrintWriter(sw), 2);
    json.progress(new TrainListener.Update(2, 5, 0.25, 250, 1000, 1234.5, 0.02f, 2.5, Double.NaN, 1.5));
    json.progress(new TrainListener.Update(3, 5, 0.5, 500, 1000, 1234.5, 0.01f, Double.NaN, 12.0, 3.5));
    String[] lines = sw.toString().split("\n");
    assertEquals(2, lines.length);
    Map<String, Object> p = parse(lines[0]);
    assertEquals("progress", p.get("event"));
    assertEquals(2L, p.get("epoch"));
    assertEquals(5L, p.get("epochs"));
    assertEquals(0.25, p.get("progress"));
    assertEquals(250L, p.get("words"));
    assertEquals(1234.5, p.get("words_per_sec"));
    assertEquals(0.02, (Double) p.get("alpha"), 1e-7);
    assertEquals(2.5, p.get("loss"));
    assertTrue(p.containsKey("eta_s") && p.get("eta_s") == null, "unknown time left is null: " + lines[0]);
    Map<String, Object> q = parse(lines[1]);
    assertEquals(12.0, q.get("eta_s"));
    assertTrue(q.containsKey("loss") && q.get("loss") == null, lines[1]);
  }

  /** The summary lines TextProgress prints for a run that trained {@code loss.length - resumed} epochs. */
  private static String summary(double[] loss, long resumed) {
    StringWriter w = new StringWriter();
    new TextProgress(new PrintWriter(w, true), false, 1).finished(new TrainListener.Summary(10, 1000, 1000, loss,
        resumed, 2.0, 1.0, List.of()));
    return w.toString();
  }

  @Test
  void aResumedRunsSummarySaysWhichEpochsItTrainedAndEveryEpochsLoss() {
    String fresh = summary(new double[] {2.6, 2.5, 2.4197}, 0);
    assertTrue(fresh.startsWith("Trained 3 epochs, 1,000 words in 1.0 s: "), fresh);
    assertTrue(fresh.contains("Loss per epoch: 1: 2.6000 2: 2.5000 3: 2.4197\n"), fresh);
    String one = summary(new double[] {2.6, 2.5, 2.4197}, 2);
    assertTrue(one.startsWith("Trained 1 epoch (3 of 3; resumed after epoch 2), 1,000 words in 1.0 s: "), one);
    assertTrue(one.contains("Loss per epoch: 1: 2.6000 2: 2.5000 3: 2.4197\n"), one);
    String two = summary(new double[] {Double.NaN, 2.5, 2.4197}, 1);
    assertTrue(two.startsWith("Trained 2 epochs (2-3 of 3; resumed after epoch 1), "), two);
    assertTrue(two.contains("Loss per epoch: 1: - 2: 2.5000 3: 2.4197\n"), two);
  }

  @Test
  void textShowsHeaderEpochsAndSummaryWithoutCarriageReturnsOffATerminal() {
    Path out = tmp.resolve("v.txt");
    TrainRun r = TrainRun.of("train", "-size", "16", "-iter", "2", "-threads", "2", "-cbow", "0", "-window", "3",
        "-output", out.toString(), DEMO.toString());
    assertEquals(0, r.code(), r::toString);
    String err = r.err();
    assertFalse(err.contains("\r"), "stderr is not a terminal here: no carriage returns\n" + err);
    assertTrue(err.contains("Training skip-gram with negative sampling"), err);
    assertTrue(err.contains("Settings: -cbow 0 -size 16 -window 3 -negative 5 -hs 0 -sample 0.001 -alpha 0.025"
        + " -min-count 5 -iter 2 -threads 2 -reference 0 -shared-negatives 1 -classes 0 -binary 0"), err);
    assertTrue(err.contains("Epoch 1/2: loss "), err);
    assertTrue(err.contains("Epoch 2/2: loss "), err);
    assertTrue(err.matches("(?s).*Loss per epoch: 1: \\d+\\.\\d{4} 2: \\d+\\.\\d{4}\n.*"), err);
    assertTrue(err.contains("Wrote " + out), err);
    assertTrue(err.matches("(?s).*Peak memory: [\\d,]+ MB \\(peak resident set, VmHWM\\).*"), err);
    assertEquals("", r.out());
  }

  @Test
  void theLiveLineUpdatesInPlaceOnlyOnATerminal() {
    TrainListener.Update u = new TrainListener.Update(2, 5, 0.3, 300, 1000, 2.5e6, 0.0175f, 2.34567, 75, 30);
    StringWriter tty = new StringWriter();
    TextProgress t = new TextProgress(new PrintWriter(tty), true, 2);
    t.progress(u);
    t.progress(u);
    t.epoch(new TrainListener.Epoch(2, 5, 2.3, 1000, 10));
    assertTrue(tty.toString().startsWith(
        "\rEpoch 2/5  Progress:  30.0%  Words/sec: 2.50M  Alpha: 0.017500  Loss: 2.3457  ETA: 1:15"), tty.toString());
    assertTrue(tty.toString().endsWith("\rEpoch 2/5: loss 2.3000 over 1,000 predictions, 10.0 s\n"), tty.toString());
    StringWriter log = new StringWriter();
    TextProgress l = new TextProgress(new PrintWriter(log), false, 2);
    l.progress(u);
    l.progress(new TrainListener.Update(1, 5, 0.001, 1, 1000, 10, 0.025f, Double.NaN, Double.NaN, 0.1));
    assertEquals("Epoch 2/5  Progress:  30.0%  Words/sec: 2.50M  Alpha: 0.017500  Loss: 2.3457  ETA: 1:15\n"
        + "Epoch 1/5  Progress:   0.1%  Words/sec: 0.0k  Alpha: 0.025000  Loss: -  ETA: -\n", log.toString());
    assertEquals(10_000, l.progressMillis());
    assertEquals(250, t.progressMillis());
    assertEquals(0, new TextProgress(new PrintWriter(log), true, 1).progressMillis(), "-debug 1: no live line");
  }

  @Test
  void divergingTrainingStopsNamingAlphaAndWritesNothing() throws IOException {
    for (String alpha : new String[] {"10", "1e9"}) {
      Path out = tmp.resolve("v" + alpha + ".bin");
      TrainRun r = TrainRun.of("train", "-alpha", alpha, "-size", "32", "-threads", "2", "-output", out.toString(),
          DEMO.toString());
      assertEquals(ExitCodes.DIVERGED, r.code(), r::toString);
      String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
      assertTrue(last.startsWith("w2v train: error: training diverged:"), r::toString);
      assertTrue(last.contains("-alpha " + (alpha.equals("10") ? "10.0" : "1.0e9") + " is too high"), last);
      assertFalse(Files.exists(out), "no output after divergence");
      try (Stream<Path> s = Files.list(tmp)) {
        assertEquals(List.of(), s.toList(), "no temporary file left");
      }
    }
  }

  @Test
  void aSafeLearningRateDoesNotTripTheCheck() {
    Path out = tmp.resolve("ok.bin");
    TrainRun r = TrainRun.of("train", "-alpha", "0.1", "-size", "16", "-iter", "1", "-threads", "2", "-debug", "0",
        "-output", out.toString(), DEMO.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(Files.exists(out));
  }

  @Test
  void settingsNameEveryFlagThatShapesTheModel() {
    TrainConfig c = new TrainConfig(Path.of("c.txt"), Path.of("v.bin"), 300, 8, 1e-5f, 1, 0, 4, 15, 3, 0.04f, 0, 2,
        true, null, Path.of("vocab.txt"), true, true, false);
    assertEquals("-cbow 1 -size 300 -window 8 -negative 0 -hs 1 -sample 1.0e-5 -alpha 0.04 -min-count 3 -iter 15"
        + " -threads 4 -reference 1 -shared-negatives 0 -classes 0 -binary 1 -read-vocab vocab.txt",
        TextProgress.settings(c));
    assertEquals(" -seed 5 -resume ck.w2vm",
        TextProgress.runSettings(new dev.w2v.train.RunConfig(5, null, null, null, Path.of("ck.w2vm"), null)));
    assertEquals("", TextProgress.runSettings(dev.w2v.train.RunConfig.NONE));
    assertEquals("Training CBOW with hierarchical softmax, scalar kernels, 4 threads, reference mode (word2vec.c's"
        + " arithmetic and epochs): c.txt -> v.bin", TextProgress.header(c, false));
  }
}
