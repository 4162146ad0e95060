// word2phrase's running count: carriage returns only on a terminal, never into a pipe or a log file.
package dev.w2v.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.w2v.cli.TrainRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLineTest {
  @TempDir Path tmp;

  /** 2.1 million words: the count is shown every million. */
  private static byte[] corpus() {
    StringBuilder b = new StringBuilder();
    String[] words = {"new", "york", "is", "a", "big", "city", "in", "the", "state", "of"};
    for (int i = 0; i < 2_100_000; i++) {
      b.append(words[(i * 7 + i / 10) % words.length]).append(i % 20 == 19 ? '\n' : ' ');
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String learnAndWrite(boolean tty, long everyNanos) throws IOException {
    byte[] in = corpus();
    StringWriter log = new StringWriter();
    ProgressLine p = new ProgressLine(new PrintWriter(log), tty, everyNanos);
    Word2Phrase.Vocab v = Word2Phrase.learn(new ByteArrayInputStream(in), 5, p, Word2Phrase.REDUCE_ABOVE);
    p.end();
    Word2Phrase.write(new ByteArrayInputStream(in), new ByteArrayOutputStream(), v, 5, 100f, p);
    p.end();
    return log.toString();
  }

  @Test
  void aPipeGetsWholeLines() throws IOException {
    String log = learnAndWrite(false, 0);
    assertFalse(log.contains("\r"), log);
    assertEquals("Words processed: 1M     Vocab size: 0K\nWords processed: 2M     Vocab size: 0K\n"
        + "Words written: 1M\nWords written: 2M\n", log);
  }

  @Test
  void aPipeGetsNoLineBeforeItsIntervalHasPassed() throws IOException {
    assertEquals("", learnAndWrite(false, Long.MAX_VALUE / 4));
  }

  @Test
  void aTerminalGetsTheUpdatingLine() throws IOException {
    String log = learnAndWrite(true, 0);
    assertEquals("Words processed: 1M     Vocab size: 0K  \rWords processed: 2M     Vocab size: 0K  \r\n"
        + "Words written: 1M  \rWords written: 2M  \r\n", log);
  }

  @Test
  void theCommandWritesNoCarriageReturnWhenStderrIsNotATerminal() throws IOException {
    Path in = tmp.resolve("c.txt");
    Files.write(in, corpus());
    TrainRun r = TrainRun.of("phrases", "-train", in.toString(), "-output", tmp.resolve("p.txt").toString());
    assertEquals(0, r.code(), r::toString);
    assertFalse(r.err().contains("\r"), r.err());
    assertTrue(r.err().contains("Joined "), r.err());
  }
}
