package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.schema.DuplicateRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class DetectDuplicatesTest {
  private static final DedupSettings SETTINGS = FictionalNews.wordJaccard();

  /**
   * The DirectRunner's immutability check walks the whole pipeline graph for every bundle, and its
   * GroupByKey emits one bundle per key: with dedup's ~150 steps that is minutes for 300 articles.
   * Our DoFns build new values (Article.newBuilder, new ClusterLink) and never mutate inputs;
   * encodability checks stay on.
   */
  private static void fastDirectRunner(TestPipeline pipeline) {
    pipeline.getOptions().as(DirectOptions.class).setEnforceImmutability(false);
  }

  /** One fictional corpus: 150 stories, exact and near copies of some, a drifting chain. */
  private static final class Corpus {
    final List<Article> articles = new ArrayList<>();
    final Map<String, String> expectedCluster = new HashMap<>();
    final Map<String, String> expectedKind = new HashMap<>();
    final Map<String, String> texts = new HashMap<>();

    Corpus() {
      FictionalNews news = new FictionalNews(2024);
      for (int s = 0; s < 150; s++) {
        List<String> words = news.words(90 + (s % 7) * 10);
        String original = String.format("s%03d-0", s);
        add(
            original,
            FictionalNews.text(words),
            100 + s,
            original,
            s % 3 == 0 || s % 5 == 0 ? (s % 3 == 0 ? "exact" : "near") : "unique");
        if (s % 3 == 0) {
          // re-crawl with different whitespace and punctuation: same normalised text
          add(
              String.format("s%03d-1", s),
              FictionalNews.text(words).replace(".", " !").toUpperCase(),
              101 + s,
              original,
              "exact");
        }
        if (s % 5 == 0) {
          // two lightly edited copies published later
          add(
              String.format("s%03d-2", s),
              FictionalNews.text(news.edit(words, 0.04)),
              102 + s,
              original,
              "near");
          add(
              String.format("s%03d-3", s),
              FictionalNews.text(news.edit(words, 0.06)),
              103 + s,
              original,
              "near");
        }
      }
      // A~B, B~C, A far from C: A is earliest, so C must not ride into A's cluster through B
      List<String> x = news.words(30);
      List<String> y = news.words(30);
      List<String> z = news.words(30);
      List<String> w = news.words(30);
      List<String> v2 = news.words(30);
      add(
          "chain-a",
          FictionalNews.text(CanonicalPolicyTest.concat(x, y, z, w, news.words(30))),
          10,
          "chain-a",
          "near");
      add(
          "chain-b",
          FictionalNews.text(CanonicalPolicyTest.concat(x, y, z, w, v2)),
          11,
          "chain-a",
          "near");
      add(
          "chain-c",
          FictionalNews.text(CanonicalPolicyTest.concat(news.words(30), news.words(30), z, w, v2)),
          12,
          "chain-c",
          "unique");
      Collections.shuffle(articles, new Random(5));
    }

    private void add(String id, String text, int day, String cluster, String kind) {
      articles.add(
          Article.newBuilder()
              .setId(id)
              .setSource("test/" + id + ".txt")
              .setInputFormat("text")
              .setPublishedDate(LocalDate.ofEpochDay(day))
              .setText(text)
              .build());
      expectedCluster.put(id, cluster);
      expectedKind.put(id, kind);
      texts.put(id, text);
    }

    KV<String, DedupInfo> expected(String id) {
      return expected(id, SETTINGS);
    }

    /**
     * Expected dedup record, similarity from the pure cores (not hard-coded): estimated from
     * MinHash signatures, or the exact Jaccard of the compact shingle sets with {@code
     * --verify=exact}.
     */
    KV<String, DedupInfo> expected(String id, DedupSettings settings) {
      String canonical = expectedCluster.get(id);
      String kind = expectedKind.get(id);
      double similarity = 1.0;
      if (!id.equals(canonical) && kind.equals("near")) {
        Shingler shingler = settings.shingler();
        long[] member = shingler.shingles(texts.get(id));
        long[] kept = shingler.shingles(texts.get(canonical));
        MinHasher hasher = settings.minHasher();
        similarity =
            settings.verify() == DedupSettings.Verify.EXACT
                ? Shingler.jaccard(Shingler.compact(member), Shingler.compact(kept))
                : MinHasher.similarity(hasher.signature(member), hasher.signature(kept));
      }
      return KV.of(
          id,
          DedupInfo.newBuilder()
              .setClusterId(canonical)
              .setCanonicalId(canonical)
              .setIsCanonical(id.equals(canonical))
              .setKind(kind)
              .setSimilarity(similarity)
              .build());
    }

    List<KV<String, DedupInfo>> expectedRecords() {
      return expectedRecords(SETTINGS);
    }

    List<KV<String, DedupInfo>> expectedRecords(DedupSettings settings) {
      List<KV<String, DedupInfo>> out = new ArrayList<>();
      for (Article a : articles) {
        out.add(expected(a.getId(), settings));
      }
      return out;
    }
  }

  static class DedupOfFn extends DoFn<Article, KV<String, DedupInfo>> {
    @ProcessElement
    public void process(@Element Article a, OutputReceiver<KV<String, DedupInfo>> out) {
      out.output(KV.of(a.getId(), a.getDedup()));
    }
  }

  static class RowKeyFn extends DoFn<DuplicateRow, String> {
    @ProcessElement
    public void process(@Element DuplicateRow r, OutputReceiver<String> out) {
      out.output(
          r.getId() + ">" + r.getCanonicalId() + ":" + r.getKind() + "@" + r.getCanonicalSource());
    }
  }

  @Test
  void chainedCorpusFixtureIsWhatItClaims() {
    Corpus c = new Corpus();
    Shingler shingler = SETTINGS.shingler();
    double ab =
        Shingler.jaccard(
            shingler.shingles(c.texts.get("chain-a")), shingler.shingles(c.texts.get("chain-b")));
    double bc =
        Shingler.jaccard(
            shingler.shingles(c.texts.get("chain-b")), shingler.shingles(c.texts.get("chain-c")));
    double ac =
        Shingler.jaccard(
            shingler.shingles(c.texts.get("chain-a")), shingler.shingles(c.texts.get("chain-c")));
    double t = SETTINGS.similarity();
    assertThat(ab, greaterThanOrEqualTo(t + 0.1));
    assertThat(bc, greaterThanOrEqualTo(t + 0.1));
    assertThat(ac < t - 0.05, equalTo(true));
  }

  @Test
  void everyArticleGetsItsClusterAcrossBundles(TestPipeline pipeline) {
    Corpus corpus = new Corpus();
    assertThat(corpus.articles.size(), greaterThanOrEqualTo(250));
    fastDirectRunner(pipeline);
    PCollection<Article> articles =
        pipeline.apply(
            "CreateArticles", Create.of(corpus.articles).withCoder(AvroCoder.of(Article.class)));
    DedupResult result = articles.apply("DetectDuplicates", DetectDuplicates.with(SETTINGS));

    PAssert.that(result.articles().apply("DedupOf", ParDo.of(new DedupOfFn())))
        .containsInAnyOrder(corpus.expectedRecords());

    List<String> rows = new ArrayList<>();
    long exact = 0;
    long near = 0;
    Map<String, Long> sizes = new HashMap<>();
    for (Article a : corpus.articles) {
      KV<String, DedupInfo> e = corpus.expected(a.getId());
      sizes.merge(e.getValue().getClusterId(), 1L, Long::sum);
      if (!e.getValue().getIsCanonical()) {
        String canonical = e.getValue().getCanonicalId();
        rows.add(
            a.getId()
                + ">"
                + canonical
                + ":"
                + e.getValue().getKind()
                + "@test/"
                + canonical
                + ".txt");
        if (e.getValue().getKind().equals("exact")) {
          exact++;
        } else {
          near++;
        }
      }
    }
    PAssert.that(result.duplicates().apply("RowKeys", ParDo.of(new RowKeyFn())))
        .containsInAnyOrder(rows);
    long clusters = sizes.values().stream().filter(s -> s >= 2).count();
    long largest = sizes.values().stream().mapToLong(Long::longValue).max().orElse(0);
    PAssert.that(result.counts())
        .containsInAnyOrder(
            KV.of("dedup.clusters", clusters),
            KV.of("dedup.exact_duplicates", exact),
            KV.of("dedup.near_duplicates", near),
            KV.of("dedup.largest_cluster", largest),
            KV.of(DuplicateClusters.MATCHED_EARLIER_RUNS, 0L));
    assertThat(exact, not(equalTo(0L)));
    assertThat(near, not(equalTo(0L)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void exactVerificationGivesTheSameClustersWithExactSimilarities(TestPipeline pipeline) {
    Corpus corpus = new Corpus();
    DedupSettings exact = SETTINGS.withVerify(DedupSettings.Verify.EXACT);
    List<KV<String, DedupInfo>> expected = corpus.expectedRecords(exact);
    // the fixture's copies sit well inside the threshold either way; the similarities differ
    assertThat(expected, not(equalTo(corpus.expectedRecords())));
    fastDirectRunner(pipeline);
    PCollection<Article> articles =
        pipeline.apply(
            "CreateArticles", Create.of(corpus.articles).withCoder(AvroCoder.of(Article.class)));
    DedupResult result =
        articles.apply("DetectDuplicates", DetectDuplicates.with(exact).withShards(3));
    PAssert.that(result.articles().apply("DedupOf", ParDo.of(new DedupOfFn())))
        .containsInAnyOrder(expected);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void withoutTheChainGuardTheWholeChainIsOneCluster(TestPipeline pipeline) {
    Corpus corpus = new Corpus();
    List<Article> chain =
        corpus.articles.stream().filter(a -> a.getId().startsWith("chain-")).toList();
    DedupSettings unguarded = SETTINGS.withChainGuard(false);
    Shingler shingler = unguarded.shingler();
    MinHasher hasher = unguarded.minHasher();
    Map<String, int[]> signatures = new HashMap<>();
    for (Article a : chain) {
      signatures.put(a.getId(), hasher.signature(shingler.shingles(a.getText())));
    }
    List<KV<String, DedupInfo>> expected = new ArrayList<>();
    for (Article a : chain) {
      boolean canonical = a.getId().equals("chain-a");
      expected.add(
          KV.of(
              a.getId(),
              DedupInfo.newBuilder()
                  .setClusterId("chain-a")
                  .setCanonicalId("chain-a")
                  .setIsCanonical(canonical)
                  .setKind("near")
                  .setSimilarity(
                      canonical
                          ? 1.0
                          : MinHasher.similarity(
                              signatures.get(a.getId()), signatures.get("chain-a")))
                  .build()));
    }
    // chain-c joins through chain-b although it is far from the canonical: what the guard prevents
    assertThat(
        MinHasher.similarity(signatures.get("chain-c"), signatures.get("chain-a"))
            < SETTINGS.similarity(),
        equalTo(true));
    fastDirectRunner(pipeline);
    PCollection<Article> articles =
        pipeline.apply("CreateChain", Create.of(chain).withCoder(AvroCoder.of(Article.class)));
    PAssert.that(
            articles
                .apply("Unguarded", DetectDuplicates.with(unguarded))
                .articles()
                .apply("UnguardedDedupOf", ParDo.of(new DedupOfFn())))
        .containsInAnyOrder(expected);
    PAssert.that(
            articles
                .apply("Guarded", DetectDuplicates.with(SETTINGS))
                .articles()
                .apply("GuardedDedupOf", ParDo.of(new DedupOfFn())))
        .containsInAnyOrder(
            corpus.expected("chain-a"), corpus.expected("chain-b"), corpus.expected("chain-c"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void componentsOfAChainLongerThanAnyRoundCountAreWhole(TestPipeline pipeline) {
    // 40-node path with ids in no order along it, plus a triangle: min-label propagation with 8
    // unrolled rounds (the former graph) gave the far end of the path other labels than the near
    // end
    List<KV<String, String>> edges = new ArrayList<>();
    List<KV<String, String>> expected = new ArrayList<>();
    List<String> path = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      path.add(String.format("n%08x", i * 0x9E3779B9));
    }
    String smallest = Collections.min(path);
    for (int i = 0; i < path.size(); i++) {
      if (i > 0) {
        edges.add(
            i % 2 == 0 ? KV.of(path.get(i - 1), path.get(i)) : KV.of(path.get(i), path.get(i - 1)));
      }
      expected.add(KV.of(path.get(i), smallest));
    }
    edges.addAll(
        List.of(KV.of("t3", "t2"), KV.of("t2", "t1"), KV.of("t3", "t1"), KV.of("t3", "t2")));
    expected.addAll(List.of(KV.of("t1", "t1"), KV.of("t2", "t1"), KV.of("t3", "t1")));
    Collections.shuffle(edges, new Random(3));
    fastDirectRunner(pipeline);
    PCollection<KV<String, String>> labels =
        pipeline
            .apply("CreateEdges", Create.of(edges))
            .apply("ConnectedComponents", new DetectDuplicates.ConnectedComponents());
    PAssert.that(labels).containsInAnyOrder(expected);
    PCollection<KV<String, String>> none =
        pipeline
            .apply("CreateNoEdges", Create.empty(labels.getCoder()))
            .apply("NoComponents", new DetectDuplicates.ConnectedComponents());
    PAssert.that(none).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void inputOrderDoesNotChangeAnyRecord(TestPipeline pipeline) {
    Corpus corpus = new Corpus();
    fastDirectRunner(pipeline);
    List<Article> reversed = new ArrayList<>(corpus.articles);
    Collections.reverse(reversed);
    // the records of one run are the expected records of the other: compare run A with run B
    // directly
    PCollection<KV<String, DedupInfo>> a =
        pipeline
            .apply("CreateA", Create.of(corpus.articles).withCoder(AvroCoder.of(Article.class)))
            .apply("DedupA", DetectDuplicates.with(SETTINGS.withKeep(CanonicalPolicy.LONGEST)))
            .articles()
            .apply("DedupOfA", ParDo.of(new DedupOfFn()));
    PCollection<KV<String, DedupInfo>> b =
        pipeline
            .apply("CreateB", Create.of(reversed).withCoder(AvroCoder.of(Article.class)))
            .apply("DedupB", DetectDuplicates.with(SETTINGS.withKeep(CanonicalPolicy.LONGEST)))
            .articles()
            .apply("DedupOfB", ParDo.of(new DedupOfFn()));
    assertSameRecords(a, b, corpus.articles.size());
    pipeline.run().waitUntilFinish();
  }

  @Test
  void shardCountDoesNotChangeAnyRecord(TestPipeline pipeline) {
    Corpus corpus = new Corpus();
    fastDirectRunner(pipeline);
    PCollection<Article> articles =
        pipeline.apply("Create", Create.of(corpus.articles).withCoder(AvroCoder.of(Article.class)));
    PCollection<KV<String, DedupInfo>> defaults =
        articles
            .apply("DedupDefaultShards", DetectDuplicates.with(SETTINGS))
            .articles()
            .apply("DedupOfDefault", ParDo.of(new DedupOfFn()));
    // one shard: every join, combine and guard group holds everything
    PCollection<KV<String, DedupInfo>> single =
        articles
            .apply("DedupOneShard", DetectDuplicates.with(SETTINGS).withShards(1))
            .articles()
            .apply("DedupOfOne", ParDo.of(new DedupOfFn()));
    assertSameRecords(defaults, single, corpus.articles.size());
    PAssert.that(single).containsInAnyOrder(corpus.expectedRecords());
    pipeline.run().waitUntilFinish();
  }

  @Test
  void shardsMustBePositive() {
    assertThrows(
        IllegalArgumentException.class, () -> DetectDuplicates.with(SETTINGS).withShards(0));
  }

  /**
   * Pairs the records of two runs by article id: the records of one are the expected records of the
   * other.
   */
  private static void assertSameRecords(
      PCollection<KV<String, DedupInfo>> a, PCollection<KV<String, DedupInfo>> b, int expected) {
    TupleTag<DedupInfo> runA = new TupleTag<>();
    TupleTag<DedupInfo> runB = new TupleTag<>();
    PCollection<KV<String, CoGbkResult>> paired =
        KeyedPCollectionTuple.of(runA, a)
            .and(runB, b)
            .apply("PairRuns" + a.getName().hashCode(), CoGroupByKey.create());
    PAssert.that(paired)
        .satisfies(
            pairs -> {
              int n = 0;
              for (KV<String, CoGbkResult> p : pairs) {
                assertThat(
                    p.getKey(), p.getValue().getOnly(runB), equalTo(p.getValue().getOnly(runA)));
                n++;
              }
              assertThat(n, equalTo(expected));
              return null;
            });
  }
}
