package dev.newsbeam.lab.bench;

import dev.newsbeam.lab.corpus.ArticleCountOptions;
import dev.newsbeam.stats.WordStatsOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of {@code bench-word-stats}: the pipeline's word-statistics options ({@link
 * WordStatsOptions}), how many articles to generate and over how many pseudo-words. Runner options
 * ({@code --runner}, {@code --targetParallelism}, ...) go to the pipeline.
 */
public interface BenchWordStatsOptions extends WordStatsOptions, ArticleCountOptions {
  @Description("Distinct pseudo-words the generated articles draw their content words from.")
  @Default.Integer(200_000)
  int getVocabulary();

  void setVocabulary(int value);
}
