// The interactive prompt: JLine line editing and a history file, used only when both ends are a terminal.
package dev.w2v.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Query lines typed at a terminal: arrow keys, Ctrl-R search and the rest of JLine's emacs bindings, and history kept
 * across sessions in {@code $XDG_STATE_HOME/w2v/history} (by default {@code ~/.local/state/w2v/history}, the XDG place
 * for state such as shell history). Ctrl-D on an empty line leaves; Ctrl-C leaves with exit code 130.
 */
final class InteractiveLines implements QuerySession.LineSource {
  /** Kept so that the level set on it stays (JUL holds loggers weakly). */
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private final Terminal terminal;
  private final LineReader reader;
  private boolean interrupted;

  private InteractiveLines(Terminal terminal, LineReader reader) {
    this.terminal = terminal;
    this.reader = reader;
  }

  /** A JLine reader on the system terminal, or null when none can be had (the caller reads plain lines then). */
  static InteractiveLines open(PrintWriter out) {
    JLINE_LOG.setLevel(Level.OFF); // JLine reports through java.util.logging; a failure here means plain lines
    try {
      Terminal t = TerminalBuilder.builder().system(true).dumb(false).build();
      if (Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
        t.close();
        return null;
      }
      DefaultParser parser = new DefaultParser();
      parser.setEscapeChars(new char[0]); // a backslash is part of a word (\xHH escapes), never a line continuation
      parser.setQuoteChars(new char[0]);
      LineReaderBuilder b = LineReaderBuilder.builder().terminal(t).appName("w2v").parser(parser)
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is an ordinary character
          .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
          .variable(LineReader.HISTORY_SIZE, 1000);
      Path history = historyFile();
      if (history != null) {
        b.variable(LineReader.HISTORY_FILE, history);
      }
      out.flush();
      return new InteractiveLines(t, b.build());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The history file, its directory created; null when it cannot be (then history lasts the session only). */
  static Path historyFile() {
    String state = System.getenv("XDG_STATE_HOME");
    Path dir;
    if (state != null && !state.isEmpty() && Paths.get(state).isAbsolute()) {
      dir = Paths.get(state, "w2v");
    } else {
      String home = System.getenv("HOME"); // the user's choice; user.home is the password file's
      if (home == null || home.isEmpty()) {
        home = System.getProperty("user.home");
      }
      if (home == null || home.isEmpty()) {
        return null;
      }
      dir = Paths.get(home, ".local", "state", "w2v");
    }
    try {
      Files.createDirectories(dir);
      return Files.isWritable(dir) ? dir.resolve("history") : null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  @Override
  public String read(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException e) {
      interrupted = true;
      return null;
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public boolean interrupted() {
    return interrupted;
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
    } catch (IOException | RuntimeException e) {
      // history is a convenience: failing to save it must not fail the session
    }
    try {
      terminal.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
