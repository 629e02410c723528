package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.schema.Article;
import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.text.NewsAnalyzer.Stemming;
import dev.newsbeam.text.NewsAnalyzer.Stopwords;
import dev.newsbeam.text.TestTexts;
import dev.newsbeam.text.TestTexts.Sample;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Shingles and sketches of an analysed text are exactly those of the text. */
class AnalyzedSketchTest {
  private static List<Sample> texts;

  @BeforeAll
  static void loadTexts() {
    texts = TestTexts.all(20);
  }

  /** Words do not depend on stemming or stopwords: any analyzer's analysis gives the shingles. */
  static Stream<Arguments> shingleSizesAndAnalyzers() {
    return Stream.of(
        Arguments.of("word:1", NewsAnalyzer.defaults()),
        Arguments.of("3", NewsAnalyzer.defaults()),
        Arguments.of("word:3", new NewsAnalyzer(Stemming.NONE, Stopwords.SNOWBALL)),
        Arguments.of("word:3", new NewsAnalyzer(Stemming.ENGLISH_MINIMAL, Stopwords.NONE)),
        Arguments.of("word:5", new NewsAnalyzer(Stemming.PORTER, Stopwords.SNOWBALL)),
        Arguments.of("char:1", NewsAnalyzer.defaults()),
        Arguments.of("char:5", NewsAnalyzer.defaults()),
        Arguments.of("char:5", new NewsAnalyzer(Stemming.NONE, Stopwords.NONE)),
        Arguments.of("char:9", new NewsAnalyzer(Stemming.PORTER, Stopwords.SNOWBALL)));
  }

  @ParameterizedTest(name = "{0} shingles, analysed {1}")
  @MethodSource("shingleSizesAndAnalyzers")
  void shinglesOfTheAnalysisAreThoseOfTheText(String spec, NewsAnalyzer analyzer) {
    Shingler shingler = new Shingler(ShingleSpec.parse(spec), NewsAnalyzer.defaults());
    for (Sample s : texts) {
      assertThat(
          s.name(),
          shingler.shingles(analyzer.analyze(s.text())),
          equalTo(shingler.shingles(s.text())));
    }
  }

  static Stream<DedupSettings> settings() {
    return Stream.of(
        DedupSettings.defaults(),
        DedupSettings.defaults().withVerify(DedupSettings.Verify.EXACT).withShingle(5),
        DedupSettings.defaults().withNumPerm(64).withLshBands(LshBands.parse("16x4")),
        DedupSettings.defaults().withShingle(ShingleSpec.chars(5)).withContainment(0.8),
        DedupSettings.defaults()
            .withShingle(ShingleSpec.chars(4))
            .withVerify(DedupSettings.Verify.EXACT));
  }

  @ParameterizedTest
  @MethodSource("settings")
  void sketchOfTheAnalysisIsTheSketchOfTheText(DedupSettings settings) {
    ArticleSketcher sketcher = new ArticleSketcher(settings);
    NewsAnalyzer analyzer = NewsAnalyzer.defaults();
    int withWords = 0;
    for (Sample s : texts) {
      ArticleSketcher.Sketch byText = sketcher.sketch(s.name(), "src", s.text(), 7L);
      ArticleSketcher.Sketch byAnalysis =
          sketcher.sketch(s.name(), "src", s.text(), 7L, analyzer.analyze(s.text()));
      assertSameSketch(s.name(), byAnalysis, byText);
      if (byText.hasWords()) {
        withWords++;
        // the sketch counts its distinct shingles, for containment
        assertThat(
            s.name(),
            byText.sketch().shingleCount,
            equalTo(settings.shingler().shingles(s.text()).length));
      }

      Article article = article(s);
      assertSameSketch(
          s.name(),
          sketcher.sketch(article, analyzer.analyze(article.getText())),
          sketcher.sketch(article));
    }
    assertThat(withWords, greaterThan(texts.size() / 2));
  }

  @Test
  void anAnalysisOfAnotherTextIsRefused() {
    ArticleSketcher sketcher = new ArticleSketcher(DedupSettings.defaults());
    AnalyzedText other = NewsAnalyzer.defaults().analyze("Another text entirely");
    assertThrows(
        IllegalArgumentException.class,
        () -> sketcher.sketch("a", "src", "The council met on Tuesday", null, other));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            sketcher.sketch(
                article(new Sample("a", null, "The council met")),
                NewsAnalyzer.defaults().analyze(null)));
  }

  private static Article article(Sample s) {
    return Article.newBuilder()
        .setId(s.name())
        .setSource("src/" + s.name())
        .setInputFormat("jsonl")
        .setTitle(s.title())
        .setText(s.text() == null ? "" : s.text())
        .setPublishedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .build();
  }

  private static void assertSameSketch(
      String name, ArticleSketcher.Sketch actual, ArticleSketcher.Sketch expected) {
    // DocSketch.equals compares every field: ids, fingerprint, length, signature, shingles
    assertThat(name, actual.sketch(), equalTo(expected.sketch()));
    assertThat(name, actual.bandKeys(), equalTo(expected.bandKeys()));
    assertThat(name, actual.hasWords(), is(expected.hasWords()));
  }
}
