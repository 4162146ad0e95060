// Test helper: runs `w2v ARGS` in-process, capturing the exit code, stdout and stderr.
package dev.w2v.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of one in-process run of the command line. */
public record TrainRun(int code, String out, String err) {

  /** Runs {@code w2v args} through {@link Main#run}. */
  public static TrainRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = Main.run(args, o, e);
    }
    return new TrainRun(code, out.toString(), err.toString());
  }

  /** A description for assertion messages. */
  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
  }
}
