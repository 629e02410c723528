package dev.newsbeam.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Terms of non-English articles: that language's stopwords and Snowball stemmer. */
class LanguageTermsTest {
  private final NewsAnalyzer english = NewsAnalyzer.defaults();

  @Test
  void germanTermsDropGermanStopwordsAndAreStemmedInGerman() {
    NewsAnalyzer german = english.forLanguage("de");
    String text = "Die Stadt stellt alle Straßenlaternen auf sparsame Leuchten um";
    assertThat(
        german.terms(text),
        equalTo(List.of("stadt", "stellt", "strassenlatern", "sparsam", "leucht")));
    // words do not depend on the language
    assertThat(german.words(text), equalTo(english.words(text)));
  }

  @Test
  void termsOfOneWordAndOfTheWholeTextAgree() {
    NewsAnalyzer french = english.forLanguage("fr");
    List<String> terms = french.terms("Les habitants demandent des explications");
    assertThat(french.term("habitants"), equalTo(terms.get(0)));
    assertThat(french.analyze("Les habitants demandent des explications").terms(), equalTo(terms));
  }

  @Test
  void englishAndLanguagesWithoutAListKeepTheEnglishAnalyzer() {
    assertThat(english.forLanguage("en"), sameInstance(english));
    assertThat(english.forLanguage(null), sameInstance(english));
    assertThat(english.forLanguage("ja"), sameInstance(english));
    assertThat(english.forLanguage("de"), sameInstance(english.forLanguage("de")));
    assertThat(english.forLanguage("de"), not(sameInstance(english)));
  }
}
