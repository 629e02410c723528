package dev.newsbeam.topics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.schema.Topic;
import dev.newsbeam.text.NewsAnalyzer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyTaggerTest {
  /** A small taxonomy of our own: a parent, a child, an unrelated topic. */
  static final String TINY =
      """
      {"format": "newsbeam-taxonomy/1", "attribution": "test",
       "topics": [
        {"code": "t:conflict", "name": "conflict", "parent": null, "terms": ["war^2", "troops"]},
        {"code": "t:peace", "name": "peace process", "parent": "t:conflict",
         "terms": ["peace talks^3", "ceasefire^2", "end the war^2", "negotiations"]},
        {"code": "t:sport", "name": "sport", "parent": null, "terms": ["football", "goalkeeper", "world cup^2"]}
       ]}
      """;

  static TaxonomyTagger tagger(TaxonomyTagger.Settings s) {
    return new TaxonomyTagger(Taxonomy.parse(TINY), NewsAnalyzer.defaults(), s);
  }

  /**
   * Settings for the matching and scoring mechanics: every entry counts in full and one entry is
   * evidence enough ({@link TaxonomyEvidenceTest} covers the evidence rules).
   */
  static TaxonomyTagger.Settings mechanics() {
    return TaxonomyTagger.Settings.defaults().withMinEvidence(1).withRarity(0);
  }

  static TaxonomyTagger tagger() {
    return tagger(mechanics().withThreshold(0.01));
  }

  static Optional<Topic> find(List<Topic> tags, String code) {
    return tags.stream().filter(t -> t.getCode().equals(code)).findFirst();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Delegates opened peace talks in the capital on Monday.  | peace talks×1",
        "The PEACE-TALKS resumed; peace talks may last weeks.     | peace talks×2",
        "Both sides said they want to end the war soon.          | end the war×1",
        "Leaders vowed to end war before winter.                 | end the war×1",
        "They negotiated for hours and the negotiators left.     | negotiations×2",
      })
  void phrasesAndStemmedTermsMatch(String text, String evidence) {
    Topic peace = find(tagger().tag(null, text), "t:peace").orElseThrow();
    assertThat(peace.getEvidence(), hasItem(evidence));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "They talked about peace and then held talks.",
        "The war of words ended; peace was not on the agenda.",
      })
  void phraseNeedsItsTermsInSequence(String text) {
    List<Topic> tags = tagger().tag(null, text);
    List<String> peaceEvidence = find(tags, "t:peace").map(Topic::getEvidence).orElse(List.of());
    assertThat(peaceEvidence, not(hasItem(containsString("peace talks"))));
    assertThat(peaceEvidence, not(hasItem(containsString("end the war"))));
  }

  @Test
  void childImpliesParentWithParentFirstAndChildEvidence() {
    List<Topic> tags = tagger().tag(null, "A ceasefire was agreed after long negotiations.");
    Topic parent = find(tags, "t:conflict").orElseThrow();
    Topic child = find(tags, "t:peace").orElseThrow();
    assertThat(parent.getScore(), greaterThanOrEqualTo(child.getScore()));
    assertThat(tags.indexOf(parent), lessThan(tags.indexOf(child)));
    assertThat(parent.getEvidence(), hasItem("ceasefire×1"));
    assertThat(find(tags, "t:sport").isPresent(), is(false));
  }

  @Test
  void titleMatchesWeighMoreThanBodyMatches() {
    String body = "The club signed a new player this week after a long search for talent.";
    double inTitle =
        find(tagger().tag("Goalkeeper signs", body), "t:sport").orElseThrow().getScore();
    double inBody =
        find(tagger().tag("Club news", body + " Goalkeeper signs."), "t:sport")
            .orElseThrow()
            .getScore();
    assertThat(inTitle, greaterThan(inBody));
  }

  @Test
  void scoreIsLengthNormalised() {
    String hit = "Troops crossed the river. ";
    String filler =
        "The committee discussed budgets, schedules, buildings and local road repairs at length. ";
    double shortScore =
        find(tagger().tag(null, hit + filler.repeat(5)), "t:conflict").orElseThrow().getScore();
    double longScore =
        find(tagger().tag(null, hit + filler.repeat(40)), "t:conflict").orElseThrow().getScore();
    assertThat(shortScore, greaterThan(longScore * 2));
  }

  @Test
  void repeatedTermsSaturate() {
    double once = find(tagger().tag(null, "football"), "t:sport").orElseThrow().getScore();
    double tenTimes =
        find(tagger().tag(null, "football ".repeat(10)), "t:sport").orElseThrow().getScore();
    assertThat(tenTimes, greaterThan(once));
    assertThat(tenTimes, lessThan(once * 4));
  }

  @Test
  void thresholdDropsWeakTopicsAndTopKCapsTheList() {
    String text = "Troops massed near the border while the football world cup went on.";
    List<Topic> all = tagger().tag(null, text);
    assertThat(all.size(), greaterThanOrEqualTo(2));
    double lowest = all.get(all.size() - 1).getScore();
    List<Topic> strict = tagger(mechanics().withThreshold(lowest + 1e-9)).tag(null, text);
    assertThat(strict, hasSize(all.size() - 1));
    assertThat(tagger(mechanics().withThreshold(0.01).withTopK(1)).tag(null, text), hasSize(1));
    assertThat(tagger(mechanics().withThreshold(1e9)).tag(null, text), empty());
  }

  @Test
  void noMatchMeansNoTags() {
    assertThat(tagger().tag("Weather", "Mild and dry with light winds."), empty());
    assertThat(tagger().tag(null, ""), empty());
  }

  @Test
  void defaultTaxonomyRanksConflictAndDiplomacyFirstOnAWarTalksStory() {
    // our own text, in the spirit of the seed article
    String text =
        """
        The two presidents spoke by phone for ninety minutes and agreed that negotiations to end the war
        would begin at once, the Kremlin and the White House said. Officials hoped the call could lead to a
        ceasefire in a conflict that has killed thousands of soldiers. The foreign minister said envoys
        would meet their counterparts next week to prepare a summit and talks on a peace deal.
        """;
    List<Topic> tags = TaxonomyTagger.defaults().tag("Leaders agree to start peace talks", text);
    Taxonomy iptc = Taxonomy.defaults();
    List<String> top2 =
        tags.stream()
            .map(Topic::getCode)
            .filter(c -> iptc.topics().get(c).parent() == null)
            .limit(2)
            .toList();
    assertThat(
        top2, org.hamcrest.Matchers.containsInAnyOrder("medtop:16000000", "medtop:11000000"));
    assertThat(tags.stream().map(Topic::getCode).toList(), hasItem("medtop:20000639"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Striker scores twice | The striker scored twice as the team won the league title in front of a full stadium.",
        "Central bank raises rates | The central bank raised interest rates to fight inflation, and the dollar rose.",
        "Flood warning | Heavy rain and storms brought floods; forecasters expect more showers and strong winds.",
        "New vaccine | Doctors said the vaccine cut hospital admissions during the flu outbreak among patients.",
      })
  void everyDefaultTagCarriesEvidence(String title, String text) {
    List<Topic> tags = TaxonomyTagger.defaults().tag(title, text);
    assertThat(tags, not(empty()));
    assertThat(tags.stream().map(Topic::getSource).toList(), everyItem(is("taxonomy")));
    for (Topic t : tags) {
      assertThat(t.getEvidence(), not(empty()));
      assertThat(t.getEvidence(), everyItem(matchesPattern(".+×[1-9][0-9]*")));
    }
  }

  @Test
  void defaultTaxonomyHasTheSeventeenIptcTopLevelTopicsAndAttribution() {
    Taxonomy t = Taxonomy.defaults();
    long roots = t.topics().values().stream().filter(d -> d.parent() == null).count();
    assertThat(roots, is(17L));
    assertThat(t.attribution(), containsString("IPTC"));
    assertThat(t.attribution(), containsString("CC BY 4.0"));
    assertThat(t.root("medtop:20000639"), is("medtop:11000000"));
    assertThat(t.ancestors("medtop:20000639"), contains("medtop:20000638", "medtop:11000000"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"format\": \"other/1\", \"topics\": []}                                                            | format",
        "{\"format\": \"newsbeam-taxonomy/1\", \"topics\": []}                                                | no topics",
        "{\"format\": \"newsbeam-taxonomy/1\", \"topics\": [{\"code\": \"a\", \"name\": \"A\", \"parent\": \"b\", \"terms\": []}]} | unknown parent",
        "{\"format\": \"newsbeam-taxonomy/1\", \"topics\": [{\"code\": \"a\", \"name\": \"A\", \"terms\": [\"war^x\"]}]} | bad weight",
      })
  void invalidTaxonomiesAreRejected(String json, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Taxonomy.parse(json));
    assertThat(e.getMessage(), containsString(reason));
  }

  @Test
  void stopwordOnlyEntriesAreRejected() {
    String json =
        "{\"format\": \"newsbeam-taxonomy/1\", \"topics\": [{\"code\": \"a\", \"name\": \"A\", \"terms\": [\"the\"]}]}";
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TaxonomyTagger(
                Taxonomy.parse(json), NewsAnalyzer.defaults(), TaxonomyTagger.Settings.defaults()));
  }
}
