package dev.newsbeam.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.Pipeline;
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

  /**
   * {@code pipeline.run()}, with an elapsed-time line on {@code err} every {@link #PERIOD} until it
   * returns (unless {@code quiet}): on runners whose {@code run()} blocks until the job ends (Flink
   * in attached mode, Spark) there are no counts to read meanwhile, but the user still sees the run
   * is alive. What {@code run()} throws is thrown as is.
   */
  static PipelineResult run(
      Pipeline pipeline, String runner, Instant started, PrintStream err, boolean quiet) {
    return quiet ? pipeline.run() : run(pipeline::run, runner, started, err, PERIOD);
  }

  static PipelineResult run(
      Callable<PipelineResult> run,
      String runner,
      Instant started,
      PrintStream err,
      Duration period) {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "newsbeam-run");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<PipelineResult> submitted = executor.submit(run);
      while (true) {
        try {
          return submitted.get(period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          Duration elapsed = Duration.between(started, Instant.now());
          Optional<MetricResults> live = liveMetrics();
          err.println(
              live.isPresent() ? read(live.get(), elapsed).line() : running(elapsed, runner));
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException("the pipeline failed to start: " + cause, cause);
        } catch (InterruptedException e) {
          submitted.cancel(true);
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the pipeline ran", e);
        }
      }
    } finally {
      executor.shutdown();
    }
  }

  /** The first live metrics a runner hook gives, if any; a failing hook is skipped. */
  private static Optional<MetricResults> liveMetrics() {
    for (RunnerHooks hooks : RunnerHooks.installed()) {
      try {
        Optional<MetricResults> m = hooks.liveMetrics();
        if (m.isPresent()) {
          return m;
        }
      } catch (RuntimeException e) {
        // progress is a view: a runner that cannot answer now gets the elapsed-time line
      }
    }
    return Optional.empty();
  }

  /** The line for a run whose runner reports nothing until it ends. */
  static String running(Duration elapsed, String runner) {
    long s = elapsed.toSeconds();
    return String.format(
        Locale.ROOT,
        "newsbeam: %d:%02d:%02d elapsed, running on %s (it reports counts when the job ends)",
        s / 3600,
        (s / 60) % 60,
        s % 60,
        runner);
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
