package dev.newsbeam.topics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import dev.newsbeam.schema.TopicModel;
import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.text.NewsAnalyzer.Stemming;
import dev.newsbeam.text.NewsAnalyzer.Stopwords;
import dev.newsbeam.text.TestTexts;
import dev.newsbeam.text.TestTexts.Sample;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Taxonomy and model tags of an analysed body are exactly those of the text (scores, evidence,
 * order), whether the body was analysed like the tagger or otherwise (then it is analysed again).
 */
class AnalyzedTopicsTest {
  private static final NewsAnalyzer DEFAULTS = NewsAnalyzer.defaults();
  private static List<Sample> texts;
  private static TopicModel model;

  @BeforeAll
  static void loadTextsAndTrain() {
    texts = TestTexts.all(40);
    List<Article> training =
        texts.stream()
            .filter(s -> !s.labels().isEmpty() && s.text() != null)
            .map(s -> Synthetic.article(s.name(), s.title(), s.text(), s.labels(), null))
            .toList();
    if (training.size() < 100) {
      training = Synthetic.corpus(300, 11);
    }
    model = TopicModelTest.trainInMemory(training, TopicModelTest.small());
  }

  static Stream<Arguments> taggersAndAnalyses() {
    Taxonomy taxonomy = Taxonomy.defaults();
    TaxonomyTagger.Settings settings = TaxonomyTagger.Settings.defaults();
    TaxonomyTagger porter = TaxonomyTagger.defaults();
    TaxonomyTagger minimal =
        new TaxonomyTagger(taxonomy, new NewsAnalyzer(Stemming.ENGLISH_MINIMAL), settings);
    TaxonomyTagger snowball =
        new TaxonomyTagger(
            taxonomy, new NewsAnalyzer(Stemming.PORTER, Stopwords.SNOWBALL), settings);
    return Stream.of(
        Arguments.of("default tagger, default analysis", porter, DEFAULTS),
        Arguments.of("minimal-stemming tagger, default analysis", minimal, DEFAULTS),
        Arguments.of(
            "minimal-stemming tagger, its own analysis",
            minimal,
            new NewsAnalyzer(Stemming.ENGLISH_MINIMAL)),
        Arguments.of("snowball tagger, default analysis", snowball, DEFAULTS),
        Arguments.of(
            "default tagger, unstemmed analysis", porter, new NewsAnalyzer(Stemming.NONE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taggersAndAnalyses")
  void taxonomyTagsOfTheAnalysisAreThoseOfTheText(
      String name, TaxonomyTagger tagger, NewsAnalyzer analyzer) {
    int tagged = 0;
    for (Sample s : texts) {
      List<Topic> expected = tagger.tag(s.title(), s.text());
      // Topic.equals compares code, label, score (exactly), source and evidence; the list its order
      assertThat(s.name(), tagger.tag(s.title(), analyzer.analyze(s.text())), equalTo(expected));
      tagged += expected.isEmpty() ? 0 : 1;
    }
    assertThat("some texts get topics", tagged, greaterThan(texts.size() / 10));
  }

  static Stream<Arguments> modelsAndAnalyses() {
    TopicModel unstemmed = TopicModel.newBuilder(model).setStemming("none").build();
    return Stream.of(
        Arguments.of("porter model, default analysis", model, DEFAULTS),
        Arguments.of(
            "porter model, snowball analysis",
            model,
            new NewsAnalyzer(Stemming.PORTER, Stopwords.SNOWBALL)),
        Arguments.of("unstemmed model, default analysis", unstemmed, DEFAULTS),
        Arguments.of(
            "unstemmed model, its own analysis", unstemmed, new NewsAnalyzer(Stemming.NONE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelsAndAnalyses")
  void modelTagsOfTheAnalysisAreThoseOfTheText(
      String name, TopicModel topicModel, NewsAnalyzer analyzer) {
    TopicClassifier classifier = new TopicClassifier(topicModel);
    NewsAnalyzer modelAnalyzer =
        new NewsAnalyzer(NewsAnalyzer.Stemming.parse(topicModel.getStemming()));
    int tagged = 0;
    for (Sample s : texts) {
      AnalyzedText body = analyzer.analyze(s.text());
      assertThat(
          s.name(),
          Features.termCounts(modelAnalyzer, s.title(), body, topicModel.getTitleWeight()),
          equalTo(
              Features.termCounts(
                  modelAnalyzer, s.title(), s.text(), topicModel.getTitleWeight())));
      List<Topic> expected = classifier.tag(s.title(), s.text());
      assertThat(s.name(), classifier.tag(s.title(), body), equalTo(expected));
      tagged += expected.isEmpty() ? 0 : 1;
    }
    assertThat("some texts get model tags", tagged, greaterThan(texts.size() / 10));
  }

  @Test
  void articleTopicsOfTheAnalysisAreThoseOfTheArticle() {
    TaxonomyTagger tagger = TaxonomyTagger.defaults();
    TopicClassifier classifier = new TopicClassifier(model);
    for (Sample s : texts) {
      Article a =
          Synthetic.article(
              s.name(),
              s.title(),
              s.text() == null ? "" : s.text(),
              List.of(),
              LocalDate.of(2025, 3, 1));
      AnalyzedText body = DEFAULTS.analyze(a.getText());
      assertThat(
          s.name(),
          ArticleTopics.tag(tagger, classifier, a, body),
          equalTo(ArticleTopics.tag(tagger, classifier, a)));
      assertThat(
          s.name(),
          ArticleTopics.tag(tagger, null, a, body),
          equalTo(ArticleTopics.tag(tagger, null, a)));
    }
  }

  @Test
  void anAnalysisOfAnotherTextIsRefused() {
    Article a = Synthetic.article("a", "Rates", "The central bank raised rates", List.of(), null);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ArticleTopics.tag(
                TaxonomyTagger.defaults(), null, a, DEFAULTS.analyze("Another text")));
  }
}
