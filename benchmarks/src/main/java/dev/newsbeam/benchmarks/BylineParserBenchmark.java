package dev.newsbeam.benchmarks;

import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.byline.BylineParser;
import dev.newsbeam.byline.CreditLineParser;
import dev.newsbeam.byline.OutletRegistry;
import dev.newsbeam.byline.ParsedByline;
import dev.newsbeam.byline.Person;
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
 * The byline core, one input per operation, inputs cycled in a fixed order:
 *
 * <ul>
 *   <li>{@link #parseByline}: {@link BylineParser#parse} over 34 fictional bylines ({@code
 *       bylines.txt}: "By Jane Doe and John Roe, Example News", "By JANE DOE, Reuters", roles,
 *       locations, outlet-only and newsroom credits, a bare job title). ops/s = bylines/s,
 *       comparable with the {@code bench-bylines} target of 50,000/s.
 *   <li>{@link #parseCreditLine}: {@link CreditLineParser#parseLine} over 14 closing lines ({@code
 *       credit-lines.txt}), four of which name nobody (an outlet credit, a photo credit, an
 *       editor's note, the wire sign-off). ops/s = lines/s.
 *   <li>{@link #articleBylines}: {@link ArticleBylines#parse} (byline + dateline + credit lines of
 *       the whole body, what {@code ParseBylines} does per article) over the bundled articles
 *       ({@link ArticleCycle}). ops/s = articles/s.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class BylineParserBenchmark {
  /**
   * For {@link #articleBylines}: {@value ArticleCycle#MIX} or one article's name ({@link
   * ArticleCycle}).
   */
  @Param({ArticleCycle.MIX})
  public String article;

  private BylineParser bylineParser;
  private CreditLineParser creditParser;
  private ArticleBylines articleParser;
  private String[] bylines;
  private String[] creditLines;
  private ArticleCycle articles;
  private int nextByline;
  private int nextCreditLine;

  @Setup
  public void setup() {
    OutletRegistry outlets = OutletRegistry.bundled();
    bylineParser = new BylineParser(outlets);
    creditParser = new CreditLineParser(outlets);
    articleParser = new ArticleBylines(outlets);
    bylines = NewsArticle.lines("bylines.txt").toArray(String[]::new);
    creditLines = NewsArticle.lines("credit-lines.txt").toArray(String[]::new);
    articles = new ArticleCycle(article);
  }

  @Benchmark
  public ParsedByline parseByline() {
    String raw = bylines[nextByline];
    nextByline = nextByline + 1 == bylines.length ? 0 : nextByline + 1;
    return bylineParser.parse(raw);
  }

  @Benchmark
  public List<Person> parseCreditLine() {
    String line = creditLines[nextCreditLine];
    nextCreditLine = nextCreditLine + 1 == creditLines.length ? 0 : nextCreditLine + 1;
    return creditParser.parseLine(line);
  }

  @Benchmark
  public ArticleBylines.Result articleBylines() {
    NewsArticle a = articles.next();
    return articleParser.parse(a.byline(), a.body(), a.source());
  }
}
