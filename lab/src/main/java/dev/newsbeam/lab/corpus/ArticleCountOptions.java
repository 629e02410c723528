package dev.newsbeam.lab.corpus;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How many articles a generator writes. */
public interface ArticleCountOptions extends PipelineOptions {
  @Description("Articles to generate.")
  @Default.Long(10_000)
  long getArticles();

  void setArticles(long value);
}
