package dev.newsbeam.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The main pipeline: files → ingest → bylines/datelines → dedup → topics → word statistics → Avro.
 *
 * <p>{@link #build} lays out the graph on a pipeline; {@link Main} runs it.
 */
public final class NewsPipeline {
  private NewsPipeline() {}

  /** Builds the whole graph on {@code pipeline} (options from the pipeline). */
  public static void build(Pipeline pipeline, Instant startedAt) throws IOException {
    NewsbeamOptions options = pipeline.getOptions().as(NewsbeamOptions.class);
    OutputLayout layout = new OutputLayout(options.getOutput());
    CodecFactory codec = codec(options.getAvroCodec());

    ReadArticles.Result ingested = pipeline.apply("ReadArticles",
        ReadArticles.from(options.getInput()).withMaxArticleBytes(options.getMaxArticleBytes()));
    PCollection<Article> articles = ingested.articles();
    PCollection<ErrorRecord> errors = ingested.errors();
    List<PCollection<KV<String, Long>>> counts = new ArrayList<>();
    counts.add(ingested.counts());

    Map<String, String[]> outputs = new LinkedHashMap<>();
    List<PCollection<?>> written = new ArrayList<>();
    written.add(writeAvro(articles, Article.class, Article.getClassSchema(), "articles", layout, codec, outputs));
    written.add(writeAvro(errors, ErrorRecord.class, ErrorRecord.getClassSchema(), "errors", layout, codec, outputs));

    counts.add(articles
        .apply("CountArticles", Count.globally())
        .apply("ArticlesCount", MapElements.into(countType()).via(n -> KV.of("articles", n))));
    counts.add(errors
        .apply("ErrorReasons", MapElements.into(TypeDescriptors.strings()).via(e -> "errors." + e.getReason()))
        .apply("CountErrorReasons", Count.perElement()));

    PCollectionList.of(counts)
        .apply("FlattenCounts", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("WriteManifest", new WriteManifest(layout.manifest(), runnerName(options),
            optionsJson(options), startedAt, outputs, written));
  }

  private static <T> PCollection<?> writeAvro(PCollection<T> records, Class<T> type, Schema schema,
      String dataset, OutputLayout layout, CodecFactory codec, Map<String, String[]> outputs) {
    outputs.put(dataset, new String[] {layout.root() + "/" + dataset + "/", schema.toString()});
    WriteFilesResult<Void> result = records.apply("Write" + capitalise(dataset),
        AvroIO.write(type).to(layout.prefix(dataset)).withSuffix(".avro").withCodec(codec)
            .withOutputFilenames());
    return result.getPerDestinationOutputFilenames();
  }

  static CodecFactory codec(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "snappy" -> CodecFactory.snappyCodec();
      case "deflate" -> CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
      case "zstandard", "zstd" -> CodecFactory.zstandardCodec(3);
      case "null", "none" -> CodecFactory.nullCodec();
      default -> throw new IllegalArgumentException(
          "--avroCodec must be snappy, deflate, zstandard or null, not '" + name + "'");
    };
  }

  static String runnerName(NewsbeamOptions options) {
    return options.getRunner() == null ? "DirectRunner" : options.getRunner().getSimpleName();
  }

  /** The options as JSON, as Beam serialises them to workers (our options and the runner's). */
  static String optionsJson(NewsbeamOptions options) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    return mapper.writeValueAsString(mapper.readTree(mapper.writeValueAsString(options)).path("options"));
  }

  private static org.apache.beam.sdk.values.TypeDescriptor<KV<String, Long>> countType() {
    return TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());
  }

  private static String capitalise(String dataset) {
    StringBuilder b = new StringBuilder();
    for (String part : dataset.split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }
}
