package dev.newsbeam.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of the main newsbeam pipeline; runner options come in through {@code --runner=...}. */
public interface NewsbeamOptions extends PipelineOptions {

  @Description("Comma-separated files, globs or directories to read (*.txt, *.jsonl, *.ndjson, each "
      + "optionally .gz/.bz2/.zst). A directory means every supported file under it. "
      + "Default: the repository's testdata/.")
  String getInput();

  void setInput(String value);

  @Description("Output directory: articles/, errors/, manifest.json and the stage outputs go under it.")
  @Default.String("target/newsbeam-out")
  String getOutput();

  void setOutput(String value);

  @Description("Replace the results already in --output (refused otherwise).")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description("Largest article (text file, or JSONL line) in bytes; larger ones become 'too_large' errors.")
  @Default.Long(10L * 1024 * 1024)
  long getMaxArticleBytes();

  void setMaxArticleBytes(long value);

  @Description("Avro block compression of every output: snappy, deflate, zstandard or null.")
  @Default.String("snappy")
  String getAvroCodec();

  void setAvroCodec(String value);
}
