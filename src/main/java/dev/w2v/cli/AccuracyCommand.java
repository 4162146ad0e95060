// Placeholder until the accuracy subcommand lands (owned by its issue's branch).
package dev.w2v.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not yet implemented. */
@Command(name = "accuracy", description = "(not yet implemented)")
public final class AccuracyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw dev.w2v.io.W2vException.usage("accuracy is not implemented yet");
  }
}
