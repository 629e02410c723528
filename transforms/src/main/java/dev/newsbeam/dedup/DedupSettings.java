package dev.newsbeam.dedup;

import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;

/**
 * Dedup parameters ({@code --similarity}, {@code --numPerm}, {@code --shingle}, {@code --keep},
 * ...).
 *
 * <p>Defaults for news, chosen by sweeping the generator corpus (see BENCHMARKS.md, "dedup"):
 * 3-word shingles and a Jaccard threshold of {@value #DEFAULT_SIMILARITY}. Copies in the generated
 * mix share 40–100% of their 3-shingles with the original (1st percentile 0.43) and less with each
 * other; unrelated stories share under 5% (median nearest neighbour). In-memory sweep of the same
 * algorithm on 10k generated articles: threshold 0.4 gives F1 0.93 (recall 0.87: copy-to-copy
 * similarity against a copy chosen as canonical falls below 0.4), 0.35 gives 0.957, 0.3 gives 0.979
 * at precision 0.992. Web defaults (5-grams at 0.8) would lose a third of the copies.
 */
public record DedupSettings(
    double similarity,
    int numPerm,
    int shingle,
    CanonicalPolicy keep,
    long seed,
    int maxBucketSize,
    int guardRounds,
    LshBands lshBands,
    Verify verify)
    implements Serializable {

  /**
   * How a candidate pair's similarity is measured ({@code --verify}): {@link #MINHASH} estimates
   * the Jaccard similarity from the two signatures (the share of equal MinHash values: 512 bytes
   * per article through the shuffles); {@link #EXACT} computes it from the articles' shingle sets,
   * as MLlib's {@code approxSimilarityJoin} and NeMo Curator's false-positive check do (~2.5 KB per
   * article of 500 words: each shingle as a 32-bit hash). Either way LSH finds the candidates.
   */
  public enum Verify {
    MINHASH,
    EXACT;

    public static Verify parse(String s) {
      for (Verify v : values()) {
        if (v.name().equalsIgnoreCase(s.trim())) {
          return v;
        }
      }
      throw new IllegalArgumentException("--verify must be minhash or exact, not '" + s + "'");
    }
  }

  public static final double DEFAULT_SIMILARITY = 0.3;
  public static final int DEFAULT_NUM_PERM = 128;
  public static final int DEFAULT_SHINGLE = 3;

  /**
   * Passes of the chain guard ({@link ChainGuard}); 0 turns it off (plain connected components).
   */
  public static final int DEFAULT_GUARD_ROUNDS = 2;

  public DedupSettings {
    if (!(similarity > 0 && similarity < 1)) {
      throw new IllegalArgumentException("--similarity must be in (0,1), not " + similarity);
    }
    if (numPerm < 8 || numPerm > 1024) {
      throw new IllegalArgumentException("--numPerm must be in [8,1024], not " + numPerm);
    }
    if (maxBucketSize < 2 || guardRounds < 0) {
      throw new IllegalArgumentException("maxBucketSize >= 2, guardRounds >= 0 required");
    }
    if (verify == null) {
      throw new IllegalArgumentException("verify must be set (Verify.MINHASH or Verify.EXACT)");
    }
    if (lshBands != null && lshBands.bands() * lshBands.rows() > numPerm) {
      throw new IllegalArgumentException(
          "--lshBands "
              + lshBands
              + " needs "
              + lshBands.bands() * lshBands.rows()
              + " MinHash values; --numPerm is "
              + numPerm);
    }
  }

  public static DedupSettings defaults() {
    return new DedupSettings(
        DEFAULT_SIMILARITY,
        DEFAULT_NUM_PERM,
        DEFAULT_SHINGLE,
        CanonicalPolicy.EARLIEST,
        42L,
        10_000,
        DEFAULT_GUARD_ROUNDS,
        null,
        Verify.MINHASH);
  }

  public DedupSettings withSimilarity(double s) {
    return new DedupSettings(
        s, numPerm, shingle, keep, seed, maxBucketSize, guardRounds, lshBands, verify);
  }

  public DedupSettings withNumPerm(int n) {
    return new DedupSettings(
        similarity, n, shingle, keep, seed, maxBucketSize, guardRounds, lshBands, verify);
  }

  public DedupSettings withShingle(int n) {
    return new DedupSettings(
        similarity, numPerm, n, keep, seed, maxBucketSize, guardRounds, lshBands, verify);
  }

  public DedupSettings withKeep(CanonicalPolicy k) {
    return new DedupSettings(
        similarity, numPerm, shingle, k, seed, maxBucketSize, guardRounds, lshBands, verify);
  }

  public DedupSettings withMaxBucketSize(int m) {
    return new DedupSettings(
        similarity, numPerm, shingle, keep, seed, m, guardRounds, lshBands, verify);
  }

  /**
   * Fixed LSH bands x rows ({@code --lshBands}); null: derived from the threshold ({@link
   * #bands()}).
   */
  public DedupSettings withLshBands(LshBands b) {
    return new DedupSettings(
        similarity, numPerm, shingle, keep, seed, maxBucketSize, guardRounds, b, verify);
  }

  /**
   * With the chain guard ({@link ChainGuard}, the default) or without it: then a cluster is a
   * connected component of verified LSH edges, as in MLlib, text-dedup or NeMo Curator, and can
   * grow through chains.
   */
  public DedupSettings withChainGuard(boolean on) {
    return new DedupSettings(
        similarity,
        numPerm,
        shingle,
        keep,
        seed,
        maxBucketSize,
        on ? DEFAULT_GUARD_ROUNDS : 0,
        lshBands,
        verify);
  }

  /**
   * Candidate pairs verified by estimated ({@link Verify#MINHASH}) or exact Jaccard ({@code
   * --verify}).
   */
  public DedupSettings withVerify(Verify v) {
    return new DedupSettings(
        similarity, numPerm, shingle, keep, seed, maxBucketSize, guardRounds, lshBands, v);
  }

  /**
   * The shingle set a sketch carries for {@link Verify#EXACT} ({@link Shingler#compact}), or none:
   * with {@link Verify#MINHASH} the signature is all a sketch needs.
   */
  public int[] carriedShingles(long[] shingles) {
    return verify == Verify.EXACT ? Shingler.compact(shingles) : new int[0];
  }

  public MinHasher minHasher() {
    return new MinHasher(numPerm, seed);
  }

  /**
   * {@code --lshBands} if set, else the bands x rows that best fit the threshold ({@link
   * LshBands#optimal}).
   */
  public LshBands bands() {
    return lshBands != null ? lshBands : LshBands.optimal(similarity, numPerm);
  }

  public Shingler shingler() {
    return new Shingler(shingle, NewsAnalyzer.defaults());
  }

  public ChainGuard guard() {
    return new ChainGuard(similarity, guardRounds);
  }
}
