// Placeholder until the analogy subcommand lands (owned by its issue's branch).
package dev.w2v.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not yet implemented. */
@Command(name = "analogy", description = "(not yet implemented)")
public final class AnalogyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw dev.w2v.io.W2vException.usage("analogy is not implemented yet");
  }
}
