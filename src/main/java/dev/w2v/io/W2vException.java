// A user-facing failure: its message is one line that names the file, flag or word at fault.
package dev.w2v.io;

/**
 * Thrown by library code for bad input or a failed resource; the command line prints {@link #getMessage()} as a
 * single line (no stack trace unless asked) and exits with {@link #kind()}'s code.
 */
public class W2vException extends RuntimeException {
  /** What went wrong, which the command line maps to an exit code. */
  public enum Kind { USAGE, BAD_INPUT, IO, MEMORY, DIVERGED }

  private final Kind kind;

  public W2vException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public W2vException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static W2vException usage(String message) {
    return new W2vException(Kind.USAGE, message);
  }

  public static W2vException badInput(String message) {
    return new W2vException(Kind.BAD_INPUT, message);
  }

  public static W2vException io(String message, Throwable cause) {
    return new W2vException(Kind.IO, message, cause);
  }
}
