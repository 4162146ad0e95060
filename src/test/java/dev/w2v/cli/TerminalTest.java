// The decision between an updating progress line and plain lines looks at stderr, or at what the launcher says.
package dev.w2v.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void stderrOnATerminalDevice() {
    assertTrue(Terminal.decide(null, "/dev/pts/3"));
    assertTrue(Terminal.decide(null, "/dev/tty1"));
    assertTrue(Terminal.decide(null, "/dev/tty"));
    assertTrue(Terminal.decide("", "/dev/console"));
  }

  @Test
  void stderrRedirected() {
    assertFalse(Terminal.decide(null, "/tmp/train.log"), "2> train.log");
    assertFalse(Terminal.decide(null, "pipe:[123456]"), "2>&1 | tee");
    assertFalse(Terminal.decide(null, "/dev/null"));
    assertFalse(Terminal.decide(null, "socket:[99]"));
    assertFalse(Terminal.decide(null, null), "no /proc: plain lines are the safe choice");
  }

  @Test
  void theLaunchersAnswerWins() {
    assertTrue(Terminal.decide("1", null));
    assertTrue(Terminal.decide("true", "pipe:[1]"));
    assertFalse(Terminal.decide("0", "/dev/pts/0"));
    assertFalse(Terminal.decide("false", "/dev/pts/0"));
  }

  @Test
  void thisTestsStderrIsNotATerminal() {
    // surefire runs tests with stderr on a pipe, whatever the terminal mvn was started from
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty(Terminal.PROPERTY) == null);
    assertFalse(Terminal.stderrIsTerminal());
  }
}
