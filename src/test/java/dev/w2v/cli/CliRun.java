// Runs `w2v ...` in process and captures its exit code, stdout and stderr.
package dev.w2v.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** The result of one in-process run of the command line. */
final class CliRun {
  final int code;
  final String out;
  final String err;

  private CliRun(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  static CliRun run(String... args) {
    return runWithInput(null, args);
  }

  /** Runs with {@code stdin} as the interactive input (null: none given). */
  static CliRun runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    QuerySession.input =
        stdin == null ? new ByteArrayInputStream(new byte[0]) : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    try {
      int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
      return new CliRun(code, out.toString(), err.toString());
    } finally {
      QuerySession.input = null;
    }
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
  }
}
