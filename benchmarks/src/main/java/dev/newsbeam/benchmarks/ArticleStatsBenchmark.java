package dev.newsbeam.benchmarks;

import dev.newsbeam.stats.ArticleStatsCalculator;
import dev.newsbeam.stats.TextProfile;
import dev.newsbeam.text.NewsAnalyzer;
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

/**
 * {@link ArticleStatsCalculator#profile} of one article body with the default analyzer: sentence
 * segmentation, one word-and-term pass (stems memoised per thread), term and bigram counts, the
 * per-article work of word statistics that {@code bench-analyzer} times (target 10 MB/s per core).
 * One article per operation ({@link ArticleCycle}): ops/s = articles/s; {@code profile:bytes} is
 * UTF-8 bytes of body per second (see {@link TextBytes}; sizes in {@link AnalyzerBenchmark}). After
 * the warm-up every word's stem is memoised, as on a long-running worker.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ArticleStatsBenchmark {
  /** {@value ArticleCycle#MIX} or one article's name, see {@link ArticleCycle}. */
  @Param({ArticleCycle.MIX})
  public String article;

  private ArticleStatsCalculator calculator;
  private ArticleCycle articles;

  @Setup
  public void setup() {
    calculator = new ArticleStatsCalculator(NewsAnalyzer.defaults());
    articles = new ArticleCycle(article);
  }

  @Benchmark
  public TextProfile profile(TextBytes counter) {
    NewsArticle a = articles.next();
    counter.bytes += a.bodyBytes();
    return calculator.profile(a.body());
  }
}
