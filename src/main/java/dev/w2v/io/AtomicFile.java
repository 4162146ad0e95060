// Writes an output through a temporary sibling file that is fsynced and renamed into place only when complete, so a
// failed or interrupted run never leaves a half-written model or damages an existing file. Devices and FIFOs are
// written directly; symlinks are written through (see OutputTarget).
package dev.w2v.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** An output file under construction: write to {@link #stream()}, then {@link #commit()}; {@link #close()} aborts. */
public final class AtomicFile implements AutoCloseable {
  private final OutputTarget target;
  private final Path temp; // null when written directly
  private final FileChannel channel; // the temporary file's, for the fsync; null when written directly
  private final OutputStream out;
  private boolean committed;

  private AtomicFile(OutputTarget target, Path temp, FileChannel channel, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.out = out;
  }

  /**
   * Opens a temporary file beside {@code target} (beside the file a symlink points to), or the target itself when it
   * is a character device or FIFO. Fails with a message naming {@code what} and the path when the output cannot be
   * written (see {@link OutputTarget#check}).
   */
  public static AtomicFile create(Path target, String what) {
    OutputTarget t = OutputTarget.check(target, what);
    Path real = t.path();
    try {
      if (t.kind() == OutputTarget.Kind.DIRECT) {
        OutputStream raw = Files.newOutputStream(real, StandardOpenOption.WRITE);
        return new AtomicFile(t, null, null, new BufferedOutputStream(raw, 1 << 16));
      }
      // Not Files.createTempFile: its files are private (0600), and the model would stay so after the rename.
      // A plain create gets the permissions any new file gets (0666 minus the umask), as word2vec.c's fopen.
      Path temp = TempFiles.create(real.getParent(), real.getFileName().toString(), "");
      FileChannel ch;
      try {
        ch = FileChannel.open(temp, StandardOpenOption.WRITE);
      } catch (IOException | RuntimeException e) {
        TempFiles.delete(temp);
        throw e;
      }
      keepPermissions(real, temp);
      return new AtomicFile(t, temp, ch, new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
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

  /**
   * Checks, before any long work, that {@code target} can be created or replaced (else an IO failure naming it):
   * the directory exists and is writable, the name fits, the file is not read-only, a directory, a block device or a
   * socket. Also removes temporary files that killed runs left in that directory.
   */
  public static void checkWritable(Path target, String what) {
    OutputTarget.check(target, what);
  }

  public OutputStream stream() {
    return out;
  }

  /**
   * Flushes, fsyncs and closes the temporary file, renames it over the target and fsyncs the directory; or, for a
   * device or FIFO, flushes and closes it. Any failure (a full disk included) is an IO {@link W2vException}.
   */
  public void commit() {
    Path real = target.path();
    try {
      if (temp == null) {
        out.close();
        committed = true;
        return;
      }
      out.flush();
      channel.force(true);
      out.close();
      try {
        Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
      TempFiles.release(temp);
      syncDirectory(real.getParent());
    } catch (IOException e) {
      throw W2vException.io("cannot write " + target.given() + ": " + reason(e), e);
    }
  }

  /** fsync of the directory, so the rename survives a power cut (Linux allows it; elsewhere best effort). */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException ignored) {
      // not supported here: the file's own fsync still holds its bytes
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
    if (temp != null) {
      TempFiles.delete(temp);
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
