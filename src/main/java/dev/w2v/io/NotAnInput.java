// The "an output is never one of the inputs" check, by file identity, that every command runs before any work.
package dev.w2v.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Refuses an output that is the same file as an input: the same path, another path to it ({@code dir/../file},
 * a symbolic link, a hard link), or, when the output does not exist yet, a name whose real parent directory and
 * file name are an input's real path (an output through a dangling symbolic link is refused when the link's
 * target is an input). Inputs that are not regular files (standard input, pipes, devices) are not compared.
 */
public final class NotAnInput {
  private NotAnInput() {}

  /**
   * Throws a usage error naming both when {@code output} (described by {@code outWhat}, e.g. "-output") is one of
   * {@code inputs} (described by {@code inWhat}, e.g. "the training file"). A null or {@code -} output passes.
   */
  public static void check(Path output, String outWhat, Collection<Path> inputs, String inWhat) {
    if (output == null || output.toString().equals("-") || inputs == null) {
      return;
    }
    for (Path in : inputs) {
      if (in != null && same(output, in)) {
        throw W2vException.usage(outWhat + " " + Printable.of(output.toString(), 4096) + " is " + inWhat + " "
            + Printable.of(in.toString(), 4096)
            + " (the same file): refusing to overwrite an input; choose another output");
      }
    }
  }

  /** True when writing {@code output} would replace or change the regular file {@code input}. */
  static boolean same(Path output, Path input) {
    if (!Files.isRegularFile(input)) {
      return false;
    }
    try {
      Path realIn = input.toRealPath();
      if (Files.exists(output)) {
        return Files.isSameFile(output, input);
      }
      // not there yet (or a dangling link): compare where it would be created
      Path target = output;
      for (int hops = 0; hops < 40 && Files.isSymbolicLink(target); hops++) {
        Path link = Files.readSymbolicLink(target);
        Path dir = target.toAbsolutePath().getParent();
        target = dir == null ? link : dir.resolve(link);
      }
      Path abs = target.toAbsolutePath();
      Path parent = abs.getParent();
      if (parent == null || !Files.isDirectory(parent) || abs.getFileName() == null) {
        return false;
      }
      return parent.toRealPath().resolve(abs.getFileName()).equals(realIn);
    } catch (IOException | SecurityException e) {
      return false; // cannot tell: the later open or write reports the real problem
    }
  }
}
