package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.text.NewsAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Character shingles ({@code char:N}): robust to letter noise and to where words break. */
class CharShinglesTest {
  private static final NewsAnalyzer ANALYZER = NewsAnalyzer.defaults();
  private static final Shingler CHAR5 = new Shingler(ShingleSpec.chars(5), ANALYZER);
  private static final Shingler WORD3 = new Shingler(ShingleSpec.words(3), ANALYZER);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void letterNoiseKeepsCharShinglesFarCloserThanWordShingles(long seed) {
    String noisy = FictionalProse.substituteLetters(FictionalProse.STORY, 0.05, seed);
    assertThat(noisy, not(equalTo(FictionalProse.STORY)));

    double word = Shingler.jaccard(WORD3.shingles(FictionalProse.STORY), WORD3.shingles(noisy));
    double chars = Shingler.jaccard(CHAR5.shingles(FictionalProse.STORY), CHAR5.shingles(noisy));
    // one changed letter spoils the 5 character shingles over it, but every word 3-gram that
    // holds its word: about (0.95^5)^3 of word shingles survive against 0.95^5 of char shingles
    assertThat("word:3 Jaccard " + word, word, lessThan(0.45));
    assertThat("char:5 Jaccard " + chars, chars, greaterThan(0.5));
    assertThat(chars - word, greaterThan(0.2));
  }

  @Test
  void splitMergedAndHyphenBrokenWordsGiveTheSameCharShingles() {
    String clean = "The government announced a floodwater inquiry on Tuesday.";
    String[] variants = {
      "The govern- ment announced a flood water inquiry on Tues day.",
      "The govern-\nment announced a flood-water in- quiry on Tuesday.",
      "Thegovernment announced afloodwater inquiry onTuesday.",
    };
    long[] expected = CHAR5.shingles(clean);
    for (String v : variants) {
      assertThat(v, CHAR5.shingles(v), equalTo(expected));
      assertThat(v, CHAR5.shingles(ANALYZER.analyze(v)), equalTo(expected));
      // the same variants do change the word shingles: what char shingles are for
      assertThat(v, WORD3.shingles(v), not(equalTo(WORD3.shingles(clean))));
    }
    String shouted = "THE GOVERNMENT ANNOUNCED A FLOODWATER INQUIRY ON TUESDAY!";
    assertThat(CHAR5.shingles(shouted), equalTo(expected));
  }

  @Test
  void punctuationInsideWordsIsLeftOut() {
    long[] plain = CHAR5.shingles("The US envoy dont agree");
    assertThat(CHAR5.shingles("The U.S. envoy don't agree"), equalTo(plain));
    assertThat(CHAR5.shingles("The U.S. envoy don\u2019t agree"), equalTo(plain));
  }

  @Test
  void wordOrderAndLettersStillMatter() {
    long[] a = CHAR5.shingles("the council rejected the plan");
    assertThat(CHAR5.shingles("the plan rejected the council"), not(equalTo(a)));
    assertThat(CHAR5.shingles("the council rejected the plea"), not(equalTo(a)));
  }

  @Test
  void shortAndEmptyTexts() {
    // fewer characters than n: one shingle of them all, so a brief still gets a signature
    assertThat(CHAR5.shingles("Ok.").length, equalTo(1));
    assertThat(CHAR5.shingles("Ok."), not(equalTo(CHAR5.shingles("Oh."))));
    assertThat(CHAR5.shingles("").length, equalTo(0));
    assertThat(CHAR5.shingles((String) null).length, equalTo(0));
    assertThat(CHAR5.shingles("  ...  ").length, equalTo(0));
    // "abcdefg": abcde, bcdef, cdefg; repeats are counted once
    assertThat(CHAR5.shingles("abc defg").length, equalTo(3));
    assertThat(CHAR5.shingles("aaaaaaaa").length, equalTo(1));
  }

  @Test
  void shinglesAreSortedAndDistinct() {
    long[] s = CHAR5.shingles(FictionalProse.STORY);
    for (int i = 1; i < s.length; i++) {
      assertThat(s[i], greaterThan(s[i - 1]));
    }
    // about one shingle per letter of a 400-word story: a long[] of a few KB, as word shingles
    assertThat(s.length, greaterThan(1000));
    assertThat(s.length, lessThan(3000));
  }

  @Test
  void wordShinglesAreTodays() {
    // the word kind through a spec is the int constructor's, hash for hash
    Shingler byInt = new Shingler(3, ANALYZER);
    assertThat(WORD3.shingles(FictionalProse.STORY), equalTo(byInt.shingles(FictionalProse.STORY)));
    assertThat(
        FictionalNews.wordJaccard().shingler().shingles(FictionalProse.STORY),
        equalTo(byInt.shingles(FictionalProse.STORY)));
  }

  @Test
  void aTwoParagraphCutReachesTheDerivedMinimum() {
    String text = FictionalProse.prefix(2);
    int words = ANALYZER.words(text).size();
    assertThat(words, greaterThan(DedupSettings.CONTAINMENT_MIN_WORDS));
    for (ShingleSpec spec : new ShingleSpec[] {ShingleSpec.chars(5), ShingleSpec.words(3)}) {
      int distinct = new Shingler(spec, ANALYZER).shingles(text).length;
      int floor = spec.shinglesOfWords(DedupSettings.CONTAINMENT_MIN_WORDS);
      // the derived count scales with words as the real one does, within a quarter
      double expected = (double) spec.shinglesOfWords(words);
      assertThat(spec + ": " + distinct, distinct / expected, greaterThan(0.75));
      assertThat(spec + ": " + distinct, distinct / expected, lessThan(1.25));
      assertThat(spec.toString(), distinct, greaterThan(floor));
    }
  }
}
