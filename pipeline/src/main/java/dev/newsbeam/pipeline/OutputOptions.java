package dev.newsbeam.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where and how a run writes its outputs ({@link OutputLayout}). */
public interface OutputOptions extends PipelineOptions {
  @Description(
      "Output directory: articles/, errors/, manifest.json and the stage outputs go under it.")
  @Default.String("target/newsbeam-out")
  String getOutput();

  void setOutput(String value);

  @Description("Replace the results already in --output (refused otherwise).")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description(
      "Shards of articles/ (per partition); 0 = as the runner decides. Default: a few on the DirectRunner "
          + "(it writes a file per bundle), the runner's choice elsewhere. The smaller datasets "
          + "are written as one shard each.")
  @Default.InstanceFactory(ArticleShardsFactory.class)
  int getNumShards();

  void setNumShards(int value);

  @Description("Avro block compression of every output: snappy, deflate, zstandard or null.")
  @Default.Enum("SNAPPY")
  AvroCodec getAvroCodec();

  void setAvroCodec(AvroCodec value);

  @Description(
      "Hive-style folders of articles/ and duplicates/ by the article's published_date: day "
          + "(articles/dt=2025-02-12/), month (dt=2025-02) or none (flat). Articles without a "
          + "date go to dt=unknown.")
  @Default.Enum("DAY")
  PartitionBy getPartitionBy();

  void setPartitionBy(PartitionBy value);

  @Description(
      "File format of every dataset: avro (<output>/<dataset>/), parquet "
          + "(<output>/parquet/<dataset>/) or both; the same schema in each.")
  @Default.Enum("AVRO")
  OutputFormat getFormat();

  void setFormat(OutputFormat value);

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
