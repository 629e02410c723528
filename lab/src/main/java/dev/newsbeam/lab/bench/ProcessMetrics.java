package dev.newsbeam.lab.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What one benchmark run cost this JVM: wall time, process CPU time, peak resident set size and
 * heap.
 *
 * <p>Heap is reported two ways: the largest heap occupancy seen right after a garbage collection
 * (what the run needed to keep, plus garbage the collector had not reached yet) and the sum of the
 * heap pools' peak use (an upper bound that includes garbage between collections).
 */
public final class ProcessMetrics {
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = processCpuNanos();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final Set<String> heapPools = new HashSet<>();
  private final NotificationListener listener =
      (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
            notification.getType())) {
          Map<String, MemoryUsage> after =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                  .getGcInfo()
                  .getMemoryUsageAfterGc();
          long used = 0;
          for (Map.Entry<String, MemoryUsage> e : after.entrySet()) {
            if (heapPools.contains(e.getKey())) {
              used += e.getValue().getUsed();
            }
          }
          peakAfterGc.accumulateAndGet(used, Math::max);
        }
      };

  private ProcessMetrics() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
        pool.resetPeakUsage();
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
  }

  /** Starts measuring now. */
  public static ProcessMetrics start() {
    return new ProcessMetrics();
  }

  /** The figures since {@link #start}. */
  public Snapshot stop() {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    double cpu = (processCpuNanos() - startCpuNanos) / 1e9;
    long poolPeaks = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        poolPeaks += pool.getPeakUsage().getUsed();
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
          // never added
        }
      }
    }
    return new Snapshot(
        wall,
        cpu,
        peakRssBytes() >> 20,
        peakAfterGc.get() >> 20,
        poolPeaks >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /**
   * @param wallSeconds elapsed time
   * @param cpuSeconds CPU time of the whole process (all threads, user + system)
   * @param peakRssMb the process's high-water resident set size (VmHWM; -1 where /proc is missing)
   * @param peakHeapAfterGcMb the largest heap occupancy right after a collection
   * @param peakHeapUsedMb the sum of the heap pools' peak use
   * @param maxHeapMb -Xmx
   */
  public record Snapshot(
      double wallSeconds,
      double cpuSeconds,
      long peakRssMb,
      long peakHeapAfterGcMb,
      long peakHeapUsedMb,
      long maxHeapMb) {}

  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** VmHWM from /proc/self/status, in bytes; -1 when unavailable (not Linux). */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }
}
