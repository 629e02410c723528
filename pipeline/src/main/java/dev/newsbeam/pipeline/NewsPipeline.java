package dev.newsbeam.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.byline.ParseBylines;
import dev.newsbeam.dedup.DedupResult;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DetectDuplicates;
import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.stage.StageFailures;
import dev.newsbeam.stage.StageResult;
import dev.newsbeam.stats.ComputeWordStats;
import dev.newsbeam.stats.WordStatsResult;
import dev.newsbeam.stats.WordStatsSettings;
import dev.newsbeam.topics.TagTopics;
import dev.newsbeam.topics.TopicSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The main pipeline: files → ingest → bylines/datelines → dedup → topics → word statistics → Avro.
 *
 * <p>{@link #build} lays out the graph on a pipeline; {@link Main} runs it. An article whose
 * processing throws in a stage leaves the output and becomes a {@code stage_failed} record in
 * {@code errors/} (the stages route it to Beam's bad-record handler registered here), so every
 * input record still ends as exactly one article or one error.
 */
public final class NewsPipeline {
  private NewsPipeline() {}

  /** Builds the whole graph on {@code pipeline} (options from the pipeline). */
  public static void build(Pipeline pipeline, Instant startedAt) throws IOException {
    build(pipeline, startedAt, new ParseBylines());
  }

  /** {@link #build} with the given bylines stage (tests use one that throws for an article). */
  static void build(Pipeline pipeline, Instant startedAt, ParseBylines bylines) throws IOException {
    NewsbeamOptions options = pipeline.getOptions().as(NewsbeamOptions.class);
    OutputLayout layout = new OutputLayout(options.getOutput());
    CodecFactory codec = options.getAvroCodec().factory();

    ReadArticles.Result ingested =
        pipeline.apply(
            "ReadArticles",
            withShards(
                ReadArticles.from(options.getInput())
                    .withMaxArticleBytes(options.getMaxArticleBytes()),
                ReadArticles::withRedistributeBuckets,
                options));
    List<PCollection<KV<String, Long>>> counts = new ArrayList<>();
    counts.add(ingested.counts());

    BadRecordErrorHandler<PCollection<ErrorRecord>> failures =
        pipeline.registerBadRecordErrorHandler(StageFailures.toErrorRecords());
    StageResult credited =
        ingested.articles().apply("ParseBylines", bylines.withBadRecordErrorHandler(failures));
    counts.add(credited.counts());
    DedupResult dedup =
        credited
            .articles()
            .apply(
                "DetectDuplicates",
                withShards(
                        DetectDuplicates.with(DedupSettings.from(options)),
                        DetectDuplicates::withShards,
                        options)
                    .withBadRecordErrorHandler(failures));
    counts.add(dedup.counts());
    TagTopics.Result topics =
        dedup
            .articles()
            .apply(
                "TagTopics",
                withShards(
                        TagTopics.with(TopicSettings.from(options)), TagTopics::withShards, options)
                    .withBadRecordErrorHandler(failures));
    counts.add(topics.counts());
    WordStatsResult stats =
        topics
            .articles()
            .apply(
                "ComputeWordStats",
                withShards(
                        ComputeWordStats.with(WordStatsSettings.from(options)),
                        ComputeWordStats::withShards,
                        options)
                    .withBadRecordErrorHandler(failures));
    counts.add(stats.counts());
    // every stage has routed its failures: close the handler to get its sink's output
    failures.close();
    PCollection<Article> articles = stats.articles();
    PCollection<ErrorRecord> errors =
        PCollectionList.of(ingested.errors())
            .and(failures.getOutput())
            .apply("FlattenErrors", Flatten.pCollections())
            .setCoder(AvroCoder.of(ErrorRecord.class));

    Map<String, String[]> outputs = new LinkedHashMap<>();
    List<PCollection<?>> written = new ArrayList<>();
    written.add(
        writeAvro(
            articles,
            Article.class,
            Article.getClassSchema(),
            "articles",
            options.getNumShards(),
            layout,
            codec,
            outputs));
    written.add(
        writeAvro(
            errors,
            ErrorRecord.class,
            ErrorRecord.getClassSchema(),
            "errors",
            1,
            layout,
            codec,
            outputs));
    written.add(
        writeAvro(
            dedup.duplicates(),
            DuplicateRow.class,
            DuplicateRow.getClassSchema(),
            "duplicates",
            1,
            layout,
            codec,
            outputs));
    written.add(
        writeAvro(
            topics.dayCounts(),
            TopicDayCount.class,
            TopicDayCount.getClassSchema(),
            "topics",
            1,
            layout,
            codec,
            outputs));
    written.add(
        writeAvro(
            stats.terms(),
            TermStat.class,
            TermStat.getClassSchema(),
            "terms",
            1,
            layout,
            codec,
            outputs));
    written.add(
        writeAvro(
            stats.keyness(),
            TermKeyness.class,
            TermKeyness.getClassSchema(),
            "term_keyness",
            1,
            layout,
            codec,
            outputs));
    written.add(
        writeAvro(
            stats.ngrams(),
            Ngram.class,
            Ngram.getClassSchema(),
            "ngrams",
            1,
            layout,
            codec,
            outputs));

    counts.add(
        articles
            .apply("CountArticles", Count.globally())
            .apply(
                "ArticlesCount",
                MapElements.into(countType()).via((Long n) -> KV.of("articles", n))));
    counts.add(
        errors
            .apply(
                "ErrorReasons",
                MapElements.into(TypeDescriptors.strings()).via(e -> "errors." + e.getReason()))
            .apply("CountErrorReasons", Count.perElement()));

    PCollectionList.of(counts)
        .apply("FlattenCounts", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply(
            "WriteManifest",
            new WriteManifest(
                layout.manifest(),
                runnerName(options),
                optionsJson(options),
                startedAt,
                outputs,
                written));
  }

  private static <T> PCollection<?> writeAvro(
      PCollection<T> records,
      Class<T> type,
      Schema schema,
      String dataset,
      int numShards,
      OutputLayout layout,
      CodecFactory codec,
      Map<String, String[]> outputs) {
    outputs.put(dataset, new String[] {layout.root() + "/" + dataset + "/", schema.toString()});
    WriteFilesResult<Void> result =
        records.apply(
            "Write" + capitalise(dataset),
            AvroIO.write(type)
                .to(layout.prefix(dataset))
                .withSuffix(".avro")
                .withCodec(codec)
                .withNumShards(numShards)
                .withOutputFilenames());
    return result.getPerDestinationOutputFilenames();
  }

  /** {@code stage} with {@code --shuffleShards} applied by {@code setter}, or as it is at 0. */
  private static <T> T withShards(
      T stage, BiFunction<T, Integer, T> setter, NewsbeamOptions options) {
    int shards = options.getShuffleShards();
    return shards > 0 ? setter.apply(stage, shards) : stage;
  }

  static String runnerName(PipelineOptions options) {
    return options.getRunner() == null ? "DirectRunner" : options.getRunner().getSimpleName();
  }

  /** Whether {@code options} run on the DirectRunner (the default when none is named). */
  static boolean onDirectRunner(PipelineOptions options) {
    return "DirectRunner".equals(runnerName(options));
  }

  /** The options as JSON, as Beam serialises them to workers (our options and the runner's). */
  static String optionsJson(NewsbeamOptions options) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    return mapper.writeValueAsString(
        mapper.readTree(mapper.writeValueAsString(options)).path("options"));
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
