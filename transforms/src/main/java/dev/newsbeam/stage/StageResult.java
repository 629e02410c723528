package dev.newsbeam.stage;

import dev.newsbeam.schema.Article;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a stage of the pipeline returns: {@link #articles()} (what goes on to the next stage),
 * {@link #counts()} ((counter, value) pairs for {@code manifest.json}) and, in subclasses, the
 * stage's own datasets under the same naming ({@code errors()}, {@code duplicates()}, {@code
 * dayCounts()}, ...). A stage's failures are not here: they go to the pipeline's bad-record handler
 * ({@link StageFailures}).
 */
public class StageResult implements POutput {
  private final Pipeline pipeline;
  private final PCollection<Article> articles;
  private final PCollection<KV<String, Long>> counts;
  private final Map<TupleTag<?>, PValue> outputs = new LinkedHashMap<>();

  public StageResult(PCollection<Article> articles, PCollection<KV<String, Long>> counts) {
    this.pipeline = articles.getPipeline();
    this.articles = articles;
    this.counts = counts;
    outputs.put(new TupleTag<Article>("articles"), articles);
    outputs.put(new TupleTag<KV<String, Long>>("counts"), counts);
  }

  /** Adds one more named output of the stage; subclasses call it for each dataset they expose. */
  protected final <T> PCollection<T> with(String name, PCollection<T> output) {
    outputs.put(new TupleTag<T>(name), output);
    return output;
  }

  /** Every article that passed the stage, with the stage's fields set. */
  public PCollection<Article> articles() {
    return articles;
  }

  /** (counter name, value) pairs for the manifest, summed per name when it is written. */
  public PCollection<KV<String, Long>> counts() {
    return counts;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return outputs;
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
