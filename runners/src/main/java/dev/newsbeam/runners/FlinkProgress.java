package dev.newsbeam.runners;

import dev.newsbeam.pipeline.RunnerHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.core.metrics.MetricsContainerStepMap;
import org.apache.beam.runners.flink.metrics.FlinkMetricContainer;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;

/**
 * Progress for Flink jobs, whose {@code run()} blocks until the job ends: a Flink {@link
 * JobListener} keeps the submitted job's {@link JobClient}, and the launcher reads Beam's metrics
 * from the job's live accumulators through it. Beam's Flink batch translation moves a DoFn's
 * counters into the accumulator when its partition ends, so counts advance stage by stage.
 *
 * <p>The listener is registered through a Flink configuration directory written for the run ({@code
 * --flinkConfDir}, key {@code execution.job-listeners}) unless the user gave a directory of their
 * own (or {@code FLINK_CONF_DIR}); that configuration holds nothing else, as Beam uses an empty one
 * when no directory is given.
 */
public final class FlinkProgress implements RunnerHooks, JobListener {
  private static volatile JobClient job;

  @Override
  public void onJobSubmitted(JobClient client, Throwable failure) {
    if (client != null) {
      job = client;
    }
  }

  @Override
  public void onJobExecuted(JobExecutionResult result, Throwable failure) {
    job = null;
  }

  @Override
  public String[] adjustArgs(String[] args) {
    boolean flink = Arrays.stream(args).anyMatch(a -> a.equalsIgnoreCase("--runner=FlinkRunner"));
    boolean ownConf =
        Arrays.stream(args).anyMatch(a -> a.startsWith("--flinkConfDir"))
            || System.getenv("FLINK_CONF_DIR") != null;
    if (!flink || ownConf) {
      return args;
    }
    String[] out = Arrays.copyOf(args, args.length + 1);
    out[args.length] = "--flinkConfDir=" + confDir();
    return out;
  }

  @Override
  public Optional<MetricResults> liveMetrics() {
    JobClient client = job;
    if (client == null) {
      return Optional.empty();
    }
    Map<String, Object> accumulators;
    try {
      accumulators = client.getAccumulators().get(2, TimeUnit.SECONDS);
    } catch (Exception e) { // the job ended or the cluster is busy: no reading this time
      return Optional.empty();
    }
    Object metrics = accumulators.get(FlinkMetricContainer.ACCUMULATOR_NAME);
    return metrics instanceof MetricsContainerStepMap m
        ? Optional.of(MetricsContainerStepMap.asAttemptedOnlyMetricResults(m))
        : Optional.empty();
  }

  /** A directory whose Flink configuration registers this class as a job listener. */
  static Path confDir() {
    try {
      Path dir = Files.createTempDirectory("newsbeam-flink-conf");
      dir.toFile().deleteOnExit();
      Path conf = dir.resolve("flink-conf.yaml");
      Files.writeString(
          conf,
          "execution.job-listeners: " + FlinkProgress.class.getName() + "\n",
          StandardCharsets.UTF_8);
      conf.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a Flink configuration for progress", e);
    }
  }
}
