package dev.newsbeam.topics;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.shuffle.CompactCounts;
import dev.newsbeam.shuffle.SumCountsInShards;
import dev.newsbeam.stage.CountPerBundle;
import dev.newsbeam.stage.StageFailures;
import dev.newsbeam.stage.StageResult;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.BadRecordRouter;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Tags every article with taxonomy topics ({@code source = "taxonomy"}) and, when the settings name
 * a model, with the trained model's labels ({@code source = "model"}; the model is read once and
 * applied as a side input). Also counts articles per day × topic ({@code topics/}) and per topic
 * for the manifest.
 *
 * <pre>{@code
 * TagTopics.Result r = articles.apply(TagTopics.with(TopicSettings.defaults().withModel("model/")));
 * r.articles();    // articles with topics
 * r.dayCounts();   // -> AvroIO.write(TopicDayCount.class).to(output + "/topics/part")
 * r.counts();      // ("topics.medtop:16000000", n), ("topics.earn", n), ("topics.tagged_articles", n)
 * }</pre>
 */
public final class TagTopics extends PTransform<PCollection<Article>, TagTopics.Result> {
  public static final String STAGE = "topics";

  /** Default shuffle shards of the day × topic counts ({@link #withShards}). */
  public static final int DEFAULT_SHARDS = 64;

  private static final TupleTag<Article> TAGGED = new TupleTag<>() {};

  private final TopicSettings settings;
  private final int shards;
  private final StageFailures failures;

  private TagTopics(TopicSettings settings, int shards, StageFailures failures) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, not " + shards);
    }
    this.settings = settings;
    this.shards = shards;
    this.failures = failures;
  }

  public static TagTopics with(TopicSettings settings) {
    return new TagTopics(settings, DEFAULT_SHARDS, StageFailures.none(STAGE));
  }

  /** The bundled IPTC taxonomy with default settings and no model. */
  public static TagTopics withDefaultTaxonomy() {
    return with(TopicSettings.defaults());
  }

  /**
   * Shuffle shards of the day × topic counts: per-bundle partial counts are summed per hash shard
   * ({@link SumCountsInShards}), not one shuffle key per (day, topic). The output does not depend
   * on it.
   */
  public TagTopics withShards(int n) {
    return new TagTopics(settings, n, failures);
  }

  /** An article whose tagging throws leaves the output as a bad record of {@code handler}. */
  public TagTopics withBadRecordErrorHandler(ErrorHandler<BadRecord, ?> handler) {
    return new TagTopics(settings, shards, StageFailures.to(STAGE, handler));
  }

  /**
   * The topic model of a {@code train-topics} output directory (or model file), read once when the
   * pipeline runs, as a side input.
   */
  public static PCollectionView<TopicModel> readModel(Pipeline pipeline, String path) {
    String pattern =
        path.endsWith(".avro")
            ? path
            : (path.endsWith("/") ? path : path + "/") + TrainTopicModel.FILE_PREFIX + "*.avro";
    return pipeline
        .apply("ReadTopicModel", AvroIO.read(TopicModel.class).from(pattern))
        .apply("TopicModelView", View.asSingleton());
  }

  @Override
  public Result expand(PCollection<Article> articles) {
    PCollectionView<TopicModel> model =
        settings.modelPath() == null
            ? null
            : readModel(articles.getPipeline(), settings.modelPath());
    ParDo.SingleOutput<Article, Article> tag = ParDo.of(new TagFn(settings, model, failures));
    PCollectionTuple tagging =
        articles.apply(
            "TagTopics",
            (model == null ? tag : tag.withSideInputs(model))
                .withOutputTags(TAGGED, TupleTagList.of(BadRecordRouter.BAD_RECORD_TAG)));
    failures.collect(tagging);
    PCollection<Article> tagged = tagging.get(TAGGED).setCoder(AvroCoder.of(Article.class));

    PCollection<TopicDayCount> days =
        tagged
            .apply("KeyByDayAndTopic", ParDo.of(new DayTopicKeysFn()))
            .setCoder(CompactCounts.coder())
            .apply("CountDayTopics", new CountDayTopics(shards));
    return new Result(
        tagged, days, tagged.apply("CountTopics", CountPerBundle.of(ArticleTopics::counters)));
  }

  /** Articles with topics, per day × topic counts, and (counter, value) pairs for the manifest. */
  public static final class Result extends StageResult {
    private final PCollection<TopicDayCount> dayCounts;

    Result(
        PCollection<Article> articles,
        PCollection<TopicDayCount> dayCounts,
        PCollection<KV<String, Long>> counts) {
      super(articles, counts);
      this.dayCounts = with("dayCounts", dayCounts);
    }

    /** Articles per day × tagger × topic ({@code <output>/topics/*.avro}). */
    public PCollection<TopicDayCount> dayCounts() {
      return dayCounts;
    }
  }

  static class TagFn extends DoFn<Article, Article> {
    private final Counter untagged = Metrics.counter(TagFn.class, "untagged_articles");
    private final Counter modelTags = Metrics.counter(TagFn.class, "model_tags");
    private final TopicSettings settings;
    private final PCollectionView<TopicModel> model;
    private final StageFailures failures;
    private transient TaxonomyTagger tagger;
    private transient TopicClassifier classifier;
    private transient TopicModel classifierOf;

    TagFn(TopicSettings settings, PCollectionView<TopicModel> model, StageFailures failures) {
      this.settings = settings;
      this.model = model;
      this.failures = failures;
    }

    @Setup
    public void setup() {
      tagger = settings.taxonomyTagger();
    }

    @ProcessElement
    public void process(@Element Article a, ProcessContext c, MultiOutputReceiver out)
        throws Exception {
      if (model != null) {
        TopicModel m = c.sideInput(model);
        if (classifierOf != m) { // built once per side-input value, not per article
          classifier = new TopicClassifier(m, settings.modelFallback());
          classifierOf = m;
        }
      }
      List<Topic> topics;
      try {
        topics = ArticleTopics.tag(tagger, classifier, a);
      } catch (RuntimeException | StackOverflowError e) {
        failures.route(out, a, e);
        return;
      }
      if (classifier != null) {
        modelTags.inc(topics.stream().filter(t -> t.getSource().equals("model")).count());
      }
      if (topics.isEmpty()) {
        untagged.inc();
      }
      out.get(TAGGED).output(Article.newBuilder(a).setTopics(topics).build());
    }
  }

  /** The article's (day, source, code, label) keys, each counted once. */
  static class DayTopicKeysFn extends DoFn<Article, Map<String, Integer>> {
    @ProcessElement
    public void process(@Element Article a, OutputReceiver<Map<String, Integer>> out) {
      if (!a.getTopics().isEmpty()) {
        out.output(ArticleTopics.dayTopicKeys(a));
      }
    }
  }
}
