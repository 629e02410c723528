package dev.newsbeam.stats;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ArticleStats;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermScore;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.shuffle.CompactCounts;
import dev.newsbeam.shuffle.SumCountsInShards;
import dev.newsbeam.stage.StageFailures;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.BadRecordRouter;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Word statistics of articles, per article and over the corpus, from the shared {@link
 * NewsAnalyzer}.
 *
 * <p>Every article gets {@code stats} (top_terms by TF-IDF against the corpus). Corpus figures
 * (terms, keyness, collocations, manifest totals) count canonical articles only: {@code dedup ==
 * null || dedup.is_canonical}. Articles are analysed once; per-article term and bigram counts are
 * pre-summed per bundle and shuffled as hash-sharded maps, and terms in fewer than {@code minDf}
 * canonical articles are pruned from the corpus tables so side inputs stay bounded on big
 * vocabularies.
 *
 * <pre>{@code
 * WordStatsResult stats = articles.apply("ComputeWordStats",
 *     ComputeWordStats.create().withStemming(Stemming.PORTER).withMinDf(2));
 * stats.articles();   // PCollection<Article> with stats
 * stats.terms();      // PCollection<TermStat>      -> terms/
 * stats.keyness();    // PCollection<TermKeyness>   -> term_keyness/
 * stats.ngrams();     // PCollection<Ngram>         -> ngrams/
 * stats.manifest();   // PCollection<KV<String, Long>>: stats.tokens, stats.types, ...
 * }</pre>
 */
public final class ComputeWordStats extends PTransform<PCollection<Article>, WordStatsResult> {
  private static final long serialVersionUID = 1L;

  public static final String STAGE = "word_stats";

  /** Default shuffle shards of the corpus sums ({@link #withShards}). */
  public static final int DEFAULT_SHARDS = 64;

  private static final TupleTag<KV<Article, Map<String, Integer>>> PROFILED = new TupleTag<>() {};
  private static final TupleTag<Map<String, Integer>> BIGRAMS = new TupleTag<>() {};
  private static final TupleTag<Article> WITH_TOP_TERMS = new TupleTag<>() {};

  static final KvCoder<String, KV<Long, Long>> COUNT_AND_DF_CODER =
      KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of()));
  private static final KvCoder<Article, Map<String, Integer>> PROFILED_CODER =
      KvCoder.of(AvroCoder.of(Article.class), CompactCounts.coder());

  private final WordStatsSettings settings;
  private final int shards;
  private final StageFailures failures;

  private ComputeWordStats(WordStatsSettings settings, int shards, StageFailures failures) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, not " + shards);
    }
    this.settings = settings;
    this.shards = shards;
    this.failures = failures;
  }

  public static ComputeWordStats with(WordStatsSettings settings) {
    return new ComputeWordStats(settings, DEFAULT_SHARDS, StageFailures.none(STAGE));
  }

  /** {@link WordStatsSettings#defaults()}. */
  public static ComputeWordStats create() {
    return with(WordStatsSettings.defaults());
  }

  /**
   * Shuffle keys for corpus counts: terms, bigrams and (group, term) pairs are summed in this many
   * hash-sharded maps rather than one key each (see {@link SumCountsInShards}).
   */
  public ComputeWordStats withShards(int value) {
    return new ComputeWordStats(settings, value, failures);
  }

  /** An article whose analysis throws leaves the output as a bad record of {@code handler}. */
  public ComputeWordStats withBadRecordErrorHandler(ErrorHandler<BadRecord, ?> handler) {
    return new ComputeWordStats(settings, shards, StageFailures.to(STAGE, handler));
  }

  @Override
  public WordStatsResult expand(PCollection<Article> input) {
    PCollectionTuple analysed =
        input.apply(
            "AnalyzeArticles",
            ParDo.of(new AnalyzeArticleFn(settings, failures))
                .withOutputTags(
                    PROFILED, TupleTagList.of(BIGRAMS).and(BadRecordRouter.BAD_RECORD_TAG)));
    failures.collect(analysed);
    PCollection<KV<Article, Map<String, Integer>>> profiled =
        analysed.get(PROFILED).setCoder(PROFILED_CODER);
    PCollection<Map<String, Integer>> bigrams =
        analysed.get(BIGRAMS).setCoder(CompactCounts.coder());
    PCollection<KV<Article, Map<String, Integer>>> canonical =
        profiled.apply("KeepCanonical", Filter.by(new IsCanonical()));

    ComputeTermTable.Result table =
        canonical
            .apply("TakeTermCounts", Values.create())
            .apply("ComputeTermTable", new ComputeTermTable(settings.minDf(), shards));
    PCollection<KV<String, KV<Long, Long>>> keptTerms = table.kept();
    PCollectionView<Map<String, KV<Long, Long>>> termTable = table.view();

    PCollection<Long> articlesCounted = canonical.apply("CountCanonicalArticles", Count.globally());
    PCollection<Long> termTokens =
        canonical
            .apply(
                "ExtractTermTokens",
                MapElements.into(TypeDescriptors.longs()).via(new TermTokens()))
            .apply("SumTermTokens", Sum.longsGlobally());
    PCollectionView<Long> corpusSize = articlesCounted.apply("ViewCorpusSize", View.asSingleton());
    PCollectionView<Long> corpusTermTokens = termTokens.apply("ViewTermTokens", View.asSingleton());

    PCollectionTuple ranked =
        profiled.apply(
            "AttachTopTerms",
            ParDo.of(new AttachTopTermsFn(termTable, corpusSize, settings, failures))
                .withSideInputs(termTable, corpusSize)
                .withOutputTags(WITH_TOP_TERMS, TupleTagList.of(BadRecordRouter.BAD_RECORD_TAG)));
    failures.collect(ranked);
    PCollection<Article> articles =
        ranked.get(WITH_TOP_TERMS).setCoder(AvroCoder.of(Article.class));
    PCollection<TermStat> terms =
        keptTerms
            .apply("ToTermStats", ParDo.of(new ToTermStatFn(corpusSize)).withSideInputs(corpusSize))
            .setCoder(AvroCoder.of(TermStat.class));
    PCollection<TermKeyness> keyness =
        canonical
            .apply("KeyByGroups", ParDo.of(new KeyByGroupsFn()))
            .setCoder(ComputeKeyness.INPUT_CODER)
            .apply(
                "ComputeKeyness",
                new ComputeKeyness(termTable, corpusTermTokens, settings.keynessTopK(), shards));
    PCollection<Ngram> ngrams =
        bigrams.apply(
            "ComputeCollocations",
            new ComputeCollocations(
                termTable,
                corpusTermTokens,
                settings.ngramMinCount(),
                settings.minDf(),
                settings.ngramTopK(),
                shards));

    PCollection<KV<String, Long>> manifest =
        PCollectionList.of(
                named("stats.articles", profiled.apply("CountArticles", Count.globally())))
            .and(named("stats.articles_counted", articlesCounted))
            .and(
                named(
                    "stats.tokens",
                    canonical
                        .apply(
                            "ExtractWordCount",
                            MapElements.into(TypeDescriptors.longs()).via(new WordCount()))
                        .apply("SumWordTokens", Sum.longsGlobally())))
            .and(named("stats.term_tokens", termTokens))
            .and(table.counts())
            .apply("FlattenManifest", Flatten.pCollections());

    return new WordStatsResult(articles, terms, keyness, ngrams, manifest);
  }

  private static PCollection<KV<String, Long>> named(String name, PCollection<Long> value) {
    return value
        .apply(
            "Name " + name,
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via((Long v) -> KV.of(name, v)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /** Analyses each body once: the article with stats (no top_terms yet) and its term counts. */
  static class AnalyzeArticleFn extends DoFn<Article, KV<Article, Map<String, Integer>>> {
    private final Counter analysed = Metrics.counter(AnalyzeArticleFn.class, "articles_analysed");
    private final Counter empty = Metrics.counter(AnalyzeArticleFn.class, "articles_without_words");
    private final Distribution words = Metrics.distribution(AnalyzeArticleFn.class, "word_count");
    private final WordStatsSettings settings;
    private final StageFailures failures;
    private transient ArticleStatsCalculator calculator;

    AnalyzeArticleFn(WordStatsSettings settings, StageFailures failures) {
      this.settings = settings;
      this.failures = failures;
    }

    @Setup
    public void setup() {
      calculator = new ArticleStatsCalculator(settings.analyzer());
    }

    @ProcessElement
    public void process(@Element Article article, MultiOutputReceiver out) throws Exception {
      TextProfile profile;
      try {
        profile = calculator.profile(article.getText());
      } catch (RuntimeException | StackOverflowError e) {
        failures.route(out, article, e);
        return;
      }
      analysed.inc();
      words.update(profile.stats().getWordCount());
      if (profile.stats().getWordCount() == 0) {
        empty.inc();
      }
      Article withStats = Article.newBuilder(article).setStats(profile.stats()).build();
      out.get(PROFILED).output(KV.of(withStats, CompactCounts.of(profile.termCounts())));
      if (ArticleGroups.isCanonical(article) && !profile.bigramCounts().isEmpty()) {
        out.get(BIGRAMS).output(CompactCounts.of(profile.bigramCounts()));
      }
    }
  }

  /** Ranks an article's terms by TF-IDF against the canonical corpus. */
  static class AttachTopTermsFn extends DoFn<KV<Article, Map<String, Integer>>, Article> {
    private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
    private final PCollectionView<Long> corpusSize;
    private final WordStatsSettings settings;
    private final StageFailures failures;

    AttachTopTermsFn(
        PCollectionView<Map<String, KV<Long, Long>>> termTable,
        PCollectionView<Long> corpusSize,
        WordStatsSettings settings,
        StageFailures failures) {
      this.termTable = termTable;
      this.corpusSize = corpusSize;
      this.settings = settings;
      this.failures = failures;
    }

    /**
     * The term table, read once per bundle: the DirectRunner rebuilds a map view on every {@code
     * sideInput} call.
     */
    private transient Map<String, KV<Long, Long>> table;

    @StartBundle
    public void startBundle() {
      table = null;
    }

    @ProcessElement
    public void process(ProcessContext c, MultiOutputReceiver out) throws Exception {
      if (table == null) {
        table = c.sideInput(termTable);
      }
      Article article = c.element().getKey();
      long corpus = c.sideInput(corpusSize);
      Article ranked;
      try {
        ranked = withTopTerms(article, c.element().getValue(), table, corpus, settings);
      } catch (RuntimeException | StackOverflowError e) {
        failures.route(out, article, e);
        return;
      }
      out.get(WITH_TOP_TERMS).output(ranked);
    }
  }

  /**
   * {@code article} with its top terms by TF-IDF against a corpus of {@code corpusSize} canonical
   * articles whose term table is {@code table}. A term missing from the table was pruned or is
   * absent from canonical articles: it counts with {@link WordStatsSettings#prunedDf()}.
   */
  public static Article withTopTerms(
      Article article,
      Map<String, Integer> termCounts,
      Map<String, KV<Long, Long>> table,
      long corpusSize,
      WordStatsSettings settings) {
    List<TermScore> top =
        TfIdf.top(
            termCounts,
            term -> {
              KV<Long, Long> stat = table.get(term);
              return stat == null ? settings.prunedDf() : stat.getValue();
            },
            corpusSize,
            settings.topTerms());
    ArticleStats stats = ArticleStats.newBuilder(article.getStats()).setTopTerms(top).build();
    return Article.newBuilder(article).setStats(stats).build();
  }

  /** (term, (occurrences, documents)) of a kept term → its {@code terms/} row. */
  public static class ToTermStatFn extends DoFn<KV<String, KV<Long, Long>>, TermStat> {
    private final PCollectionView<Long> corpusSize;

    public ToTermStatFn(PCollectionView<Long> corpusSize) {
      this.corpusSize = corpusSize;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      long tf = c.element().getValue().getKey();
      long df = c.element().getValue().getValue();
      c.output(new TermStat(c.element().getKey(), tf, df, TfIdf.idf(c.sideInput(corpusSize), df)));
    }
  }

  static final class IsCanonical
      implements SerializableFunction<KV<Article, Map<String, Integer>>, Boolean> {
    @Override
    public Boolean apply(KV<Article, Map<String, Integer>> profiled) {
      return ArticleGroups.isCanonical(profiled.getKey());
    }
  }

  static final class TermTokens
      implements SerializableFunction<KV<Article, Map<String, Integer>>, Long> {
    @Override
    public Long apply(KV<Article, Map<String, Integer>> profiled) {
      long sum = 0;
      for (int n : profiled.getValue().values()) {
        sum += n;
      }
      return sum;
    }
  }

  static final class WordCount
      implements SerializableFunction<KV<Article, Map<String, Integer>>, Long> {
    @Override
    public Long apply(KV<Article, Map<String, Integer>> profiled) {
      return (long) profiled.getKey().getStats().getWordCount();
    }
  }

  /** (groups, term counts) of a canonical article: what keyness counts it under. */
  static final class KeyByGroupsFn
      extends DoFn<KV<Article, Map<String, Integer>>, KV<List<String>, Map<String, Integer>>> {
    @ProcessElement
    public void process(
        @Element KV<Article, Map<String, Integer>> profiled,
        OutputReceiver<KV<List<String>, Map<String, Integer>>> out) {
      out.output(KV.of(List.copyOf(ArticleGroups.of(profiled.getKey())), profiled.getValue()));
    }
  }

  /** Highest G² wins; on ties the smaller term, so Top's choice is reproducible. */
  public static final class KeynessOrder implements Comparator<TermKeyness>, Serializable {
    @Override
    public int compare(TermKeyness x, TermKeyness y) {
      int byScore = Double.compare(x.getG2(), y.getG2());
      return byScore != 0 ? byScore : y.getTerm().compareTo(x.getTerm());
    }
  }

  /** Highest PMI wins; then the higher count, then the smaller (first, second). */
  public static final class NgramOrder implements Comparator<Ngram>, Serializable {
    @Override
    public int compare(Ngram x, Ngram y) {
      int c = Double.compare(x.getPmi(), y.getPmi());
      if (c == 0) {
        c = Long.compare(x.getCount(), y.getCount());
      }
      if (c == 0) {
        c = y.getFirst().compareTo(x.getFirst());
      }
      return c != 0 ? c : y.getSecond().compareTo(x.getSecond());
    }
  }
}
