package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * The options whose defaults depend on the runner ({@link NewsbeamOptions}, {@link OutputOptions}).
 */
class RunnerDefaultsTest {
  /** Stands in for a cluster runner (Flink, Spark, Dataflow are not on this module's classpath). */
  static final class ClusterRunner extends PipelineRunner<PipelineResult> {
    public static ClusterRunner fromOptions(PipelineOptions options) {
      return new ClusterRunner();
    }

    @Override
    public PipelineResult run(Pipeline pipeline) {
      throw new UnsupportedOperationException();
    }
  }

  private static NewsbeamOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(NewsbeamOptions.class);
  }

  private static NewsbeamOptions onCluster(String... args) {
    NewsbeamOptions options = options(args);
    options.setRunner(ClusterRunner.class);
    return options;
  }

  @Test
  void directRunnerShufflesInTwicePerParallelism() {
    assertThat(options("--targetParallelism=3").getShuffleShards(), is(6));
    assertThat(options("--targetParallelism=1").getShuffleShards(), is(2));
  }

  @Test
  void clusterRunnerKeepsEachStagesDefault() {
    assertThat(onCluster().getShuffleShards(), is(0));
  }

  @Test
  void explicitShuffleShardsWinOnAnyRunner() {
    assertThat(options("--shuffleShards=16").getShuffleShards(), is(16));
    assertThat(onCluster("--shuffleShards=16").getShuffleShards(), is(16));
  }

  @Test
  void articleShardsAreOnePerPartitionOnEveryRunner() {
    assertThat(options().getNumShards(), is(OutputOptions.ArticleShardsFactory.PARTITION_SHARDS));
    assertThat(onCluster().getNumShards(), is(OutputOptions.ArticleShardsFactory.PARTITION_SHARDS));
    assertThat(onCluster("--partitionBy=month").getNumShards(), is(1));
    assertThat(onCluster("--numShards=8").getNumShards(), is(8));
  }

  @Test
  void unpartitionedArticleShardsAreFixedOnTheDirectRunnerOnly() {
    assertThat(
        options("--partitionBy=none").getNumShards(),
        is(OutputOptions.ArticleShardsFactory.DIRECT_RUNNER_SHARDS));
    assertThat(onCluster("--partitionBy=none").getNumShards(), is(0));
    assertThat(onCluster("--partitionBy=none", "--numShards=8").getNumShards(), is(8));
  }
}
