// Placeholder until training lands.
package dev.w2v.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Not yet implemented. */
@Command(name = "train", description = "(not yet implemented)")
public final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw dev.w2v.io.W2vException.usage("train is not implemented yet");
  }
}
