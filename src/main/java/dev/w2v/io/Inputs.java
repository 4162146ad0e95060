// Opens corpora as they come: files, `-` (standard input), directories, globs, pipes and FIFOs, compressed or not.
package dev.w2v.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs of one command, expanded from what the user typed into an ordered list of {@link Source}s, read as
 * one byte stream by {@link #open()}.
 *
 * <p>Expansion: {@code -} is standard input; a directory stands for its regular files, in name order, not
 * recursively, hidden ({@code .name}) files skipped; a path that does not exist but contains {@code * ? [ {} is a
 * glob (for when the shell did not expand it), whose matching regular files come in path order.
 *
 * <p>Reading: each source is opened by {@link CompressedInput}, which decompresses it when its first bytes are the
 * magic of gzip, bzip2, xz or zstd (the name does not matter; concatenated members and frames are all read, as
 * pigz and bgzip write them). Between two sources a newline is inserted unless the text already ends with one, so
 * a file's last word is never glued to the next file's first one and every file ends a sentence. The end of the last source is left as it is: a lone file reads
 * exactly as before, and word2vec.c's rule (a final word that no separator follows is dropped) applies to it.
 */
public final class Inputs {
  /**
   * One input. {@code path} is null for standard input. {@code regular} sources are regular files: they can be
   * read again; the others (standard input, pipes, FIFOs, devices) only once.
   */
  public record Source(Path path, boolean regular) {
    /** The name for messages: the path as given, or "standard input". */
    public String name() {
      return path == null ? "standard input" : path.toString();
    }

    public boolean stdin() {
      return path == null;
    }
  }

  private static final int MAGIC = 6; // the longest magic number: xz's

  private final String what;
  private final List<Source> sources;
  private boolean opened;

  private Inputs(String what, List<Source> sources) {
    this.what = what;
    this.sources = List.copyOf(sources);
  }

  /**
   * Expands {@code args} (as typed: files, {@code -}, directories, globs) into sources, checking that each
   * exists and can be read. {@code what} names them in messages ("training file"). Throws a {@link W2vException}
   * naming the path at fault.
   */
  public static Inputs expand(List<Path> args, String what) {
    if (args == null || args.isEmpty()) {
      throw W2vException.usage("no " + what + " given");
    }
    List<Source> out = new ArrayList<>();
    boolean stdin = false;
    for (Path p : args) {
      if (CompressedInput.isStdin(p)) {
        if (stdin) {
          throw W2vException.usage("standard input (-) is given twice as " + what);
        }
        stdin = true;
        out.add(new Source(null, false));
      } else if (Files.isDirectory(p)) {
        List<Source> files = directory(p, what);
        if (files.isEmpty()) {
          throw W2vException.badInput(what + " directory " + p + " has no regular files");
        }
        out.addAll(files);
      } else if (Files.exists(p)) {
        out.add(single(p, what));
      } else if (isGlob(p.toString())) {
        List<Source> files = glob(p.toString(), what);
        if (files.isEmpty()) {
          throw W2vException.badInput("no " + what + " matches " + p);
        }
        out.addAll(files);
      } else {
        throw W2vException.badInput(what + " " + p + " does not exist");
      }
    }
    return new Inputs(what, out);
  }

  /** A single path, as {@link #expand}. */
  public static Inputs of(Path path, String what) {
    return expand(path == null ? List.of() : List.of(path), what);
  }

  public List<Source> sources() {
    return sources;
  }

  /** True when every source is a regular file, so {@link #open()} may be called again. */
  public boolean rereadable() {
    for (Source s : sources) {
      if (!s.regular()) {
        return false;
      }
    }
    return true;
  }

  /** The regular files among the sources (what an output must never be). */
  public List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Source s : sources) {
      if (s.regular()) {
        files.add(s.path());
      }
    }
    return files;
  }

  /** For messages: the one source's name, or "N files" / "N inputs". */
  public String describe() {
    if (sources.size() == 1) {
      return sources.get(0).name();
    }
    return sources.size() + (rereadable() ? " files" : " inputs");
  }

  /** The sources' total size in bytes on disk, or -1 when one of them is not a regular file. */
  public long totalBytes() {
    long n = 0;
    for (Source s : sources) {
      if (!s.regular()) {
        return -1;
      }
      try {
        n += Files.size(s.path());
      } catch (IOException e) {
        throw W2vException.io("cannot read " + what + " " + s.name() + ": " + AtomicFile.reason(e), e);
      }
    }
    return n;
  }

  /**
   * The compression of a regular file, from its first bytes (null: none).
   *
   * @throws W2vException naming the file if it cannot be read
   */
  public CompressedInput.Codec compression(Source s) {
    try (InputStream in = Files.newInputStream(s.path())) {
      byte[] head = new byte[MAGIC];
      int n = in.readNBytes(head, 0, MAGIC);
      return CompressedInput.codec(head, n);
    } catch (IOException e) {
      throw W2vException.io("cannot read " + what + " " + s.name() + ": " + AtomicFile.reason(e), e);
    }
  }

  /**
   * Every source, decompressed, one after the other (newlines inserted between them as the class comment says).
   * Failures are {@link W2vException}s naming the source: corrupt or truncated compressed data is bad input,
   * anything else an I/O failure. A non-rereadable input can be opened only once.
   */
  public InputStream open() {
    if (opened && !rereadable()) {
      throw new IllegalStateException(describe() + " can be read only once");
    }
    opened = true;
    return new Joined();
  }

  /** Opens one source through {@link CompressedInput}, which undoes any compression it recognises. */
  private InputStream openSource(Source s) throws IOException {
    return CompressedInput.stream(s.stdin() ? Path.of(CompressedInput.STDIN) : s.path(), what);
  }

  private static boolean isGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
  }

  private static Source single(Path p, String what) {
    if (!Files.isReadable(p)) {
      throw W2vException.badInput(what + " " + p + " is not readable (permission denied)");
    }
    return new Source(p, Files.isRegularFile(p));
  }

  private static List<Source> directory(Path dir, String what) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw W2vException.io("cannot list " + what + " directory " + dir + ": " + AtomicFile.reason(e), e);
    }
    Collections.sort(files, (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    List<Source> out = new ArrayList<>();
    for (Path p : files) {
      out.add(single(p, what));
    }
    return out;
  }

  /**
   * Expands a glob (Java's syntax: {@code * ? [..] {a,b}}, {@code **} across directories): the directories before
   * the first wildcard are the base, the rest is matched below it.
   */
  private static List<Source> glob(String pattern, String what) {
    String sep = FileSystems.getDefault().getSeparator();
    int wild = firstWildcard(pattern);
    int cut = pattern.lastIndexOf(sep, wild);
    Path base = cut < 0 ? Path.of("") : Path.of(cut == 0 ? sep : pattern.substring(0, cut));
    String rest = pattern.substring(cut + 1);
    // how deep to look: one level per separator (a brace alternative may hold some), any depth for **
    int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split(java.util.regex.Pattern.quote(sep), -1).length;
    PathMatcher m;
    try {
      m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    } catch (IllegalArgumentException e) {
      throw W2vException.usage(what + " pattern " + pattern + " is not a valid glob: " + e.getMessage());
    }
    Path root = base.toString().isEmpty() ? Path.of(".") : base;
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, depth)) {
      walk.forEach(p -> {
        Path rel = root.relativize(p);
        if (!rel.toString().isEmpty() && m.matches(rel) && !hidden(rel) && Files.isRegularFile(p)) {
          files.add(base.toString().isEmpty() ? rel : p);
        }
      });
    } catch (IOException | java.io.UncheckedIOException | InvalidPathException e) {
      throw W2vException.io("cannot expand " + what + " pattern " + pattern + ": " + e.getMessage(), e);
    }
    Collections.sort(files, (a, b) -> a.toString().compareTo(b.toString()));
    List<Source> out = new ArrayList<>();
    for (Path p : files) {
      out.add(single(p, what));
    }
    return out;
  }

  /** As the shell: a wildcard does not match a leading dot. */
  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static int firstWildcard(String s) {
    int i = s.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int k = s.indexOf(c);
      if (k >= 0 && k < i) {
        i = k;
      }
    }
    return i;
  }

  /** The sources read one after the other, with newlines inserted between them. */
  private final class Joined extends InputStream {
    private int next; // index of the next source to open
    private InputStream cur;
    private Source curSource;
    private int last = '\n'; // the last byte delivered ('\n' before any: nothing to end)
    private boolean pendingNewline;

    @Override
    public int read() throws IOException {
      byte[] b = new byte[1];
      int n = read(b, 0, 1);
      return n < 0 ? -1 : b[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (true) {
        if (pendingNewline) {
          pendingNewline = false;
          b[off] = '\n';
          last = '\n';
          return 1;
        }
        if (cur == null) {
          if (next >= sources.size()) {
            return -1;
          }
          curSource = sources.get(next++);
          try {
            cur = openSource(curSource);
          } catch (IOException e) {
            throw failure(curSource, e);
          }
        }
        int n;
        try {
          n = cur.read(b, off, len);
        } catch (IOException e) {
          throw failure(curSource, e);
        }
        if (n > 0) {
          last = b[off + n - 1];
          return n;
        }
        if (n < 0) {
          closeCurrent();
          if (next < sources.size() && last != '\n') {
            pendingNewline = true;
          }
        }
      }
    }

    private void closeCurrent() {
      try {
        cur.close();
      } catch (IOException ignored) {
        // read to the end already
      }
      cur = null;
    }

    @Override
    public void close() {
      if (cur != null) {
        closeCurrent();
      }
      next = sources.size();
    }

    private W2vException failure(Source s, IOException e) {
      return CompressedInput.failure(what + " " + s.name(), e);
    }
  }
}
