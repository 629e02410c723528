package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricKey;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress lines: what they say, when they are printed, and that the counters count the run. */
class ProgressTest {
  @TempDir Path tmp;

  @Test
  void theCountersOfARealRunAgreeWithItsManifest() throws Exception {
    Path out = tmp.resolve("out");
    String[] args = {"--input=" + Outputs.testdata(), "--output=" + out};
    NewsbeamOptions options = PipelineOptionsFactory.fromArgs(args).as(NewsbeamOptions.class);
    Main.relaxDirectRunnerChecks(options, args);
    Pipeline pipeline = Pipeline.create(options);
    NewsPipeline.build(pipeline, Instant.now());
    PipelineResult result = pipeline.run();
    assertThat(result.waitUntilFinish(), is(PipelineResult.State.DONE));

    Progress.Snapshot s = Progress.read(result.metrics(), Duration.ofSeconds(2));
    JsonNode counts = Outputs.manifest(out).path("counts");
    assertThat(s.recordsRead(), equalTo(counts.path("input_records").asLong()));
    assertThat(s.articlesWritten(), equalTo(counts.path("articles").asLong()));
  }

  @Test
  void aLineGivesElapsedTimeCountsRateAndStage() {
    Progress.Snapshot s = new Progress.Snapshot(12_345, 9_000, Duration.ofSeconds(3_725));
    assertThat(
        s.line(),
        equalTo(
            "newsbeam: 1:02:05 elapsed, 12,345 records read, 9,000 articles written (2 articles/s),"
                + " writing articles"));
    assertThat(
        new Progress.Snapshot(500, 0, Duration.ofSeconds(4)).stage(),
        equalTo("reading, enriching, deduplicating"));
    assertThat(new Progress.Snapshot(0, 0, Duration.ZERO).articlesPerSecond(), equalTo(0.0));
  }

  @Test
  void printsALinePerPollWhileTheRunGoesAndNoneWhenQuiet() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    FakeRun run = new FakeRun(new long[][] {{1_200, 0}, {1_500, 900}});
    PipelineResult.State state =
        Progress.waitUntilFinish(run, Instant.now(), new PrintStream(err, true), false);
    assertThat(state, is(PipelineResult.State.DONE));
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines, hasSize(2));
    assertThat(lines.get(0), containsString("1,200 records read, 0 articles written"));
    assertThat(lines.get(0), containsString("reading, enriching, deduplicating"));
    assertThat(lines.get(1), containsString("1,500 records read, 900 articles written"));

    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    Progress.waitUntilFinish(
        new FakeRun(new long[][] {{1, 1}}), Instant.now(), new PrintStream(quiet, true), true);
    assertThat(quiet.toString(StandardCharsets.UTF_8), is(emptyString()));
  }

  @Test
  void aRunWhoseStartBlocksGetsElapsedTimeLinesAndItsResult() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    FakeRun done = new FakeRun(new long[0][]);
    PipelineResult result =
        Progress.run(
            () -> {
              Thread.sleep(400);
              return done;
            },
            "FlinkRunner",
            Instant.now(),
            new PrintStream(err, true),
            Duration.ofMillis(50));
    assertThat(result, is(done));
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.size(), greaterThanOrEqualTo(2));
    assertThat(lines.get(0), containsString("elapsed, running on FlinkRunner"));
  }

  @Test
  void whatTheRunThrowsIsThrownAsIs() {
    IllegalStateException failure = new IllegalStateException("the job failed");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                Progress.run(
                    () -> {
                      throw failure;
                    },
                    "FlinkRunner",
                    Instant.now(),
                    new PrintStream(new ByteArrayOutputStream(), true),
                    Duration.ofMillis(50)));
    assertThat(thrown, is(failure));
  }

  /** A run that is still going for as many polls as it has counter readings, then done. */
  private static final class FakeRun implements PipelineResult {
    private final Deque<long[]> readings = new ArrayDeque<>();
    private long[] current = {0, 0};

    FakeRun(long[][] readings) {
      this.readings.addAll(List.of(readings));
    }

    @Override
    public State getState() {
      return readings.isEmpty() ? State.DONE : State.RUNNING;
    }

    @Override
    public State cancel() {
      return State.CANCELLED;
    }

    @Override
    public State waitUntilFinish(org.joda.time.Duration duration) {
      if (readings.isEmpty()) {
        return State.DONE;
      }
      current = readings.poll();
      return null; // not finished within the wait
    }

    @Override
    public State waitUntilFinish() {
      readings.clear();
      return State.DONE;
    }

    @Override
    public MetricResults metrics() {
      long[] c = current;
      return new MetricResults() {
        @Override
        public MetricQueryResults queryMetrics(MetricsFilter filter) {
          return MetricQueryResults.create(
              List.of(
                  counter(Progress.RECORDS_READ, c[0]), counter(Progress.ARTICLES_WRITTEN, c[1])),
              List.of(),
              List.of(),
              List.of(),
              List.of(),
              List.of());
        }
      };
    }

    private static MetricResult<Long> counter(String name, long value) {
      return MetricResult.attempted(
          MetricKey.create("step", MetricName.named(Progress.NAMESPACE, name)), value);
    }
  }
}
