// A daemon thread that runs a task every few milliseconds until stopped: how the job reports without the
// training loop ever printing or waiting.
package dev.w2v.train;

/** Runs {@code task} every {@code periodMillis} after {@code delayMillis}; {@link #stop} waits for a running one. */
final class Ticker {
  private final Runnable task;
  private final Thread thread;
  private final Object lock = new Object();
  private boolean stopped;

  Ticker(String name, long delayMillis, long periodMillis, Runnable task) {
    this.task = task;
    this.thread = new Thread(() -> loop(delayMillis, periodMillis), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void loop(long delay, long period) {
    long next = System.nanoTime() + delay * 1_000_000L;
    while (true) {
      long wait = next - System.nanoTime();
      try {
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
      } catch (InterruptedException e) {
        return;
      }
      synchronized (lock) {
        if (stopped) {
          return;
        }
        task.run();
      }
      next += period * 1_000_000L;
    }
  }

  /** Stops the thread; when this returns, the task is not running and will not run again. */
  void stop() {
    synchronized (lock) {
      stopped = true;
    }
    thread.interrupt();
  }
}
