package dev.newsbeam.stats;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ArticleStats;
import dev.newsbeam.schema.Ngram;
import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.schema.TermScore;
import dev.newsbeam.schema.TermStat;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.text.NewsAnalyzer.Stemming;
import dev.newsbeam.text.NewsAnalyzer.Stopwords;
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

  private static final TupleTag<KV<Article, Map<String, Integer>>> PROFILED = new TupleTag<>() {};
  private static final TupleTag<Map<String, Integer>> BIGRAMS = new TupleTag<>() {};

  static final KvCoder<String, KV<Long, Long>> COUNT_AND_DF_CODER =
      KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of()));
  private static final KvCoder<Article, Map<String, Integer>> PROFILED_CODER =
      KvCoder.of(AvroCoder.of(Article.class), CompactCounts.coder());

  private final Stemming stemming;
  private final Stopwords stopwords;
  private final int minDf;
  private final int topTerms;
  private final int keynessTopK;
  private final int ngramTopK;
  private final int ngramMinCount;
  private final int hotKeyFanout;
  private final int shards;

  private ComputeWordStats(
      Stemming stemming,
      Stopwords stopwords,
      int minDf,
      int topTerms,
      int keynessTopK,
      int ngramTopK,
      int ngramMinCount,
      int hotKeyFanout,
      int shards) {
    this.stemming = stemming;
    this.stopwords = stopwords;
    this.minDf = minDf;
    this.topTerms = topTerms;
    this.keynessTopK = keynessTopK;
    this.ngramTopK = ngramTopK;
    this.ngramMinCount = ngramMinCount;
    this.hotKeyFanout = hotKeyFanout;
    this.shards = shards;
  }

  /**
   * Porter stemming, classic stopwords, minDf 2, top 10 terms, 25 keyness terms per group, top 100
   * bigrams of count ≥ 5.
   */
  public static ComputeWordStats create() {
    return new ComputeWordStats(Stemming.PORTER, Stopwords.CLASSIC, 2, 10, 25, 100, 5, 16, 64);
  }

  /** {@code --stem}: how terms are stemmed. */
  public ComputeWordStats withStemming(Stemming value) {
    return new ComputeWordStats(
        value,
        stopwords,
        minDf,
        topTerms,
        keynessTopK,
        ngramTopK,
        ngramMinCount,
        hotKeyFanout,
        shards);
  }

  /** {@code --stopwords}: which stopwords are not terms. */
  public ComputeWordStats withStopwords(Stopwords value) {
    return new ComputeWordStats(
        stemming,
        value,
        minDf,
        topTerms,
        keynessTopK,
        ngramTopK,
        ngramMinCount,
        hotKeyFanout,
        shards);
  }

  /**
   * {@code --minDf}: corpus tables keep terms (and bigrams) found in at least this many articles.
   */
  public ComputeWordStats withMinDf(int value) {
    checkPositive("minDf", value);
    return new ComputeWordStats(
        stemming,
        stopwords,
        value,
        topTerms,
        keynessTopK,
        ngramTopK,
        ngramMinCount,
        hotKeyFanout,
        shards);
  }

  /** {@code --topTerms}: size of each article's top_terms. */
  public ComputeWordStats withTopTerms(int value) {
    checkPositive("topTerms", value);
    return new ComputeWordStats(
        stemming,
        stopwords,
        minDf,
        value,
        keynessTopK,
        ngramTopK,
        ngramMinCount,
        hotKeyFanout,
        shards);
  }

  /** {@code --keynessTopK}: key terms written per topic, label and outlet. */
  public ComputeWordStats withKeynessTopK(int value) {
    checkPositive("keynessTopK", value);
    return new ComputeWordStats(
        stemming,
        stopwords,
        minDf,
        topTerms,
        value,
        ngramTopK,
        ngramMinCount,
        hotKeyFanout,
        shards);
  }

  /** {@code --ngramTopK}: bigram collocations written. */
  public ComputeWordStats withNgramTopK(int value) {
    checkPositive("ngramTopK", value);
    return new ComputeWordStats(
        stemming,
        stopwords,
        minDf,
        topTerms,
        keynessTopK,
        value,
        ngramMinCount,
        hotKeyFanout,
        shards);
  }

  /**
   * {@code --ngramMinCount}: a bigram must occur at least this often to be ranked (PMI overrates
   * rare pairs).
   */
  public ComputeWordStats withNgramMinCount(int value) {
    checkPositive("ngramMinCount", value);
    return new ComputeWordStats(
        stemming, stopwords, minDf, topTerms, keynessTopK, ngramTopK, value, hotKeyFanout, shards);
  }

  /** Intermediate-key fanout for per-group combines, whose keys can be hot (a dominant outlet). */
  public ComputeWordStats withHotKeyFanout(int value) {
    checkPositive("hotKeyFanout", value);
    return new ComputeWordStats(
        stemming, stopwords, minDf, topTerms, keynessTopK, ngramTopK, ngramMinCount, value, shards);
  }

  /**
   * Shuffle keys for corpus counts: terms, bigrams and (group, term) pairs are summed in this many
   * hash-sharded maps rather than one key each (see {@link SumCountsInShards}).
   */
  public ComputeWordStats withShards(int value) {
    checkPositive("shards", value);
    return new ComputeWordStats(
        stemming,
        stopwords,
        minDf,
        topTerms,
        keynessTopK,
        ngramTopK,
        ngramMinCount,
        hotKeyFanout,
        value);
  }

  @Override
  public WordStatsResult expand(PCollection<Article> input) {
    PCollectionTuple analysed =
        input.apply(
            "AnalyzeArticles",
            ParDo.of(new AnalyzeArticleFn(stemming, stopwords))
                .withOutputTags(PROFILED, TupleTagList.of(BIGRAMS)));
    PCollection<KV<Article, Map<String, Integer>>> profiled =
        analysed.get(PROFILED).setCoder(PROFILED_CODER);
    PCollection<Map<String, Integer>> bigrams =
        analysed.get(BIGRAMS).setCoder(CompactCounts.coder());
    PCollection<KV<Article, Map<String, Integer>>> canonical =
        profiled.apply("KeepCanonical", Filter.by(new IsCanonical()));

    PCollection<KV<String, KV<Long, Long>>> termCounts =
        canonical
            .apply("TakeTermCounts", Values.create())
            .apply("SumTermCounts", new SumCountsInShards(shards))
            .apply("UnpackTermCounts", ParDo.of(new SumCountsInShards.UnpackFn()))
            .setCoder(SumCountsInShards.SUMS_CODER);
    PCollection<KV<String, KV<Long, Long>>> keptTerms =
        termCounts.apply("KeepFrequentTerms", Filter.by(new MinDocumentFrequency(minDf)));
    PCollectionView<Map<String, KV<Long, Long>>> termTable =
        keptTerms.apply("ViewTermTable", View.asMap());

    PCollection<Long> articlesCounted = canonical.apply("CountCanonicalArticles", Count.globally());
    PCollection<Long> termTokens =
        canonical
            .apply(
                "ExtractTermTokens",
                MapElements.into(TypeDescriptors.longs()).via(new TermTokens()))
            .apply("SumTermTokens", Sum.longsGlobally());
    PCollectionView<Long> corpusSize = articlesCounted.apply("ViewCorpusSize", View.asSingleton());
    PCollectionView<Long> corpusTermTokens = termTokens.apply("ViewTermTokens", View.asSingleton());

    PCollection<Article> articles =
        profiled
            .apply(
                "AttachTopTerms",
                ParDo.of(
                        new AttachTopTermsFn(
                            termTable, corpusSize, Math.max(1, minDf - 1), topTerms))
                    .withSideInputs(termTable, corpusSize))
            .setCoder(AvroCoder.of(Article.class));
    PCollection<TermStat> terms =
        keptTerms
            .apply("ToTermStats", ParDo.of(new ToTermStatFn(corpusSize)).withSideInputs(corpusSize))
            .setCoder(AvroCoder.of(TermStat.class));
    PCollection<TermKeyness> keyness =
        canonical.apply(
            "ComputeKeyness",
            new ComputeKeyness(termTable, corpusTermTokens, keynessTopK, shards, hotKeyFanout));
    PCollection<Ngram> ngrams =
        bigrams.apply(
            "ComputeCollocations",
            new ComputeCollocations(
                termTable, corpusTermTokens, ngramMinCount, minDf, ngramTopK, shards));

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
            .and(named("stats.types", termCounts.apply("CountTypes", Count.globally())))
            .and(named("stats.types_kept", keptTerms.apply("CountKeptTypes", Count.globally())))
            .apply("FlattenManifest", Flatten.pCollections());

    return new WordStatsResult(input.getPipeline(), articles, terms, keyness, ngrams, manifest);
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

  private static void checkPositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }

  /** Analyses each body once: the article with stats (no top_terms yet) and its term counts. */
  static class AnalyzeArticleFn extends DoFn<Article, KV<Article, Map<String, Integer>>> {
    private final Counter analysed = Metrics.counter(AnalyzeArticleFn.class, "articles_analysed");
    private final Counter empty = Metrics.counter(AnalyzeArticleFn.class, "articles_without_words");
    private final Distribution words = Metrics.distribution(AnalyzeArticleFn.class, "word_count");
    private final Stemming stemming;
    private final Stopwords stopwords;
    private transient ArticleStatsCalculator calculator;

    AnalyzeArticleFn(Stemming stemming, Stopwords stopwords) {
      this.stemming = stemming;
      this.stopwords = stopwords;
    }

    @Setup
    public void setup() {
      calculator = new ArticleStatsCalculator(new NewsAnalyzer(stemming, stopwords));
    }

    @ProcessElement
    public void process(@Element Article article, MultiOutputReceiver out) {
      TextProfile profile = calculator.profile(article.getText());
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
    private final long prunedDf;
    private final int topTerms;

    AttachTopTermsFn(
        PCollectionView<Map<String, KV<Long, Long>>> termTable,
        PCollectionView<Long> corpusSize,
        long prunedDf,
        int topTerms) {
      this.termTable = termTable;
      this.corpusSize = corpusSize;
      this.prunedDf = prunedDf;
      this.topTerms = topTerms;
    }

    /**
     * The term table, read once per bundle: the DirectRunner rebuilds a map view on every {@code
     * sideInput} call (40k entries per article on Reuters: most of the run).
     */
    private transient Map<String, KV<Long, Long>> table;

    @StartBundle
    public void startBundle() {
      table = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (table == null) {
        table = c.sideInput(termTable);
      }
      Article article = c.element().getKey();
      // A term missing from the table was pruned (df < minDf) or is absent from canonical articles:
      // minDf - 1 is the largest df it can have, so its idf is never overstated (exact for minDf =
      // 2).
      List<TermScore> top =
          TfIdf.top(
              c.element().getValue(),
              term -> {
                KV<Long, Long> stat = table.get(term);
                return stat == null ? prunedDf : stat.getValue();
              },
              c.sideInput(corpusSize),
              topTerms);
      ArticleStats stats = ArticleStats.newBuilder(article.getStats()).setTopTerms(top).build();
      c.output(Article.newBuilder(article).setStats(stats).build());
    }
  }

  static class ToTermStatFn extends DoFn<KV<String, KV<Long, Long>>, TermStat> {
    private final PCollectionView<Long> corpusSize;

    ToTermStatFn(PCollectionView<Long> corpusSize) {
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

  static final class MinDocumentFrequency
      implements SerializableFunction<KV<String, KV<Long, Long>>, Boolean> {
    private final long minDf;

    MinDocumentFrequency(long minDf) {
      this.minDf = minDf;
    }

    @Override
    public Boolean apply(KV<String, KV<Long, Long>> term) {
      return term.getValue().getValue() >= minDf;
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

  /** Highest G² wins; on ties the smaller term, so Top's choice is reproducible. */
  static final class KeynessOrder implements Comparator<TermKeyness>, Serializable {
    @Override
    public int compare(TermKeyness x, TermKeyness y) {
      int byScore = Double.compare(x.getG2(), y.getG2());
      return byScore != 0 ? byScore : y.getTerm().compareTo(x.getTerm());
    }
  }

  /** Highest PMI wins; then the higher count, then the smaller (first, second). */
  static final class NgramOrder implements Comparator<Ngram>, Serializable {
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
