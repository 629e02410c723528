package dev.newsbeam.pipeline;

import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.byline.ParseBylines;
import dev.newsbeam.dedup.ArticleSketcher;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DetectDuplicates;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.stats.ArticleStatsCalculator;
import dev.newsbeam.stats.ComputeWordStats;
import dev.newsbeam.stats.TextProfile;
import dev.newsbeam.stats.WordStatsSettings;
import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.ArticleTopics;
import dev.newsbeam.topics.TagTopics;
import dev.newsbeam.topics.TaxonomyTagger;
import dev.newsbeam.topics.TopicClassifier;
import dev.newsbeam.topics.TopicSettings;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.transforms.SerializableFunction;

/**
 * Everything newsbeam does to one article on its own, in one call: bylines, datelines and credit
 * lines; the dedup sketch; topics; word statistics (all but the top terms, which need the corpus);
 * the body analysed once for all of them. The pipeline's per-article step and the plain-Java
 * baseline both call it, so they do the same work. Not thread-safe: one per DoFn instance or
 * thread.
 *
 * <p>Each step is a stage of the output contract: when one throws, {@link #enrich} throws a {@link
 * StageFailure} naming it, and the article goes to {@code errors/} as {@code stage_failed}.
 */
public final class ArticleSpine {
  /** What the steps are configured with. */
  public record Settings(DedupSettings dedup, TopicSettings topics, WordStatsSettings stats)
      implements Serializable {
    public static Settings defaults() {
      return new Settings(
          DedupSettings.defaults(), TopicSettings.defaults(), WordStatsSettings.defaults());
    }
  }

  /**
   * One article after every per-article step.
   *
   * @param article the article with authors, outlet, dateline, topics and stats (no top terms)
   * @param bylines what the byline step made of its byline, dateline and credit lines
   * @param sketch its dedup sketch and LSH band keys
   * @param profile its term and bigram counts
   */
  public record Enriched(
      Article article,
      ArticleBylines.Result bylines,
      ArticleSketcher.Sketch sketch,
      TextProfile profile) {}

  /** A step threw for one article: the stage it belongs to and what it threw. */
  public static final class StageFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String stage;

    StageFailure(String stage, Throwable cause) {
      super(stage + " failed", cause);
      this.stage = stage;
    }

    public String stage() {
      return stage;
    }
  }

  private final SerializableFunction<Article, ArticleBylines.Result> bylines;
  private final ArticleSketcher sketcher;
  private final TaxonomyTagger tagger;
  private final ArticleStatsCalculator calculator;
  private final NewsAnalyzer analyzer;

  /**
   * @param bylines the byline step: {@link ParseBylines.BylinesStep} (tests pass one that throws)
   */
  public ArticleSpine(
      Settings settings, SerializableFunction<Article, ArticleBylines.Result> bylines) {
    this.bylines = bylines;
    this.sketcher = new ArticleSketcher(settings.dedup());
    this.tagger = settings.topics().taxonomyTagger();
    this.analyzer = settings.stats().analyzer();
    this.calculator = new ArticleStatsCalculator(analyzer);
  }

  /**
   * Runs every step on {@code raw}, as ingest made it.
   *
   * @param classifier the trained topic model's classifier, or null for taxonomy topics only
   */
  public Enriched enrich(Article raw, TopicClassifier classifier) throws StageFailure {
    ArticleBylines.Result parsed;
    Article credited;
    try {
      parsed = bylines.apply(raw);
      credited = parsed.applyTo(raw);
    } catch (RuntimeException | StackOverflowError e) {
      throw new StageFailure(ParseBylines.STAGE, e);
    }
    // the body is analysed once, with the word statistics' analysis: the taxonomy tagger shares
    // it (both follow --stem and --stopwords), the shingler needs only its words, and a core
    // given another analysis than its own analyses again. Its terms follow the article's
    // language where Lucene has that language's stopwords and stemmer; words do not depend on it
    AnalyzedText body;
    try {
      body = analyzer.forLanguage(credited.getLanguage()).analyze(credited.getText());
    } catch (RuntimeException | StackOverflowError e) {
      throw new StageFailure(ComputeWordStats.STAGE, e);
    }
    ArticleSketcher.Sketch sketch;
    try {
      sketch = sketcher.sketch(credited, body);
    } catch (RuntimeException | StackOverflowError e) {
      throw new StageFailure(DetectDuplicates.STAGE, e);
    }
    List<Topic> topics;
    try {
      topics = ArticleTopics.tag(tagger, classifier, credited, body);
    } catch (RuntimeException | StackOverflowError e) {
      throw new StageFailure(TagTopics.STAGE, e);
    }
    TextProfile profile;
    try {
      profile = calculator.profile(credited.getText(), body);
    } catch (RuntimeException | StackOverflowError e) {
      throw new StageFailure(ComputeWordStats.STAGE, e);
    }
    Article enriched =
        Article.newBuilder(credited).setTopics(topics).setStats(profile.stats()).build();
    return new Enriched(enriched, parsed, sketch, profile);
  }
}
