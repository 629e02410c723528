package dev.newsbeam.topics;

import dev.newsbeam.text.NewsAnalyzer;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What {@link TagTopics} tags with: the taxonomy (JSON text, validated), the tagger's settings, an
 * optional trained model and how the taxonomy reads articles. The one place the defaults are
 * written ({@link TopicOptions} takes them from here).
 *
 * @param taxonomyJson the taxonomy ({@link Taxonomy} format); the bundled IPTC one by default
 * @param tagger the taxonomy tagger's scoring settings
 * @param modelPath a train-topics output directory or model file; null for taxonomy tags only
 * @param modelFallback whether an article that reaches no label's threshold gets the model's
 *     nearest label (off for news outside the model's training domain)
 * @param stemming how the taxonomy tagger stems articles and terms (a model keeps its own)
 * @param stopwords which stopwords the taxonomy tagger skips
 */
public record TopicSettings(
    String taxonomyJson,
    TaxonomyTagger.Settings tagger,
    String modelPath,
    boolean modelFallback,
    NewsAnalyzer.Stemming stemming,
    NewsAnalyzer.Stopwords stopwords)
    implements Serializable {

  public static final boolean DEFAULT_MODEL_FALLBACK = true;

  public TopicSettings {
    Taxonomy.parse(taxonomyJson); // fail at construction, not on a worker
  }

  /** The bundled IPTC taxonomy with default settings, the default analysis and no model. */
  public static TopicSettings defaults() {
    NewsAnalyzer analyzer = NewsAnalyzer.defaults();
    return new TopicSettings(
        Taxonomy.defaultJson(),
        TaxonomyTagger.Settings.defaults(),
        null,
        DEFAULT_MODEL_FALLBACK,
        analyzer.stemming(),
        analyzer.stopwords());
  }

  /** The settings {@code options} give; reads the {@code --taxonomy} file if one is named. */
  public static TopicSettings from(TopicOptions options) throws IOException {
    TopicSettings s =
        defaults()
            .withModel(options.getTopicModel())
            .withModelFallback(options.getTopicFallback())
            .withAnalysis(options.getStem(), options.getStopwords());
    return options.getTaxonomy() == null
        ? s
        : s.withTaxonomyJson(Taxonomy.readJson(Path.of(options.getTaxonomy())));
  }

  public TopicSettings withTaxonomyJson(String json) {
    return new TopicSettings(json, tagger, modelPath, modelFallback, stemming, stopwords);
  }

  public TopicSettings withTagger(TaxonomyTagger.Settings value) {
    return new TopicSettings(taxonomyJson, value, modelPath, modelFallback, stemming, stopwords);
  }

  public TopicSettings withModel(String path) {
    return new TopicSettings(taxonomyJson, tagger, path, modelFallback, stemming, stopwords);
  }

  public TopicSettings withModelFallback(boolean value) {
    return new TopicSettings(taxonomyJson, tagger, modelPath, value, stemming, stopwords);
  }

  public TopicSettings withAnalysis(NewsAnalyzer.Stemming stem, NewsAnalyzer.Stopwords stops) {
    return new TopicSettings(taxonomyJson, tagger, modelPath, modelFallback, stem, stops);
  }

  /** The taxonomy tagger of these settings (parses the taxonomy: once per DoFn instance). */
  public TaxonomyTagger taxonomyTagger() {
    return new TaxonomyTagger(
        Taxonomy.parse(taxonomyJson), new NewsAnalyzer(stemming, stopwords), tagger);
  }
}
