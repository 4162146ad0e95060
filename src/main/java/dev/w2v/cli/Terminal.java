// Whether stderr is a terminal, which decides between an updating progress line and plain log lines.
package dev.w2v.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Java has no isatty(2), and {@code System.console()} answers for stdin and stdout (JDK 17), or is non-null even
 * when redirected (JDK 22+), so neither says whether progress on stderr may use carriage returns. The answer here:
 * the system property {@code w2v.stderr.tty} if set (scripts/w2v passes the shell's {@code [ -t 2 ]}), else where
 * {@code /proc/self/fd/2} points (a terminal is {@code /dev/pts/N}, {@code /dev/ttyN} or {@code /dev/console}),
 * else no: plain lines are always safe, a carriage return in a log file is not.
 */
public final class Terminal {
  static final String PROPERTY = "w2v.stderr.tty";

  private Terminal() {}

  /** Whether this process's stderr is a terminal. */
  public static boolean stderrIsTerminal() {
    String target;
    try {
      target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      target = null;
    }
    return decide(System.getProperty(PROPERTY), target);
  }

  /**
   * The decision: {@code property} ("1"/"true" or "0"/"false") wins when set; else {@code fd2Target}, the link
   * {@code /proc/self/fd/2} (null when unreadable), must name a terminal device.
   */
  static boolean decide(String property, String fd2Target) {
    if (property != null && !property.isBlank()) {
      String p = property.trim();
      return p.equals("1") || p.equalsIgnoreCase("true") || p.equalsIgnoreCase("yes");
    }
    if (fd2Target == null) {
      return false;
    }
    return fd2Target.startsWith("/dev/pts/") || fd2Target.matches("/dev/tty[A-Za-z]*[0-9]*")
        || fd2Target.equals("/dev/console");
  }
}
