// Writes an output through a temporary sibling file that is renamed into place only when complete, so a failed or
// interrupted run never leaves a half-written model or damages an existing file.
package dev.w2v.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** An output file under construction: write to {@link #stream()}, then {@link #commit()}; {@link #close()} aborts. */
public final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  private AtomicFile(Path target, Path temp, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  /**
   * Opens a temporary file beside {@code target}. Fails early, with a message naming the flag and path, when the
   * directory does not exist or cannot be written, or the target is a directory.
   */
  public static AtomicFile create(Path target, String what) {
    checkWritable(target, what);
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    try {
      // Not Files.createTempFile: its files are private (0600), and the model would stay so after the rename.
      // A plain create gets the permissions any new file gets (0666 minus the umask), as word2vec.c's fopen.
      Path temp;
      OutputStream raw;
      for (int attempt = 0; ; attempt++) {
        temp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(
            ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
          raw = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          break;
        } catch (FileAlreadyExistsException e) {
          if (attempt > 100) {
            throw e;
          }
        }
      }
      temp.toFile().deleteOnExit();
      keepPermissions(abs, temp);
      return new AtomicFile(abs, temp, new BufferedOutputStream(raw, 1 << 16));
    } catch (IOException e) {
      throw W2vException.io("cannot write " + what + " " + target + ": " + reason(e), e);
    }
  }

  /** A replaced file keeps its permissions, as when word2vec.c rewrites it in place (best effort). */
  private static void keepPermissions(Path target, Path temp) {
    try {
      if (Files.isRegularFile(target)) {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      }
    } catch (IOException | UnsupportedOperationException | SecurityException ignored) {
      // not POSIX, or not ours: the new file keeps the default permissions
    }
  }

  /** Checks, before any long work, that {@code target} can be created or replaced (else an IO failure). */
  public static void checkWritable(Path target, String what) {
    Path abs = target.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw W2vException.io("cannot write " + what + " " + target + ": it is a directory", null);
    }
    Path dir = abs.getParent();
    if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
      throw W2vException.io("cannot write " + what + " " + target + ": " + dir + " is not a directory", null);
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw W2vException.io("cannot write " + what + " " + target + ": directory " + dir + " does not exist", null);
    }
    if (!Files.isWritable(dir)) {
      throw W2vException.io("cannot write " + what + " " + target + ": directory " + dir + " is not writable", null);
    }
  }

  public OutputStream stream() {
    return out;
  }

  /** Flushes, closes and renames the temporary file over the target. */
  public void commit() {
    try {
      out.close();
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    } catch (IOException e) {
      throw W2vException.io("cannot write " + target + ": " + reason(e), e);
    }
  }

  /** Deletes the temporary file unless {@link #commit()} succeeded. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      out.close();
    } catch (IOException ignored) {
      // aborting anyway
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // best effort: deleteOnExit is the fallback
    }
  }

  /** A short human reason for an I/O failure, without the exception class name. */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
