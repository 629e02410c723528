package dev.newsbeam.benchmarks;

import dev.newsbeam.schema.Topic;
import dev.newsbeam.topics.TaxonomyTagger;
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
 * {@link TaxonomyTagger#defaults()} (bundled IPTC taxonomy, default analyzer and settings) tagging
 * one article: analysis of title and body, entry matching, scoring and evidence, as {@code
 * bench-topics} measures it. One article per operation ({@link ArticleCycle}): ops/s = articles/s.
 * The bundled articles get 6 topics each (economy/labour/transport, politics/economy,
 * health/weather).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TaxonomyTaggerBenchmark {
  /** {@value ArticleCycle#MIX} or one article's name, see {@link ArticleCycle}. */
  @Param({ArticleCycle.MIX})
  public String article;

  private TaxonomyTagger tagger;
  private ArticleCycle articles;

  @Setup
  public void setup() {
    tagger = TaxonomyTagger.defaults();
    articles = new ArticleCycle(article);
    for (NewsArticle a : articles.articles()) {
      if (tagger.tag(a.title(), a.body()).isEmpty()) {
        // an untagged article would skip scoring and evidence: not what a typical article costs
        throw new IllegalStateException(a.name() + " gets no topic: not a representative input");
      }
    }
  }

  @Benchmark
  public List<Topic> tag() {
    NewsArticle a = articles.next();
    return tagger.tag(a.title(), a.body());
  }
}
