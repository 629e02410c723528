package dev.newsbeam.pipeline;

import dev.newsbeam.pipeline.report.RunReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Where each output goes under {@code --output}, and the guard against mixing two runs. */
public final class OutputLayout {
  /**
   * Datasets a run writes; each holds {@code part-*} shards, in {@code dt=...} folders for the
   * {@link #PARTITIONED} ones.
   */
  public static final List<String> DATASETS =
      List.of(
          "articles",
          "errors",
          "duplicates",
          "topics",
          "terms",
          "term_keyness",
          "ngrams",
          PreviousRuns.SKETCHES);

  /** Datasets split by {@code --partitionBy}. */
  public static final List<String> PARTITIONED = List.of("articles", "duplicates");

  /** The folder under {@code --output} that holds the Parquet copy of every dataset. */
  public static final String PARQUET = "parquet";

  public static final String MANIFEST = "manifest.json";

  /** The run's report page, written next to the manifest at the end of every successful run. */
  public static final String REPORT = RunReport.FILE;

  private final String root;

  public OutputLayout(String output) {
    this.root = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
  }

  public String root() {
    return root;
  }

  /** Shard prefix of a dataset, e.g. {@code out/articles/part}. */
  public String prefix(String dataset) {
    return root + "/" + dataset + "/part";
  }

  /** A dataset's folder in {@code format}: {@code out/articles} or {@code out/parquet/articles}. */
  public String dir(String dataset, OutputFormat format) {
    return format == OutputFormat.PARQUET
        ? root + "/" + PARQUET + "/" + dataset
        : root + "/" + dataset;
  }

  public String manifest() {
    return root + "/" + MANIFEST;
  }

  /** Files of a previous run found under the output directory. */
  public List<ResourceId> existingResults() throws IOException {
    List<String> patterns = new ArrayList<>();
    patterns.add(manifest());
    patterns.add(root + "/" + REPORT);
    // '**' reaches into the partition folders (dt=...) at any depth
    for (String d : DATASETS) {
      patterns.add(dir(d, OutputFormat.AVRO) + "/**");
      patterns.add(dir(d, OutputFormat.PARQUET) + "/**");
    }
    List<ResourceId> found = new ArrayList<>();
    for (MatchResult m : FileSystems.match(patterns, EmptyMatchTreatment.ALLOW)) {
      if (m.status() == MatchResult.Status.OK) {
        for (MatchResult.Metadata md : m.metadata()) {
          found.add(md.resourceId());
        }
      }
    }
    return found;
  }

  /**
   * Refuses an output directory that holds results unless {@code overwrite}, in which case the old
   * results are deleted first so no shard of the earlier run survives next to the new ones.
   */
  public void prepare(boolean overwrite) throws IOException {
    List<ResourceId> existing = existingResults();
    if (existing.isEmpty()) {
      return;
    }
    if (!overwrite) {
      throw new OutputExistsException(
          "output directory "
              + root
              + " already holds results ("
              + existing.size()
              + " files, e.g. "
              + existing.get(0)
              + "); choose another --output or pass --overwrite");
    }
    FileSystems.delete(existing, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** The output directory already holds a run's results. */
  public static final class OutputExistsException extends IOException {
    private static final long serialVersionUID = 1L;

    OutputExistsException(String message) {
      super(message);
    }
  }
}
