// One line for a user whose command waits on its input: `-` at a terminal, or a FIFO no program writes to yet.
package dev.w2v.cli;

import dev.w2v.io.CompressedInput;
import dev.w2v.io.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Says that the command is waiting for its input, not hanging. */
final class StdinHint {
  private StdinHint() {}

  /** The Ctrl-D hint whatever {@code debug}; the FIFO one from {@code -debug 1} up. */
  static void print(List<Path> inputs, PrintWriter err, String command, int debug) {
    // System.console() is non-null only when standard input (and output) is a terminal
    if (System.console() != null && inputs.stream().anyMatch(CompressedInput::isStdin)) {
      err.println("w2v " + command + ": reading the corpus from standard input (a terminal): end it with Ctrl-D");
    }
    for (Path p : inputs) {
      if (debug >= 1 && isNamedFifo(p)) {
        err.println("w2v " + command + ": " + Printable.of(p.toString(), 400)
            + " is a FIFO: waiting for a program to write to it");
      }
    }
    err.flush();
  }

  /**
   * True for a named FIFO (mkfifo), whose opening blocks until a writer comes; false for a file, for standard
   * input, and for the pipes of process substitution ({@code <(zcat c.gz)}, /dev/fd/N), which have their writer.
   */
  static boolean isNamedFifo(Path p) {
    String s = p.toString();
    if (CompressedInput.isStdin(p) || s.startsWith("/dev/") || s.startsWith("/proc/")) {
      return false;
    }
    try {
      return ((Integer) Files.getAttribute(p, "unix:mode") & 0170000) == 0010000;
    } catch (IOException | RuntimeException e) {
      return false; // missing or unreadable: the reader says so
    }
  }
}
