package dev.newsbeam.stage;

import dev.newsbeam.schema.Article;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * What a stage of the pipeline returns: {@link #articles()} (what goes on to the next stage),
 * {@link #counts()} ((counter, value) pairs for {@code manifest.json}) and, in subclasses, the
 * stage's own datasets under the same naming ({@code errors()}, {@code duplicates()}, {@code
 * dayCounts()}, ...). A stage's failures are not here: they go to the pipeline's bad-record handler
 * ({@link StageFailures}).
 */
public class StageResult extends NamedOutputs {
  private final PCollection<Article> articles;
  private final PCollection<KV<String, Long>> counts;

  public StageResult(PCollection<Article> articles, PCollection<KV<String, Long>> counts) {
    super(articles.getPipeline());
    this.articles = with("articles", articles);
    this.counts = with("counts", counts);
  }

  /** Every article that passed the stage, with the stage's fields set. */
  public PCollection<Article> articles() {
    return articles;
  }

  /** (counter name, value) pairs for the manifest, summed per name when it is written. */
  public PCollection<KV<String, Long>> counts() {
    return counts;
  }
}
