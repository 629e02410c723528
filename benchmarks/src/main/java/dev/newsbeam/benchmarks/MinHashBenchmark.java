package dev.newsbeam.benchmarks;

import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.LshBands;
import dev.newsbeam.dedup.MinHasher;
import dev.newsbeam.dedup.Shingler;
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
 * Near-duplicate sketch of one article body with {@link DedupSettings#defaults()} (3-word shingles,
 * 128 permutations, LSH bands optimal for similarity 0.3; 37 bands of 3 rows), one article per
 * operation ({@link ArticleCycle}), so ops/s = articles/s:
 *
 * <ul>
 *   <li>{@link #shingles}: {@link Shingler#shingles} alone (analyzer words, hashing, sort,
 *       distinct);
 *   <li>{@link #sketch}: shingles, {@link MinHasher#signature} and {@link LshBands#bandKeys}: the
 *       work of {@code DetectDuplicates.SketchFn} per article apart from the exact fingerprint
 *       ({@link TextFingerprintBenchmark}). {@code 1/sketch - 1/shingles} is the MinHash + banding
 *       time.
 * </ul>
 *
 * <p>{@code -p numPerm=64,256} measures other signature lengths (the cost of the signature grows
 * linearly with it).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class MinHashBenchmark {
  /** {@value ArticleCycle#MIX} or one article's name, see {@link ArticleCycle}. */
  @Param({ArticleCycle.MIX})
  public String article;

  @Param({"" + DedupSettings.DEFAULT_NUM_PERM})
  public int numPerm;

  private Shingler shingler;
  private MinHasher minHasher;
  private LshBands bands;
  private ArticleCycle articles;

  @Setup
  public void setup() {
    DedupSettings settings = DedupSettings.defaults().withNumPerm(numPerm);
    shingler = settings.shingler();
    minHasher = settings.minHasher();
    bands = settings.bands();
    articles = new ArticleCycle(article);
  }

  @Benchmark
  public long[] shingles() {
    return shingler.shingles(articles.next().body());
  }

  @Benchmark
  public long[] sketch() {
    return bands.bandKeys(minHasher.signature(shingler.shingles(articles.next().body())));
  }
}
