// The process's standard streams as scripts/w2v hands them over, and a stdout that remembers why a write failed.
package dev.w2v.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;

/**
 * The launcher contract. The JVM prints "WARNING: Using incubator modules" on file descriptor 2 before any of our
 * code runs, and no JVM flag turns it off; so scripts/w2v points fd 2 at a filter that drops that line, and hands the
 * real standard error over as another descriptor, named by {@code -Dw2v.stderr.fd=3} (and says whether it is a
 * terminal with {@code -Dw2v.stderr.tty=true|false}, for the progress display). Without the property (tests,
 * {@code java -jar}) the plain descriptors are used.
 */
public final class Streams {
  /** The property naming the descriptor of the real standard error. */
  static final String STDERR_FD = "w2v.stderr.fd";

  private Streams() {}

  /** Standard error: the descriptor the launcher named, or fd 2. */
  public static OutputStream stderr() {
    String fd = System.getProperty(STDERR_FD);
    if (fd != null) {
      try {
        // FileDescriptor has no public constructor taking a number; scripts/w2v opens java.io for this field
        FileDescriptor d = new FileDescriptor();
        Field f = FileDescriptor.class.getDeclaredField("fd");
        f.setAccessible(true);
        f.setInt(d, Integer.parseInt(fd));
        return new FileOutputStream(d);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not opened to us, or not a number: fall back to fd 2 (the incubator line then shows)
      }
    }
    return new FileOutputStream(FileDescriptor.err);
  }

  /**
   * True when {@code t} or one of its causes is the write error of a pipe or FIFO whose reader has gone (EPIPE; Java
   * ignores SIGPIPE, so the write fails with "Broken pipe" instead of the process being killed).
   */
  public static boolean closedPipe(Throwable t) {
    for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }

  /** An output stream that keeps the first write error, which a PrintWriter above it would swallow. */
  static final class Checked extends FilterOutputStream {
    private volatile IOException failure;

    Checked(OutputStream out) {
      super(out);
    }

    /** The first write or flush error, or null. */
    IOException failure() {
      return failure;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
