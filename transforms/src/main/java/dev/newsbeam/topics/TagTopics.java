package dev.newsbeam.topics;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.stats.CompactCounts;
import dev.newsbeam.stats.SumCountsInShards;
import dev.newsbeam.text.NewsAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Tags every article with taxonomy topics ({@code source = "taxonomy"}) and, when a model directory
 * is given, with the trained model's labels ({@code source = "model"}; the model is read once and
 * applied as a side input). Also counts articles per day × topic and per topic for the manifest.
 *
 * <pre>{@code
 * TagTopics.Result r = articles.apply(TagTopics.withDefaultTaxonomy().withModel("model/"));
 * r.articles();       // articles with topics
 * r.dayCounts();      // -> AvroIO.write(TopicDayCount.class).to(output + "/topics/part")
 * r.manifestCounts(); // ("topics.medtop:16000000", n), ("topics.earn", n), ("topics.tagged_articles", n)
 * }</pre>
 */
public final class TagTopics extends PTransform<PCollection<Article>, TagTopics.Result> {
  /** Default shuffle shards of the day × topic counts ({@link #withShards}). */
  public static final int DEFAULT_SHARDS = 64;

  private final String taxonomyJson;
  private final TaxonomyTagger.Settings settings;
  private final String modelPath;
  private final boolean modelFallback;
  private final NewsAnalyzer.Stemming stemming;
  private final NewsAnalyzer.Stopwords stopwords;
  private final int shards;

  private TagTopics(
      String taxonomyJson,
      TaxonomyTagger.Settings settings,
      String modelPath,
      boolean modelFallback,
      NewsAnalyzer.Stemming stemming,
      NewsAnalyzer.Stopwords stopwords,
      int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, not " + shards);
    }
    this.shards = shards;
    this.taxonomyJson = taxonomyJson;
    this.settings = settings;
    this.modelPath = modelPath;
    this.modelFallback = modelFallback;
    this.stemming = stemming;
    this.stopwords = stopwords;
  }

  /** The bundled IPTC taxonomy with default settings and no model. */
  public static TagTopics withDefaultTaxonomy() {
    NewsAnalyzer analyzer = NewsAnalyzer.defaults();
    return new TagTopics(
        Taxonomy.defaultJson(),
        TaxonomyTagger.Settings.defaults(),
        null,
        true,
        analyzer.stemming(),
        analyzer.stopwords(),
        DEFAULT_SHARDS);
  }

  /** A taxonomy given as JSON text (see {@link Taxonomy} for the format); validated here. */
  public TagTopics withTaxonomyJson(String json) {
    Taxonomy.parse(json);
    return new TagTopics(json, settings, modelPath, modelFallback, stemming, stopwords, shards);
  }

  public TagTopics withSettings(TaxonomyTagger.Settings s) {
    return new TagTopics(taxonomyJson, s, modelPath, modelFallback, stemming, stopwords, shards);
  }

  /** A {@code train-topics} output directory (or model file); null for taxonomy tags only. */
  public TagTopics withModel(String path) {
    return new TagTopics(taxonomyJson, settings, path, modelFallback, stemming, stopwords, shards);
  }

  /**
   * Whether an article that reaches no label's threshold gets the model's nearest label (default
   * true: the model's own {@code fallback_margin}). Off for news outside the model's training
   * domain: a model trained on a corpus where every article has a label would tag every article.
   */
  public TagTopics withModelFallback(boolean value) {
    return new TagTopics(taxonomyJson, settings, modelPath, value, stemming, stopwords, shards);
  }

  /**
   * How the taxonomy tagger analyses articles and the taxonomy's terms (default: Porter stemming,
   * classic stopwords — what the bundled term lists are written for). A trained model always uses
   * the analysis it was trained with.
   */
  public TagTopics withAnalyzer(NewsAnalyzer.Stemming stemming, NewsAnalyzer.Stopwords stopwords) {
    return new TagTopics(
        taxonomyJson, settings, modelPath, modelFallback, stemming, stopwords, shards);
  }

  /**
   * Shuffle shards of the day × topic counts: per-bundle partial counts are summed per hash shard
   * ({@link SumCountsInShards}), not one shuffle key per (day, topic). The output does not depend
   * on it.
   */
  public TagTopics withShards(int n) {
    return new TagTopics(taxonomyJson, settings, modelPath, modelFallback, stemming, stopwords, n);
  }

  @Override
  public Result expand(PCollection<Article> articles) {
    PCollection<Article> tagged;
    if (modelPath == null) {
      tagged =
          articles.apply(
              "TagTopics",
              ParDo.of(new TagFn(taxonomyJson, settings, stemming, stopwords, null, false)));
    } else {
      String pattern =
          modelPath.endsWith(".avro")
              ? modelPath
              : (modelPath.endsWith("/") ? modelPath : modelPath + "/")
                  + TrainTopicModel.FILE_PREFIX
                  + "*.avro";
      PCollectionView<TopicModel> model =
          articles
              .getPipeline()
              .apply("ReadTopicModel", AvroIO.read(TopicModel.class).from(pattern))
              .apply("TopicModelView", View.asSingleton());
      tagged =
          articles.apply(
              "TagTopics",
              ParDo.of(new TagFn(taxonomyJson, settings, stemming, stopwords, model, modelFallback))
                  .withSideInputs(model));
    }
    tagged.setCoder(AvroCoder.of(Article.class));

    PCollection<TopicDayCount> days =
        tagged
            .apply("KeyByDayAndTopic", ParDo.of(new DayTopicKeysFn()))
            .setCoder(CompactCounts.coder())
            .apply("CountPerDayAndTopic", new SumCountsInShards(shards))
            .apply("UnpackDayTopicCounts", ParDo.of(new SumCountsInShards.UnpackFn()))
            .setCoder(SumCountsInShards.SUMS_CODER)
            .apply("ToTopicDayCount", ParDo.of(new ToDayCountFn()))
            .setCoder(AvroCoder.of(TopicDayCount.class));

    PCollection<KV<String, Long>> manifest =
        tagged
            .apply("ManifestCounts", ParDo.of(new ManifestCountsFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("SumManifestCounts", Sum.longsPerKey());
    return new Result(tagged.getPipeline(), tagged, days, manifest);
  }

  /** Articles with topics, per day × topic counts, and (counter, value) pairs for the manifest. */
  public static final class Result implements POutput {
    private static final TupleTag<Article> ARTICLES = new TupleTag<>("articles");
    private static final TupleTag<TopicDayCount> DAYS = new TupleTag<>("dayCounts");
    private static final TupleTag<KV<String, Long>> MANIFEST = new TupleTag<>("manifestCounts");
    private final Pipeline pipeline;
    private final PCollection<Article> articles;
    private final PCollection<TopicDayCount> dayCounts;
    private final PCollection<KV<String, Long>> manifestCounts;

    Result(
        Pipeline pipeline,
        PCollection<Article> articles,
        PCollection<TopicDayCount> dayCounts,
        PCollection<KV<String, Long>> manifestCounts) {
      this.pipeline = pipeline;
      this.articles = articles;
      this.dayCounts = dayCounts;
      this.manifestCounts = manifestCounts;
    }

    public PCollection<Article> articles() {
      return articles;
    }

    public PCollection<TopicDayCount> dayCounts() {
      return dayCounts;
    }

    public PCollection<KV<String, Long>> manifestCounts() {
      return manifestCounts;
    }

    @Override
    public Pipeline getPipeline() {
      return pipeline;
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(ARTICLES, articles, DAYS, dayCounts, MANIFEST, manifestCounts);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }

  static class TagFn extends DoFn<Article, Article> {
    private final Counter untagged = Metrics.counter(TagFn.class, "untagged_articles");
    private final Counter modelTags = Metrics.counter(TagFn.class, "model_tags");
    private final String taxonomyJson;
    private final TaxonomyTagger.Settings settings;
    private final NewsAnalyzer.Stemming stemming;
    private final NewsAnalyzer.Stopwords stopwords;
    private final PCollectionView<TopicModel> model;
    private final boolean fallback;
    private transient TaxonomyTagger tagger;
    private transient TopicClassifier classifier;
    private transient TopicModel classifierOf;

    TagFn(
        String taxonomyJson,
        TaxonomyTagger.Settings settings,
        NewsAnalyzer.Stemming stemming,
        NewsAnalyzer.Stopwords stopwords,
        PCollectionView<TopicModel> model,
        boolean fallback) {
      this.taxonomyJson = taxonomyJson;
      this.settings = settings;
      this.stemming = stemming;
      this.stopwords = stopwords;
      this.model = model;
      this.fallback = fallback;
    }

    @Setup
    public void setup() {
      tagger =
          new TaxonomyTagger(
              Taxonomy.parse(taxonomyJson), new NewsAnalyzer(stemming, stopwords), settings);
    }

    @ProcessElement
    public void process(@Element Article a, ProcessContext c) {
      List<Topic> topics = new ArrayList<>(tagger.tag(a.getTitle(), a.getText()));
      if (model != null) {
        TopicModel m = c.sideInput(model);
        if (classifierOf != m) { // built once per side-input value, not per article
          classifier = new TopicClassifier(m, fallback);
          classifierOf = m;
        }
        List<Topic> byModel = classifier.tag(a.getTitle(), a.getText());
        modelTags.inc(byModel.size());
        topics.addAll(byModel);
      }
      if (topics.isEmpty()) {
        untagged.inc();
      }
      c.output(Article.newBuilder(a).setTopics(topics).build());
    }
  }

  private static final String SEP = "\u0001";

  /** The article's (day, source, code, label) keys, each counted once. */
  static class DayTopicKeysFn extends DoFn<Article, Map<String, Integer>> {
    @ProcessElement
    public void process(@Element Article a, OutputReceiver<Map<String, Integer>> out) {
      if (a.getTopics().isEmpty()) {
        return;
      }
      String day =
          a.getPublishedDate() == null ? "" : Long.toString(a.getPublishedDate().toEpochDay());
      Map<String, Integer> keys = new HashMap<>();
      for (Topic t : a.getTopics()) {
        keys.put(String.join(SEP, day, t.getSource(), t.getCode(), t.getLabel()), 1);
      }
      out.output(keys);
    }
  }

  /** (key, (occurrences, articles)) → a row; an article counts once per key. */
  static class ToDayCountFn extends DoFn<KV<String, KV<Long, Long>>, TopicDayCount> {
    @ProcessElement
    public void process(@Element KV<String, KV<Long, Long>> kv, OutputReceiver<TopicDayCount> out) {
      String[] p = kv.getKey().split(SEP, 4);
      out.output(
          TopicDayCount.newBuilder()
              .setDate(p[0].isEmpty() ? null : java.time.LocalDate.ofEpochDay(Long.parseLong(p[0])))
              .setSource(p[1])
              .setCode(p[2])
              .setLabel(p[3])
              .setArticles(kv.getValue().getValue())
              .build());
    }
  }

  static class ManifestCountsFn extends DoFn<Article, KV<String, Long>> {
    @ProcessElement
    public void process(@Element Article a, OutputReceiver<KV<String, Long>> out) {
      out.output(
          KV.of(
              a.getTopics().isEmpty() ? "topics.untagged_articles" : "topics.tagged_articles", 1L));
      for (Topic t : a.getTopics()) {
        out.output(KV.of("topics." + t.getCode(), 1L));
      }
    }
  }
}
