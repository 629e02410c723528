package dev.newsbeam.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.Serializable;
import java.util.Locale;

/**
 * Dedup parameters ({@code --similarity}, {@code --containment}, {@code --numPerm}, {@code
 * --shingle}, {@code --keep}, ...): the one place their defaults are written ({@link DedupOptions}
 * takes them from here).
 *
 * <p>The defaults suit news as archives hold it ({@link DuplicateRule}): 5-character shingles,
 * because letter noise (OCR, re-typing) and broken or merged words damage every word shingle they
 * touch but only the few character shingles around them; Jaccard similarity {@value
 * #DEFAULT_SIMILARITY} or containment {@value #DEFAULT_CONTAINMENT} of the shorter text, because an
 * abridged copy has a low Jaccard similarity to the story it was cut from but is contained in it;
 * and the figure test at {@value #DEFAULT_FIGURE_AGREEMENT}, because stories on one template differ
 * in their figures, not their wording. They were chosen on one seed of the lab generator's archive
 * mix and checked on another and on the Reuters train file: docs/dedup.md and BENCHMARKS.md.
 */
public record DedupSettings(
    double similarity,
    int numPerm,
    ShingleSpec shingle,
    CanonicalPolicy keep,
    long seed,
    int maxBucketSize,
    int guardRounds,
    LshBands lshBands,
    Verify verify,
    double containment,
    int minContainmentShingles,
    double figureAgreement)
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

  public static final double DEFAULT_SIMILARITY = 0.4;
  public static final boolean DEFAULT_CHAIN_GUARD = true;

  /** Default {@code --verify} (a constant name, as {@code @Default.Enum} takes it). */
  public static final String DEFAULT_VERIFY = "MINHASH";

  /** Default {@code --keep} (a constant name, as {@code @Default.Enum} takes it). */
  public static final String DEFAULT_KEEP = "EARLIEST";

  public static final int DEFAULT_NUM_PERM = 128;

  /** Default {@code --shingle} ({@link ShingleSpec#parse}): 5-character shingles. */
  public static final String DEFAULT_SHINGLE = "char:5";

  /** Default {@code --containment}: the share of the shorter text's shingles in the longer. */
  public static final double DEFAULT_CONTAINMENT = 0.7;

  /**
   * Default {@code --minContainmentShingles}: 0, derived from the shingle kind as the shingles of
   * about {@value #CONTAINMENT_MIN_WORDS} words ({@link #containmentMinShingles()}).
   */
  public static final int DEFAULT_MIN_CONTAINMENT_SHINGLES = 0;

  /**
   * Words the shorter text of a pair needs, by default, before containment can make it a duplicate:
   * about one news sentence. A shorter text (a caption, a sign-off, a dateline with a headline) is
   * made of phrases that many stories repeat. A longer one contained in a story is a cut of it; the
   * chain guard keeps such a cut from joining other stories that print it ({@link ChainGuard}).
   * Reuters-length wire stories are often under a hundred words, so their abridged copies are
   * short.
   */
  public static final int CONTAINMENT_MIN_WORDS = 20;

  /**
   * The shortest abridgement, as a share of the longer text's shingles, that the derived LSH band
   * shape is tuned to find by containment ({@link DuplicateRule#lowestJaccard}): abridged copies
   * keep a third or more of a story, and a shorter prefix has so low a Jaccard similarity to its
   * original that reaching it would flood LSH with candidates. Shorter contained copies are still
   * accepted when LSH happens to pair them.
   */
  public static final double CONTAINMENT_SHORTEST_RATIO = 0.3;

  /**
   * Default {@code --figureAgreement} (0 turns the figure test off). Two texts that each have at
   * least {@value #MIN_FIGURES} figures ({@link Figures}) are near duplicates only if that share of
   * the smaller figure set is in the other ({@link DuplicateRule}).
   */
  public static final double DEFAULT_FIGURE_AGREEMENT = 0.7;

  /**
   * Figures both texts need before the figure test can tell them apart: with fewer, the figures
   * shared by chance (a date, a small count) would decide.
   */
  public static final int MIN_FIGURES = 2;

  /**
   * Passes of the chain guard ({@link ChainGuard}); 0 turns it off (plain connected components).
   */
  public static final int DEFAULT_GUARD_ROUNDS = 2;

  public DedupSettings {
    if (numPerm < 8 || numPerm > 1024) {
      throw new IllegalArgumentException("--numPerm must be in [8,1024], not " + numPerm);
    }
    if (shingle == null) {
      throw new IllegalArgumentException("shingle must be set (e.g. ShingleSpec.words(3))");
    }
    if (maxBucketSize < 2 || guardRounds < 0) {
      throw new IllegalArgumentException("maxBucketSize >= 2, guardRounds >= 0 required");
    }
    if (verify == null) {
      throw new IllegalArgumentException("verify must be set (Verify.MINHASH or Verify.EXACT)");
    }
    if (minContainmentShingles < 0) {
      throw new IllegalArgumentException(
          "--minContainmentShingles must be >= 0 (0: derived from --shingle), not "
              + minContainmentShingles);
    }
    // --similarity, --containment and --figureAgreement: checked where they are applied
    new DuplicateRule(
        similarity, containment, Math.max(1, minContainmentShingles), figureAgreement, MIN_FIGURES);
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
        ShingleSpec.parse(DEFAULT_SHINGLE),
        CanonicalPolicy.valueOf(DEFAULT_KEEP),
        42L,
        10_000,
        DEFAULT_CHAIN_GUARD ? DEFAULT_GUARD_ROUNDS : 0,
        null,
        Verify.valueOf(DEFAULT_VERIFY),
        DEFAULT_CONTAINMENT,
        DEFAULT_MIN_CONTAINMENT_SHINGLES,
        DEFAULT_FIGURE_AGREEMENT);
  }

  /**
   * The settings {@code options} give (their defaults are this record's).
   *
   * @throws IllegalArgumentException for a bad {@code --shingle} spec or an out-of-range value
   */
  public static DedupSettings from(DedupOptions options) {
    DedupSettings settings =
        defaults()
            .withSimilarity(options.getSimilarity())
            .withNumPerm(options.getNumPerm())
            .withShingle(ShingleSpec.parse(options.getShingle()))
            .withKeep(options.getKeep())
            .withChainGuard(options.getChainGuard())
            .withVerify(options.getVerify())
            .withContainment(options.getContainment())
            .withMinContainmentShingles(options.getMinContainmentShingles())
            .withFigureAgreement(options.getFigureAgreement());
    return options.getLshBands() == null
        ? settings
        : settings.withLshBands(LshBands.parse(options.getLshBands()));
  }

  public DedupSettings withSimilarity(double s) {
    return new DedupSettings(
        s,
        numPerm,
        shingle,
        keep,
        seed,
        maxBucketSize,
        guardRounds,
        lshBands,
        verify,
        containment,
        minContainmentShingles,
        figureAgreement);
  }

  public DedupSettings withNumPerm(int n) {
    return new DedupSettings(
        similarity,
        n,
        shingle,
        keep,
        seed,
        maxBucketSize,
        guardRounds,
        lshBands,
        verify,
        containment,
        minContainmentShingles,
        figureAgreement);
  }

  /** Word shingles of {@code n} words ({@code --shingle=word:n}). */
  public DedupSettings withShingle(int n) {
    return withShingle(ShingleSpec.words(n));
  }

  public DedupSettings withShingle(ShingleSpec spec) {
    return new DedupSettings(
        similarity,
        numPerm,
        spec,
        keep,
        seed,
        maxBucketSize,
        guardRounds,
        lshBands,
        verify,
        containment,
        minContainmentShingles,
        figureAgreement);
  }

  public DedupSettings withKeep(CanonicalPolicy k) {
    return new DedupSettings(
        similarity,
        numPerm,
        shingle,
        k,
        seed,
        maxBucketSize,
        guardRounds,
        lshBands,
        verify,
        containment,
        minContainmentShingles,
        figureAgreement);
  }

  public DedupSettings withMaxBucketSize(int m) {
    return new DedupSettings(
        similarity,
        numPerm,
        shingle,
        keep,
        seed,
        m,
        guardRounds,
        lshBands,
        verify,
        containment,
        minContainmentShingles,
        figureAgreement);
  }

  /**
   * Fixed LSH bands x rows ({@code --lshBands}); null: derived from the rule ({@link #bands()}).
   */
  public DedupSettings withLshBands(LshBands b) {
    return new DedupSettings(
        similarity,
        numPerm,
        shingle,
        keep,
        seed,
        maxBucketSize,
        guardRounds,
        b,
        verify,
        containment,
        minContainmentShingles,
        figureAgreement);
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
        verify,
        containment,
        minContainmentShingles,
        figureAgreement);
  }

  /**
   * Candidate pairs verified by estimated ({@link Verify#MINHASH}) or exact Jaccard ({@code
   * --verify}).
   */
  public DedupSettings withVerify(Verify v) {
    return new DedupSettings(
        similarity,
        numPerm,
        shingle,
        keep,
        seed,
        maxBucketSize,
        guardRounds,
        lshBands,
        v,
        containment,
        minContainmentShingles,
        figureAgreement);
  }

  /** The containment threshold ({@code --containment}, {@link DuplicateRule}); 0: off. */
  public DedupSettings withContainment(double c) {
    return new DedupSettings(
        similarity,
        numPerm,
        shingle,
        keep,
        seed,
        maxBucketSize,
        guardRounds,
        lshBands,
        verify,
        c,
        minContainmentShingles,
        figureAgreement);
  }

  /**
   * Distinct shingles the shorter text needs for the containment test ({@code
   * --minContainmentShingles}); 0: derived from the shingle kind ({@link
   * #containmentMinShingles()}).
   */
  public DedupSettings withMinContainmentShingles(int m) {
    return new DedupSettings(
        similarity,
        numPerm,
        shingle,
        keep,
        seed,
        maxBucketSize,
        guardRounds,
        lshBands,
        verify,
        containment,
        m,
        figureAgreement);
  }

  /**
   * The share of the smaller figure set the other text must hold ({@code --figureAgreement}, {@link
   * DuplicateRule}); 0: off.
   */
  public DedupSettings withFigureAgreement(double f) {
    return new DedupSettings(
        similarity,
        numPerm,
        shingle,
        keep,
        seed,
        maxBucketSize,
        guardRounds,
        lshBands,
        verify,
        containment,
        minContainmentShingles,
        f);
  }

  /**
   * The distinct shingles the shorter text needs for the containment test: {@code
   * --minContainmentShingles} if set, else those of about {@value #CONTAINMENT_MIN_WORDS} words of
   * the {@code --shingle} kind ({@link ShingleSpec#shinglesOfWords}), so the guard means the same
   * length of text whatever the shingles.
   */
  public int containmentMinShingles() {
    return minContainmentShingles > 0
        ? minContainmentShingles
        : shingle.shinglesOfWords(CONTAINMENT_MIN_WORDS);
  }

  /** When a candidate pair is a duplicate: the similarity and containment thresholds. */
  public DuplicateRule rule() {
    return new DuplicateRule(
        similarity, containment, containmentMinShingles(), figureAgreement, MIN_FIGURES);
  }

  /**
   * The shingle set a sketch carries for {@link Verify#EXACT} ({@link Shingler#compact}), or none:
   * with {@link Verify#MINHASH} the signature is all a sketch needs.
   */
  public int[] carriedShingles(long[] shingles) {
    return verify == Verify.EXACT ? Shingler.compact(shingles) : new int[0];
  }

  /**
   * What a signature depends on: the shingles and the MinHash permutations. A later run matches
   * earlier sketches ({@code --previous}) only if theirs is the same; the LSH bands, thresholds and
   * policy may differ (bands are cut from the signature by the matching run).
   */
  public String sketchScheme() {
    return "shingle=" + shingle + ";numPerm=" + numPerm + ";seed=" + seed;
  }

  public MinHasher minHasher() {
    return new MinHasher(numPerm, seed);
  }

  /**
   * {@code --lshBands} if set, else the bands x rows that best fit ({@link LshBands#optimal}) the
   * lowest Jaccard similarity a duplicate can have under the rule: {@code --similarity} without
   * containment; with it, the lower Jaccard of a copy of {@value #CONTAINMENT_SHORTEST_RATIO} of
   * the longer text's shingles contained at {@code --containment} ({@link
   * DuplicateRule#lowestJaccard}), so LSH reaches the abridged copies the rule accepts.
   */
  public LshBands bands() {
    return lshBands != null
        ? lshBands
        : LshBands.optimal(rule().lowestJaccard(CONTAINMENT_SHORTEST_RATIO), numPerm);
  }

  public Shingler shingler() {
    return new Shingler(shingle, NewsAnalyzer.defaults());
  }

  public ChainGuard guard() {
    return new ChainGuard(rule(), guardRounds);
  }
}
