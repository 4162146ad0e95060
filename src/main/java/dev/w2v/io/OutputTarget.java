// What an output path really is (a new file, a file to replace, a device, a FIFO, through symlinks), checked before
// any long work so that a run never fails only after training.
package dev.w2v.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * An output resolved through its symlinks: {@code path} is the file that is really written. Regular files (new or
 * replaced) go through a temporary file renamed into place; character devices ({@code /dev/null}, a tty) and FIFOs
 * are opened and written directly, as the shell's {@code >} does; anything else is refused. A regular file without
 * any write permission bit (0444) is refused, even for root, where the kernel would let the write through: "read-only"
 * here means the mode bits, as {@code rm} asks before removing such a file.
 */
public record OutputTarget(Path given, Path path, Kind kind) {
  /** How the output is written. */
  public enum Kind {
    /** A regular file, new or replaced: temporary file, fsync, rename. */
    FILE,
    /** A character device or FIFO: opened for writing and written in place. */
    DIRECT
  }

  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFSOCK = 0140000;

  /**
   * Checks that {@code target} can be written and says how; throws an IO {@link W2vException} naming {@code what}
   * and the path otherwise. Also removes temporary files left in the output's directory by killed runs.
   */
  public static OutputTarget check(Path target, String what) {
    Path p = resolveLinks(target, what);
    Path name = p.getFileName();
    if (name != null && name.toString().getBytes(StandardCharsets.UTF_8).length > TempFiles.NAME_MAX) {
      throw fail(target, what, "the file name is longer than " + TempFiles.NAME_MAX + " bytes");
    }
    if (Files.isDirectory(p)) {
      throw fail(target, what, "it is a directory");
    }
    Path dir = p.getParent();
    if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
      throw fail(target, what, dir + " is not a directory");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw fail(target, what, "directory " + dir + " does not exist");
    }
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      int mode = mode(p);
      int type = mode & S_IFMT;
      if (type == S_IFCHR || type == S_IFIFO) {
        if (!Files.isWritable(p)) {
          throw fail(target, what, "permission denied");
        }
        return new OutputTarget(target, p, Kind.DIRECT);
      }
      if (type == S_IFBLK) {
        throw fail(target, what, "it is a block device (w2v writes regular files, character devices and FIFOs)");
      }
      if (type == S_IFSOCK) {
        throw fail(target, what, "it is a socket");
      }
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        throw fail(target, what, "it is not a regular file");
      }
      if ((mode & 0222) == 0 || !Files.isWritable(p)) {
        throw fail(target, what, "the file is read-only; make it writable (chmod u+w) or remove it first");
      }
    }
    if (!Files.isWritable(dir)) {
      throw fail(target, what, "directory " + dir + " is not writable");
    }
    TempFiles.sweep(dir);
    return new OutputTarget(target, p, Kind.FILE);
  }

  /** Follows symlinks (at most 40, as the kernel) to the path really written; a dangling link names the new file. */
  private static Path resolveLinks(Path target, String what) {
    Path p = target.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops >= 40) {
        throw fail(target, what, "too many levels of symbolic links");
      }
      try {
        Path next = p.getParent().resolve(Files.readSymbolicLink(p));
        if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS) && Files.exists(p)) {
          // a /proc "magic" link such as /dev/stdout -> /proc/self/fd/1 -> pipe:[N]: its text names no path, but
          // the kernel opens the pipe, socket or terminal behind it; stop here and write through the link
          return p;
        }
        p = next;
      } catch (IOException e) {
        throw fail(target, what, AtomicFile.reason(e));
      }
    }
    return p;
  }

  /** st_mode, or a regular writable file's mode where the file system cannot say. */
  private static int mode(Path p) {
    try {
      // NOFOLLOW, except for a magic link left by resolveLinks, whose type is that of what it opens
      Object m = Files.isSymbolicLink(p) ? Files.getAttribute(p, "unix:mode")
          : Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (Integer) m;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        return 0100000 | (Files.isWritable(p) ? 0200 : 0);
      }
      return 0;
    }
  }

  private static W2vException fail(Path target, String what, String why) {
    return W2vException.io("cannot write " + what + " " + target + ": " + why, null);
  }
}
