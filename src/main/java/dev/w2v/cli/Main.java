// The top-level `w2v` command: subcommands, one-line errors and exit codes.
package dev.w2v.cli;

import dev.w2v.io.W2vException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Every failure is printed as one line on stderr and mapped to a named exit code. */
@Command(
    name = "w2v",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Train and query word2vec embeddings (a faithful, faster port of word2vec.c).",
    subcommands = {
      TrainCommand.class,
      SimilarCommand.class,
      AnalogyCommand.class,
      CosineCommand.class,
      OddOneOutCommand.class,
      PlotCommand.class,
      AccuracyCommand.class,
      SimilarityCommand.class,
      PhrasesCommand.class,
      ConvertCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  public static void main(String[] args) {
    // UTF-8 whatever the locale: under a POSIX locale Java 17 would print every non-ASCII word as '?'
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
        StandardCharsets.UTF_8), true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs {@code w2v args} with the given streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(out, err);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli passes Errors through; the allocations that failed are garbage now, so printing is safe
      return outOfMemory(cl, e);
    }
  }

  /** One line for an OutOfMemoryError that no size check foresaw (for example a huge vocabulary being counted). */
  private static int outOfMemory(CommandLine cl, OutOfMemoryError e) {
    CommandLine.ParseResult pr = cl.getParseResult();
    while (pr != null && pr.hasSubcommand()) {
      pr = pr.subcommand();
    }
    CommandLine at = pr != null ? pr.commandSpec().commandLine() : cl;
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
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.registerConverter(java.nio.file.Path.class, Main::path);
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

  private static int badParameters(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(prefix(cl) + "error: " + oneLine(ex.getMessage()));
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    return ExitCodes.USAGE;
  }

  private static int failed(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    Object cmd = cl.getCommand();
    boolean trace = cmd instanceof Debuggable && ((Debuggable) cmd).stackTraces();
    int code;
    String message;
    if (ex instanceof W2vException) {
      code = ExitCodes.of(((W2vException) ex).kind());
      message = ex.getMessage();
    } else if (ex instanceof CommandLine.ParameterException) {
      return badParameters((CommandLine.ParameterException) ex, new String[0]);
    } else {
      code = ExitCodes.SOFTWARE;
      message = "internal error: " + ex + " (run with -debug 3 for a stack trace)";
    }
    err.println(prefix(cl) + "error: " + oneLine(message));
    if (trace) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
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
