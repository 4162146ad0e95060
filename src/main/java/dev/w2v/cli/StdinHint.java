// One line for a user who typed `-` at a terminal: the command is waiting for the corpus, not hanging.
package dev.w2v.cli;

import dev.w2v.io.CompressedInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Tells how to end typed input when the corpus is standard input and that is a terminal. */
final class StdinHint {
  private StdinHint() {}

  static void print(List<Path> inputs, PrintWriter err, String command) {
    // System.console() is non-null only when standard input (and output) is a terminal
    if (System.console() != null && inputs.stream().anyMatch(CompressedInput::isStdin)) {
      err.println("w2v " + command + ": reading the corpus from standard input (a terminal): end it with Ctrl-D");
      err.flush();
    }
  }
}
