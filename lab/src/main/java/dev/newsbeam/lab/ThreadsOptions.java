package dev.newsbeam.lab;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How many threads a measured engine gets, the same for every engine of a comparison. */
public interface ThreadsOptions extends PipelineOptions {
  @Description(
      "Worker threads of a run: the baseline's pool, Flink's --parallelism, the DirectRunner's "
          + "--targetParallelism and Spark's local[N].")
  @Default.InstanceFactory(AvailableProcessors.class)
  int getThreads();

  void setThreads(int value);

  /** One thread per processor this JVM may use. */
  final class AvailableProcessors implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      return Runtime.getRuntime().availableProcessors();
    }
  }
}
