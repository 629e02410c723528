package dev.newsbeam.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.text.NewsAnalyzer.Stemming;
import dev.newsbeam.text.NewsAnalyzer.Stopwords;
import dev.newsbeam.text.TestTexts;
import dev.newsbeam.text.TestTexts.Sample;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The profile of an analysed text is exactly the profile of the text. */
class AnalyzedProfileTest {
  private static List<Sample> texts;

  @BeforeAll
  static void loadTexts() {
    texts = TestTexts.all(40);
  }

  static Stream<Arguments> calculatorsAndAnalyses() {
    NewsAnalyzer defaults = NewsAnalyzer.defaults();
    NewsAnalyzer minimalSnowball = new NewsAnalyzer(Stemming.ENGLISH_MINIMAL, Stopwords.SNOWBALL);
    NewsAnalyzer none = new NewsAnalyzer(Stemming.NONE, Stopwords.NONE);
    return Stream.of(
        Arguments.of("default calculator, default analysis", defaults, defaults),
        Arguments.of(
            "minimal/snowball calculator, its own analysis", minimalSnowball, minimalSnowball),
        Arguments.of("minimal/snowball calculator, default analysis", minimalSnowball, defaults),
        Arguments.of("none/none calculator, default analysis", none, defaults),
        Arguments.of("default calculator, none/none analysis", defaults, none));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calculatorsAndAnalyses")
  void profileOfTheAnalysisIsTheProfileOfTheText(
      String name, NewsAnalyzer calculatorAnalyzer, NewsAnalyzer analyzer) {
    ArticleStatsCalculator calculator = new ArticleStatsCalculator(calculatorAnalyzer);
    int bigrams = 0;
    for (Sample s : texts) {
      TextProfile expected = calculator.profile(s.text());
      // the record's equals covers every ArticleStats field, term counts, bigram counts, tokens
      assertThat(
          s.name(), calculator.profile(s.text(), analyzer.analyze(s.text())), equalTo(expected));
      bigrams += expected.bigramCounts().size();
    }
    assertThat(bigrams, greaterThan(texts.size()));
  }

  @Test
  void anAnalysisOfAnotherTextIsRefused() {
    ArticleStatsCalculator calculator = new ArticleStatsCalculator(NewsAnalyzer.defaults());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            calculator.profile("The council met.", NewsAnalyzer.defaults().analyze("Other text.")));
  }
}
