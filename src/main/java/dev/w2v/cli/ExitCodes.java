// Named process exit codes.
package dev.w2v.cli;

import dev.w2v.io.W2vException;

/** Exit codes of every w2v command. */
public final class ExitCodes {
  public static final int OK = 0;
  /** An unexpected internal failure (a bug): the message says so. */
  public static final int SOFTWARE = 1;
  /** Bad flags or flag values. */
  public static final int USAGE = 2;
  /** An input file that cannot be used: missing, unreadable, empty or malformed. */
  public static final int BAD_INPUT = 3;
  /** An output that cannot be written, or another I/O failure. */
  public static final int IO = 4;
  /** The model does not fit in the Java heap. */
  public static final int MEMORY = 5;
  /** Training diverged (NaN or infinite weights: the learning rate is too high); nothing was written. */
  public static final int DIVERGED = 6;
  /** Interrupted (Ctrl-C). */
  public static final int INTERRUPTED = 130;
  /**
   * The reader of an output went away (a closed pipe, as in {@code w2v similar king | head -1}): 128 + SIGPIPE,
   * the status a shell shows for grep or cat in the same place, and nothing is printed.
   */
  public static final int CLOSED_PIPE = 141;

  private ExitCodes() {}

  static int of(W2vException.Kind kind) {
    switch (kind) {
      case USAGE:
        return USAGE;
      case BAD_INPUT:
        return BAD_INPUT;
      case IO:
        return IO;
      case MEMORY:
        return MEMORY;
      case DIVERGED:
        return DIVERGED;
      default:
        return SOFTWARE;
    }
  }
}
