package dev.newsbeam.benchmarks;

import dev.newsbeam.dedup.TextFingerprint;
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
 * {@link TextFingerprint#fingerprint} of one article body (NFKC, case fold, two regex passes,
 * SHA-256): the exact-duplicate key that dedup computes for every article before MinHash. One
 * article per operation ({@link ArticleCycle}): ops/s = articles/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TextFingerprintBenchmark {
  /** {@value ArticleCycle#MIX} or one article's name, see {@link ArticleCycle}. */
  @Param({ArticleCycle.MIX})
  public String article;

  private TextFingerprint fingerprints;
  private ArticleCycle articles;

  @Setup
  public void setup() {
    // one MessageDigest per instance, as in the DoFn: the state is per thread
    fingerprints = new TextFingerprint();
    articles = new ArticleCycle(article);
  }

  @Benchmark
  public String fingerprint() {
    return fingerprints.fingerprint(articles.next().body());
  }
}
