package dev.newsbeam.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.text.NewsAnalyzer.Stemming;
import dev.newsbeam.text.NewsAnalyzer.Stopwords;
import dev.newsbeam.text.TestTexts.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnalyzedTextTest {
  private static List<Sample> texts;

  @BeforeAll
  static void loadTexts() {
    texts = TestTexts.all(50);
  }

  static Stream<Arguments> analyzers() {
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("defaults", NewsAnalyzer.defaults()));
    for (Stemming stemming : Stemming.values()) {
      for (Stopwords stopwords : Stopwords.values()) {
        out.add(Arguments.of(stemming + "/" + stopwords, new NewsAnalyzer(stemming, stopwords)));
      }
    }
    return out.stream();
  }

  /**
   * The one-pass analysis gives every consumer what its own Lucene pass gave: the words of {@code
   * words(text)} and the terms of the full stemming chain {@code terms(text)}, over real text.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("analyzers")
  void givesTheWordsAndTermsOfTheSeparateChains(String name, NewsAnalyzer analyzer) {
    int words = 0;
    for (Sample s : texts) {
      for (String text : new String[] {s.title(), s.text()}) {
        AnalyzedText a = analyzer.analyze(text);
        String plain = text == null ? "" : text;
        assertThat(s + ": words", a.words(), equalTo(analyzer.words(plain)));
        assertThat(s + ": terms", a.terms(), equalTo(analyzer.terms(plain)));
        assertThat(a.termCount(), is(a.terms().size()));
        int terms = 0;
        for (int i = 0; i < a.size(); i++) {
          String term = a.termOfWord(i);
          assertThat(s + ": " + a.word(i), term == null, is(analyzer.isStop(a.word(i))));
          if (term != null) {
            assertThat(term, equalTo(a.terms().get(terms++)));
          }
          assertThat(a.offset(i), lessThan(plain.length()));
          if (i > 0) {
            assertThat(a.offset(i), greaterThan(a.offset(i - 1)));
          }
        }
        words += a.size();
      }
    }
    assertThat("the corpus has words", words, greaterThan(texts.size()));
  }

  @Test
  void nullIsTheEmptyText() {
    AnalyzedText a = NewsAnalyzer.defaults().analyze(null);
    assertThat(a.size(), is(0));
    assertThat(a.words(), empty());
    assertThat(a.terms(), empty());
    assertThat(a.text(), equalTo(""));
    assertThat(a.isOf(null), is(true));
    assertThat(a.isOf(""), is(true));
    assertThat(a.isOf(" "), is(false));
  }

  @Test
  void alignsWordsTermsAndOffsets() {
    String text = "The mayor's ponies ran to Zürich.";
    AnalyzedText a = new NewsAnalyzer(Stemming.PORTER, Stopwords.CLASSIC).analyze(text);
    assertThat(a.words(), contains("the", "mayor", "ponies", "ran", "to", "zürich"));
    assertThat(a.terms(), contains("mayor", "poni", "ran", "zürich"));
    assertThat(a.termOfWord(0), is((String) null));
    assertThat(a.termOfWord(2), equalTo("poni"));
    assertThat(a.offset(2), is(text.indexOf("ponies")));
    assertThat(a.offset(5), is(text.indexOf("Zürich")));
    assertThat(a.isOf(text), is(true));
    assertThrows(IndexOutOfBoundsException.class, () -> a.word(6));
    assertThrows(UnsupportedOperationException.class, () -> a.terms().set(0, "x"));
  }

  @Test
  void saysWhichAnalysisMadeIt() {
    NewsAnalyzer porter = NewsAnalyzer.defaults();
    NewsAnalyzer minimal = new NewsAnalyzer(Stemming.ENGLISH_MINIMAL);
    NewsAnalyzer snowball = new NewsAnalyzer(Stemming.PORTER, Stopwords.SNOWBALL);
    AnalyzedText a = porter.analyze("We sold the ponies");
    assertThat(a.stemming(), is(Stemming.PORTER));
    assertThat(a.stopwords(), is(Stopwords.CLASSIC));
    assertThat(a.isAnalysedLike(NewsAnalyzer.defaults()), is(true));
    assertThat(a.isAnalysedLike(minimal), is(false));
    assertThat(a.isAnalysedLike(snowball), is(false));

    assertThat(NewsAnalyzer.defaults().reuseOrAnalyze(a), sameInstance(a));
    AnalyzedText again = minimal.reuseOrAnalyze(a);
    assertThat(again, not(sameInstance(a)));
    assertThat(again.terms(), contains("we", "sold", "pony"));
    assertThat(snowball.reuseOrAnalyze(a).terms(), contains("sold", "poni"));
  }
}
