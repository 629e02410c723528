package dev.newsbeam.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.byline.ParseBylines;
import dev.newsbeam.dedup.ClusterLink;
import dev.newsbeam.dedup.DedupCoders;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DetectDuplicates;
import dev.newsbeam.dedup.DocSketch;
import dev.newsbeam.dedup.DuplicateClusters;
import dev.newsbeam.ingest.PlanFileRanges;
import dev.newsbeam.language.LanguageSettings;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ArticleSketch;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.shuffle.CompactCounts;
import dev.newsbeam.shuffle.ShardedLookupJoin;
import dev.newsbeam.stage.StageFailures;
import dev.newsbeam.stats.ComputeCollocations;
import dev.newsbeam.stats.ComputeKeyness;
import dev.newsbeam.stats.ComputeTermTable;
import dev.newsbeam.stats.ComputeWordStats;
import dev.newsbeam.stats.WordStatsSettings;
import dev.newsbeam.topics.CountDayTopics;
import dev.newsbeam.topics.TagTopics;
import dev.newsbeam.topics.TopicSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.errorhandling.BadRecordRouter;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The main pipeline: files → one per-article step → the corpus-wide steps on small records → one
 * join → Avro.
 *
 * <ol>
 *   <li>{@link PlanFileRanges}: the input files, big ones as line-aligned ranges, spread over the
 *       workers (only these small descriptors are shuffled);
 *   <li>{@link EnrichArticles}, one fused step per range: every record read becomes an article or
 *       an error record, and every article goes through {@link ArticleSpine} (bylines, the dedup
 *       sketch, topics and word statistics); the article leaves it as Avro bytes, with its term and
 *       bigram counts, keyed by its fingerprint;
 *   <li>corpus-wide, on sketches and counts only: duplicate clusters ({@link DuplicateClusters}),
 *       matched against earlier runs' canonical sketches too with {@code --previous} ({@link
 *       PreviousRuns}; this run's canonical sketches go to {@code sketches/}), the {@code topics/}
 *       day counts;
 *   <li>the article's one shuffle: the join with its fingerprint's dedup link; canonical articles'
 *       counts go on to the term table, keyness and collocations;
 *   <li>top terms ranked against the term table (a side input), and the article written as it
 *       travelled, as Avro bytes, into the {@code dt=} folder of its date ({@link WriteDatasets}).
 * </ol>
 *
 * <p>An article whose processing throws in a step leaves the output and becomes a {@code
 * stage_failed} record in {@code errors/} (Beam's bad-record handler, registered here), so every
 * input record still ends as exactly one article or one error. {@link Main} runs the pipeline.
 */
public final class NewsPipeline {
  /**
   * Manifest counts that are written even when zero (they were always totals over the corpus, not
   * per-article counters).
   */
  private static final List<String> ALWAYS_COUNTED =
      List.of(
          "articles",
          "stats.articles",
          FinishArticles.CANONICAL_ARTICLES,
          "stats.tokens",
          FinishArticles.CANONICAL_TERM_TOKENS);

  /** Manifest count: the earlier runs' canonical sketches read (--previous). */
  static final String PREVIOUS_SKETCHES = "dedup.previous_sketches";

  /** A publication date (days since 1970-01-01), null when the article has none. */
  private static final Coder<Integer> DATE_CODER = NullableCoder.of(VarIntCoder.of());

  private NewsPipeline() {}

  /** Builds the whole graph on {@code pipeline} (options from the pipeline). */
  public static void build(Pipeline pipeline, Instant startedAt) throws IOException {
    build(pipeline, startedAt, new ParseBylines.BylinesStep());
  }

  /** {@link #build} with the given byline step (tests use one that throws for an article). */
  static void build(
      Pipeline pipeline,
      Instant startedAt,
      SerializableFunction<Article, ArticleBylines.Result> bylines)
      throws IOException {
    NewsbeamOptions options = pipeline.getOptions().as(NewsbeamOptions.class);
    OutputLayout layout = new OutputLayout(options.getOutput());
    DedupSettings dedupSettings = DedupSettings.from(options);
    TopicSettings topicSettings = TopicSettings.from(options);
    WordStatsSettings statsSettings = WordStatsSettings.from(options);
    int dedupShards = shards(options, DetectDuplicates.DEFAULT_SHARDS);
    int statsShards = shards(options, ComputeWordStats.DEFAULT_SHARDS);
    int topicShards = shards(options, TagTopics.DEFAULT_SHARDS);

    String previousRuns = blankToNull(options.getPrevious());
    PCollection<DocSketch> previous = null;
    if (previousRuns != null) {
      PreviousRuns.check(previousRuns, options.getOutput(), dedupSettings.sketchScheme());
      previous = PreviousRuns.read(pipeline, previousRuns);
    }

    PlanFileRanges.Result planned =
        pipeline.apply(
            "PlanReads",
            PlanFileRanges.from(options.getInput()).withSpreadBuckets(options.getShuffleShards()));
    List<PCollection<KV<String, Long>>> counts = new ArrayList<>();
    counts.add(planned.counts());

    BadRecordErrorHandler<PCollection<ErrorRecord>> failures =
        pipeline.registerBadRecordErrorHandler(StageFailures.toErrorRecords());
    PCollectionView<TopicModel> model =
        topicSettings.modelPath() == null
            ? null
            : TagTopics.readModel(pipeline, topicSettings.modelPath());
    PCollectionTuple enriched =
        planned
            .ranges()
            .apply(
                "Enrich",
                new EnrichArticles(
                    options.getMaxArticleBytes(),
                    LanguageSettings.from(options),
                    new ArticleSpine.Settings(dedupSettings, topicSettings, statsSettings),
                    bylines,
                    model,
                    dedupShards,
                    StageFailures.to(ParseBylines.STAGE, failures)));
    counts.add(enriched.get(EnrichArticles.COUNTS));

    PCollection<TopicDayCount> dayCounts =
        enriched
            .get(EnrichArticles.DAY_TOPICS)
            .apply("CountDayTopics", new CountDayTopics(topicShards));

    PCollectionTuple clusterInput =
        PCollectionTuple.of(DuplicateClusters.SKETCHES, enriched.get(EnrichArticles.SKETCHES))
            .and(DuplicateClusters.BAND_ENTRIES, enriched.get(EnrichArticles.BAND_ENTRIES));
    if (previous != null) {
      clusterInput = clusterInput.and(DuplicateClusters.PREVIOUS, previous);
      counts.add(
          previous
              .apply("CountPreviousSketches", Count.globally())
              .apply(
                  "NamePreviousSketches",
                  MapElements.into(countType()).via(n -> KV.of(PREVIOUS_SKETCHES, n))));
    }
    PCollectionTuple clusters =
        clusterInput.apply("ClusterDuplicates", new DuplicateClusters(dedupSettings, dedupShards));
    PCollection<KV<String, ClusterLink>> links = clusters.get(DuplicateClusters.LINKS);
    counts.add(DuplicateClusters.clusterCounts(links));
    PCollection<ArticleSketch> sketches =
        clusters
            .get(DuplicateClusters.CANONICAL_SKETCHES)
            .apply("ToSketchRows", ParDo.of(new PreviousRuns.ToRowFn(options.getRunId())))
            .setCoder(AvroCoder.of(ArticleSketch.class));

    // the article's one shuffle: joined with its fingerprint's link
    PCollectionTuple annotated =
        enriched
            .get(EnrichArticles.ENRICHED)
            .apply(
                "AttachDedupLinks",
                new ShardedLookupJoin<>(
                    links,
                    DedupCoders.link(),
                    EnrichedArticle.CODER,
                    KvCoder.of(EnrichedArticle.CODER, DedupCoders.link()),
                    dedupShards,
                    new FinishArticles.AttachLinkFn()))
            .apply(
                "SplitAnnotations",
                ParDo.of(new FinishArticles.SplitFn())
                    .withOutputTags(
                        FinishArticles.ANNOTATED,
                        TupleTagList.of(FinishArticles.ROWS)
                            .and(FinishArticles.CANONICAL_TERMS)
                            .and(FinishArticles.CANONICAL_BIGRAMS)
                            .and(FinishArticles.CANONICAL_GROUPS)
                            .and(FinishArticles.COUNTS)));
    annotated.get(FinishArticles.ANNOTATED).setCoder(AnnotatedArticle.CODER);
    PCollection<DuplicateRow> duplicates =
        annotated.get(FinishArticles.ROWS).setCoder(AvroCoder.of(DuplicateRow.class));
    annotated.get(FinishArticles.CANONICAL_TERMS).setCoder(CompactCounts.coder());
    annotated.get(FinishArticles.CANONICAL_BIGRAMS).setCoder(CompactCounts.coder());
    annotated.get(FinishArticles.CANONICAL_GROUPS).setCoder(ComputeKeyness.INPUT_CODER);
    PCollection<KV<String, Long>> canonicalCounts =
        annotated
            .get(FinishArticles.COUNTS)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    counts.add(canonicalCounts);
    counts.add(DuplicateClusters.duplicateCounts(duplicates));

    ComputeTermTable.Result table =
        annotated
            .get(FinishArticles.CANONICAL_TERMS)
            .apply("ComputeTermTable", new ComputeTermTable(statsSettings.minDf(), statsShards));
    counts.add(table.counts());
    PCollectionView<Long> corpusSize =
        total(canonicalCounts, FinishArticles.CANONICAL_ARTICLES, "CorpusSize");
    PCollectionView<Long> corpusTermTokens =
        total(canonicalCounts, FinishArticles.CANONICAL_TERM_TOKENS, "CorpusTermTokens");

    PCollectionTuple ranked =
        annotated
            .get(FinishArticles.ANNOTATED)
            .apply(
                "RankTopTerms",
                ParDo.of(
                        new FinishArticles.RankFn(
                            table.view(),
                            corpusSize,
                            statsSettings,
                            StageFailures.to(ComputeWordStats.STAGE, failures)))
                    .withSideInputs(table.view(), corpusSize)
                    .withOutputTags(
                        FinishArticles.FINAL,
                        TupleTagList.of(FinishArticles.COUNTS)
                            .and(BadRecordRouter.BAD_RECORD_TAG)));
    StageFailures.to(ComputeWordStats.STAGE, failures).collect(ranked);
    PCollection<KV<Integer, byte[]>> articles =
        ranked.get(FinishArticles.FINAL).setCoder(KvCoder.of(DATE_CODER, ByteArrayCoder.of()));
    counts.add(
        ranked
            .get(FinishArticles.COUNTS)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));

    PCollection<TermStat> terms =
        table
            .kept()
            .apply(
                "ToTermStats",
                ParDo.of(new ComputeWordStats.ToTermStatFn(corpusSize)).withSideInputs(corpusSize))
            .setCoder(AvroCoder.of(TermStat.class));
    PCollection<TermKeyness> keyness =
        annotated
            .get(FinishArticles.CANONICAL_GROUPS)
            .apply(
                "ComputeKeyness",
                new ComputeKeyness(
                    table.view(), corpusTermTokens, statsSettings.keynessTopK(), statsShards));
    PCollection<Ngram> ngrams =
        annotated
            .get(FinishArticles.CANONICAL_BIGRAMS)
            .apply(
                "ComputeCollocations",
                new ComputeCollocations(
                    table.view(),
                    corpusTermTokens,
                    statsSettings.ngramMinCount(),
                    statsSettings.minDf(),
                    statsSettings.ngramTopK(),
                    statsShards));

    // every step has routed its failures: close the handler to get its sink's output
    failures.close();
    PCollection<ErrorRecord> errors =
        PCollectionList.of(planned.errors())
            .and(enriched.get(EnrichArticles.INPUT_ERRORS))
            .and(failures.getOutput())
            .apply("FlattenErrors", Flatten.pCollections())
            .setCoder(AvroCoder.of(ErrorRecord.class));

    Map<String, String[]> outputs = new LinkedHashMap<>();
    WriteDatasets write = new WriteDatasets(options, outputs);
    write.articles(articles, Article.getClassSchema(), options.getNumShards());
    write.single(errors, ErrorRecord.class, ErrorRecord.getClassSchema(), "errors");
    write.partitioned(
        duplicates
            .apply(
                "KeyDuplicatesByDate",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.integers(), TypeDescriptor.of(DuplicateRow.class)))
                    .via(
                        (DuplicateRow row) ->
                            KV.of(PartitionBy.epochDay(row.getPublishedDate()), row)))
            .setCoder(KvCoder.of(DATE_CODER, AvroCoder.of(DuplicateRow.class))),
        DuplicateRow.class,
        DuplicateRow.getClassSchema(),
        "duplicates");
    write.single(dayCounts, TopicDayCount.class, TopicDayCount.getClassSchema(), "topics");
    write.single(terms, TermStat.class, TermStat.getClassSchema(), "terms");
    write.single(keyness, TermKeyness.class, TermKeyness.getClassSchema(), "term_keyness");
    write.single(ngrams, Ngram.class, Ngram.getClassSchema(), "ngrams");
    write.sketches(sketches, dedupSettings.sketchScheme());
    List<PCollection<?>> written = write.written();

    counts.add(
        pipeline.apply(
            "AlwaysCounted",
            Create.of(ALWAYS_COUNTED.stream().map(name -> KV.of(name, 0L)).toList())
                .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))));
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
                options.getRunId(),
                runnerName(options),
                optionsJson(options),
                startedAt,
                outputs,
                written));
  }

  /** The corpus total of one manifest counter, as a side input (0 when nothing counted). */
  private static PCollectionView<Long> total(
      PCollection<KV<String, Long>> counts, String name, String step) {
    return counts
        .apply("Select" + step, Filter.by((KV<String, Long> kv) -> kv.getKey().equals(name)))
        .apply("Take" + step, Values.create())
        .apply("Sum" + step, Sum.longsGlobally())
        .apply("View" + step, View.asSingleton());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** {@code --shuffleShards}, or the stage's own default when that is 0. */
  private static int shards(NewsbeamOptions options, int stageDefault) {
    return options.getShuffleShards() > 0 ? options.getShuffleShards() : stageDefault;
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
}
