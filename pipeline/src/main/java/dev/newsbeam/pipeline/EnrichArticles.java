package dev.newsbeam.pipeline;

import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.dedup.ArticleSketcher;
import dev.newsbeam.dedup.BandBlock;
import dev.newsbeam.dedup.DocSketch;
import dev.newsbeam.dedup.DuplicateClusters;
import dev.newsbeam.ingest.FileRange;
import dev.newsbeam.ingest.FileRangeReader;
import dev.newsbeam.ingest.FileRecordReader;
import dev.newsbeam.ingest.RecordSink;
import dev.newsbeam.ingest.SkipReason;
import dev.newsbeam.language.LanguageSettings;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.shuffle.CompactCounts;
import dev.newsbeam.stage.BundleCounts;
import dev.newsbeam.stage.StageFailures;
import dev.newsbeam.stats.ArticleGroups;
import dev.newsbeam.topics.ArticleTopics;
import dev.newsbeam.topics.TopicClassifier;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.errorhandling.BadRecordRouter;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The per-article step of the pipeline, one fused {@code DoFn}: it reads a planned range of an
 * input file ({@link FileRangeReader}: every record an article, an error record or a counted skip)
 * and runs {@link ArticleSpine} on every article (bylines, dedup sketch, topics, word statistics),
 * emitting everything the corpus-wide steps need of it as small records. The article itself leaves
 * as Avro bytes inside an {@link EnrichedArticle}, keyed by its fingerprint for the one join it
 * takes part in.
 *
 * <p>Outputs ({@link #ENRICHED} and the small ones): the sketch and band entries for {@link
 * DuplicateClusters}, the day × topic keys for the {@code topics/} dataset, manifest counts per
 * bundle, and the articles a stage failed on (to the bad-record handler).
 */
final class EnrichArticles extends PTransform<PCollection<FileRange>, PCollectionTuple> {
  static final TupleTag<KV<String, EnrichedArticle>> ENRICHED = new TupleTag<>() {};
  static final TupleTag<ErrorRecord> INPUT_ERRORS = new TupleTag<>() {};
  static final TupleTag<KV<Integer, DocSketch>> SKETCHES = new TupleTag<>() {};
  static final TupleTag<KV<Integer, BandBlock>> BAND_ENTRIES = new TupleTag<>() {};
  static final TupleTag<Map<String, Integer>> DAY_TOPICS = new TupleTag<>() {};
  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};

  private final long maxArticleBytes;
  private final LanguageSettings languages;
  private final ArticleSpine.Settings settings;
  private final SerializableFunction<Article, ArticleBylines.Result> bylines;
  private final PCollectionView<TopicModel> model;
  private final int shards;
  private final StageFailures failures;

  /**
   * @param model the trained topic model as a side input, or null
   * @param shards the dedup shuffle shards (sketches and band entries are keyed by them)
   */
  EnrichArticles(
      long maxArticleBytes,
      LanguageSettings languages,
      ArticleSpine.Settings settings,
      SerializableFunction<Article, ArticleBylines.Result> bylines,
      PCollectionView<TopicModel> model,
      int shards,
      StageFailures failures) {
    this.maxArticleBytes = maxArticleBytes;
    this.languages = languages;
    this.settings = settings;
    this.bylines = bylines;
    this.model = model;
    this.shards = shards;
    this.failures = failures;
  }

  @Override
  public PCollectionTuple expand(PCollection<FileRange> ranges) {
    ParDo.SingleOutput<FileRange, KV<String, EnrichedArticle>> enrich =
        ParDo.of(
            new EnrichFn(maxArticleBytes, languages, settings, bylines, model, shards, failures));
    PCollectionTuple out =
        ranges.apply(
            "ReadAndEnrichArticles",
            (model == null ? enrich : enrich.withSideInputs(model))
                .withOutputTags(
                    ENRICHED,
                    TupleTagList.of(INPUT_ERRORS)
                        .and(SKETCHES)
                        .and(BAND_ENTRIES)
                        .and(DAY_TOPICS)
                        .and(COUNTS)
                        .and(BadRecordRouter.BAD_RECORD_TAG)));
    failures.collect(out);
    out.get(ENRICHED).setCoder(KvCoder.of(StringUtf8Coder.of(), EnrichedArticle.CODER));
    out.get(INPUT_ERRORS).setCoder(AvroCoder.of(ErrorRecord.class));
    out.get(SKETCHES).setCoder(DuplicateClusters.sketchEntryCoder());
    out.get(BAND_ENTRIES).setCoder(DuplicateClusters.bandEntryCoder());
    out.get(DAY_TOPICS).setCoder(CompactCounts.coder());
    out.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  static final class EnrichFn extends DoFn<FileRange, KV<String, EnrichedArticle>> {
    private final Counter parsed = Metrics.counter(EnrichFn.class, "bylines_parsed");
    private final Counter unparsed = Metrics.counter(EnrichFn.class, "bylines_unparsed");
    private final Counter noPerson = Metrics.counter(EnrichFn.class, "bylines_without_person");
    private final Counter datelines = Metrics.counter(EnrichFn.class, "datelines_removed");
    private final Counter creditLines = Metrics.counter(EnrichFn.class, "credit_lines_removed");
    private final Counter emptyTexts = Metrics.counter(EnrichFn.class, "empty_texts");
    private final Counter untagged = Metrics.counter(EnrichFn.class, "untagged_articles");
    private final Counter recordsRead = Progress.recordsRead();
    private final Distribution words = Metrics.distribution(EnrichFn.class, "word_count");

    private final long maxArticleBytes;
    private final LanguageSettings languages;
    private final ArticleSpine.Settings settings;
    private final SerializableFunction<Article, ArticleBylines.Result> bylines;
    private final PCollectionView<TopicModel> model;
    private final int shards;
    private final StageFailures failures;
    private transient FileRangeReader reader;
    private transient ArticleSpine spine;
    private transient ArticleCodec codec;
    private transient TopicClassifier classifier;
    private transient TopicModel classifierOf;
    private transient BundleCounts counts;
    private transient BandBlock.Gatherer bands;

    EnrichFn(
        long maxArticleBytes,
        LanguageSettings languages,
        ArticleSpine.Settings settings,
        SerializableFunction<Article, ArticleBylines.Result> bylines,
        PCollectionView<TopicModel> model,
        int shards,
        StageFailures failures) {
      this.maxArticleBytes = maxArticleBytes;
      this.languages = languages;
      this.settings = settings;
      this.bylines = bylines;
      this.model = model;
      this.shards = shards;
      this.failures = failures;
    }

    @Setup
    public void setup() {
      reader = new FileRangeReader(maxArticleBytes, languages);
      spine = new ArticleSpine(settings, bylines);
      codec = new ArticleCodec();
    }

    @StartBundle
    public void startBundle() {
      counts = new BundleCounts();
    }

    @ProcessElement
    public void process(@Element FileRange range, ProcessContext c, MultiOutputReceiver out)
        throws Exception {
      bands = DuplicateClusters.bandGatherer(shards); // nothing left from a failed range
      if (model != null) {
        TopicModel m = c.sideInput(model);
        if (classifierOf != m) { // built once per side-input value, not per article
          classifier = new TopicClassifier(m, settings.topics().modelFallback());
          classifierOf = m;
        }
      }
      Exception[] failed = {null};
      FileRecordReader.Counts read =
          reader.read(
              range,
              new RecordSink() {
                @Override
                public void article(Article article) {
                  if (failed[0] == null) {
                    try {
                      enrich(article, out);
                    } catch (Exception e) {
                      failed[0] = e;
                    }
                  }
                }

                @Override
                public void error(ErrorRecord error) {
                  out.get(INPUT_ERRORS).output(error);
                }

                @Override
                public void skipped(SkipReason reason) {
                  counts.add(reason.counter(), 1);
                }
              });
      if (failed[0] != null) {
        throw failed[0]; // the bad-record router's own failure: fail the bundle, as Beam would
      }
      // the range's band entries, a block per bucket shard: hundreds of articles' entries per
      // element rather than an element per band of each article
      bands.drain((shard, block) -> out.get(BAND_ENTRIES).output(KV.of(shard, block)));
      counts.add("input_records", read.records());
      recordsRead.inc(read.records());
      if (read.blankLines() > 0) {
        counts.add("ingest.blank_lines", read.blankLines());
      }
    }

    private void enrich(Article raw, MultiOutputReceiver out) throws Exception {
      ArticleSpine.Enriched e;
      try {
        e = spine.enrich(raw, classifier);
      } catch (ArticleSpine.StageFailure f) {
        failures.named(f.stage()).route(out, raw, f.getCause());
        return;
      }
      Article a = e.article();
      switch (e.bylines().byline().status()) {
        case PEOPLE -> parsed.inc();
        case NO_PERSON -> noPerson.inc();
        case UNPARSED -> unparsed.inc();
        case EMPTY -> {}
      }
      if (a.getDateline() != null) {
        datelines.inc();
      }
      creditLines.inc(e.bylines().creditLines());
      if (a.getTopics().isEmpty()) {
        untagged.inc();
      }
      words.update(a.getStats().getWordCount());

      ArticleSketcher.Sketch sketch = e.sketch();
      String fp = sketch.sketch().fingerprint;
      if (!sketch.hasWords()) {
        emptyTexts.inc(); // nothing to compare: its own exact group, no band keys
      }
      out.get(SKETCHES).output(DuplicateClusters.sketchEntry(sketch.sketch(), shards));
      for (long key : sketch.bandKeys()) {
        bands.add(key, fp);
      }
      if (!a.getTopics().isEmpty()) {
        out.get(DAY_TOPICS).output(ArticleTopics.dayTopicKeys(a));
      }
      counts.addOne(ArticleBylines.counters(a));
      counts.addOne(ArticleTopics.counters(a));
      counts.add("stats.articles", 1);

      out.get(ENRICHED)
          .output(
              KV.of(
                  fp,
                  new EnrichedArticle(
                      a.getId(),
                      a.getSource(),
                      PartitionBy.epochDay(a.getPublishedDate()),
                      codec.encode(a),
                      CompactCounts.of(e.profile().termCounts()),
                      CompactCounts.of(e.profile().bigramCounts()),
                      List.copyOf(ArticleGroups.of(a)),
                      a.getStats().getWordCount(),
                      e.profile().termTokens())));
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      counts.emit(c, COUNTS);
    }
  }
}
