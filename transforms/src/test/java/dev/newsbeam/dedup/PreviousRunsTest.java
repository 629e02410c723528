package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Daily runs: a batch deduplicated against the canonical sketches of an earlier run ({@link
 * DetectDuplicates#withPrevious}). Day one's sketches are made by the pure {@link ArticleSketcher}
 * and marked {@link DocSketch#archived}, as the pipeline reads them back from {@code sketches/}.
 */
@ExtendWith(TestPipelineExtension.class)
class PreviousRunsTest {
  private static final DedupSettings SETTINGS = FictionalNews.wordJaccard();
  private static final String DAY_ONE = "day-1";

  private final FictionalNews news = new FictionalNews(7);
  private final List<String> storyA = news.words(120);
  private final List<String> storyB = news.words(110);
  private final List<String> storyC = news.words(100);
  private final List<String> storyD = news.words(130);

  /** Day one: three stories, each its own canonical. */
  private final List<Article> dayOne =
      List.of(
          article("a", FictionalNews.text(storyA), 1),
          article("b", FictionalNews.text(storyB), 1),
          article("c", FictionalNews.text(storyC), 1));

  private static Article article(String id, String text, int day) {
    return Article.newBuilder()
        .setId(id)
        .setSource("test/" + id + ".txt")
        .setInputFormat("text")
        .setPublishedDate(LocalDate.ofEpochDay(day))
        .setText(text)
        .build();
  }

  /** Day one's canonicals as a later run reads them back from sketches/. */
  private static List<DocSketch> archive(List<Article> canonicals) {
    ArticleSketcher sketcher = new ArticleSketcher(SETTINGS);
    List<DocSketch> out = new ArrayList<>();
    for (Article a : canonicals) {
      DocSketch s = sketcher.sketch(a).sketch();
      DocSketch d =
          DocSketch.archived(DAY_ONE, s.id, s.source, s.fingerprint, s.published, s.length);
      d.signature = s.signature;
      d.shingleCount = s.shingleCount;
      d.figures = s.figures;
      out.add(d);
    }
    return out;
  }

  private static PCollection<KV<String, DedupInfo>> dedupOf(
      TestPipeline p,
      List<Article> batch,
      List<DocSketch> previous,
      List<String> expectedSketches,
      String name) {
    p.getOptions().as(DirectOptions.class).setEnforceImmutability(false);
    PCollection<DocSketch> archived =
        p.apply(name + "Previous", Create.of(previous).withCoder(DedupCoders.sketch()));
    DedupResult result =
        p.apply(name, Create.of(batch).withCoder(AvroCoder.of(Article.class)))
            .apply(
                name + "Dedup",
                DetectDuplicates.with(SETTINGS).withShards(4).withPrevious(archived));
    PAssert.that(name + "CanonicalSketches", result.canonicalSketches())
        .satisfies(
            sketches -> {
              List<String> ids =
                  StreamSupport.stream(sketches.spliterator(), false).map(d -> d.id).toList();
              assertThat(
                  "one sketch per canonical of this run",
                  ids,
                  containsInAnyOrder(expectedSketches.toArray()));
              return null;
            });
    return result
        .articles()
        .apply(
            name + "DedupOf",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(), TypeDescriptor.of(DedupInfo.class)))
                .via((Article a) -> KV.of(a.getId(), a.getDedup())));
  }

  private static DedupInfo info(
      String canonical, boolean isCanonical, String kind, double similarity, String run) {
    return DedupInfo.newBuilder()
        .setClusterId(canonical)
        .setCanonicalId(canonical)
        .setIsCanonical(isCanonical)
        .setKind(kind)
        .setSimilarity(similarity)
        .setCanonicalRun(run)
        .build();
  }

  private static double estimated(String a, String b) {
    Shingler shingler = SETTINGS.shingler();
    MinHasher hasher = SETTINGS.minHasher();
    return MinHasher.similarity(
        hasher.signature(shingler.shingles(a)), hasher.signature(shingler.shingles(b)));
  }

  @Test
  void aNewCopyOfAnEarlierStoryJoinsItsCanonicalAndNewStoriesStartClusters(TestPipeline p) {
    String nearB = FictionalNews.text(news.edit(storyB, 0.04));
    String textD = FictionalNews.text(storyD);
    List<Article> dayTwo =
        List.of(
            // re-crawl of a: other case and punctuation, same normalised text
            article("a2", FictionalNews.text(storyA).replace(".", " !").toUpperCase(), 2),
            article("b2", nearB, 2),
            article("d", textD, 2),
            article("d2", textD.toUpperCase(), 2));
    assertThat(
        "the near copy is a duplicate of b under the rule",
        estimated(nearB, FictionalNews.text(storyB)),
        greaterThanOrEqualTo(SETTINGS.similarity()));
    List<DocSketch> previous = archive(dayOne);

    PAssert.that(dedupOf(p, dayTwo, previous, List.of("d"), "DayTwo"))
        .containsInAnyOrder(
            KV.of("a2", info("a", false, "exact", 1.0, DAY_ONE)),
            KV.of(
                "b2",
                info("b", false, "near", estimated(nearB, FictionalNews.text(storyB)), DAY_ONE)),
            KV.of("d", info("d", true, "exact", 1.0, null)),
            KV.of("d2", info("d", false, "exact", 1.0, null)));
    p.run().waitUntilFinish();
  }

  @Test
  void aBatchRunAgainstItsOwnSketchesIsADuplicateOfItsEarlierSelf(TestPipeline p) {
    String nearC = FictionalNews.text(news.edit(storyC, 0.04));
    List<Article> batch = new ArrayList<>(dayOne);
    batch.add(article("c2", nearC, 1));
    // the first run kept a, b and c (c2 is its near copy): those are its sketches
    List<DocSketch> previous = archive(dayOne);

    PAssert.that(dedupOf(p, batch, previous, List.of(), "Again"))
        .containsInAnyOrder(
            KV.of("a", info("a", false, "exact", 1.0, DAY_ONE)),
            KV.of("b", info("b", false, "exact", 1.0, DAY_ONE)),
            KV.of("c", info("c", false, "exact", 1.0, DAY_ONE)),
            KV.of(
                "c2",
                info("c", false, "near", estimated(nearC, FictionalNews.text(storyC)), DAY_ONE)));
    p.run().waitUntilFinish();
  }

  @Test
  void earlierCanonicalsNeverJoinAnotherClusterAndEachKeepsItsOwn() {
    List<DocSketch> previous = archive(dayOne);
    // a second archived copy of a (another earlier run): a duplicate of the first, yet it stays
    DocSketch aAgain = previous.get(0);
    DocSketch otherRun =
        DocSketch.archived(
            "day-0", "a-old", aAgain.source, aAgain.fingerprint + "x", 0L, aAgain.length);
    otherRun.signature = aAgain.signature;
    otherRun.shingleCount = aAgain.shingleCount;
    DocSketch fresh =
        new ArticleSketcher(SETTINGS)
            .sketch(article("a3", FictionalNews.text(news.edit(storyA, 0.02)), 3))
            .sketch();
    ChainGuard guard = new ChainGuard(SETTINGS.rule(), 1);

    Map<String, ChainGuard.Assignment> links =
        guard.assign(List.of(fresh, aAgain, otherRun, previous.get(1)), SETTINGS.keep());

    assertThat(links.get(otherRun.id).canonicalId(), equalTo(otherRun.id));
    assertThat(links.get(aAgain.id).canonicalId(), equalTo(aAgain.id));
    assertThat(links.get(previous.get(1).id).canonicalId(), equalTo(previous.get(1).id));
    assertThat(
        "the new copy joins the best-ranked earlier canonical (day 0 before day 1)",
        links.get("a3").canonicalId(),
        equalTo(otherRun.id));
  }

  @Test
  void anEarlierCanonicalKeepsItsRankEvenWhenANewCopyIsDatedEarlier() {
    DocSketch archived = archive(dayOne).get(0);
    DocSketch older = new ArticleSketcher(SETTINGS).sketch(article("a0", "x y z", 0)).sketch();
    for (CanonicalPolicy policy : CanonicalPolicy.values()) {
      assertThat(policy.better(older, archived), equalTo(archived));
    }
  }
}
