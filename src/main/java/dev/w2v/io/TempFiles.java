// Temporary and spill files named after the process that owns them, removed on every exit the JVM sees and, after a
// kill -9, by the next run that writes to the same directory.
package dev.w2v.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every temporary file w2v makes is called {@code .NAME[.TAG].w2v-PID-RAND.tmp} and lives beside the output it
 * belongs to: NAME is the output's file name (cut so that the whole name stays within the file-system limit of 255
 * bytes), TAG says what it is ({@code ids} for the spilled corpus, {@code pass1} for a phrases pass), PID is the
 * owning process. Live files are registered and deleted by a shutdown hook (normal exit, Ctrl-C, SIGTERM);
 * {@link #sweep} deletes those whose process no longer exists (kill -9, power cut).
 */
public final class TempFiles {
  /** The longest file name Linux file systems accept, in bytes. */
  public static final int NAME_MAX = 255;

  /** Room kept for ".", ".TAG", ".w2v-PID-RAND", ".tmp": NAME is cut to NAME_MAX minus this. */
  private static final int OVERHEAD = 64;

  private static final Pattern OURS = Pattern.compile("^\\..*\\.w2v-([0-9]{1,19})-[0-9a-z]{1,13}\\.tmp$");
  private static final long SELF = ProcessHandle.current().pid();
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "w2v-temp-cleanup"));
  }

  private TempFiles() {}

  /**
   * Creates a new empty temporary file in {@code dir} for the output named {@code name}, registered for deletion
   * on exit until {@link #release} or {@link #delete}. {@code tag} may be empty.
   */
  public static Path create(Path dir, String name, String tag) throws IOException {
    if (SWEPT.add(dir.toAbsolutePath())) {
      sweep(dir);
    }
    String base = "." + shorten(name, NAME_MAX - OVERHEAD) + (tag.isEmpty() ? "" : "." + tag) + ".w2v-" + SELF + "-";
    for (int attempt = 0; ; attempt++) {
      Path p = dir.resolve(base + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      LIVE.add(p);
      try {
        Files.createFile(p);
        return p;
      } catch (FileAlreadyExistsException e) {
        LIVE.remove(p);
        if (attempt > 100) {
          throw e;
        }
      } catch (IOException | RuntimeException e) {
        LIVE.remove(p);
        throw e;
      }
    }
  }

  /** Whether {@code fileName} is one of ours (any process's). */
  public static boolean isTempName(String fileName) {
    return OURS.matcher(fileName).matches();
  }

  /** The file has been renamed into place or otherwise taken over: no longer deleted on exit. */
  public static void release(Path p) {
    LIVE.remove(p);
  }

  /** Deletes a temporary file now (best effort) and forgets it. */
  public static void delete(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // left for the next run's sweep
    }
    LIVE.remove(p);
  }

  private static void deleteAll() {
    for (Path p : List.copyOf(LIVE)) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException | RuntimeException ignored) {
        // the next run's sweep
      }
    }
  }

  /**
   * Deletes the temporary files in {@code dir} whose owning process has ended (a run killed with SIGKILL, or a
   * power cut), and returns them. Files of live processes, including other running w2v commands, are left alone.
   * Best effort: an unreadable directory or a file that cannot be deleted is skipped.
   */
  public static List<Path> sweep(Path dir) {
    List<Path> removed = new ArrayList<>();
    if (dir == null) {
      return removed;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.w2v-*.tmp")) {
      for (Path p : ds) {
        Matcher m = OURS.matcher(p.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid == SELF || ProcessHandle.of(pid).isPresent()
            || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try {
          if (Files.deleteIfExists(p)) {
            removed.add(p);
          }
        } catch (IOException ignored) {
          // not ours to delete after all (permissions): leave it
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // no listing: nothing swept
    }
    return removed;
  }

  /** {@code name} cut to at most {@code maxBytes} bytes of UTF-8, at a character boundary. */
  static String shorten(String name, int maxBytes) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    if (b.length <= maxBytes) {
      return name;
    }
    StringBuilder sb = new StringBuilder();
    int used = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + n > maxBytes) {
        break;
      }
      sb.appendCodePoint(cp);
      used += n;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }
}
