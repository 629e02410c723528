package dev.newsbeam.text;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.newsbeam.text.NewsAnalyzer.Stemming;
import dev.newsbeam.text.NewsAnalyzer.Stopwords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NewsAnalyzerTest {
  private static final NewsAnalyzer PORTER = NewsAnalyzer.defaults();

  /** What a word is, one rule per row; words are separated by '|'. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Don't panic;                 don't|panic",
        "A well-known e-mail;         a|well|known|e|mail",
        "The U.S. envoy;              the|u.s|envoy",
        "Up 3.5% in 2025;             up|3.5|in|2025",
        "1,250 tonnes;                1,250|tonnes",
        "Mayor Quill's plan;          mayor|quill|plan",
        "Mayor Quill’s plan;          mayor|quill|plan",
        "The mayors' plan;            the|mayors|plan",
        "Vote 🗳️ now!;               vote|now",
        "ZÜRICH café;                 zürich|café",
        "COVID-19 wave;               covid|19|wave",
        "(Wire) — Hello…;             wire|hello",
        "user@example.org wrote;      user|example.org|wrote"
      })
  void wordsFollowUnicodeWordBoundariesLowerCasedWithoutPossessives(String text, String expected) {
    assertThat(PORTER.words(text), equalTo(Arrays.asList(expected.split("\\|"))));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "PORTER;          CLASSIC;  The ponies were running to the markets;  poni|were|run|market",
        "ENGLISH_MINIMAL; CLASSIC;  The ponies were running to the markets;  pony|were|running|market",
        "NONE;            CLASSIC;  The ponies were running to the markets;  ponies|were|running|markets",
        "NONE;            SNOWBALL; I think we don't know what they said;    think|know|said",
        "NONE;            NONE;     The end;                                 the|end"
      })
  void termsDropStopwordsAndStem(
      Stemming stemming, Stopwords stopwords, String text, String expected) {
    NewsAnalyzer analyzer = new NewsAnalyzer(stemming, stopwords);
    assertThat(analyzer.terms(text), equalTo(Arrays.asList(expected.split("\\|"))));
  }

  static Stream<Arguments> analyzersAndTexts() {
    List<String> texts =
        List.of(
            "",
            "Council's budget: 4.2bn, up from 3.9bn in 2024. The mayor’s office didn't comment.",
            "Well-known U.S. firms — and their CEOs' pay — rose 12% 🚀 in Q3!\n\nNew para here",
            "I think we were the ones who would have known, wouldn't we? Yes.");
    List<Arguments> out = new ArrayList<>();
    for (Stemming stemming : Stemming.values()) {
      for (Stopwords stopwords : Stopwords.values()) {
        for (String text : texts) {
          out.add(Arguments.of(stemming, stopwords, text));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} [{2}]")
  @MethodSource("analyzersAndTexts")
  void onePassGivesTheSameWordsAndTermsAsTheSeparateStreams(
      Stemming stemming, Stopwords stopwords, String text) {
    NewsAnalyzer analyzer = new NewsAnalyzer(stemming, stopwords);
    List<String> words = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    analyzer.forEachWordAndTerm(
        text,
        (word, term, start) -> {
          words.add(word);
          offsets.add(start);
          if (term != null) {
            terms.add(term);
          }
          assertThat(
              word + " is a stopword iff it has no term", term == null, is(analyzer.isStop(word)));
        });
    assertThat(words, equalTo(analyzer.words(text)));
    assertThat(terms, equalTo(analyzer.terms(text)));
    for (int i = 1; i < offsets.size(); i++) {
      assertThat("offsets ascend", offsets.get(i) > offsets.get(i - 1), is(true));
    }
  }

  @Test
  void stopwordListsDiffer() {
    assertThat(NewsAnalyzer.Stopwords.CLASSIC.set().size(), is(33));
    assertThat(NewsAnalyzer.Stopwords.SNOWBALL.set().contains("wouldn't"), is(true));
    assertThat(NewsAnalyzer.Stopwords.CLASSIC.set().contains("we"), is(false));
    assertThat(NewsAnalyzer.isStopword("the"), is(true));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "One. Two.;                                                   One.|Two.",
        "Mr. Quill met Dr. Vance on Feb. 3 in St. Ives. They talked.; Mr. Quill met Dr. Vance on Feb. 3 in St. Ives.|They talked.",
        "A line that wraps\\nmid sentence. Next one.;                 A line that wraps\\nmid sentence.|Next one.",
        "Headline Without Stop\\n\\nBody starts here. Ends.;            Headline Without Stop|Body starts here.|Ends.",
        "“Quoted,” she said. Then more.;                             “Quoted,” she said.|Then more.",
        "Sold in the U.S. The end.;                                   Sold in the U.S.|The end.",
        "Is it? Yes! Fine...;                                         Is it?|Yes!|Fine..."
      })
  void sentences(String text, String expected) {
    List<String> sentences = NewsAnalyzer.sentences(text.replace("\\n", "\n"));
    assertThat(sentences, equalTo(Arrays.asList(expected.replace("\\n", "\n").split("\\|"))));
    assertThat(NewsAnalyzer.sentenceCount(text.replace("\\n", "\n")), is(sentences.size()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"''", "'   \n\n  '", "'— * —'", "'...'"})
  void textWithoutLettersOrDigitsHasNoSentence(String text) {
    assertThat(NewsAnalyzer.sentences(text), empty());
  }

  @Test
  void sentenceStartsPointAtEachSentence() {
    String text = "First one here. Second.\n\nThird";
    int[] starts = NewsAnalyzer.sentenceStarts(text);
    assertThat(Arrays.stream(starts).boxed().toList(), contains(0, 16, 25));
  }

  @Test
  void survivesSerializationLikeADoFnField() throws Exception {
    NewsAnalyzer analyzer = new NewsAnalyzer(Stemming.ENGLISH_MINIMAL, Stopwords.SNOWBALL);
    analyzer.words("warm the lazy analyzers up");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(analyzer);
    }
    NewsAnalyzer copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (NewsAnalyzer) in.readObject();
    }
    assertThat(copy.terms("We sold ponies"), contains("sold", "pony"));
    assertThat(copy.words("We sold ponies"), hasSize(3));
  }
}
