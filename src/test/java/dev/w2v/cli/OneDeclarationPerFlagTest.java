// A flag that reads the same in several commands is declared once (a mixin), so it is added and changed in one place.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class OneDeclarationPerFlagTest {
  @Test
  void optionsThatReadAlikeShareOneDeclaration() {
    CommandLine main = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    Map<String, Set<String>> declaredIn = new TreeMap<>();
    for (CommandLine sub : main.getSubcommands().values()) {
      for (OptionSpec o : sub.getCommandSpec().options()) {
        if (o.userObject() instanceof Field f && !o.usageHelp() && !o.versionHelp()) {
          String key = o.longestName() + " " + o.paramLabel() + ": " + String.join(" ", o.description());
          declaredIn.computeIfAbsent(key, k -> new TreeSet<>()).add(f.getDeclaringClass().getName());
        }
      }
    }
    for (Map.Entry<String, Set<String>> e : declaredIn.entrySet()) {
      assertEquals(1, e.getValue().size(), "declared in several classes: " + e);
    }
    // the query commands' -limit and -format, and -vectors, come from QueryOptions
    for (String cmd : new String[] {"similar", "analogy", "cosine", "odd-one-out", "plot"}) {
      OptionSpec limit = main.getSubcommands().get(cmd).getCommandSpec().findOption("-limit");
      assertEquals(QueryOptions.Limit.class, ((Field) limit.userObject()).getDeclaringClass(), cmd);
    }
    for (String cmd : new String[] {"similar", "analogy", "cosine", "odd-one-out", "similarity"}) {
      OptionSpec format = main.getSubcommands().get(cmd).getCommandSpec().findOption("-format");
      assertEquals(QueryOptions.Format.class, ((Field) format.userObject()).getDeclaringClass(), cmd);
    }
    assertTrue(declaredIn.size() > 40, declaredIn.keySet().toString());
  }
}
