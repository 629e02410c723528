package dev.newsbeam.pipeline;

import dev.newsbeam.dedup.ClusterLink;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.shuffle.ShardedLookupJoin;
import dev.newsbeam.stage.BundleCounts;
import dev.newsbeam.stage.StageFailures;
import dev.newsbeam.stats.ComputeWordStats;
import dev.newsbeam.stats.WordStatsSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The steps after an article's one shuffle: its dedup link attached ({@link AttachLinkFn}, {@link
 * SplitFn}: what the corpus statistics need of the canonical articles goes its own way as small
 * records), then its top terms ranked against the corpus ({@link RankFn}) and the article written.
 */
final class FinishArticles {
  static final TupleTag<AnnotatedArticle> ANNOTATED = new TupleTag<>() {};
  static final TupleTag<DuplicateRow> ROWS = new TupleTag<>() {};
  static final TupleTag<Map<String, Integer>> CANONICAL_TERMS = new TupleTag<>() {};
  static final TupleTag<Map<String, Integer>> CANONICAL_BIGRAMS = new TupleTag<>() {};
  static final TupleTag<KV<List<String>, Map<String, Integer>>> CANONICAL_GROUPS =
      new TupleTag<>() {};

  /** Written articles as Avro bytes, keyed by their publication date (null when unknown). */
  static final TupleTag<KV<Integer, byte[]>> FINAL = new TupleTag<>() {};

  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};

  /** Manifest counters that hold the totals of canonical articles, also read as side inputs. */
  static final String CANONICAL_ARTICLES = "stats.articles_counted";

  static final String CANONICAL_TERM_TOKENS = "stats.term_tokens";

  private FinishArticles() {}

  /** The join of an enriched article with the link of its fingerprint. */
  static final class AttachLinkFn
      implements ShardedLookupJoin.JoinFn<
          ClusterLink, EnrichedArticle, KV<EnrichedArticle, ClusterLink>> {
    @Override
    public void join(
        String fingerprint,
        EnrichedArticle article,
        List<ClusterLink> links,
        ShardedLookupJoin.Emitter<KV<EnrichedArticle, ClusterLink>> out) {
      // every fingerprint has a representative, so every article has a link
      out.emit(KV.of(article, links.get(0)));
    }
  }

  /**
   * The article with its dedup record on its way to the ranking; its duplicates row; and, for a
   * canonical article, its term counts, bigram counts and keyness groups for the corpus tables and
   * its token counts for the manifest.
   */
  static final class SplitFn extends DoFn<KV<EnrichedArticle, ClusterLink>, AnnotatedArticle> {
    private transient BundleCounts counts;

    @StartBundle
    public void startBundle() {
      counts = new BundleCounts();
    }

    @ProcessElement
    public void process(@Element KV<EnrichedArticle, ClusterLink> joined, MultiOutputReceiver out) {
      EnrichedArticle a = joined.getKey();
      ClusterLink link = joined.getValue();
      DedupInfo dedup = link.dedupInfo(a.id());
      out.get(ANNOTATED).output(new AnnotatedArticle(a.article(), dedup, a.termCounts()));
      DuplicateRow row =
          link.duplicateRow(
              a.id(),
              a.source(),
              a.publishedDate() == null ? null : LocalDate.ofEpochDay(a.publishedDate()));
      if (row != null) {
        out.get(ROWS).output(row);
      }
      if (!dedup.getIsCanonical()) {
        return;
      }
      out.get(CANONICAL_TERMS).output(a.termCounts());
      if (!a.bigramCounts().isEmpty()) {
        out.get(CANONICAL_BIGRAMS).output(a.bigramCounts());
      }
      if (!a.groups().isEmpty()) {
        out.get(CANONICAL_GROUPS).output(KV.of(a.groups(), a.termCounts()));
      }
      counts.add(CANONICAL_ARTICLES, 1);
      counts.add("stats.tokens", a.wordCount());
      counts.add(CANONICAL_TERM_TOKENS, a.termTokens());
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      counts.emit(c, COUNTS);
    }
  }

  /**
   * The article, decoded once, with its dedup record and its top terms by TF-IDF against the
   * canonical corpus; encoded again for the write, its publication date beside the bytes so the
   * partitioned write need not decode it again.
   */
  static final class RankFn extends DoFn<AnnotatedArticle, KV<Integer, byte[]>> {
    private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
    private final PCollectionView<Long> corpusSize;
    private final WordStatsSettings settings;
    private final StageFailures failures;
    private transient ArticleCodec codec;
    private transient Map<String, KV<Long, Long>> table;
    private transient long articles;
    private final Counter written = Progress.articlesWritten();

    RankFn(
        PCollectionView<Map<String, KV<Long, Long>>> termTable,
        PCollectionView<Long> corpusSize,
        WordStatsSettings settings,
        StageFailures failures) {
      this.termTable = termTable;
      this.corpusSize = corpusSize;
      this.settings = settings;
      this.failures = failures;
    }

    @Setup
    public void setup() {
      codec = new ArticleCodec();
    }

    /** The term table, read once per bundle: the DirectRunner rebuilds a map view per call. */
    @StartBundle
    public void startBundle() {
      table = null;
      articles = 0;
    }

    @ProcessElement
    public void process(@Element AnnotatedArticle a, ProcessContext c, MultiOutputReceiver out)
        throws Exception {
      if (table == null) {
        table = c.sideInput(termTable);
      }
      Article article = codec.decode(a.article());
      article.setDedup(a.dedup());
      Article ranked;
      try {
        ranked =
            ComputeWordStats.withTopTerms(
                article, a.termCounts(), table, c.sideInput(corpusSize), settings);
      } catch (RuntimeException | StackOverflowError e) {
        failures.route(out, article, e);
        return;
      }
      out.get(FINAL)
          .output(KV.of(PartitionBy.epochDay(ranked.getPublishedDate()), codec.encode(ranked)));
      articles++;
      written.inc();
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      if (articles > 0) {
        BundleCounts counts = new BundleCounts();
        counts.add("articles", articles);
        counts.emit(c, COUNTS);
      }
    }
  }
}
