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
      "Shards of articles/ per partition. Default: 1 per dt= partition; with "
          + "--partitionBy=none a few on the DirectRunner (it writes a file per bundle) and the "
          + "runner's choice (0) elsewhere. The smaller datasets are written as one shard each.")
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
   * Partitioned: one file per partition, on every runner (partitions already spread the write, and
   * runner-determined sharding of dynamic destinations names files inconsistently on the Spark
   * runner, so that two bundles' files can take one name). Unpartitioned: fixed shards on the
   * DirectRunner, which makes a bundle per key after every shuffle, and runner-determined sharding
   * writes a file per bundle, so a file per article; the runner's choice elsewhere.
   */
  final class ArticleShardsFactory implements DefaultValueFactory<Integer> {
    static final int PARTITION_SHARDS = 1;
    static final int DIRECT_RUNNER_SHARDS = 4;

    @Override
    public Integer create(PipelineOptions options) {
      if (options.as(OutputOptions.class).getPartitionBy() != PartitionBy.NONE) {
        return PARTITION_SHARDS;
      }
      return NewsPipeline.onDirectRunner(options) ? DIRECT_RUNNER_SHARDS : 0;
    }
  }
}
