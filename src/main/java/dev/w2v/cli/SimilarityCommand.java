// Placeholder until the similarity subcommand lands (owned by its issue's branch).
package dev.w2v.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not yet implemented. */
@Command(name = "similarity", description = "(not yet implemented)")
public final class SimilarityCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw dev.w2v.io.W2vException.usage("similarity is not implemented yet");
  }
}
