package dev.newsbeam.ingest;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** What to read ({@link ReadArticles}). */
public interface IngestOptions extends PipelineOptions {
  @Description(
      "Comma-separated files, globs or directories to read (*.txt, *.jsonl, *.ndjson, *.html, "
          + "*.htm, *.warc, each optionally .gz/.bz2/.zst). A directory means every supported file under it. "
          + "Default for the pipeline: the repository's testdata/.")
  String getInput();

  void setInput(String value);

  @Description(
      "Largest article (text or HTML file, JSONL line, WARC payload) in bytes; larger ones become 'too_large' errors.")
  @Default.Long(ReadArticles.DEFAULT_MAX_ARTICLE_BYTES)
  long getMaxArticleBytes();

  void setMaxArticleBytes(long value);
}
