// Checks an input path before it is read, so that every command refuses a bad one with the same one-line message.
package dev.w2v.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Validation of input files named on the command line. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Returns {@code path} if it is a readable regular file; otherwise throws a {@link W2vException} whose message
   * names {@code what} (for example "training file") and the path.
   */
  public static Path requireReadable(Path path, String what) {
    if (path == null) {
      throw W2vException.usage("no " + what + " given");
    }
    if (!Files.exists(path)) {
      throw W2vException.badInput(what + " " + path + " does not exist");
    }
    if (Files.isDirectory(path)) {
      throw W2vException.badInput(what + " " + path + " is a directory, not a file");
    }
    if (!Files.isReadable(path)) {
      throw W2vException.badInput(what + " " + path + " is not readable (permission denied)");
    }
    return path;
  }
}
