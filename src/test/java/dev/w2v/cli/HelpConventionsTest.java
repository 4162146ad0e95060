// Every command's help follows the conventions in the README's design section; new commands are checked too.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class HelpConventionsTest {
  @TempDir Path dir;

  /** The root and every subcommand, at any depth, except picocli's own help command. */
  private static List<CommandLine> commands() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), all);
    return all;
  }

  private static void collect(CommandLine cl, List<CommandLine> all) {
    if (cl.getCommand() instanceof CommandLine.HelpCommand) {
      return;
    }
    all.add(cl);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!all.contains(sub)) {
        collect(sub, all);
      }
    }
  }

  @Test
  void everyCommandHasASummarySentenceADescriptionAndAnExample() {
    List<CommandLine> all = commands();
    assertTrue(all.size() >= 7, "the tree was walked: " + all.size());
    for (CommandLine cl : all) {
      CommandSpec spec = cl.getCommandSpec();
      String name = spec.qualifiedName();
      String[] desc = spec.usageMessage().description();
      assertTrue(desc.length >= 2, name + ": a summary line and a description");
      String summary = desc[0];
      assertTrue(summary.matches("[A-Z].*[^.]\\.") && !summary.contains("\n"), name + ": summary sentence: " + summary);
      assertTrue(summary.length() <= (cl.getParent() == null ? 79 : 64), name + ": a summary that fits one line of 'w2v --help': " + summary);
      assertTrue(!desc[1].isBlank(), name + ": description after the summary");
      List<String> footer = Arrays.asList(spec.usageMessage().footer());
      int at = footer.indexOf("Examples:");
      assertTrue(at >= 0, name + ": a footer with Examples:");
      assertTrue(footer.subList(at + 1, footer.size()).stream().anyMatch(l -> l.startsWith("  " + name)),
          name + ": an example of the command itself: " + footer);
      for (String line : footer) {
        assertTrue(line.length() < 80, name + ": a footer line wider than the help: " + line);
      }
      assertEquals("=", spec.parser().separator(), name + ": both '-flag value' and '-flag=value'");
    }
  }

  @Test
  void helpOfEveryCommandPrintsItsSummaryAndExamples() {
    for (CommandLine cl : commands()) {
      CommandSpec spec = cl.getCommandSpec();
      List<String> args = new ArrayList<>(Arrays.asList(spec.qualifiedName().split(" ")));
      args.remove(0);
      args.add("--help");
      CliRun r = CliRun.run(args.toArray(new String[0]));
      assertEquals(0, r.code, r.toString());
      assertTrue(r.out.startsWith("Usage: " + spec.qualifiedName()), r.out);
      assertTrue(r.out.contains("\n" + spec.usageMessage().description()[0] + "\n"), r.out);
      assertTrue(r.out.contains("\nExamples:\n"), r.out);
    }
  }

  @Test
  void topLevelHelpListsEverySummaryWhole() {
    CliRun r = CliRun.run("--help");
    for (CommandLine cl : commands()) {
      if (cl.getParent() != null) {
        String summary = cl.getCommandSpec().usageMessage().description()[0];
        String line = "\n  " + cl.getCommandName() + " +" + java.util.regex.Pattern.quote(summary) + "\n";
        assertTrue(java.util.regex.Pattern.compile(line).matcher(r.out).find(), "'" + summary + "' whole in:\n" + r.out);
      }
    }
  }

  @Test
  void queryCommandsSayHowToGiveAWordStartingWithADash() {
    for (String cmd : new String[] {"similar", "analogy"}) {
      CliRun r = CliRun.run(cmd, "--help");
      assertTrue(r.out.contains(" -- -lrb-") && r.out.contains("starting with '-' after '--'"), r.out);
    }
  }

  @Test
  void trainSummaryTellsTheTwoModes() {
    CliRun r = CliRun.run("train", "--help");
    String flat = r.out.replaceAll("\\s+", " ");
    assertTrue(flat.contains("by default, fast kernels"), flat);
    assertTrue(flat.contains("-reference 1 runs word2vec.c's own arithmetic"), flat);
    assertTrue(flat.contains("byte-identical to word2vec.c's"), flat);
    assertTrue(!flat.contains("exactly as word2vec.c does"), flat);
  }

  @Test
  void phrasesTakesFlagEqualsValue() throws IOException {
    Path in = Files.writeString(dir.resolve("in.txt"), "new york is big new york is old\n".repeat(20));
    Path out = dir.resolve("out.txt");
    CliRun r = CliRun.run("phrases", "-train=" + in, "-output=" + out, "-min-count=1", "-threshold=1", "-debug=0");
    assertEquals(0, r.code, r.toString());
    assertTrue(Files.readString(out).contains("new_york"), Files.readString(out));
  }

  @Test
  void completionScriptCompletesCommandsAndOptions() throws IOException, InterruptedException {
    CliRun r = CliRun.run("completion");
    assertEquals(0, r.code, r.toString());
    Path script = Files.writeString(dir.resolve("w2v-completion.bash"), r.out);
    String probe = ". " + script + "\n"
        + "COMP_WORDS=(w2v tr); COMP_CWORD=1; COMP_LINE='w2v tr'; COMP_POINT=6; _complete_w2v; echo \"${COMPREPLY[*]}\"\n"
        + "COMP_WORDS=(w2v train -ite); COMP_CWORD=2; COMP_LINE='w2v train -ite'; COMP_POINT=14; _complete_w2v;"
        + " echo \"${COMPREPLY[*]}\"\n";
    // compopt complains outside a real completion; its stderr is not the answer
    Process p = new ProcessBuilder("bash", "-c", probe).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String got = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.exitValue(), got);
    assertEquals(List.of("train", "-iter"), got.lines().map(String::trim).toList(), got);
  }
}
