package dev.newsbeam.dedup;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.stage.StageResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Outputs of {@link DetectDuplicates}: every article with its {@code dedup} record, one {@link
 * DuplicateRow} per non-canonical article, and manifest counts ({@code dedup.clusters}, {@code
 * dedup.exact_duplicates}, {@code dedup.near_duplicates}, {@code dedup.largest_cluster}).
 */
public final class DedupResult extends StageResult {
  private final PCollection<DuplicateRow> duplicates;
  private final PCollection<DocSketch> canonicalSketches;

  DedupResult(
      PCollection<Article> articles,
      PCollection<DuplicateRow> duplicates,
      PCollection<DocSketch> canonicalSketches,
      PCollection<KV<String, Long>> counts) {
    super(articles, counts);
    this.duplicates = with("duplicates", duplicates);
    this.canonicalSketches = with("canonicalSketches", canonicalSketches);
  }

  /** The sketch of every canonical article: what a later run matches against. */
  public PCollection<DocSketch> canonicalSketches() {
    return canonicalSketches;
  }

  /** One row per non-canonical article ({@code <output>/duplicates/}, in {@code dt=} folders). */
  public PCollection<DuplicateRow> duplicates() {
    return duplicates;
  }
}
