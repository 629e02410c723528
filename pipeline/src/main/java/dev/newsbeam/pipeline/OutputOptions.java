package dev.newsbeam.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where and how a run writes its outputs ({@link OutputLayout}). */
public interface OutputOptions extends PipelineOptions {
  /** Where a run writes, and where {@code ./newsbeam report} looks, when --output is not given. */
  String DEFAULT_OUTPUT = "target/newsbeam-out";

  @Description(
      "Output directory: articles/, errors/, manifest.json and the stage outputs go under it.")
  @Default.String(DEFAULT_OUTPUT)
  String getOutput();

  void setOutput(String value);

  @Description("Replace the results already in --output (refused otherwise).")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description(
      "Shards of articles/*.avro; 0 = as the runner decides. Default: a few on the DirectRunner "
          + "(it writes a file per bundle), the runner's choice elsewhere. The smaller datasets "
          + "are written as one shard each.")
  @Default.InstanceFactory(ArticleShardsFactory.class)
  int getNumShards();

  void setNumShards(int value);

  @Description("Avro block compression of every output: snappy, deflate, zstandard or null.")
  @Default.Enum("SNAPPY")
  AvroCodec getAvroCodec();

  void setAvroCodec(AvroCodec value);

  /**
   * Fixed shards on the DirectRunner: it makes a bundle per key after every shuffle, and
   * runner-determined sharding writes a file per bundle, so a file per article.
   */
  final class ArticleShardsFactory implements DefaultValueFactory<Integer> {
    static final int DIRECT_RUNNER_SHARDS = 4;

    @Override
    public Integer create(PipelineOptions options) {
      return NewsPipeline.onDirectRunner(options) ? DIRECT_RUNNER_SHARDS : 0;
    }
  }
}
