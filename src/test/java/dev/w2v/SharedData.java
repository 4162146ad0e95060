// Finds the shared fixtures (golden outputs of the original C tools, corpora) that live beside the project.
package dev.w2v;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates {@code shared/golden} and {@code shared/data}: the directory named by the system property or environment
 * variable {@code W2V_SHARED} if set, else {@code ../shared} relative to the project root (where CI puts it).
 */
public final class SharedData {
  private SharedData() {}

  /** The golden outputs of word2vec.c's tools, if present. */
  public static Optional<Path> golden() {
    return sub("golden");
  }

  /** The shared corpora and evaluation sets, if present. */
  public static Optional<Path> data() {
    return sub("data");
  }

  /** The golden directory; skips the calling test (never fails it) when it is absent. */
  public static Path requireGolden() {
    Optional<Path> golden = golden();
    assumeTrue(
        golden.isPresent(),
        "shared golden files not found: set W2V_SHARED (system property or environment variable) to the shared"
            + " directory, or put it at ../shared beside the project; looked in " + root().toAbsolutePath());
    return golden.get();
  }

  private static Optional<Path> sub(String name) {
    Path dir = root().resolve(name);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  private static Path root() {
    String configured = System.getProperty("W2V_SHARED");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("W2V_SHARED");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of("..", "shared");
  }
}
