package dev.newsbeam.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;
import java.util.Locale;

/**
 * Dedup parameters ({@code --similarity}, {@code --numPerm}, {@code --shingle}, {@code --keep},
 * ...): the one place their defaults are written ({@link DedupOptions} takes them from here).
 *
 * <p>The defaults suit news: 3-word shingles and a Jaccard threshold of {@value
 * #DEFAULT_SIMILARITY}, because re-edited wire copies keep under half of their 5-word shingles and
 * copy-to-copy similarity is lower than copy-to-original; how they were chosen, and the
 * measurements behind them, are in docs/dedup.md and BENCHMARKS.md.
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
   * the Jaccard similarity from the two signatures (the share of equal MinHash values: 4 bytes per
   * permutation through the shuffles); {@link #EXACT} computes it from the articles' shingle sets,
   * as MLlib's {@code approxSimilarityJoin} and NeMo Curator's false-positive check do (4 bytes per
   * distinct shingle: about one per word). Either way LSH finds the candidates.
   */
  public enum Verify {
    MINHASH,
    EXACT;

    /** The value as users write it: {@code minhash} or {@code exact}. */
    @JsonValue
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code minhash|exact} (any case; the option parser calls it too). */
    @JsonCreator
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
  public static final boolean DEFAULT_CHAIN_GUARD = true;

  /** Default {@code --verify} (a constant name, as {@code @Default.Enum} takes it). */
  public static final String DEFAULT_VERIFY = "MINHASH";

  /** Default {@code --keep} (a constant name, as {@code @Default.Enum} takes it). */
  public static final String DEFAULT_KEEP = "EARLIEST";

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
        CanonicalPolicy.valueOf(DEFAULT_KEEP),
        42L,
        10_000,
        DEFAULT_CHAIN_GUARD ? DEFAULT_GUARD_ROUNDS : 0,
        null,
        Verify.valueOf(DEFAULT_VERIFY));
  }

  /** The settings {@code options} give (their defaults are this record's). */
  public static DedupSettings from(DedupOptions options) {
    DedupSettings settings =
        defaults()
            .withSimilarity(options.getSimilarity())
            .withNumPerm(options.getNumPerm())
            .withShingle(options.getShingle())
            .withKeep(options.getKeep())
            .withChainGuard(options.getChainGuard())
            .withVerify(options.getVerify());
    return options.getLshBands() == null
        ? settings
        : settings.withLshBands(LshBands.parse(options.getLshBands()));
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
