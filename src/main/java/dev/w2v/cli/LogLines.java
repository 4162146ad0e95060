// Stands in for System.err while a command runs: slf4j-simple's lines leave in w2v's own format.
package dev.w2v.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Library code logs through slf4j; on the command line the binding is slf4j-simple, configured (simplelogger.properties)
 * to write "[LEVEL] message" lines to System.err, which it looks up at every write. This stream is that System.err:
 * it writes each line to the command's err writer as w2v always has, an INFO line as its bare message ("Vocab size:
 * 71290"), a WARN line as "w2v similar: warning: ...", an ERROR line as "w2v similar: error: ...", and drops what the
 * command's -debug level hides (0: errors only; 1: also info and warnings; 2: also debug). Anything else written to
 * System.err passes through unchanged.
 */
final class LogLines extends PrintStream {
  private final PrintWriter err;
  private final String prefix;
  private final int debug;
  private final boolean json;

  /** {@code prefix} is the command's, "w2v similar: "; {@code debug} its -debug level. */
  LogLines(PrintWriter err, String prefix, int debug) {
    this(err, prefix, debug, false);
  }

  /** With {@code json} (train's -progress json), each message is a {"event":"log",...} object, as the progress. */
  LogLines(PrintWriter err, String prefix, int debug, boolean json) {
    super(new Passthrough(err), true, StandardCharsets.UTF_8);
    this.err = err;
    this.prefix = prefix;
    this.debug = debug;
    this.json = json;
  }

  /** slf4j-simple writes each message with one println(String). */
  @Override
  public void println(String line) {
    String shown = json ? formatJson(line) : format(line);
    if (shown != null) {
      synchronized (err) {
        err.println(shown);
        err.flush();
      }
    }
  }

  /** The line as one JSON object, {"event":"log","level":"info","message":...}, or null when -debug hides it. */
  String formatJson(String line) {
    String text = format(line);
    if (text == null) {
      return null;
    }
    String level = "info";
    for (String l : new String[] {"WARN", "ERROR", "DEBUG", "INFO"}) {
      if (line.startsWith("[" + l + "] ")) {
        level = l.toLowerCase(java.util.Locale.ROOT);
        text = line.substring(l.length() + 3);
      }
    }
    String lvl = level;
    String message = text;
    java.io.StringWriter sw = new java.io.StringWriter();
    Json.line(new PrintWriter(sw), g -> {
      g.writeStartObject();
      g.writeStringField("event", "log");
      g.writeStringField("level", lvl);
      g.writeStringField("message", message);
      g.writeEndObject();
    });
    return sw.toString().stripTrailing();
  }

  /** The line as w2v shows it, or null when -debug hides it. */
  String format(String line) {
    if (line == null) {
      return "null";
    }
    if (line.startsWith("[INFO] ")) {
      return debug >= 1 ? line.substring(7) : null;
    }
    if (line.startsWith("[WARN] ")) {
      return debug >= 1 ? prefix + "warning: " + line.substring(7) : null;
    }
    if (line.startsWith("[ERROR] ")) {
      return prefix + "error: " + line.substring(8);
    }
    if (line.startsWith("[DEBUG] ")) {
      return debug >= 2 ? line.substring(8) : null;
    }
    if (line.startsWith("[TRACE] ")) {
      return null;
    }
    return line;
  }

  /** Bytes written any other way (a stack trace, a stray print) go to the writer line by line, decoded as UTF-8. */
  private static final class Passthrough extends OutputStream {
    private final PrintWriter err;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Passthrough(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public synchronized void flush() {
      if (line.size() > 0) {
        synchronized (err) {
          err.write(line.toString(StandardCharsets.UTF_8));
          err.flush();
        }
        line.reset();
      }
    }
  }
}
