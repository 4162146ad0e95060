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
    assertTrue(Double.isNaN(Progress.eta(500_000, 1_000_000, 2.0)), "before 3 s, even at 50%");
    assertTrue(Double.isNaN(Progress.eta(10_000, 1_000_000, 5.0)), "1% done after 5 s: not yet");
    assertEquals(10 * 49, Progress.eta(20_000, 1_000_000, 10.0), 1e-9, "2% done: the average rate");
    assertEquals(60 * 99, Progress.eta(10_000, 1_000_000, 60.0), 1e-9, "1% after a minute: shown");
    assertEquals(0, Progress.eta(1_000_100, 1_000_000, 60.0), 1e-9);
    // the average rate moves slowly: a burst of speed in the last second barely changes the estimate
    double before = Progress.eta(300_000, 1_000_000, 30.0);
    double after = Progress.eta(300_000 + 20_000, 1_000_000, 31.0);
    assertTrue(Math.abs(after - before) < 0.1 * before, before + " -> " + after);
  }
}
