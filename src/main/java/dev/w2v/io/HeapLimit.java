// What bounds the Java heap, in words a user can act on: the "not enough memory" messages name it.
package dev.w2v.io;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The heap's ceiling ({@link Runtime#maxMemory()}), the machine's memory, and how the ceiling was set: the
 * {@code w2v} launcher gives the JVM {@code -XX:MaxRAMPercentage} of the machine's memory unless
 * {@code W2V_JAVA_OPTS} sets {@code -Xmx} (the JVM alone would stop at a quarter).
 */
public final class HeapLimit {
  private HeapLimit() {}

  /** The machine's (or the container's) memory in bytes, or -1 when the JVM cannot tell. */
  public static long machineBytes() {
    try {
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      if (os instanceof com.sun.management.OperatingSystemMXBean) {
        return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
      }
    } catch (RuntimeException | LinkageError e) {
      // not a HotSpot JVM
    }
    return -1;
  }

  /** How the heap limit was set: "-Xmx", "MaxRAMPercentage=N" or "the JVM's default". */
  static String setBy() {
    try {
      for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")) {
          return a;
        }
      }
      for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (a.startsWith("-XX:MaxRAMPercentage")) {
          return a;
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // no management beans
    }
    return "the JVM's default, a quarter of the memory";
  }

  /**
   * "the Java heap may grow to 19,912 MB (-XX:MaxRAMPercentage=85 of this machine's 23,426 MB); give it more with
   * W2V_JAVA_OPTS=-Xmx<suggestG>g", the advice ending every out-of-memory message.
   */
  public static String describe(long suggestGigabytes) {
    long max = Runtime.getRuntime().maxMemory() >> 20;
    long machine = machineBytes();
    String of = machine > 0 ? String.format(Locale.ROOT, " of this machine's %,d MB", machine >> 20) : "";
    String advice = machine > 0 && suggestGigabytes > (machine >> 30)
        ? "this machine has too little memory for it"
        : "give it more with W2V_JAVA_OPTS=-Xmx" + (suggestGigabytes > 0 ? suggestGigabytes + "g" : "<size>");
    return String.format(Locale.ROOT, "the Java heap may grow to %,d MB (%s%s); %s", max, setBy(), of, advice);
  }
}
