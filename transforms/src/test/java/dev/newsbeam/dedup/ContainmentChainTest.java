package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The clustering rule of the defaults: the chain guard keeps a chain of cut copies (an abridged
 * copy of an abridged copy) in its story's cluster, and refuses stories on one template.
 */
class ContainmentChainTest {
  private static final String TEMPLATE =
      "%s said its board declared a quarterly dividend of %s cts a share, compared with %s cts a"
          + " share paid in the previous quarter. The dividend is payable June %s to shareholders"
          + " of record on May %s, the company said. The company, which has about %s mln shares"
          + " outstanding, said the decision reflected its confidence in its cash flow.";

  private static DocSketch sketch(DedupSettings s, String id, long published, String text) {
    return new ArticleSketcher(s).sketch(id, "src/" + id, text, published).sketch();
  }

  @ParameterizedTest
  @EnumSource(DedupSettings.Verify.class)
  void anAbridgedCopyOfAnAbridgedCopyStaysInItsStorysCluster(DedupSettings.Verify verify) {
    // a floor of fifty words, which the one-paragraph cut is under: the chain, not the floor,
    // must keep it
    DedupSettings s =
        DedupSettings.defaults()
            .withVerify(verify)
            .withMinContainmentShingles(ShingleSpec.chars(5).shinglesOfWords(50));
    DocSketch story = sketch(s, "story", 1L, FictionalProse.STORY);
    DocSketch cut = sketch(s, "cut", 2L, FictionalProse.prefix(2)); // the top of the story
    DocSketch cutOfCut = sketch(s, "cut-of-cut", 3L, FictionalProse.prefix(1)); // the top of that
    DuplicateRule rule = s.rule();
    // the fixture: the short cut is too short for containment and too unlike the whole story
    assertThat(cutOfCut.shingleCount, lessThan(rule.minContainmentShingles()));
    assertThat(rule.isDuplicate(story, cutOfCut), is(false));
    assertThat(rule.isDuplicate(story, cut), is(true));
    assertThat(rule.isCutFrom(cutOfCut, cut), is(true));
    assertThat(rule.isCutFrom(cut, cutOfCut), is(false));

    Map<String, ChainGuard.Assignment> clusters =
        s.guard().assign(List.of(cutOfCut, story, cut), CanonicalPolicy.EARLIEST);
    assertThat(clusters.get("cut").canonicalId(), equalTo("story"));
    assertThat(clusters.get("cut-of-cut").canonicalId(), equalTo("story"));
    // without containment the story keeps neither: the cuts make a cluster of their own
    Map<String, ChainGuard.Assignment> jaccardOnly =
        s.withContainment(0)
            .guard()
            .assign(List.of(cutOfCut, story, cut), CanonicalPolicy.EARLIEST);
    assertThat(jaccardOnly.get("cut").canonicalId(), equalTo("cut"));
    assertThat(jaccardOnly.get("cut-of-cut").canonicalId(), equalTo("cut"));
  }

  @ParameterizedTest
  @EnumSource(DedupSettings.Verify.class)
  void anotherEditOfTheStoryJoinsThroughACutTheyShare(DedupSettings.Verify verify) {
    DedupSettings s = DedupSettings.defaults().withVerify(verify);
    DocSketch story = sketch(s, "story", 1L, FictionalProse.STORY);
    DocSketch cut = sketch(s, "cut", 2L, FictionalProse.prefix(3));
    String rewrite =
        FictionalProse.prefix(4) + "\n\n" + String.join("\n\n", FictionalProse.REWRITTEN_HALF);
    DocSketch rewritten = sketch(s, "rewritten", 3L, rewrite);
    DuplicateRule rule = s.rule();
    // the fixture: the rewrite shares its first half with the story, too little for the rule
    assertThat(rule.isDuplicate(story, rewritten), is(false));
    assertThat(
        DocSketch.similarity(story, rewritten),
        greaterThan(ChainGuard.SIBLING_SIMILARITY_SHARE * rule.similarity()));
    assertThat(rule.isCutFrom(cut, story), is(true));
    assertThat(rule.isCutFrom(cut, rewritten), is(true));

    Map<String, ChainGuard.Assignment> clusters =
        s.guard().assign(List.of(rewritten, cut, story), CanonicalPolicy.EARLIEST);
    assertThat(clusters.get("cut").canonicalId(), equalTo("story"));
    assertThat(clusters.get("rewritten").canonicalId(), equalTo("story"));
  }

  @ParameterizedTest
  @EnumSource(DedupSettings.Verify.class)
  void aBriefThatARoundUpPrintsDoesNotBringItsOwnStoryIntoTheRoundUpsCluster(
      DedupSettings.Verify verify) {
    DedupSettings s = DedupSettings.defaults().withVerify(verify);
    String other = String.join("\n\n", FictionalProse.OTHER_STORY);
    DocSketch story = sketch(s, "story", 1L, FictionalProse.STORY);
    // the story again, with the other story's first paragraph printed under it
    DocSketch roundUp =
        sketch(s, "round-up", 2L, FictionalProse.STORY + "\n\n" + FictionalProse.OTHER_STORY[0]);
    DocSketch brief = sketch(s, "brief", 3L, FictionalProse.OTHER_STORY[0]);
    DocSketch otherStory = sketch(s, "other-story", 4L, other);
    DuplicateRule rule = s.rule();
    // the fixture: the brief is cut from both the round-up and its own story
    assertThat(rule.isDuplicate(story, roundUp), is(true));
    assertThat(rule.isCutFrom(brief, roundUp), is(true));
    assertThat(rule.isCutFrom(brief, otherStory), is(true));
    assertThat(rule.isDuplicate(story, otherStory), is(false));

    Map<String, ChainGuard.Assignment> clusters =
        s.guard().assign(List.of(otherStory, brief, roundUp, story), CanonicalPolicy.EARLIEST);
    assertThat(clusters.get("round-up").canonicalId(), equalTo("story"));
    assertThat(clusters.get("other-story").canonicalId(), equalTo("other-story"));
  }

  @ParameterizedTest
  @EnumSource(DedupSettings.Verify.class)
  void storiesOnOneTemplateAreRefusedEvenInOneComponent(DedupSettings.Verify verify) {
    DedupSettings s = DedupSettings.defaults().withVerify(verify);
    DocSketch a =
        sketch(
            s,
            "a",
            1L,
            String.format(TEMPLATE, "Brightwater Mills Inc", "18", "16", "14", "30", "42.5"));
    DocSketch b =
        sketch(
            s,
            "b",
            2L,
            String.format(TEMPLATE, "Holloway Freight Corp", "9", "7", "21", "28", "118"));
    DocSketch c =
        sketch(
            s, "c", 3L, String.format(TEMPLATE, "Quenby Textile Co", "31", "27", "4", "19", "63"));
    // alike by their wording
    assertThat(DocSketch.similarity(a, b), greaterThan(0.4));
    Map<String, ChainGuard.Assignment> clusters =
        s.guard().assign(List.of(a, b, c), CanonicalPolicy.EARLIEST);
    assertThat(clusters.get("a").canonicalId(), equalTo("a"));
    assertThat(clusters.get("b").canonicalId(), equalTo("b"));
    assertThat(clusters.get("c").canonicalId(), equalTo("c"));
    // without the figure test the wording makes them one cluster
    Map<String, ChainGuard.Assignment> byWording =
        s.withFigureAgreement(0).guard().assign(List.of(a, b, c), CanonicalPolicy.EARLIEST);
    assertThat(byWording.get("b").canonicalId(), equalTo("a"));
  }
}
