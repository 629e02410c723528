package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.runners.core.metrics.MetricsContainerStepMap;
import org.apache.beam.runners.flink.metrics.FlinkMetricContainer;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;

/**
 * Progress on Flink: the job listener registered through a generated configuration hands the
 * launcher the job's live Beam metrics, and a real embedded run prints counts while it goes.
 */
class FlinkProgressIT {
  private static final String NAMESPACE = "newsbeam.progress";

  @Test
  void flinkRunsGetAConfigurationThatRegistersTheListenerUnlessTheUserHasOne() throws Exception {
    FlinkProgress hooks = new FlinkProgress();
    String[] args = hooks.adjustArgs(new String[] {"--runner=FlinkRunner", "--input=x"});
    String conf =
        Arrays.stream(args).filter(a -> a.startsWith("--flinkConfDir=")).findFirst().get();
    Path dir = Path.of(conf.substring("--flinkConfDir=".length()));
    assertThat(
        Files.readString(dir.resolve("flink-conf.yaml")),
        equalTo("execution.job-listeners: " + FlinkProgress.class.getName() + "\n"));

    String[] own = {"--runner=FlinkRunner", "--flinkConfDir=/etc/flink"};
    assertThat(hooks.adjustArgs(own), equalTo(own));
    String[] direct = {"--input=x"};
    assertThat(hooks.adjustArgs(direct), equalTo(direct));
  }

  @Test
  void theSubmittedJobsAccumulatorsAreTheLiveMetrics() {
    MetricsContainerStepMap steps = new MetricsContainerStepMap();
    steps.getContainer("Enrich").getCounter(MetricName.named(NAMESPACE, "records_read")).inc(52);
    steps
        .getContainer("FinishArticles")
        .getCounter(MetricName.named(NAMESPACE, "articles_written"))
        .inc(44);
    FlinkProgress hooks = new FlinkProgress();
    assertThat(hooks.liveMetrics().isPresent(), is(false)); // no job yet
    hooks.onJobSubmitted(new FakeJob(Map.of(FlinkMetricContainer.ACCUMULATOR_NAME, steps)), null);
    MetricResults live = hooks.liveMetrics().orElseThrow();
    assertThat(counter(live, "records_read"), equalTo(52L));
    assertThat(counter(live, "articles_written"), equalTo(44L));
    hooks.onJobExecuted(null, null);
    assertThat(hooks.liveMetrics().isPresent(), is(false)); // the job has ended
  }

  @Test
  void anEmbeddedFlinkRunPrintsCountsWhileItGoesAndWritesEveryOutput() throws Exception {
    Path dir = Reference.runs().resolve("flink-progress");
    Files.createDirectories(dir);
    Path reuters = Engine.home().resolve("../shared/corpora/reuters21578-train.jsonl").normalize();
    Engine.Run run =
        Engine.newsbeam(
            dir.resolve("run.log"),
            15,
            "--runner=FlinkRunner",
            "--flinkMaster=[local]",
            "--parallelism=2",
            "--input=" + reuters,
            "--output=" + dir.resolve("out"),
            "--format=both",
            "--overwrite");
    assertThat(run.output(), run.exitCode(), equalTo(0));
    List<String> progress =
        run.output()
            .lines()
            .filter(l -> l.startsWith("newsbeam: ") && l.contains(" elapsed, "))
            .toList();
    assertThat(run.output(), progress, not(List.of()));
    // counts come from the job's own metrics: the reading stage ends long before the run does
    Pattern read = Pattern.compile(" ([\\d,]+) records read");
    long most = 0;
    for (String line : progress) {
      Matcher m = read.matcher(line);
      if (m.find()) {
        most = Math.max(most, Long.parseLong(m.group(1).replace(",", "")));
      }
    }
    assertThat(String.join("\n", progress), most, equalTo(15_390L));
    assertThat(progress, hasItem(startsWith("newsbeam: ")));

    // on Flink too: day partitions in both formats, and the report
    Path out = dir.resolve("out");
    List<String> avroDays = partitions(out.resolve("articles"), ".avro");
    assertThat(avroDays.size(), greaterThan(1));
    assertThat(partitions(out.resolve("parquet/articles"), ".parquet"), equalTo(avroDays));
    assertThat(Files.isRegularFile(out.resolve("report.html")), is(true));
  }

  /** The dt= folders of a dataset that hold a file ending in {@code suffix}, sorted. */
  private static List<String> partitions(Path dataset, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dataset)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .map(f -> f.getParent().getFileName().toString())
          .filter(d -> d.startsWith("dt="))
          .distinct()
          .sorted()
          .toList();
    }
  }

  private static long counter(MetricResults results, String name) {
    long sum = 0;
    for (MetricResult<Long> c :
        results
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(NAMESPACE, name))
                    .build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  /** A job whose accumulators are fixed. */
  private record FakeJob(Map<String, Object> accumulators) implements JobClient {
    @Override
    public JobID getJobID() {
      return new JobID();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
      return CompletableFuture.completedFuture(JobStatus.RUNNING);
    }

    @Override
    public CompletableFuture<Void> cancel() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(
        boolean advanceToEndOfEventTime, String dir, SavepointFormatType format) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String dir, SavepointFormatType format) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<Map<String, Object>> getAccumulators() {
      return CompletableFuture.completedFuture(accumulators);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }
  }
}
