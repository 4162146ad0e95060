// The process's peak memory for a run's summary: what `/usr/bin/time -v` calls the maximum resident set size.
package dev.w2v.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident set size from {@code /proc/self/status} (VmHWM: heap, JIT, metaspace, mapped corpus pages,
 * everything), or where that file does not exist, the sum of the JVM heap pools' peak usage (heap only).
 */
record PeakMemory(long bytes, String source) {
  static final String VMHWM = "VmHWM";
  static final String HEAP = "heap pools";

  static PeakMemory read() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        long kb = parseVmHwm(line);
        if (kb >= 0) {
          return new PeakMemory(kb * 1024, VMHWM);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall back to the JVM's own accounting
    }
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return new PeakMemory(sum, HEAP);
  }

  /** The kB of a {@code VmHWM:   123456 kB} line, or -1 for any other line. */
  static long parseVmHwm(String line) {
    if (!line.startsWith(VMHWM + ":")) {
      return -1;
    }
    String v = line.substring(VMHWM.length() + 1).trim();
    int sp = v.indexOf(' ');
    return Long.parseLong(sp < 0 ? v : v.substring(0, sp));
  }

  /** "412 MB (resident set, VmHWM)". */
  String describe() {
    return String.format(java.util.Locale.ROOT, "%,d MB (%s)", (bytes + (1 << 19)) >> 20,
        source.equals(VMHWM) ? "peak resident set, VmHWM" : "peak of the JVM heap pools");
  }
}
