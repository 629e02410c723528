package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.text.NewsAnalyzer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinHashCoreTest {
  private final Shingler shingler = new Shingler(3, NewsAnalyzer.defaults());

  @ParameterizedTest(name = "{0} | {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hello,   WORLD!  | hello world",
        "ﬁnance (Ｒｅｐｏｒｔ)… ok | finance report ok",
        "Straße\tcafé  | strasse café",
        "Tis — the “end”. | tis the end",
      })
  void normalisesCaseWidthWhitespaceAndPunctuation(String raw, String expected) {
    assertThat(TextFingerprint.normalise(raw), equalTo(expected));
  }

  @Test
  void fingerprintIgnoresFormattingButNotWords() {
    TextFingerprint fp = new TextFingerprint();
    String a = fp.fingerprint("The Valley council met on Tuesday.");
    assertThat(fp.fingerprint("the valley council  met on tuesday"), equalTo(a));
    assertThat(fp.fingerprint("The Valley council met on Wednesday."), not(equalTo(a)));
    assertThat(a.length(), equalTo(32));
    assertThat(fp.fingerprint(" ... "), equalTo(null));
  }

  @Test
  void shinglesAreOrderedWordTrigrams() {
    long[] abc = shingler.shingles("alpha beta gamma delta");
    assertThat(abc.length, equalTo(2));
    assertThat(Shingler.jaccard(abc, shingler.shingles("Alpha, beta; gamma delta!")), equalTo(1.0));
    assertThat(Shingler.jaccard(abc, shingler.shingles("gamma beta alpha delta")), equalTo(0.0));
    assertThat(shingler.shingles("two words").length, equalTo(1));
    assertThat(shingler.shingles("").length, equalTo(0));
  }

  /**
   * The signature is, per permutation {@code (a, b)} drawn from the seed, the least high half of
   * {@code a * x + b} over the shingles (all ones for none): as written out here, element by
   * element.
   */
  @ParameterizedTest(name = "{0} permutations")
  @CsvSource({"1", "2", "7", "64", "128", "129"})
  void signatureIsTheLeastHashOfEachPermutation(int numPerm) {
    SplittableRandom random = new SplittableRandom(numPerm);
    for (int doc = 0; doc < 200; doc++) {
      long seed = random.nextLong();
      long[] shingles = random.longs(doc % 50 == 0 ? 0 : random.nextInt(1, 400)).toArray();
      SplittableRandom permutations = new SplittableRandom(seed);
      int[] expected = new int[numPerm];
      for (int i = 0; i < numPerm; i++) {
        long a = permutations.nextLong() | 1L;
        long b = permutations.nextLong();
        long min = 0xFFFFFFFFL;
        for (long x : shingles) {
          long h = (a * x + b) >>> 32;
          if (h < min) {
            min = h;
          }
        }
        expected[i] = (int) min;
      }
      assertThat(new MinHasher(numPerm, seed).signature(shingles), equalTo(expected));
    }
  }

  @Test
  void signaturesAreDeterministicPerSeed() {
    long[] s = shingler.shingles(FictionalNews.text(new FictionalNews(1).words(120)));
    assertThat(
        Arrays.equals(new MinHasher(64, 9).signature(s), new MinHasher(64, 9).signature(s)),
        equalTo(true));
    assertThat(
        Arrays.equals(new MinHasher(64, 9).signature(s), new MinHasher(64, 10).signature(s)),
        equalTo(false));
  }

  @ParameterizedTest(name = "edit share {0}")
  @CsvSource({"0.0", "0.05", "0.1", "0.2", "0.4", "1.0"})
  void estimatedJaccardTracksExactJaccard(double share) {
    FictionalNews news = new FictionalNews(7);
    List<String> words = news.words(400);
    long[] a = shingler.shingles(FictionalNews.text(words));
    long[] b = shingler.shingles(FictionalNews.text(news.edit(words, share)));
    MinHasher hasher = new MinHasher(256, 3);
    double exact = Shingler.jaccard(a, b);
    double estimate = MinHasher.similarity(hasher.signature(a), hasher.signature(b));
    // standard error of the estimate is sqrt(J(1-J)/256) <= 0.032; allow about 3 sigma
    assertThat(estimate, closeTo(exact, 0.1));
  }

  @ParameterizedTest(name = "edit share {0}")
  @CsvSource({"0.0", "0.05", "0.2", "0.4", "1.0"})
  void compactShinglesKeepTheExactJaccard(double share) {
    FictionalNews news = new FictionalNews(11);
    List<String> words = news.words(600);
    long[] a = shingler.shingles(FictionalNews.text(words));
    long[] b = shingler.shingles(FictionalNews.text(news.edit(words, share)));
    int[] ca = Shingler.compact(a);
    int[] cb = Shingler.compact(b);
    for (int i = 1; i < ca.length; i++) {
      assertThat(ca[i - 1] < ca[i], equalTo(true)); // sorted, distinct
    }
    // a spurious shared 32-bit value among ~600 x 600 shingles is one in ~12,000: the sets keep
    // their size
    assertThat(ca.length, greaterThan(a.length - 2));
    assertThat(Shingler.jaccard(ca, cb), closeTo(Shingler.jaccard(a, b), 0.002));
    assertThat(Shingler.jaccard(ca, ca), equalTo(1.0));
  }

  @Test
  void sketchesCompareExactlyWhenBothCarryTheirShingles() {
    FictionalNews news = new FictionalNews(12);
    List<String> words = news.words(300);
    long[] a = shingler.shingles(FictionalNews.text(words));
    long[] b = shingler.shingles(FictionalNews.text(news.edit(words, 0.3)));
    MinHasher hasher = new MinHasher(128, 42);
    DocSketch sa = new DocSketch("a", "a", "fa", null, 1, hasher.signature(a));
    DocSketch sb = new DocSketch("b", "b", "fb", null, 1, hasher.signature(b));
    double estimate = MinHasher.similarity(sa.signature, sb.signature);
    double exact = Shingler.jaccard(Shingler.compact(a), Shingler.compact(b));
    assertThat(estimate, not(equalTo(exact)));
    assertThat(DocSketch.similarity(sa, sb), equalTo(estimate));
    DocSketch ea = sa.withShingles(Shingler.compact(a));
    DocSketch eb = sb.withShingles(Shingler.compact(b));
    assertThat(DocSketch.similarity(ea, eb), equalTo(exact));
    assertThat(DocSketch.similarity(ea, sb), equalTo(estimate)); // only one carries them: estimate
    assertThat(ea.withExactCopies(3).shingles, equalTo(ea.shingles));
    assertThat(ea, not(equalTo(sa)));
  }

  @Test
  void settingsCarryShinglesOnlyForExactVerification() {
    long[] s = shingler.shingles("the council met on tuesday and voted");
    DedupSettings settings = DedupSettings.defaults();
    assertThat(settings.verify(), equalTo(DedupSettings.Verify.MINHASH));
    assertThat(settings.carriedShingles(s).length, equalTo(0));
    DedupSettings exact = settings.withVerify(DedupSettings.Verify.parse(" Exact "));
    assertThat(exact.carriedShingles(s), equalTo(Shingler.compact(s)));
    assertThat(
        exact.withChainGuard(false).withLshBands(new LshBands(32, 2)).verify(),
        equalTo(DedupSettings.Verify.EXACT));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> DedupSettings.Verify.parse("jaccard"));
  }

  @Test
  void exactVerificationRejectsWhatTheSignaturesWronglyCallSimilar() {
    // two sketches with equal signatures (estimate 1.0) but disjoint shingle sets (Jaccard 0)
    int[] signature = new MinHasher(128, 42).signature(shingler.shingles("one two three four"));
    DocSketch a =
        new DocSketch("a", "a", "fa", 1L, 10, signature).withShingles(new int[] {1, 2, 3});
    DocSketch b =
        new DocSketch("b", "b", "fb", 2L, 10, signature).withShingles(new int[] {4, 5, 6});
    DocSketch plainA = new DocSketch("a", "a", "fa", 1L, 10, signature);
    DocSketch plainB = new DocSketch("b", "b", "fb", 2L, 10, signature);
    ChainGuard guard = DedupSettings.defaults().guard();
    assertThat(DocSketch.similarity(plainA, plainB), equalTo(1.0));
    assertThat(guard.accepts(plainA, plainB), is(true));
    // sketches that carry their shingles (what --verify=exact makes) are compared exactly
    assertThat(DocSketch.similarity(a, b), equalTo(0.0));
    assertThat(guard.accepts(a, b), is(false));
  }

  @Test
  void emptyTextIsSimilarToNothingReal() {
    MinHasher hasher = new MinHasher(32, 1);
    int[] empty = hasher.signature(new long[0]);
    int[] real = hasher.signature(shingler.shingles("some real words here"));
    assertThat(MinHasher.similarity(empty, real), equalTo(0.0));
  }

  @ParameterizedTest(name = "t={0} numPerm={1}")
  @CsvSource({"0.3,128", "0.4,128", "0.5,128", "0.7,128", "0.8,256", "0.5,64"})
  void optimalBandsSeparateAroundTheThreshold(double t, int numPerm) {
    LshBands bands = LshBands.optimal(t, numPerm);
    assertThat(bands.bands() * bands.rows(), lessThanOrEqualTo(numPerm));
    assertThat(
        LshBands.collisionProbability(Math.min(1, t + 0.2), bands.bands(), bands.rows()),
        greaterThan(0.9));
    assertThat(
        LshBands.collisionProbability(Math.max(0, t - 0.2), bands.bands(), bands.rows()),
        lessThan(0.4));
  }

  @Test
  void optimalBandsMinimiseTheWeightedErrorOverAllShapes() {
    double t = 0.4;
    LshBands best = LshBands.optimal(t, 64);
    double bestError =
        LshBands.falsePositiveArea(t, best.bands(), best.rows())
            + LshBands.falseNegativeArea(t, best.bands(), best.rows());
    for (int b = 1; b <= 64; b++) {
      for (int r = 1; b * r <= 64; r++) {
        double e = LshBands.falsePositiveArea(t, b, r) + LshBands.falseNegativeArea(t, b, r);
        assertThat(b + "x" + r, bestError, lessThanOrEqualTo(e + 1e-12));
      }
    }
  }

  @Test
  void fixedBandsParseAsTheyPrintAndOverrideTheDerivedOnes() {
    LshBands b = LshBands.parse(" 32X2 ");
    assertThat(b.bands(), equalTo(32));
    assertThat(b.rows(), equalTo(2));
    assertThat(LshBands.parse(b.toString()), equalTo(b));
    DedupSettings settings = FictionalNews.wordJaccard();
    assertThat(
        settings.bands(), equalTo(LshBands.optimal(settings.similarity(), settings.numPerm())));
    assertThat(settings.withLshBands(b).bands(), equalTo(b));
    for (String bad : new String[] {"32", "32x", "x2", "ax2", "32x2x1", "0x4"}) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> LshBands.parse(bad), bad);
    }
    // 65 bands of 2 need 130 MinHash values; a signature has --numPerm (128)
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> settings.withLshBands(new LshBands(65, 2)));
  }

  @Test
  void higherThresholdsUseLongerBands() {
    assertThat(LshBands.optimal(0.8, 128).rows(), greaterThan(LshBands.optimal(0.3, 128).rows()));
  }

  @Test
  void bandKeysDependOnBandPosition() {
    LshBands bands = new LshBands(2, 2);
    long[] keys = bands.bandKeys(new int[] {5, 6, 5, 6});
    assertThat(keys[0], not(equalTo(keys[1])));
    assertThat(bands.bandKeys(new int[] {5, 6, 9, 9})[0], equalTo(keys[0]));
    assertThat(bands.bandKeys(new int[] {5, 7, 5, 6})[0], not(equalTo(keys[0])));
  }
}
