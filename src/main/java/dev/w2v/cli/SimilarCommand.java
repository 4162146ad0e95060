// Placeholder until the similar subcommand lands (owned by its issue's branch).
package dev.w2v.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not yet implemented. */
@Command(name = "similar", description = "(not yet implemented)")
public final class SimilarCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw dev.w2v.io.W2vException.usage("similar is not implemented yet");
  }
}
