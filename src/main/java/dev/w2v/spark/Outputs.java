// Writing the Spark trainer's outputs to any Hadoop path, never leaving a half-written file or directory.
package dev.w2v.spark;

import dev.w2v.io.AtomicFile;
import dev.w2v.io.W2vException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A local path (no scheme, or {@code file:}) is written exactly as the command line writes it, through
 * {@link AtomicFile}. Any other path ({@code hdfs://}, {@code s3a://}, ...) is written to a temporary name beside
 * it and renamed into place.
 */
final class Outputs {
  private Outputs() {}

  /** Writes one file's bytes. */
  interface Body {
    void write(OutputStream out) throws IOException;
  }

  static boolean isLocal(String path) {
    URI u = new Path(path).toUri();
    return u.getScheme() == null || u.getScheme().equals("file");
  }

  static java.nio.file.Path local(String path) {
    return java.nio.file.Path.of(new Path(path).toUri().getPath());
  }

  /** Writes {@code path} whole or not at all. */
  static void write(String path, String what, Configuration conf, Body body) {
    if (isLocal(path)) {
      try (AtomicFile f = AtomicFile.create(local(path), what)) {
        body.write(f.stream());
        f.commit();
      } catch (IOException e) {
        throw W2vException.io("cannot write " + what + " " + path + ": " + AtomicFile.reason(e), e);
      }
      return;
    }
    try {
      Path target = new Path(path);
      FileSystem fs = target.getFileSystem(conf);
      Path tmp = temp(target);
      try (OutputStream out = fs.create(tmp, false)) {
        body.write(out);
      } catch (IOException | RuntimeException e) {
        fs.delete(tmp, false);
        throw e;
      }
      replace(fs, tmp, target);
    } catch (IOException e) {
      throw W2vException.io("cannot write " + what + " " + path + ": " + e.getMessage(), e);
    }
  }

  /** A local file produced by {@code writer} (e.g. VectorWriter), then copied to a non-local path. */
  static void viaLocalFile(String path, String what, Configuration conf, java.util.function.Consumer<java.nio.file.Path> writer) {
    if (isLocal(path)) {
      writer.accept(local(path));
      return;
    }
    java.nio.file.Path tmpLocal = null;
    try {
      tmpLocal = Files.createTempFile("w2v-spark", ".out");
      writer.accept(tmpLocal);
      Path target = new Path(path);
      FileSystem fs = target.getFileSystem(conf);
      Path tmp = temp(target);
      fs.copyFromLocalFile(false, true, new Path(tmpLocal.toUri()), tmp);
      replace(fs, tmp, target);
    } catch (IOException e) {
      throw W2vException.io("cannot write " + what + " " + path + ": " + e.getMessage(), e);
    } finally {
      if (tmpLocal != null) {
        try {
          Files.deleteIfExists(tmpLocal);
        } catch (IOException ignored) {
          // a temporary file in the system's temp directory
        }
      }
    }
  }

  static Path temp(Path target) {
    return new Path(target.getParent(), "." + target.getName() + "."
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
  }

  /** Renames {@code tmp} to {@code target}, replacing what was there. */
  static void replace(FileSystem fs, Path tmp, Path target) throws IOException {
    if (fs.exists(target)) {
      fs.delete(target, true);
    }
    if (!fs.rename(tmp, target)) {
      fs.delete(tmp, true);
      throw new IOException("rename of " + tmp + " failed");
    }
  }

  /** Fails early when the parent directory of {@code path} does not exist. */
  static void checkWritable(String path, String what, Configuration conf) {
    if (isLocal(path)) {
      AtomicFile.checkWritable(local(path), what);
      return;
    }
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      if (p.getParent() != null && !fs.exists(p.getParent())) {
        throw W2vException.io("cannot write " + what + " " + path + ": no such directory " + p.getParent(), null);
      }
    } catch (IOException e) {
      throw W2vException.io("cannot write " + what + " " + path + ": " + e.getMessage(), e);
    }
  }
}
