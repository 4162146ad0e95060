// The top-level `w2v` command: subcommands, one-line errors and exit codes.
package dev.w2v.cli;

import dev.w2v.io.W2vException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Every failure is printed as one line on stderr and mapped to a named exit code. */
@Command(
    name = "w2v",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Train and query word2vec embeddings: a faithful, faster port of word2vec.c.",
      "Options keep word2vec.c's names and take '-size 200' or '-size=200'. 'w2v COMMAND --help' lists a"
          + " command's options."
    },
    footer = {
      "",
      "Examples:",
      "  w2v train -train corpus.txt -output vectors.bin -cbow 0 -size 200",
      "  w2v similar -vectors vectors.bin king",
      "  w2v accuracy -vectors vectors.bin questions-words.txt"
    })
public final class Main implements Callable<Integer> {
  /**
   * The commands, in the order {@code w2v --help} lists them. Added by {@link #commandLine(PrintWriter, PrintWriter,
   * String)}, not by the annotation, so that a run builds the one it names: picocli reads every option of every
   * command it is given, and the whole tree took some 200 ms of the start-up, the train command alone 130.
   */
  static final List<Class<?>> COMMANDS = List.of(TrainCommand.class, SimilarCommand.class, AnalogyCommand.class,
      CosineCommand.class, OddOneOutCommand.class, PlotCommand.class, ServeCommand.class, AccuracyCommand.class,
      SimilarityCommand.class, PhrasesCommand.class, ConvertCommand.class, CompletionCommand.class,
      CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The process's standard output, which remembers why a write failed (null when run from tests). */
  private static Streams.Checked stdout;

  /** {@code w2v} alone: the usage, on stderr, and a usage error (a script that forgot the command fails). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    // UTF-8 whatever the locale: under a POSIX locale Java 17 would print every non-ASCII word as '?'
    Streams.Checked checked = new Streams.Checked(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(checked, StandardCharsets.UTF_8), true);
    // phrases -output - writes bytes to System.out: through the same stream, so its failure is known too
    System.setOut(new PrintStream(new BufferedOutputStream(checked, 8192), true, StandardCharsets.UTF_8));
    OutputStream errStream = Streams.stderr();
    System.setErr(new PrintStream(errStream, true, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(errStream, StandardCharsets.UTF_8), true);
    // Ctrl-C: the JVM exits 130 rather than dying of the signal, so the shell adds no newline after the terminal's
    // echoed ^C or a progress line, and its prompt would start mid-line. On a terminal, a shutdown hook that runs
    // only while the command runs ends the line.
    Thread endLine = new Thread(() -> {
      err.println();
      err.flush();
    }, "w2v-interrupted");
    boolean tty = Terminal.stderrIsTerminal();
    if (tty) {
      Runtime.getRuntime().addShutdownHook(endLine);
    }
    QueryOptions.warmUpEarly(args);
    int code = run(args, checked, out, err);
    if (tty) {
      Runtime.getRuntime().removeShutdownHook(endLine);
    }
    out.flush();
    System.out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs {@code w2v args} with the given streams and returns the exit code (for tests). Results that could not be
   * written to {@code out} make the run fail with {@link ExitCodes#IO}, whatever the command returned.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, null, out, err);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}, where {@code out} writes to {@code checked} (null: not
   * known), which says why a write failed: a closed pipe ends the run quietly with {@link ExitCodes#CLOSED_PIPE}.
   */
  static int run(String[] args, Streams.Checked checked, PrintWriter out, PrintWriter err) {
    Streams.Checked saved = stdout;
    stdout = checked;
    try {
      CommandLine cl = commandLine(out, err, args.length > 0 ? args[0] : null);
      int code;
      try {
        code = cl.execute(args);
      } catch (OutOfMemoryError e) {
        // picocli passes Errors through; the allocations that failed are garbage now, so printing is safe
        code = outOfMemory(cl, e);
      }
      return checkOutput(cl, out, code);
    } finally {
      stdout = saved;
    }
  }

  /** True when standard output's reader has gone: the run ends quietly, as a process killed by SIGPIPE. */
  private static boolean stdoutClosed() {
    return stdout != null && Streams.closedPipe(stdout.failure());
  }

  /**
   * A PrintWriter never throws: it only remembers that a write failed. Every command writes its results through
   * {@code out}, so this one check after the command (checkError flushes first) catches a full disk or /dev/full
   * for all of them (exit 4, with a message), and a closed pipe (exit 141, quietly, as grep or cat end).
   */
  private static int checkOutput(CommandLine cl, PrintWriter out, int code) {
    if (!out.checkError()) {
      return code;
    }
    if (stdoutClosed()) {
      return code == ExitCodes.OK || code == ExitCodes.CLOSED_PIPE ? ExitCodes.CLOSED_PIPE : code;
    }
    IOException cause = stdout != null ? stdout.failure() : null;
    PrintWriter err = cl.getErr();
    err.println(prefix(leaf(cl)) + "error: cannot write the results to standard output"
        + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""));
    err.flush();
    return code == ExitCodes.OK ? ExitCodes.IO : code;
  }

  /** The subcommand that was run (or the top-level command when parsing stopped before one). */
  private static CommandLine leaf(CommandLine cl) {
    CommandLine.ParseResult pr = cl.getParseResult();
    while (pr != null && pr.hasSubcommand()) {
      pr = pr.subcommand();
    }
    return pr != null ? pr.commandSpec().commandLine() : cl;
  }

  /** One line for an OutOfMemoryError that no size check foresaw (for example a huge vocabulary being counted). */
  private static int outOfMemory(CommandLine cl, OutOfMemoryError e) {
    CommandLine at = leaf(cl);
    PrintWriter err = cl.getErr();
    long maxMb = Runtime.getRuntime().maxMemory() >> 20;
    err.println(prefix(at) + "error: out of memory: the Java heap (" + maxMb + " MB) is too small for this input;"
        + " raise it, e.g. W2V_JAVA_OPTS=-Xmx" + Math.max(2, 2 * ((maxMb + 1023) >> 10)) + "g");
    Object cmd = at.getCommand();
    if (cmd instanceof Debuggable && ((Debuggable) cmd).stackTraces()) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.MEMORY;
  }

  /** The configured command tree. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, null);
  }

  /**
   * The command tree for a run whose first argument is {@code first}: when that names a command other than help
   * and completion (which read the whole tree), only that command; otherwise all of them (usage, errors that
   * suggest a command).
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
    CommandLine cl = new CommandLine(new Main());
    Class<?> only = null;
    for (Class<?> c : COMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      if (name.equals(first) && c != CompletionCommand.class && c != CommandLine.HelpCommand.class) {
        only = c;
      }
    }
    for (Class<?> c : COMMANDS) {
      if (only == null || c == only) {
        cl.addSubcommand(c);
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // "@user" is a word (a vocabulary has them), not a file of arguments to read
    cl.setExpandAtFiles(false);
    cl.registerConverter(java.nio.file.Path.class, Main::path);
    cl.setExecutionStrategy(Main::execute);
    cl.setParameterExceptionHandler(Main::badParameters);
    cl.setExecutionExceptionHandler(Main::failed);
    return cl;
  }

  /** A file name the OS cannot take (a NUL byte) is a usage error in words, not a Java exception's name. */
  private static java.nio.file.Path path(String s) {
    try {
      return java.nio.file.Path.of(s);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CommandLine.TypeConversionException("not a usable file name (" + e.getReason() + ")");
    }
  }

  /**
   * Runs the command that was parsed with {@link LogLines} as System.err, so that what library code logs through
   * slf4j reaches this command's err writer in w2v's format and at its -debug level.
   */
  private static int execute(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult pr = parsed;
    while (pr.hasSubcommand()) {
      pr = pr.subcommand();
    }
    CommandLine leaf = pr.commandSpec().commandLine();
    CommandLine.Model.OptionSpec debug = pr.commandSpec().findOption("-debug");
    Object level = debug == null ? null : debug.getValue();
    PrintStream saved = System.err;
    System.setErr(new LogLines(leaf.getErr(), prefix(leaf), level instanceof Integer ? (Integer) level : 1,
        jsonProgress(leaf)));
    try {
      return new CommandLine.RunLast().execute(parsed);
    } finally {
      System.err.flush();
      System.setErr(saved);
    }
  }

  /** True when the command runs with {@code -progress json}: its diagnostics and errors are JSON objects too. */
  static boolean jsonProgress(CommandLine cl) {
    CommandLine.Model.OptionSpec o = cl.getCommandSpec().findOption("-progress");
    Object v = o == null ? null : o.getValue(); // Object: getValue() is generic, and String.valueOf(char[]) waits
    return v != null && "json".equals(v.toString());
  }

  private static int badParameters(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String message = ex instanceof CommandLine.UnmatchedArgumentException
        ? unmatched((CommandLine.UnmatchedArgumentException) ex)
        : lowerFirst(ex.getMessage()); // picocli's "Missing required..." reads as the rest: "error: missing ..."
    err.println(prefix(cl) + "error: " + oneLine(message));
    // the top level has commands, not options, to offer
    String what = cl.getCommandSpec().parent() == null ? "commands" : "options";
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the " + what + ".");
    return ExitCodes.USAGE;
  }

  private static int failed(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    Object cmd = cl.getCommand();
    boolean trace = cmd instanceof Debuggable && ((Debuggable) cmd).stackTraces();
    int code;
    String message;
    if (ex instanceof W2vException && ((W2vException) ex).kind() == W2vException.Kind.IO
        && (Streams.closedPipe(ex) || stdoutClosed())) {
      // the reader of standard output (or of an output FIFO) went away: end quietly, as grep or cat do
      return ExitCodes.CLOSED_PIPE;
    }
    if (ex instanceof W2vException) {
      code = ExitCodes.of(((W2vException) ex).kind());
      message = ex.getMessage();
    } else if (ex instanceof CommandLine.ParameterException) {
      return badParameters((CommandLine.ParameterException) ex, new String[0]);
    } else if (ex instanceof java.nio.file.InvalidPathException) {
      // a file name given as a plain string (accuracy's QUESTIONS) that the OS cannot take
      java.nio.file.InvalidPathException bad = (java.nio.file.InvalidPathException) ex;
      code = ExitCodes.USAGE;
      message = "'" + bad.getInput() + "' is not a usable file name (" + bad.getReason() + ")";
    } else {
      code = ExitCodes.SOFTWARE;
      message = "internal error: " + ex + " (run with -debug 3 for a stack trace)";
    }
    if (jsonProgress(cl)) {
      String line = oneLine(message);
      int exit = code;
      Json.line(err, g -> {
        g.writeStartObject();
        g.writeStringField("event", "error");
        g.writeStringField("message", line);
        g.writeNumberField("exit_code", exit);
        g.writeEndObject();
      });
    } else {
      err.println(prefix(cl) + "error: " + oneLine(message));
    }
    if (trace) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /**
   * "unknown option '-iters' (did you mean '-iter'?)": the first unknown argument and the nearest valid names,
   * instead of picocli's list of every unmatched argument.
   */
  static String unmatched(CommandLine.UnmatchedArgumentException ex) {
    CommandLine cl = ex.getCommandLine();
    List<String> args = ex.getUnmatched();
    String arg = args.isEmpty() ? "" : args.get(0);
    boolean option = arg.startsWith("-") && arg.length() > 1;
    String what;
    if (option) {
      what = "unknown option '" + arg + "'";
    } else if (!cl.getSubcommands().isEmpty()) {
      what = "unknown command '" + arg + "'";
    } else {
      what = "unexpected argument '" + arg + "'";
    }
    List<String> near = ex.getSuggestions();
    if (!near.isEmpty() && !near.get(0).equals(arg)) {
      return what + " (did you mean '" + near.get(0) + "'?)"; // the nearest only: the next ones are rarely meant
    }
    if (option && !cl.getCommandSpec().positionalParameters().isEmpty()) {
      return what + "; to give a word that starts with '-', put it after '--'";
    }
    return what;
  }

  /** "Missing required parameter" becomes "missing required parameter"; "URL ..." stays. */
  static String lowerFirst(String s) {
    if (s == null || s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || !Character.isLowerCase(s.charAt(1))) {
      return s;
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** "w2v train: " for the train command. */
  static String prefix(CommandLine cl) {
    return cl.getCommandSpec().qualifiedName() + ": ";
  }

  static String oneLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    return s.replace('\n', ' ').replace('\r', ' ').trim();
  }

  /** Prints the project version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"w2v " + (v == null ? "dev" : v)};
    }
  }
}
