package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The containment half of {@link DuplicateRule}: abridged copies and lifted briefs match, lifted
 * lines do not.
 */
class ContainmentTest {
  private static final String ABRIDGED = FictionalProse.prefix(4);

  /** Both shingle kinds, verified by MinHash estimate and exactly. */
  static Stream<DedupSettings> settings() {
    DedupSettings base = DedupSettings.defaults().withSimilarity(0.5).withContainment(0.8);
    return Stream.of(
        base,
        base.withVerify(DedupSettings.Verify.EXACT),
        base.withShingle(ShingleSpec.chars(5)),
        base.withShingle(ShingleSpec.chars(5)).withVerify(DedupSettings.Verify.EXACT));
  }

  private static DocSketch sketch(DedupSettings settings, String id, String text) {
    return new ArticleSketcher(settings).sketch(id, "src/" + id, text, 1L).sketch();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void anAbridgedPrefixIsAContainedDuplicate(DedupSettings settings) {
    DocSketch story = sketch(settings, "story", FictionalProse.STORY);
    DocSketch prefix = sketch(settings, "prefix", ABRIDGED);
    // the fixture: a prefix of about 40% of the story's shingles
    double share = (double) prefix.shingleCount / story.shingleCount;
    assertThat(share, greaterThan(0.33));
    assertThat(share, lessThan(0.47));

    assertThat(DocSketch.similarity(story, prefix), lessThan(0.5));
    assertThat(DocSketch.containment(story, prefix), greaterThan(0.8));
    assertThat(settings.rule().isDuplicate(story, prefix), is(true));
    assertThat(settings.rule().isDuplicate(prefix, story), is(true));
    // Jaccard 0.5 alone does not see it
    assertThat(settings.withContainment(0).rule().isDuplicate(story, prefix), is(false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aLineLiftedFromTheStoryIsTooShortToBeContained(DedupSettings settings) {
    DocSketch story = sketch(settings, "story", FictionalProse.STORY);
    DocSketch line = sketch(settings, "line", FictionalProse.LINE);
    assertThat(line.shingleCount, lessThan(settings.containmentMinShingles()));
    assertThat(settings.rule().isDuplicate(story, line), is(false));
    if (settings.verify() == DedupSettings.Verify.EXACT) {
      // every shingle of the line is in the story, so without the floor it would be a duplicate,
      // and the floor is what keeps it apart (from MinHash the containment of so small a set in a
      // large one is too noisy to assert on)
      assertThat(DocSketch.containment(story, line), equalTo(1.0));
      assertThat(settings.withMinContainmentShingles(1).rule().isDuplicate(story, line), is(true));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aBriefOfTwoLiftedSentencesIsLongEnoughToBeContained(DedupSettings settings) {
    DocSketch story = sketch(settings, "story", FictionalProse.STORY);
    DocSketch brief = sketch(settings, "brief", FictionalProse.BRIEF);
    assertThat(brief.shingleCount, greaterThanOrEqualTo(settings.containmentMinShingles()));
    if (settings.verify() == DedupSettings.Verify.EXACT) {
      assertThat(settings.rule().isDuplicate(story, brief), is(true));
    }
  }

  @Test
  void theChainGuardAcceptsByTheSameRule() {
    DedupSettings settings = settings().findFirst().orElseThrow();
    List<DocSketch> component =
        List.of(
            sketch(settings, "story", FictionalProse.STORY),
            sketch(settings, "prefix", ABRIDGED),
            sketch(settings, "line", FictionalProse.LINE));
    Map<String, ChainGuard.Assignment> guarded =
        settings.guard().assign(component, CanonicalPolicy.LONGEST);
    assertThat(guarded.get("prefix").canonicalId(), equalTo("story"));
    // the link still reports the Jaccard similarity, here below --similarity
    assertThat(guarded.get("prefix").similarity(), lessThan(0.5));
    assertThat(guarded.get("line").canonicalId(), equalTo("line"));

    Map<String, ChainGuard.Assignment> jaccardOnly =
        settings.withContainment(0).guard().assign(component, CanonicalPolicy.LONGEST);
    assertThat(jaccardOnly.get("prefix").canonicalId(), not(equalTo("story")));
  }

  @Test
  void estimatedContainmentIsCloseToExact() {
    SplittableRandom random = new SplittableRandom(7);
    long[] big = new long[3000];
    for (int i = 0; i < big.length; i++) {
      big[i] = random.nextLong();
    }
    // a smaller set: 1,000 of the big set's values and 200 of its own, contained 1000/1200
    long[] small = new long[1200];
    System.arraycopy(big, 500, small, 0, 1000);
    for (int i = 1000; i < small.length; i++) {
      small[i] = random.nextLong();
    }
    Arrays.sort(big);
    Arrays.sort(small);
    MinHasher hasher = new MinHasher(256, 42);
    DocSketch a =
        new DocSketch("a", "a", "fa", 1L, 1, hasher.signature(big)).withShingleCount(big.length);
    DocSketch b =
        new DocSketch("b", "b", "fb", 1L, 1, hasher.signature(small))
            .withShingleCount(small.length);
    double exact =
        DocSketch.containment(
            a.withShingles(Shingler.compact(big)), b.withShingles(Shingler.compact(small)));
    assertThat(exact, closeTo(1000.0 / 1200, 1e-9));
    assertThat(DocSketch.containment(a, b), closeTo(exact, 0.08));
    assertThat(DocSketch.containment(b, a), equalTo(DocSketch.containment(a, b)));
    // from the exact Jaccard, the estimate is exact
    assertThat(
        DocSketch.estimatedContainment(Shingler.jaccard(big, small), big.length, small.length),
        closeTo(exact, 1e-9));
  }

  @Test
  void estimatedContainmentEdges() {
    assertThat(DocSketch.estimatedContainment(0.5, 0, 10), equalTo(0.0));
    assertThat(DocSketch.estimatedContainment(0.0, 100, 10), equalTo(0.0));
    // identical sets
    assertThat(DocSketch.estimatedContainment(1.0, 10, 10), closeTo(1.0, 1e-12));
    // an overestimated Jaccard cannot make the smaller set more than contained
    assertThat(DocSketch.estimatedContainment(0.9, 100, 10), equalTo(1.0));
  }

  @Test
  void sketchesWithoutACountAreNeverContained() {
    int[] signature = {1, 2, 3, 4, 5, 6, 7, 8};
    int[] half = {1, 2, 3, 4, 9, 9, 9, 9};
    DuplicateRule rule = new DuplicateRule(0.9, 0.1, 1);
    DocSketch a = new DocSketch("a", "a", "fa", 1L, 1, signature);
    DocSketch b = new DocSketch("b", "b", "fb", 1L, 1, half);
    assertThat(rule.isDuplicate(a, b), is(false));
    assertThat(rule.isDuplicate(a.withShingleCount(50), b.withShingleCount(50)), is(true));
  }

  @Test
  void theRuleChecksItsValues() {
    assertThrows(IllegalArgumentException.class, () -> new DuplicateRule(0.3, 1.5, 10));
    assertThrows(IllegalArgumentException.class, () -> new DuplicateRule(0.3, -0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new DuplicateRule(0.3, 0.8, 0));
    assertThrows(IllegalArgumentException.class, () -> new DuplicateRule(1.0, 0.8, 10));
    assertThat(DuplicateRule.jaccard(0.3).containmentOn(), is(false));
  }

  @Test
  void lshReachFollowsTheLowestJaccardOfAContainedCopy() {
    DedupSettings off = FictionalNews.wordJaccard();
    assertThat(off.rule().lowestJaccard(0.3), equalTo(off.similarity()));
    // containment off: today's shape
    assertThat(off.bands(), equalTo(LshBands.optimal(off.similarity(), off.numPerm())));

    DedupSettings on = off.withContainment(0.8);
    double floor = on.rule().lowestJaccard(DedupSettings.CONTAINMENT_SHORTEST_RATIO);
    // a copy of 30% of the shingles, 80% of it contained: 0.24 / (1 + 0.3 - 0.24)
    assertThat(floor, closeTo(0.24 / 1.06, 1e-12));
    assertThat(on.bands(), equalTo(LshBands.optimal(floor, on.numPerm())));
    LshBands wide = on.bands();
    LshBands today = off.bands();
    assertThat(
        LshBands.collisionProbability(floor, wide.bands(), wide.rows()),
        greaterThan(LshBands.collisionProbability(floor, today.bands(), today.rows())));
    // never above the Jaccard threshold, and an explicit shape wins
    assertThat(
        off.withSimilarity(0.1).withContainment(0.9).rule().lowestJaccard(0.3), equalTo(0.1));
    assertThat(on.withLshBands(LshBands.parse("16x4")).bands(), equalTo(LshBands.parse("16x4")));
    assertThat(floor, greaterThanOrEqualTo(0.0));
  }
}
