package dev.newsbeam.lab.bench;

import dev.newsbeam.byline.BylineParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Measures the pure {@link BylineParser} on one thread: a warm-up pass for the JIT, then a timed
 * loop over the given bylines. Speed targets live here and in the {@code bench-bylines} command,
 * never in unit tests.
 */
public final class BylineBenchmark {

  /** What a run measured. */
  /**
   * @param bylines parses timed
   * @param nanos wall-clock time
   * @param cpuNanos CPU time of the timing thread: on a shared machine this, not wall time, is what
   *     one core delivered
   * @param authors people found (keeps the parse observable)
   */
  public record Measurement(long bylines, long nanos, long cpuNanos, long authors) {
    public double bylinesPerSecond() {
      return nanos == 0 ? 0 : bylines * 1e9 / nanos;
    }

    public double bylinesPerCpuSecond() {
      return cpuNanos <= 0 ? 0 : bylines * 1e9 / cpuNanos;
    }
  }

  private final BylineParser parser;

  public BylineBenchmark(BylineParser parser) {
    this.parser = parser;
  }

  /**
   * @param bylines the inputs, cycled in order
   * @param warmupSeconds CPU seconds to run before timing
   * @param seconds CPU seconds to time
   */
  public Measurement run(List<String> bylines, double warmupSeconds, double seconds) {
    if (bylines.isEmpty()) {
      throw new IllegalArgumentException("no bylines to parse");
    }
    loop(bylines, (long) (warmupSeconds * 1e9));
    return loop(bylines, (long) (seconds * 1e9));
  }

  private Measurement loop(List<String> bylines, long budgetNanos) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
    long start = System.nanoTime();
    long count = 0;
    long authors = 0;
    long spent;
    // the budget is CPU time of this thread when the JVM can measure it: on a machine shared with
    // other
    // jobs, wall time would mostly measure the wait for a core
    do {
      for (String raw : bylines) {
        // the author count feeds the result so the JIT cannot drop the parse as dead code
        authors += parser.parse(raw).people().size();
      }
      count += bylines.size();
      spent = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : System.nanoTime() - start;
    } while (spent < budgetNanos);
    long wall = System.nanoTime() - start;
    return new Measurement(count, wall, cpu ? spent : -1, authors);
  }
}
