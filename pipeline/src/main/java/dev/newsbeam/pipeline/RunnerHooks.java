package dev.newsbeam.pipeline;

import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.beam.sdk.metrics.MetricResults;

/**
 * What a runner module adds to the launcher without the pipeline module depending on it: found with
 * {@link ServiceLoader}, so the runners jar (Flink) provides one and the DirectRunner jar none.
 */
public interface RunnerHooks {
  /** The arguments the pipeline is parsed from, with whatever this runner needs added. */
  default String[] adjustArgs(String[] args) {
    return args;
  }

  /**
   * The running job's metrics while its {@code run()} blocks (empty when there is no such job or
   * the runner cannot tell); {@link Progress} prints them.
   */
  default Optional<MetricResults> liveMetrics() {
    return Optional.empty();
  }

  /** The hooks on the class path, in {@link ServiceLoader} order. */
  static Iterable<RunnerHooks> installed() {
    return ServiceLoader.load(RunnerHooks.class, RunnerHooks.class.getClassLoader());
  }
}
