package dev.newsbeam.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the UTF-8 bytes of text a benchmark consumed. JMH reports the field as a secondary result
 * {@code <benchmark>:bytes} in "ops/s", which here means bytes of article text per second (divide
 * by 10^6 for MB/s, the unit of the {@code bench-analyzer} target).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class TextBytes {
  public long bytes;

  @Setup(Level.Iteration)
  public void reset() {
    bytes = 0;
  }
}
