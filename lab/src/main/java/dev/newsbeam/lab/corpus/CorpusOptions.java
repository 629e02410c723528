package dev.newsbeam.lab.corpus;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** A generated corpus directory ({@link DuplicateCorpusGenerator}). */
public interface CorpusOptions extends PipelineOptions {
  @Description(
      "Generated corpus directory: articles-*.jsonl and truth.tsv (the story of each article). "
          + "generate writes it; eval-dedup, bench-run and MllibDedup read it.")
  String getCorpus();

  void setCorpus(String value);
}
