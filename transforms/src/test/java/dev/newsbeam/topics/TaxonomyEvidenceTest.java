package dev.newsbeam.topics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.schema.Topic;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The evidence rules of the taxonomy tagger: distinct pieces, strong entries, term rarity. */
class TaxonomyEvidenceTest {
  static final String LEGAL =
      """
      {"format": "newsbeam-taxonomy/1", "attribution": "test",
       "topics": [
        {"code": "t:law", "name": "law", "parent": null,
         "terms": ["court", "jury", "verdict", "homicide^3", "said"]},
        {"code": "t:trial", "name": "trial", "parent": "t:law", "terms": ["testimony", "acquitted"]}
       ]}
      """;

  /** A reference table of our own: "said" is in nearly every article, "court" in some. */
  static final String TABLE =
      """
      # newsbeam-idf/1
      # a test table
      unseen\t6.0
      said\t0.3
      court\t3.0
      juri\t5.0
      """;

  static TermRarity table() throws IOException {
    return TermRarity.parse(new StringReader(TABLE));
  }

  static TaxonomyTagger tagger(TaxonomyTagger.Settings settings, TermRarity rarity) {
    return new TaxonomyTagger(Taxonomy.parse(LEGAL), NewsAnalyzer.defaults(), settings, rarity);
  }

  /** The default evidence rules with a threshold low enough that only they decide. */
  static TaxonomyTagger tagger() throws IOException {
    return tagger(TaxonomyTagger.Settings.defaults().withThreshold(0.01), table());
  }

  static Optional<Topic> law(List<Topic> tags) {
    return tags.stream().filter(t -> t.getCode().equals("t:law")).findFirst();
  }

  @Test
  void oneOrdinaryEntryIsNotEnoughHoweverOftenItOccurs() throws IOException {
    assertThat(law(tagger().tag(null, "The court sat late.")).isPresent(), is(false));
    assertThat(
        law(tagger().tag("Court", "The court sat late; the court rose; court again.")).isPresent(),
        is(false));
  }

  @Test
  void twoDistinctEntriesTag() throws IOException {
    Topic t = law(tagger().tag(null, "The court heard the jury.")).orElseThrow();
    assertThat(t.getEvidence().toString(), containsString("court×1"));
    assertThat(t.getEvidence().toString(), containsString("jury×1"));
  }

  @Test
  void aChildsEntriesCountAsEvidenceForTheParent() throws IOException {
    // one entry of the parent and one of the child: two pieces for the parent, one for the child
    List<Topic> tags = tagger().tag(null, "The court heard testimony.");
    assertThat(law(tags).isPresent(), is(true));
    assertThat(tags.stream().anyMatch(t -> t.getCode().equals("t:trial")), is(false));
  }

  @Test
  void aStrongEntryIsEnoughOnItsOwn() throws IOException {
    assertThat(
        law(tagger().tag(null, "Detectives opened a homicide inquiry.")).isPresent(), is(true));
    TaxonomyTagger strongAtFour =
        tagger(new TaxonomyTagger.Settings(2.0, 0.01, 6, 60, 8, 2, 4.0, 0.5), table());
    assertThat(
        law(strongAtFour.tag(null, "Detectives opened a homicide inquiry.")).isPresent(),
        is(false));
  }

  @Test
  void commonWordsWeighLessThanRareOnes() throws IOException {
    TaxonomyTagger oneEntry =
        tagger(TaxonomyTagger.Settings.defaults().withThreshold(0.01).withMinEvidence(1), table());
    double said = law(oneEntry.tag(null, "He said so.")).orElseThrow().getScore();
    double jury = law(oneEntry.tag(null, "The jury so.")).orElseThrow().getScore();
    double unseen = law(oneEntry.tag(null, "Verdict so.")).orElseThrow().getScore();
    assertThat(said, lessThan(jury));
    assertThat(jury, lessThan(unseen));
    // rarity 0.5: the weight is the square root of idf / unseen idf
    assertThat(said / unseen, closeTo(Math.sqrt(0.3 / 6.0), 1e-9));
    TaxonomyTagger ignoreRarity =
        tagger(
            TaxonomyTagger.Settings.defaults().withThreshold(0.01).withMinEvidence(1).withRarity(0),
            table());
    assertThat(
        law(ignoreRarity.tag(null, "He said so.")).orElseThrow().getScore(),
        closeTo(law(ignoreRarity.tag(null, "Verdict so.")).orElseThrow().getScore(), 1e-9));
  }

  @Test
  void aPhraseIsRarerThanItsWords() throws IOException {
    TermRarity r = table();
    assertThat(r.weight("court"), closeTo(0.5, 1e-9));
    assertThat(r.weight("said court"), closeTo((0.3 + 3.0) / 6.0, 1e-9));
    assertThat(r.weight("court jury"), closeTo(1.0, 1e-9)); // capped at the unseen idf
    assertThat(r.weight("never seen before"), closeTo(1.0, 1e-9));
  }

  @Test
  void theBundledTableRanksEverydayWordsBelowTopicalOnes() {
    TermRarity bundled = TermRarity.defaults();
    assertThat(bundled.size(), greaterThan(1000));
    assertThat(bundled.weight("said"), lessThan(bundled.weight("company")));
    assertThat(bundled.weight("company"), lessThan(bundled.weight("ceasefire")));
    assertThat(bundled.weight("year"), lessThan(bundled.weight("striker")));
  }

  @Test
  void malformedTablesAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> TermRarity.parse(new StringReader("said\t1\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> TermRarity.parse(new StringReader("# newsbeam-idf/1\nsaid\t1\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> TermRarity.parse(new StringReader("# newsbeam-idf/1\nunseen\t2\nsaid\t3\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> TermRarity.parse(new StringReader("# newsbeam-idf/1\nunseen\t2\nsaid one\n")));
  }
}
