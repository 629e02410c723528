package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class ShuffleShardsTest {
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

  @Test
  void directRunnerUsesTwicePerParallelism() {
    NewsbeamOptions options = options("--targetParallelism=3");
    assertThat(NewsPipeline.shuffleShards(options), is(6));
    options.as(DirectOptions.class).setTargetParallelism(1);
    assertThat(NewsPipeline.shuffleShards(options), is(2));
  }

  @Test
  void clusterRunnerKeepsEachStagesDefault() {
    NewsbeamOptions options = options();
    options.setRunner(ClusterRunner.class);
    assertThat(NewsPipeline.shuffleShards(options), is(0));
  }

  @Test
  void explicitValueWinsOnAnyRunner() {
    NewsbeamOptions options = options("--shuffleShards=16");
    assertThat(NewsPipeline.shuffleShards(options), is(16));
    options.setRunner(ClusterRunner.class);
    assertThat(NewsPipeline.shuffleShards(options), is(16));
  }
}
