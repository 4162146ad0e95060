// The progress update's arithmetic: the epoch a word count is in, and when the time left is shown.
package dev.w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void epochFollowsTheWordCount() {
    assertEquals(1, Progress.epochOf(0, 1000, 5));
    assertEquals(1, Progress.epochOf(999, 1000, 5));
    assertEquals(2, Progress.epochOf(1000, 1000, 5));
    assertEquals(5, Progress.epochOf(4999, 1000, 5));
    assertEquals(5, Progress.epochOf(5003, 1000, 5), "threads overshoot the last epoch a little: still 5/5");
  }

  @Test
  void timeLeftIsWithheldUntilMeaningful() {
    assertTrue(Double.isNaN(Progress.eta(500_000, 1.5, 500_000, 0.5)), "under 2 s after the warm-up, even at 50%");
    assertTrue(Double.isNaN(Progress.eta(10_000, 5.0, 990_000, 0.01)), "1% done after 5 s: not yet");
    assertEquals(10 * 49, Progress.eta(20_000, 10.0, 980_000, 0.02), 1e-9, "2% done: the average rate");
    assertEquals(60 * 99, Progress.eta(10_000, 60.0, 990_000, 0.01), 1e-9, "1% after a minute: shown");
    assertEquals(0, Progress.eta(1_000_100, 60.0, -100, 1.0), 1e-9);
    // an average moves slowly: a burst of speed in the last second barely changes the estimate
    double before = Progress.eta(300_000, 30.0, 700_000, 0.3);
    double after = Progress.eta(300_000 + 20_000, 31.0, 680_000, 0.32);
    assertTrue(Math.abs(after - before) < 0.1 * before, before + " -> " + after);
  }
}
