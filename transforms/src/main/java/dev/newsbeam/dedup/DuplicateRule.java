package dev.newsbeam.dedup;

import java.io.Serializable;

/**
 * When two articles are near duplicates: the one predicate that both edge verification ({@code
 * DetectDuplicates.KeepSimilarFn}) and the chain guard's "close to the canonical" test ({@link
 * ChainGuard}) apply, so the two can never disagree.
 *
 * <p>A pair is a duplicate when
 *
 * <ul>
 *   <li>the Jaccard similarity of the shingle sets is at least {@code similarity} ({@code
 *       --similarity}), or
 *   <li>the shorter text is mostly contained in the longer: {@code |A∩B| / min(|A|,|B|)} is at
 *       least {@code containment} ({@code --containment}; 0 turns this test off), and the shorter
 *       has at least {@code minContainmentShingles} distinct shingles. Without that floor a brief
 *       of two sentences lifted from a long story, or a one-line caption, would be "contained" in
 *       every story that repeats it; an abridged copy of a story (a prefix of a third of it or
 *       more) is long enough to pass.
 * </ul>
 *
 * <p>and, with the figure test on ({@code --figureAgreement} above 0), when the two texts agree on
 * their figures ({@link Figures}): if both have at least {@code minFigures}, at least {@code
 * figureAgreement} of the smaller figure set is in the other. Templated stories (two companies'
 * earnings reports or dividend notices on one wording) share most of their shingles, and can be
 * contained in each other, but not their amounts, dates and percentages; a copy of a story keeps
 * those of the part it copies.
 *
 * <p>Both measures are exact when both sketches carry their shingle sets ({@code --verify=exact}),
 * else estimated from the MinHash signatures ({@link DocSketch#similarity}, {@link
 * DocSketch#containment}).
 *
 * @param similarity Jaccard threshold, in (0,1)
 * @param containment containment threshold, in (0,1], or 0 for no containment test
 * @param minContainmentShingles distinct shingles the shorter text needs for the containment test,
 *     at least 1
 */
public record DuplicateRule(
    double similarity,
    double containment,
    int minContainmentShingles,
    double figureAgreement,
    int minFigures)
    implements Serializable {

  /** Jaccard and containment, no figure test. */
  public DuplicateRule(double similarity, double containment, int minContainmentShingles) {
    this(similarity, containment, minContainmentShingles, 0, 1);
  }

  public DuplicateRule {
    if (!(similarity > 0 && similarity < 1)) {
      throw new IllegalArgumentException("--similarity must be in (0,1), not " + similarity);
    }
    if (!(containment >= 0 && containment <= 1)) {
      throw new IllegalArgumentException(
          "--containment must be in [0,1] (0: off), not " + containment);
    }
    if (!(figureAgreement >= 0 && figureAgreement <= 1)) {
      throw new IllegalArgumentException(
          "--figureAgreement must be in [0,1] (0: off), not " + figureAgreement);
    }
    if (minFigures < 1) {
      throw new IllegalArgumentException("minFigures must be >= 1, not " + minFigures);
    }
    if (minContainmentShingles < 1) {
      throw new IllegalArgumentException(
          "minContainmentShingles must be >= 1, not " + minContainmentShingles);
    }
  }

  /** Jaccard similarity alone, no containment test. */
  public static DuplicateRule jaccard(double similarity) {
    return new DuplicateRule(similarity, 0, 1);
  }

  public boolean containmentOn() {
    return containment > 0;
  }

  /** Whether sketches need their {@link DocSketch#figures}. */
  public boolean figuresOn() {
    return figureAgreement > 0;
  }

  /** True if {@code a} and {@code b} are near duplicates under this rule (symmetric). */
  public boolean isDuplicate(DocSketch a, DocSketch b) {
    if (figuresOn() && Figures.agreement(a.figures, b.figures, minFigures) < figureAgreement) {
      return false; // different figures: another company's notice on the same template
    }
    if (DocSketch.similarity(a, b) >= similarity) {
      return true;
    }
    return containmentOn()
        && Math.min(a.shingleCount, b.shingleCount) >= minContainmentShingles
        && DocSketch.containment(a, b) >= containment;
  }

  /**
   * True if {@code cut} is a copy cut from {@code whole}: a duplicate under this rule that is also
   * contained in {@code whole} at least {@code containment} (with the containment test on) and has
   * at most {@link #CUT_MAX_SHARE} of its shingles. {@code cut} may then be below {@code
   * minContainmentShingles} if the pair's Jaccard similarity makes it a duplicate: a short cut of a
   * short copy. Templated stories of one wording are alike but of similar length, so neither is cut
   * from the other. Not symmetric: a brief is cut from the round-up that prints it, the round-up's
   * other stories are not cut from the brief. What lets the chain guard follow an abridged copy of
   * an abridged copy ({@link ChainGuard}).
   */
  public boolean isCutFrom(DocSketch cut, DocSketch whole) {
    return containmentOn()
        && cut.shingleCount <= CUT_MAX_SHARE * whole.shingleCount
        && isDuplicate(cut, whole)
        && DocSketch.containment(cut, whole) >= containment;
  }

  /**
   * The largest share of the longer text's shingles the shorter may have and still count as cut
   * from it ({@link #isCutFrom}): an abridged copy keeps well under the whole story, while two
   * stories on one template are about as long as each other.
   */
  public static final double CUT_MAX_SHARE = 0.8;

  /**
   * The lowest Jaccard similarity a pair can have and still be a duplicate under this rule, when
   * the shorter text is at least {@code shortestRatio} times as long as the longer (in distinct
   * shingles): {@code similarity} without containment, else the lower of {@code similarity} and the
   * Jaccard of a shorter text of exactly that ratio sharing exactly the containment share of its
   * shingles, {@code c·r / (1 + r − c·r)}. Containment alone bounds the Jaccard similarity by
   * nothing (a paragraph of a book is contained in it), hence the ratio: it is the shortest
   * abridgement LSH is tuned to find, and what sets the band shape's reach ({@link
   * DedupSettings#bands()}).
   */
  public double lowestJaccard(double shortestRatio) {
    if (!(shortestRatio > 0 && shortestRatio <= 1)) {
      throw new IllegalArgumentException("shortestRatio must be in (0,1], not " + shortestRatio);
    }
    if (!containmentOn()) {
      return similarity;
    }
    double shared = containment * shortestRatio;
    return Math.min(similarity, shared / (1 + shortestRatio - shared));
  }
}
