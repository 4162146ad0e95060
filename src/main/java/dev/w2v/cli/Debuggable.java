// Commands that can ask for stack traces on failure.
package dev.w2v.cli;

/** A command whose options can ask for a Java stack trace when it fails (for bug reports). */
public interface Debuggable {
  /** True when a failure should print its stack trace after the one-line message. */
  boolean stackTraces();
}
