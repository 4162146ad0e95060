// Finds the shared golden files and data sets (../shared beside the project) for parity tests.
package dev.w2v;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code shared/golden} and {@code shared/data}: the system property {@code w2v.shared}, then the environment
 * variable {@code W2V_SHARED}, then {@code ../shared} relative to the working directory. Tests that need them skip
 * (not fail) when they are absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared/golden directory, if found. */
  public static Optional<Path> golden() {
    return sub("golden");
  }

  /** The shared/data directory, if found. */
  public static Optional<Path> data() {
    return sub("data");
  }

  /** The shared/golden directory; skips the calling test when it is absent. */
  public static Path requireGolden() {
    Optional<Path> p = golden();
    Assumptions.assumeTrue(p.isPresent(), "skipped: ../shared/golden not found (set W2V_SHARED)");
    return p.get();
  }

  /** The shared/data directory; skips the calling test when it is absent. */
  public static Path requireData() {
    Optional<Path> p = data();
    Assumptions.assumeTrue(p.isPresent(), "skipped: ../shared/data not found (set W2V_SHARED)");
    return p.get();
  }

  private static Optional<Path> sub(String name) {
    Path root = root();
    if (root == null) {
      return Optional.empty();
    }
    Path dir = root.resolve(name);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  private static Path root() {
    String prop = System.getProperty("w2v.shared");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("W2V_SHARED");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of("..", "shared").toAbsolutePath().normalize();
  }
}
