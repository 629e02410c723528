package dev.newsbeam.pipeline;

import dev.newsbeam.dedup.DedupOptions;
import dev.newsbeam.ingest.IngestOptions;
import dev.newsbeam.language.LanguageOptions;
import dev.newsbeam.stats.WordStatsOptions;
import dev.newsbeam.topics.TopicOptions;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of the newsbeam pipeline: each capability's options composed, plus how the run is
 * sharded. Runner options come in through {@code --runner=...}.
 */
public interface NewsbeamOptions
    extends IngestOptions,
        LanguageOptions,
        DedupOptions,
        TopicOptions,
        WordStatsOptions,
        OutputOptions,
        PreviousRunsOptions {
  @Description(
      "Shuffle shards of the joins and sums (dedup, topic counts, word statistics, the "
          + "redistribution after reading); the output does not depend on it. 0 = each stage's "
          + "own default. Default: few on the DirectRunner, which copies a key's group for every "
          + "incoming bundle and runs a bundle per key downstream; each stage's own elsewhere.")
  @Default.InstanceFactory(ShuffleShardsFactory.class)
  int getShuffleShards();

  void setShuffleShards(int value);

  @Description(
      "No progress lines on stderr while the run goes (the final summary is still printed).")
  @Default.Boolean(false)
  boolean getQuiet();

  void setQuiet(boolean value);

  /** Two per worker thread on the DirectRunner; each stage's default (0) on other runners. */
  final class ShuffleShardsFactory implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      if (!NewsPipeline.onDirectRunner(options)) {
        return 0;
      }
      return Math.max(2, 2 * options.as(DirectOptions.class).getTargetParallelism());
    }
  }
}
