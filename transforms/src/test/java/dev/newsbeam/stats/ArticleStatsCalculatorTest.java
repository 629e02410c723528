package dev.newsbeam.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.newsbeam.schema.ArticleStats;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.text.NewsAnalyzer.Stemming;
import dev.newsbeam.text.NewsAnalyzer.Stopwords;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleStatsCalculatorTest {

  static Stream<Arguments> sampleTexts() {
    List<Arguments> out = new ArrayList<>();
    for (String name : List.of("harbour-board.txt", "orchard-co-op.txt", "short-notes.txt")) {
      for (Stemming stemming : Stemming.values()) {
        for (Stopwords stopwords : List.of(Stopwords.CLASSIC, Stopwords.SNOWBALL)) {
          out.add(Arguments.of(name, stemming, stopwords));
        }
      }
    }
    return out.stream();
  }

  /** The one-pass calculator agrees exactly with a plain loop over Lucene's own filter chain. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("sampleTexts")
  void agreesExactlyWithAPlainLuceneReference(String name, Stemming stemming, Stopwords stopwords)
      throws IOException {
    String text = resource(name);
    TextProfile profile =
        new ArticleStatsCalculator(new NewsAnalyzer(stemming, stopwords)).profile(text);
    Reference ref = new Reference(text, stemming, stopwords.set());

    ArticleStats s = profile.stats();
    assertThat(s.getWordCount(), is(ref.words.size()));
    assertThat(s.getUniqueWords(), is(new HashSet<>(ref.words).size()));
    assertThat(s.getSentenceCount(), is(NewsAnalyzer.sentences(text).size()));
    long chars = ref.words.stream().mapToLong(String::length).sum();
    long stop = ref.words.stream().filter(w -> stopwords.set().contains(w)).count();
    long nonAlpha =
        ref.words.stream().filter(w -> w.chars().noneMatch(Character::isLetter)).count();
    assertThat(s.getAvgWordLength(), equalTo((double) chars / ref.words.size()));
    assertThat(s.getStopwordRatio(), equalTo((double) stop / ref.words.size()));
    assertThat(s.getNonAlphaWordRatio(), equalTo((double) nonAlpha / ref.words.size()));
    assertThat(
        s.getTypeTokenRatio(),
        equalTo((double) new HashSet<>(ref.words).size() / ref.words.size()));
    assertThat(s.getAvgSentenceLength(), equalTo((double) ref.words.size() / s.getSentenceCount()));
    assertThat(s.getReadingTimeSeconds(), closeTo(ref.words.size() / 238.0 * 60, 1e-9));
    assertThat(s.getTopTerms().isEmpty(), is(true));

    assertThat(profile.termCounts(), equalTo(ref.termCounts()));
    assertThat(
        profile.bigramCounts(),
        equalTo(ref.bigramCounts(text, new NewsAnalyzer(stemming, stopwords))));
    int sumOfTermCounts = profile.termCounts().values().stream().mapToInt(Integer::intValue).sum();
    assertThat("term tokens = sum of term counts", profile.termTokens(), is(sumOfTermCounts));
    assertThat(
        "term tokens = words - stopwords",
        (long) profile.termTokens(),
        is(ref.words.size() - stop));
    assertThat(s.getWordCount(), greaterThan(10));
  }

  @Test
  void handCountedExample() {
    TextProfile p =
        new ArticleStatsCalculator(NewsAnalyzer.defaults())
            .profile("The cat's cat sat. Dogs, 2 dogs!");
    ArticleStats s = p.stats();
    // words: the cat cat sat dogs 2 dogs
    assertThat(s.getWordCount(), is(7));
    assertThat(s.getUniqueWords(), is(5));
    assertThat(s.getSentenceCount(), is(2));
    assertThat(s.getAvgWordLength(), equalTo(21.0 / 7));
    assertThat(s.getAvgSentenceLength(), equalTo(3.5));
    assertThat(s.getTypeTokenRatio(), equalTo(5.0 / 7));
    assertThat(s.getStopwordRatio(), equalTo(1.0 / 7));
    assertThat(s.getNonAlphaWordRatio(), equalTo(1.0 / 7));
    assertThat(s.getReadingTimeSeconds(), closeTo(7 * 60.0 / 238, 1e-12));
    assertThat(p.termCounts(), equalTo(Map.of("cat", 2, "sat", 1, "dog", 2, "2", 1)));
    assertThat(p.termTokens(), is(6));
    // "sat dog" crosses a sentence end; pairs with the letterless "2" are no collocations
    assertThat(p.bigramCounts(), equalTo(Map.of("cat cat", 1, "cat sat", 1)));
  }

  @Test
  void bigramsDoNotBridgeStopwords() {
    TextProfile p =
        new ArticleStatsCalculator(new NewsAnalyzer(Stemming.NONE))
            .profile("Bank of Ardenne raised rates. Bank of Ardenne said so. Central bank rates");
    assertThat(
        p.bigramCounts(),
        equalTo(
            Map.of(
                "raised rates",
                1,
                "ardenne raised",
                1,
                "ardenne said",
                1,
                "said so",
                1,
                "central bank",
                1,
                "bank rates",
                1)));
  }

  @Test
  void emptyAndNullBodiesGiveZeros() {
    ArticleStatsCalculator calculator = new ArticleStatsCalculator(NewsAnalyzer.defaults());
    for (String text : new String[] {"", null, " — \n\n "}) {
      TextProfile p = calculator.profile(text);
      assertThat(p.stats().getWordCount(), is(0));
      assertThat(p.stats().getSentenceCount(), is(0));
      assertThat(p.stats().getAvgWordLength(), is(0.0));
      assertThat(p.stats().getTypeTokenRatio(), is(0.0));
      assertThat(p.termCounts(), aMapWithSize(0));
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ArticleStatsCalculatorTest.class.getResourceAsStream("/stats/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Straightforward reference: Lucene's tokenizer and filters looped by hand, counts in plain maps.
   */
  private static final class Reference {
    final List<String> words = new ArrayList<>();
    final List<Integer> offsets = new ArrayList<>();
    final List<String> terms = new ArrayList<>();

    Reference(String text, Stemming stemming, CharArraySet stopwords) throws IOException {
      StandardTokenizer tokenizer = new StandardTokenizer();
      tokenizer.setReader(new StringReader(text));
      try (TokenStream ts = new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer))) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        TypeAttribute type = ts.addAttribute(TypeAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          if (!"<EMOJI>".equals(type.type())) {
            words.add(term.toString());
            offsets.add(offset.startOffset());
          }
        }
        ts.end();
      }
      StandardTokenizer tokenizer2 = new StandardTokenizer();
      tokenizer2.setReader(new StringReader(text));
      TokenStream chain =
          new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer2)), stopwords);
      chain =
          switch (stemming) {
            case PORTER -> new PorterStemFilter(chain);
            case ENGLISH_MINIMAL -> new EnglishMinimalStemFilter(chain);
            case NONE -> chain;
          };
      try (TokenStream ts = chain) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        TypeAttribute type = ts.addAttribute(TypeAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          if (!"<EMOJI>".equals(type.type())) {
            terms.add(term.toString());
          }
        }
        ts.end();
      }
    }

    Map<String, Integer> termCounts() {
      Map<String, Integer> counts = new HashMap<>();
      for (String t : terms) {
        counts.put(t, counts.getOrDefault(t, 0) + 1);
      }
      return counts;
    }

    /** Adjacent word pairs in one sentence, both non-stopwords with a letter, as terms. */
    Map<String, Integer> bigramCounts(String text, NewsAnalyzer analyzer) {
      int[] starts = NewsAnalyzer.sentenceStarts(text);
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 1; i < words.size(); i++) {
        String x = words.get(i - 1);
        String y = words.get(i);
        if (analyzer.isStop(x)
            || analyzer.isStop(y)
            || !hasLetter(x)
            || !hasLetter(y)
            || sentenceOf(starts, offsets.get(i - 1)) != sentenceOf(starts, offsets.get(i))) {
          continue;
        }
        String key = analyzer.terms(x).get(0) + " " + analyzer.terms(y).get(0);
        counts.put(key, counts.getOrDefault(key, 0) + 1);
      }
      return counts;
    }

    private static int sentenceOf(int[] starts, int offset) {
      int s = 0;
      while (s + 1 < starts.length && starts[s + 1] <= offset) {
        s++;
      }
      return s;
    }

    private static boolean hasLetter(String w) {
      return w.chars().anyMatch(Character::isLetter);
    }
  }
}
