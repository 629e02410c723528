package dev.newsbeam.benchmarks;

import dev.newsbeam.text.NewsAnalyzer;
import java.util.List;
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
 * {@link NewsAnalyzer#terms} of one article body (UAX#29 tokens, possessives, lower case, classic
 * stopwords, stemming; no stem memo), the analysis the tagger runs. One article per operation
 * ({@link ArticleCycle}): ops/s = articles/s; the secondary result {@code terms:bytes} is UTF-8
 * bytes of body per second (see {@link TextBytes}), i.e. MB/s × 10^6.
 *
 * <p>Body sizes in UTF-8 bytes, for MB/s by hand: harbour-strike 4,581 (752 words), council-budget
 * 4,064 (689 words), heatwave-hospitals 4,202 (679 words); the mix averages 4,282 bytes per
 * article. {@code -p stemming=NONE,ENGLISH_MINIMAL} measures the other stemmers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AnalyzerBenchmark {
  /** {@value ArticleCycle#MIX} or one article's name, see {@link ArticleCycle}. */
  @Param({ArticleCycle.MIX})
  public String article;

  @Param({"PORTER"})
  public NewsAnalyzer.Stemming stemming;

  private NewsAnalyzer analyzer;
  private ArticleCycle articles;

  @Setup
  public void setup() {
    analyzer = new NewsAnalyzer(stemming);
    articles = new ArticleCycle(article);
  }

  @Benchmark
  public List<String> terms(TextBytes counter) {
    NewsArticle a = articles.next();
    counter.bytes += a.bodyBytes();
    return analyzer.terms(a.body());
  }
}
