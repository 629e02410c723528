package dev.newsbeam.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Progress lines on stderr while a run goes, read from the Beam counters the pipeline keeps for
 * them ({@link #RECORDS_READ}, {@link #ARTICLES_WRITTEN}): the runner's attempted values, which it
 * reports while the job runs. Only the launcher reads them; the output does not depend on them.
 */
final class Progress {
  /** Namespace of the progress counters. */
  static final String NAMESPACE = "newsbeam.progress";

  /** Input records read (articles, skips and errors alike), counted per file range read. */
  static final String RECORDS_READ = "records_read";

  /** Articles encoded for the write, the last step before {@code articles/}. */
  static final String ARTICLES_WRITTEN = "articles_written";

  /** How often a line is printed; a run shorter than that prints none. */
  static final Duration PERIOD = Duration.ofSeconds(5);

  private Progress() {}

  static Counter recordsRead() {
    return Metrics.counter(NAMESPACE, RECORDS_READ);
  }

  static Counter articlesWritten() {
    return Metrics.counter(NAMESPACE, ARTICLES_WRITTEN);
  }

  /** What the counters said at one moment. */
  record Snapshot(long recordsRead, long articlesWritten, Duration elapsed) {
    /** The stage the counters point to: nothing is written before dedup and the join end. */
    String stage() {
      if (recordsRead == 0) {
        return "planning and reading";
      }
      return articlesWritten == 0 ? "reading, enriching, deduplicating" : "writing articles";
    }

    /** Articles written per second of the run so far. */
    double articlesPerSecond() {
      double s = elapsed.toMillis() / 1000.0;
      return s <= 0 ? 0 : articlesWritten / s;
    }

    String line() {
      long s = elapsed.toSeconds();
      return String.format(
          Locale.ROOT,
          "newsbeam: %d:%02d:%02d elapsed, %,d records read, %,d articles written (%,.0f articles/s),"
              + " %s",
          s / 3600,
          (s / 60) % 60,
          s % 60,
          recordsRead,
          articlesWritten,
          articlesPerSecond(),
          stage());
    }
  }

  /** The progress counters' attempted values summed over steps (0 if the runner has none yet). */
  static Snapshot read(MetricResults metrics, Duration elapsed) {
    MetricQueryResults r =
        metrics.queryMetrics(
            MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(NAMESPACE)).build());
    long records = 0;
    long articles = 0;
    for (MetricResult<Long> c : r.getCounters()) {
      long v = c.getAttempted() == null ? 0 : c.getAttempted();
      switch (c.getName().getName()) {
        case RECORDS_READ -> records += v;
        case ARTICLES_WRITTEN -> articles += v;
        default -> {}
      }
    }
    return new Snapshot(records, articles, elapsed);
  }

  /**
   * Waits for {@code result} to finish, printing a progress line to {@code err} every {@link
   * #PERIOD} unless {@code quiet}. A runner that reports no metrics while running (or whose metrics
   * query fails) still gets the elapsed time.
   */
  static PipelineResult.State waitUntilFinish(
      PipelineResult result, Instant started, PrintStream err, boolean quiet) {
    if (quiet) {
      return result.waitUntilFinish();
    }
    while (true) {
      PipelineResult.State state =
          result.waitUntilFinish(org.joda.time.Duration.millis(PERIOD.toMillis()));
      if (state != null && state.isTerminal()) {
        return state;
      }
      Duration elapsed = Duration.between(started, Instant.now());
      Snapshot s;
      try {
        s = read(result.metrics(), elapsed);
      } catch (RuntimeException e) { // UnsupportedOperationException on some runners
        s = new Snapshot(0, 0, elapsed);
      }
      err.println(s.line());
    }
  }
}
