package dev.newsbeam.benchmarks;

import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.dedup.ArticleSketcher;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.stats.ArticleStatsCalculator;
import dev.newsbeam.text.AnalyzedText;
import dev.newsbeam.text.NewsAnalyzer;
import dev.newsbeam.topics.TaxonomyTagger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Everything the pipeline computes for one article with the default settings, in its order:
 * bylines, dateline and credit lines ({@link ArticleBylines#parse}), then on the body they leave
 * the exact-text fingerprint, shingles, MinHash signature and LSH band keys ({@link
 * ArticleSketcher}), taxonomy topics ({@link TaxonomyTagger}) and word statistics ({@link
 * ArticleStatsCalculator}).
 *
 * <ul>
 *   <li>{@link #separateAnalyses}: each core is given the body and runs Lucene over it itself
 *       (shingler, tagger and calculator: three passes).
 *   <li>{@link #analyseOnce}: the body is analysed once ({@link NewsAnalyzer#analyze}) and every
 *       core reads that analysis; the results are the same.
 * </ul>
 *
 * One article per operation ({@link ArticleCycle}): ops/s = articles/s; {@code :bytes} is UTF-8
 * bytes of raw body per second ({@link TextBytes}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ArticleSpineBenchmark {
  /** {@value ArticleCycle#MIX} or one article's name, see {@link ArticleCycle}. */
  @Param({ArticleCycle.MIX})
  public String article;

  private ArticleBylines bylines;
  private NewsAnalyzer analyzer;
  private ArticleSketcher sketcher;
  private TaxonomyTagger tagger;
  private ArticleStatsCalculator calculator;
  private ArticleCycle articles;

  @Setup
  public void setup() {
    bylines = ArticleBylines.withBundledOutlets();
    analyzer = NewsAnalyzer.defaults();
    // one sketcher per thread, as one per DoFn instance (its fingerprint digest is not shared)
    sketcher = new ArticleSketcher(DedupSettings.defaults());
    tagger = TaxonomyTagger.defaults();
    calculator = new ArticleStatsCalculator(analyzer);
    articles = new ArticleCycle(article);
  }

  @Benchmark
  public void separateAnalyses(TextBytes counter, Blackhole out) {
    NewsArticle a = articles.next();
    counter.bytes += a.bodyBytes();
    String body = bylines.parse(a.byline(), a.body(), a.source()).body();
    out.consume(sketcher.sketch(a.name(), a.source(), body, null));
    out.consume(tagger.tag(a.title(), body));
    out.consume(calculator.profile(body));
  }

  @Benchmark
  public void analyseOnce(TextBytes counter, Blackhole out) {
    NewsArticle a = articles.next();
    counter.bytes += a.bodyBytes();
    String body = bylines.parse(a.byline(), a.body(), a.source()).body();
    AnalyzedText analysed = analyzer.analyze(body);
    out.consume(sketcher.sketch(a.name(), a.source(), body, null, analysed));
    out.consume(tagger.tag(a.title(), analysed));
    out.consume(calculator.profile(body, analysed));
  }
}
