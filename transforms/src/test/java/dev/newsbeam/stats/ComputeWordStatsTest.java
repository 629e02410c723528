package dev.newsbeam.stats;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermScore;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.schema.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The corpus below is small enough to count by hand. Canonical articles: a1, a2, a4 (a3 is a
 * non-canonical copy and must not count). Terms (Porter, classic stopwords): a1 alpha×2 beta×2
 * gamma delta; a2 alpha beta omega kappa; a4 kappa sigma gamma 42. So N = 3, term tokens T = 14,
 * words = 6 + 5 + 4 = 15, tf/df: alpha 3/2, beta 3/2, gamma 2/2, kappa 2/2, delta omega sigma 42
 * 1/1.
 */
@ExtendWith(TestPipelineExtension.class)
class ComputeWordStatsTest {

  private static final Article A1 =
      article("a1", "Alpha beta gamma. Alpha beta delta.", "Wire A", List.of("grain"), null);
  private static final Article A2 =
      article("a2", "Alpha beta omega. The kappa.", "Wire B", List.of("grain"), dedup("a2", true));
  private static final Article A3 =
      article("a3", "Alpha beta sigma sigma.", "Wire A", List.of("grain"), dedup("a1", false));
  private static final Article A4 =
      article("a4", "Kappa sigma, gamma 42.", "Wire B", List.of(), null);

  private static PCollection<Article> corpus(TestPipeline pipeline) {
    return pipeline.apply(Create.of(A1, A2, A3, A4).withCoder(AvroCoder.of(Article.class)));
  }

  @Test
  void countsOnlyCanonicalArticlesInCorpusFigures(TestPipeline pipeline) {
    WordStatsResult stats =
        corpus(pipeline).apply(ComputeWordStats.with(WordStatsSettings.defaults().withMinDf(1)));

    double idf2 = Math.log(3.0 / 2);
    double idf1 = Math.log(3.0);
    PAssert.that(stats.terms())
        .containsInAnyOrder(
            new TermStat("alpha", 3L, 2L, idf2), new TermStat("beta", 3L, 2L, idf2),
            new TermStat("gamma", 2L, 2L, idf2), new TermStat("kappa", 2L, 2L, idf2),
            new TermStat("delta", 1L, 1L, idf1), new TermStat("omega", 1L, 1L, idf1),
            new TermStat("sigma", 1L, 1L, idf1), new TermStat("42", 1L, 1L, idf1));
    PAssert.that(stats.counts())
        .containsInAnyOrder(
            KV.of("stats.articles", 4L),
            KV.of("stats.articles_counted", 3L),
            KV.of("stats.tokens", 15L),
            KV.of("stats.term_tokens", 14L),
            KV.of("stats.types", 8L),
            KV.of("stats.types_kept", 8L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void termFrequenciesSumToCountedTermTokensAndDfNeverExceedsN(TestPipeline pipeline) {
    WordStatsResult stats =
        corpus(pipeline).apply(ComputeWordStats.with(WordStatsSettings.defaults().withMinDf(1)));
    // independent of the pipeline: the pure core over the canonical bodies
    ArticleStatsCalculator calculator =
        new ArticleStatsCalculator(dev.newsbeam.text.NewsAnalyzer.defaults());
    long expectedTermTokens = 0;
    for (Article a : List.of(A1, A2, A4)) {
      expectedTermTokens += calculator.profile(a.getText()).termTokens();
    }
    long termTokens = expectedTermTokens;
    PAssert.that(stats.terms())
        .satisfies(
            terms -> {
              long sum = 0;
              for (TermStat t : terms) {
                sum += t.getTermFrequency();
                assertThat(t.getTerm(), t.getDocumentFrequency(), lessThanOrEqualTo(3L));
                assertThat(
                    t.getTerm(), t.getDocumentFrequency(), lessThanOrEqualTo(t.getTermFrequency()));
              }
              assertThat(sum, is(termTokens));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void prunesTermsBelowMinDfAndRanksTopTermsAgainstTheCorpus(TestPipeline pipeline) {
    WordStatsResult stats =
        corpus(pipeline).apply(ComputeWordStats.with(WordStatsSettings.defaults().withMinDf(2)));

    double idf2 = Math.log(3.0 / 2);
    PAssert.that(stats.terms())
        .containsInAnyOrder(
            new TermStat("alpha", 3L, 2L, idf2), new TermStat("beta", 3L, 2L, idf2),
            new TermStat("gamma", 2L, 2L, idf2), new TermStat("kappa", 2L, 2L, idf2));
    PAssert.that(stats.articles())
        .satisfies(
            articles -> {
              Map<String, List<TermScore>> top = new HashMap<>();
              for (Article a : articles) {
                assertThat(a.getId(), a.getStats(), notNullValue());
                top.put(a.getId(), a.getStats().getTopTerms());
              }
              // pruned delta has df 1 = minDf - 1: idf ln 3 = 1.0986 beats alpha's 2 ln 1.5 =
              // 0.8109
              assertThat(terms(top.get("a1")), contains("delta", "alpha", "beta", "gamma"));
              assertThat(top.get("a1").get(0).getTfidf(), closeTo(Math.log(3), 1e-12));
              assertThat(top.get("a1").get(1).getCount(), is(2));
              assertThat(top.get("a1").get(1).getTfidf(), closeTo(2 * Math.log(1.5), 1e-12));
              // the non-canonical copy gets stats and top terms too, against the canonical corpus
              assertThat(terms(top.get("a3")), contains("sigma", "alpha", "beta"));
              assertThat(top.get("a3").get(0).getTfidf(), closeTo(2 * Math.log(3), 1e-12));
              return null;
            });
    PAssert.that(stats.counts())
        .containsInAnyOrder(
            KV.of("stats.articles", 4L),
            KV.of("stats.articles_counted", 3L),
            KV.of("stats.tokens", 15L),
            KV.of("stats.term_tokens", 14L),
            KV.of("stats.types", 8L),
            KV.of("stats.types_kept", 4L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void keynessPerOutletAndLabel(TestPipeline pipeline) {
    WordStatsResult stats =
        corpus(pipeline).apply(ComputeWordStats.with(WordStatsSettings.defaults().withMinDf(2)));

    PAssert.that(stats.keyness())
        .satisfies(
            rows -> {
              List<String> got = new ArrayList<>();
              for (TermKeyness k : rows) {
                got.add(k.getFacet() + "|" + k.getGroup() + "|" + k.getTerm() + "|" + k.getRank());
                if (k.getGroup().equals("Wire A") && k.getTerm().equals("alpha")) {
                  // a=2 of c=6 in Wire A (a1), b=1 of d=8 in the rest (a2, a4): G2 by hand 0.6893
                  assertThat(k.getGroupCount(), is(2L));
                  assertThat(k.getRestCount(), is(1L));
                  assertThat(k.getGroupTokens(), is(6L));
                  assertThat(k.getRestTokens(), is(8L));
                  assertThat(k.getG2(), closeTo(0.6893, 5e-4));
                  assertThat(k.getLogRatio(), closeTo(Math.log(8.0 / 3) / Math.log(2), 1e-12));
                }
              }
              // Wire A: alpha, beta (tied G2, by term), gamma (1/6 vs 1/8); Wire B: only kappa is
              // over-represented;
              // label grain (a1, a2: 10 tokens vs a4's 4): alpha and beta, all their occurrences
              assertThat(
                  got,
                  containsInAnyOrder(
                      "outlet|Wire A|alpha|1",
                      "outlet|Wire A|beta|2",
                      "outlet|Wire A|gamma|3",
                      "outlet|Wire B|kappa|1",
                      "label|grain|alpha|1",
                      "label|grain|beta|2"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void keynessPerTopicCode(TestPipeline pipeline) {
    Article tagged =
        Article.newBuilder(A4)
            .setTopics(List.of(new Topic("medtop:04000000", "economy", 1.0, "taxonomy", List.of())))
            .build();
    PCollection<Article> input =
        pipeline.apply(Create.of(A1, A2, tagged).withCoder(AvroCoder.of(Article.class)));
    WordStatsResult stats =
        input.apply(
            ComputeWordStats.with(WordStatsSettings.defaults().withMinDf(2).withKeynessTopK(1)));

    PAssert.that(stats.keyness())
        .satisfies(
            rows -> {
              List<String> topics = new ArrayList<>();
              for (TermKeyness k : rows) {
                if (k.getFacet().equals("topic")) {
                  topics.add(k.getGroup() + "|" + k.getTerm());
                }
              }
              // a4 (4 tokens): kappa 1 vs 1 of 10 and gamma 1 vs 1 of 10 tie on G2: the smaller
              // term wins
              assertThat(topics, contains("medtop:04000000|gamma"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void collocationsByPmiWithAMinimumCount(TestPipeline pipeline) {
    WordStatsResult stats =
        corpus(pipeline)
            .apply(
                ComputeWordStats.with(
                    WordStatsSettings.defaults().withMinDf(2).withNgramMinCount(2)));

    // alpha beta: 2 in a1 + 1 in a2 (a3 does not count); PMI = log2(3 * 14 / (3 * 3))
    PAssert.that(stats.ngrams())
        .containsInAnyOrder(
            Ngram.newBuilder()
                .setFirst("alpha")
                .setSecond("beta")
                .setCount(3L)
                .setDocumentFrequency(2L)
                .setFirstCount(3L)
                .setSecondCount(3L)
                .setPmi(Math.log(14.0 / 3) / Math.log(2))
                .setRank(1)
                .build());
    pipeline.run().waitUntilFinish();
  }

  @Test
  void emptyInputGivesZeroTotals(TestPipeline pipeline) {
    PCollection<Article> none = pipeline.apply(Create.empty(AvroCoder.of(Article.class)));
    WordStatsResult stats = none.apply(ComputeWordStats.create());
    PAssert.that(stats.articles()).empty();
    PAssert.that(stats.terms()).empty();
    PAssert.that(stats.ngrams()).empty();
    PAssert.that(stats.counts())
        .containsInAnyOrder(
            KV.of("stats.articles", 0L),
            KV.of("stats.articles_counted", 0L),
            KV.of("stats.tokens", 0L),
            KV.of("stats.term_tokens", 0L),
            KV.of("stats.types", 0L),
            KV.of("stats.types_kept", 0L));
    pipeline.run().waitUntilFinish();
  }

  private static List<String> terms(List<TermScore> scores) {
    return scores.stream().map(TermScore::getTerm).toList();
  }

  private static DedupInfo dedup(String canonicalId, boolean canonical) {
    return new DedupInfo(
        canonicalId, canonicalId, canonical, canonical ? "unique" : "exact", 1.0, null);
  }

  private static Article article(
      String id, String text, String outlet, List<String> labels, DedupInfo dedup) {
    return Article.newBuilder()
        .setId(id)
        .setSource("test/" + id + ".txt")
        .setInputFormat("text")
        .setText(text)
        .setOutlet(outlet)
        .setLabels(labels)
        .setDedup(dedup)
        .build();
  }
}
