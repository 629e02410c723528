package dev.newsbeam.pipeline;

import dev.newsbeam.schema.ArticleSketch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes each dataset in the formats of {@code --format} ({@code <output>/<dataset>/part-*.avro},
 * {@code <output>/parquet/<dataset>/part-*.parquet}), the {@link OutputLayout#PARTITIONED} ones in
 * {@code dt=...} folders by {@code --partitionBy} ({@code FileIO.writeDynamic}, so on every
 * runner). Records what it wrote for the manifest: each output's path and schema, and the file
 * lists the manifest waits for.
 */
final class WriteDatasets {
  private final OutputLayout layout;
  private final OutputFormat format;
  private final PartitionBy partitionBy;
  private final AvroCodec codec;
  private final Map<String, String[]> outputs;
  private final List<PCollection<?>> written = new ArrayList<>();

  WriteDatasets(NewsbeamOptions options, Map<String, String[]> outputs) {
    this.layout = new OutputLayout(options.getOutput());
    this.format = options.getFormat();
    this.partitionBy = options.getPartitionBy();
    this.codec = options.getAvroCodec();
    this.outputs = outputs;
  }

  /** The file lists of every write so far (the manifest is written after them). */
  List<PCollection<?>> written() {
    return written;
  }

  /**
   * Articles that travel as Avro bytes of {@code schema}, keyed by their publication date: the Avro
   * files get the bytes as they are; Parquet, being columnar, needs them decoded.
   */
  void articles(PCollection<KV<Integer, byte[]>> articles, Schema schema, int numShards) {
    String dataset = "articles";
    if (format.writesAvro()) {
      written.add(
          partitioned(
              articles,
              dataset,
              OutputFormat.AVRO,
              schema,
              Contextful.fn(KV::getValue),
              new EncodedAvroSink(schema, codec),
              numShards));
    }
    if (format.writesParquet()) {
      written.add(
          partitioned(
              articles,
              dataset,
              OutputFormat.PARQUET,
              schema,
              Contextful.fn(new DecodeFn(schema)),
              new ParquetSink<GenericRecord>(schema, null),
              numShards));
    }
  }

  /** A partitioned dataset of generated records, keyed by their partition's date. */
  <T extends SpecificRecordBase> void partitioned(
      PCollection<KV<Integer, T>> records, Class<T> type, Schema schema, String dataset) {
    if (format.writesAvro()) {
      written.add(
          partitioned(
              records,
              dataset,
              OutputFormat.AVRO,
              schema,
              Contextful.fn(KV::getValue),
              AvroIO.sink(type).withCodec(codec.factory()),
              1));
    }
    if (format.writesParquet()) {
      written.add(
          partitioned(
              records,
              dataset,
              OutputFormat.PARQUET,
              schema,
              Contextful.fn(KV::getValue),
              new ParquetSink<T>(schema, type),
              1));
    }
  }

  /** A small dataset, one shard per format. */
  <T extends SpecificRecordBase> void single(
      PCollection<T> records, Class<T> type, Schema schema, String dataset) {
    if (format.writesAvro()) {
      register(dataset, OutputFormat.AVRO, schema);
      written.add(
          records
              .apply(
                  "Write" + stepName(dataset, OutputFormat.AVRO),
                  AvroIO.write(type)
                      .to(layout.prefix(dataset))
                      .withSuffix(".avro")
                      .withCodec(codec.factory())
                      .withNumShards(1)
                      .withOutputFilenames())
              .getPerDestinationOutputFilenames());
    }
    if (format.writesParquet()) {
      register(dataset, OutputFormat.PARQUET, schema);
      written.add(
          records
              .apply(
                  "Write" + stepName(dataset, OutputFormat.PARQUET),
                  FileIO.<T>write()
                      .via(new ParquetSink<T>(schema, type))
                      .to(layout.dir(dataset, OutputFormat.PARQUET))
                      .withPrefix("part")
                      .withSuffix(".parquet")
                      .withNumShards(1))
              .getPerDestinationOutputFilenames());
    }
  }

  /**
   * {@code sketches/}: Avro whatever {@code --format} (it is what later runs read, not a dataset to
   * analyse), with the signature scheme in the file metadata ({@link PreviousRuns#SCHEME_KEY}).
   */
  void sketches(PCollection<ArticleSketch> sketches, String scheme) {
    String dataset = PreviousRuns.SKETCHES;
    register(dataset, OutputFormat.AVRO, ArticleSketch.getClassSchema());
    written.add(
        sketches
            .apply(
                "WriteSketches",
                AvroIO.write(ArticleSketch.class)
                    .to(layout.prefix(dataset))
                    .withSuffix(".avro")
                    .withCodec(codec.factory())
                    .withMetadata(Map.of(PreviousRuns.SCHEME_KEY, scheme))
                    .withNumShards(1)
                    .withOutputFilenames())
            .getPerDestinationOutputFilenames());
  }

  private <T, R> PCollection<?> partitioned(
      PCollection<KV<Integer, T>> records,
      String dataset,
      OutputFormat fileFormat,
      Schema schema,
      Contextful<Contextful.Fn<KV<Integer, T>, R>> toRecord,
      FileIO.Sink<R> sink,
      int numShards) {
    register(dataset, fileFormat, schema);
    String suffix = fileFormat == OutputFormat.PARQUET ? ".parquet" : ".avro";
    String step = "Write" + stepName(dataset, fileFormat);
    String dir = layout.dir(dataset, fileFormat);
    if (partitionBy == PartitionBy.NONE) {
      // one destination: the plain write, which may leave sharding to the runner
      FileIO.Write<Void, KV<Integer, T>> flat =
          FileIO.<KV<Integer, T>>write()
              .via(toRecord, sink)
              .to(dir)
              .withPrefix("part")
              .withSuffix(suffix);
      if (numShards > 0) {
        flat = flat.withNumShards(numShards);
      }
      return records.apply(step, flat).getPerDestinationOutputFilenames();
    }
    // fixed shards per partition: runner-determined sharding of dynamic destinations names two
    // bundles' files alike on the Spark runner (one overwrites the other)
    return records
        .apply(
            step,
            FileIO.<String, KV<Integer, T>>writeDynamic()
                .by(new FolderFn<T>(partitionBy))
                .withDestinationCoder(StringUtf8Coder.of())
                .via(toRecord, sink)
                .to(dir)
                .withNaming(new PartNaming(suffix))
                .withNumShards(Math.max(1, numShards)))
        .getPerDestinationOutputFilenames();
  }

  private void register(String dataset, OutputFormat fileFormat, Schema schema) {
    String key =
        fileFormat == OutputFormat.PARQUET ? OutputLayout.PARQUET + "/" + dataset : dataset;
    outputs.put(key, new String[] {layout.dir(dataset, fileFormat) + "/", schema.toString()});
  }

  private static String stepName(String dataset, OutputFormat fileFormat) {
    StringBuilder b = new StringBuilder();
    for (String part : dataset.split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return fileFormat == OutputFormat.PARQUET ? b + "Parquet" : b.toString();
  }

  /** A record's partition folder from its date ({@link PartitionBy#folder}). */
  private static final class FolderFn<T> implements SerializableFunction<KV<Integer, T>, String> {
    private final PartitionBy partitionBy;

    FolderFn(PartitionBy partitionBy) {
      this.partitionBy = partitionBy;
    }

    @Override
    public String apply(KV<Integer, T> record) {
      return partitionBy.folder(record.getKey());
    }
  }

  /** {@code dt=.../part-00000-of-00004.avro}, or {@code part-...} when not partitioned. */
  private static final class PartNaming
      implements SerializableFunction<String, FileIO.Write.FileNaming> {
    private final String suffix;

    PartNaming(String suffix) {
      this.suffix = suffix;
    }

    @Override
    public FileIO.Write.FileNaming apply(String folder) {
      return FileIO.Write.defaultNaming(folder.isEmpty() ? "part" : folder + "/part", suffix);
    }
  }

  /** Avro bytes of {@code schema} back to a record, for the Parquet writer. */
  private static final class DecodeFn
      implements SerializableFunction<KV<Integer, byte[]>, GenericRecord> {
    private final String schemaJson;
    private transient GenericDatumReader<GenericRecord> reader;
    private transient BinaryDecoder decoder;

    DecodeFn(Schema schema) {
      this.schemaJson = schema.toString();
    }

    @Override
    public GenericRecord apply(KV<Integer, byte[]> article) {
      if (reader == null) {
        reader = new GenericDatumReader<>(new Schema.Parser().parse(schemaJson));
      }
      decoder = DecoderFactory.get().binaryDecoder(article.getValue(), decoder);
      try {
        return reader.read(null, decoder);
      } catch (IOException e) {
        throw new IllegalStateException("an article's Avro bytes do not decode", e);
      }
    }
  }
}
