package dev.newsbeam.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.byline.ParseBylines;
import dev.newsbeam.dedup.CanonicalPolicy;
import dev.newsbeam.dedup.DedupResult;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DetectDuplicates;
import dev.newsbeam.dedup.LshBands;
import dev.newsbeam.ingest.ReadArticles;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.stats.ComputeWordStats;
import dev.newsbeam.stats.WordStatsResult;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.TagTopics;
import dev.newsbeam.topics.Taxonomy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.beam.runners.direct.DirectOptions;
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

    ReadArticles.Result ingested =
        pipeline.apply(
            "ReadArticles",
            withShards(
                ReadArticles.from(options.getInput())
                    .withMaxArticleBytes(options.getMaxArticleBytes()),
                ReadArticles::withRedistributeBuckets,
                options));
    PCollection<ErrorRecord> errors = ingested.errors();
    List<PCollection<KV<String, Long>>> counts = new ArrayList<>();
    counts.add(ingested.counts());

    PCollection<Article> articles = ingested.articles().apply("ParseBylines", new ParseBylines());
    counts.add(
        articles.apply(
            "CountBylines",
            new CountArticles()
                .where("byline.with_byline", a -> a.getBylineRaw() != null)
                .where(
                    "byline.with_authors",
                    a -> a.getAuthors().stream().anyMatch(p -> p.getRole().equals("author")))
                .where(
                    "byline.with_credits",
                    a -> a.getAuthors().stream().anyMatch(p -> !p.getRole().equals("author")))
                .where("byline.with_dateline", a -> a.getDateline() != null)
                .where("byline.with_outlet", a -> a.getOutlet() != null)));

    Map<String, String[]> outputs = new LinkedHashMap<>();
    List<PCollection<?>> written = new ArrayList<>();
    DedupResult dedup =
        articles.apply(
            "DetectDuplicates",
            withShards(
                DetectDuplicates.with(dedupSettings(options)),
                DetectDuplicates::withShards,
                options));
    articles = dedup.articles();
    counts.add(dedup.manifest());

    TagTopics tagger =
        withShards(TagTopics.withDefaultTaxonomy(), TagTopics::withShards, options)
            .withAnalyzer(
                NewsAnalyzer.Stemming.parse(options.getStem()),
                NewsAnalyzer.Stopwords.parse(options.getStopwords()));
    if (options.getTaxonomy() != null) {
      tagger = tagger.withTaxonomyJson(Taxonomy.readJson(Path.of(options.getTaxonomy())));
    }
    if (options.getTopicModel() != null) {
      tagger =
          tagger.withModel(options.getTopicModel()).withModelFallback(options.getTopicFallback());
    }
    TagTopics.Result topics = articles.apply("TagTopics", tagger);
    articles = topics.articles();
    counts.add(topics.manifestCounts());

    ComputeWordStats wordStats =
        withShards(ComputeWordStats.create(), ComputeWordStats::withShards, options);
    WordStatsResult stats =
        articles.apply(
            "ComputeWordStats",
            wordStats
                .withStemming(NewsAnalyzer.Stemming.parse(options.getStem()))
                .withStopwords(NewsAnalyzer.Stopwords.parse(options.getStopwords()))
                .withMinDf(options.getMinDf())
                .withTopTerms(options.getTopTerms())
                .withKeynessTopK(options.getKeynessTopK())
                .withNgramTopK(options.getNgramTopK())
                .withNgramMinCount(options.getNgramMinCount()));
    articles = stats.articles();
    counts.add(stats.manifest());

    int articleShards = articleShards(options);
    written.add(
        writeAvro(
            articles,
            Article.class,
            Article.getClassSchema(),
            "articles",
            articleShards,
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
            .apply("ArticlesCount", MapElements.into(countType()).via(n -> KV.of("articles", n))));
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

  /**
   * {@code --shuffleShards}, or 0 for each stage's default. The DirectRunner's default is small: it
   * copies a key's accumulated group for every incoming bundle, and after a shuffle it runs a
   * bundle per key, so the next shuffle costs (keys of the last one) x (elements) copies and every
   * stage pays a per-bundle overhead per key. At 256 join shards that was ~90% of its CPU time at
   * 10k articles.
   */
  static int shuffleShards(NewsbeamOptions options) {
    if (options.getShuffleShards() > 0) {
      return options.getShuffleShards();
    }
    if ("DirectRunner".equals(runnerName(options))) {
      int parallelism = options.as(DirectOptions.class).getTargetParallelism();
      return Math.max(2, 2 * parallelism);
    }
    return 0;
  }

  /**
   * The dedup stage's settings from {@code --similarity}, {@code --numPerm}, {@code --lshBands},
   * {@code --chainGuard}, {@code --verify}, ...
   */
  private static DedupSettings dedupSettings(NewsbeamOptions options) {
    DedupSettings settings =
        DedupSettings.defaults()
            .withSimilarity(options.getSimilarity())
            .withNumPerm(options.getNumPerm())
            .withShingle(options.getShingle())
            .withKeep(CanonicalPolicy.parse(options.getKeep()))
            .withChainGuard(options.getChainGuard())
            .withVerify(DedupSettings.Verify.parse(options.getVerify()));
    return options.getLshBands() == null
        ? settings
        : settings.withLshBands(LshBands.parse(options.getLshBands()));
  }

  /**
   * {@code stage} with {@code --shuffleShards} applied by {@code setter}, or as it is when that is
   * 0.
   */
  private static <T> T withShards(
      T stage, BiFunction<T, Integer, T> setter, NewsbeamOptions options) {
    int shards = shuffleShards(options);
    return shards > 0 ? setter.apply(stage, shards) : stage;
  }

  /**
   * Runner-determined sharding writes one file per bundle; the DirectRunner makes a bundle per key
   * after every shuffle, so there it would write a file per article. Fixed shards avoid that.
   */
  static int articleShards(NewsbeamOptions options) {
    if (options.getNumShards() > 0) {
      return options.getNumShards();
    }
    return "DirectRunner".equals(runnerName(options)) ? 4 : 0;
  }

  static CodecFactory codec(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "snappy" -> CodecFactory.snappyCodec();
      case "deflate" -> CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
      case "zstandard", "zstd" -> CodecFactory.zstandardCodec(3);
      case "null", "none" -> CodecFactory.nullCodec();
      default ->
          throw new IllegalArgumentException(
              "--avroCodec must be snappy, deflate, zstandard or null, not '" + name + "'");
    };
  }

  static String runnerName(NewsbeamOptions options) {
    return options.getRunner() == null ? "DirectRunner" : options.getRunner().getSimpleName();
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
