package dev.newsbeam.dedup;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Outputs of {@link DetectDuplicates}: every article with its {@code dedup} record, one {@link
 * DuplicateRow} per non-canonical article, and manifest counts ({@code dedup.clusters}, {@code
 * dedup.exact_duplicates}, {@code dedup.near_duplicates}, {@code dedup.largest_cluster}).
 */
public final class DedupResult implements POutput {
  private static final TupleTag<Article> ARTICLES = new TupleTag<>("articles");
  private static final TupleTag<DuplicateRow> DUPLICATES = new TupleTag<>("duplicates");
  private static final TupleTag<KV<String, Long>> MANIFEST = new TupleTag<>("manifest");

  private final Pipeline pipeline;
  private final PCollection<Article> articles;
  private final PCollection<DuplicateRow> duplicates;
  private final PCollection<KV<String, Long>> manifest;

  DedupResult(
      Pipeline pipeline,
      PCollection<Article> articles,
      PCollection<DuplicateRow> duplicates,
      PCollection<KV<String, Long>> manifest) {
    this.pipeline = pipeline;
    this.articles = articles;
    this.duplicates = duplicates;
    this.manifest = manifest;
  }

  /** All input articles, each with its {@code dedup} record set. */
  public PCollection<Article> articles() {
    return articles;
  }

  /** One row per non-canonical article ({@code <output>/duplicates/*.avro}). */
  public PCollection<DuplicateRow> duplicates() {
    return duplicates;
  }

  /** (counter name, value) pairs for {@code manifest.json}. */
  public PCollection<KV<String, Long>> manifest() {
    return manifest;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(ARTICLES, articles, DUPLICATES, duplicates, MANIFEST, manifest);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
