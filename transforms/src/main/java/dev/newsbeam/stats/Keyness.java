package dev.newsbeam.stats;

/**
 * Keyness of a term in a group versus the rest of a corpus, from a 2×2 contingency table: {@code a}
 * occurrences among {@code c} tokens of the group, {@code b} among {@code d} tokens of the rest.
 */
public final class Keyness {
  private Keyness() {}

  /**
   * Log-likelihood G² (Dunning 1993, in the two-cell form of Rayson &amp; Garside 2000):
   * 2·(a·ln(a/E1) + b·ln(b/E2)), E1 = c·(a+b)/(c+d), E2 = d·(a+b)/(c+d), with 0·ln(0) = 0.
   */
  public static double g2(long a, long b, long c, long d) {
    double total = (double) c + d;
    double e1 = c * (a + b) / total;
    double e2 = d * (a + b) / total;
    return 2.0 * (xLogXOverE(a, e1) + xLogXOverE(b, e2));
  }

  /** True if the term is relatively more frequent in the group than in the rest: a/c &gt; b/d. */
  public static boolean overRepresented(long a, long b, long c, long d) {
    return (double) a * d > (double) b * c;
  }

  /** Hardie's Log Ratio log2((a/c)/(b/d)); a zero b is taken as 0.5 so the ratio stays finite. */
  public static double logRatio(long a, long b, long c, long d) {
    double rest = b == 0 ? 0.5 : b;
    return Math.log(((double) a / c) / (rest / d)) / Math.log(2);
  }

  private static double xLogXOverE(long x, double e) {
    return x == 0 ? 0.0 : x * Math.log(x / e);
  }

  /**
   * The output row of {@code term} in {@code group} (an {@link ArticleGroups} key): counts {@code
   * a} in the group and {@code b} in the rest, of {@code groupTokens} and {@code restTokens} term
   * tokens; rank 0 until ranked.
   */
  public static dev.newsbeam.schema.TermKeyness row(
      String group, String term, long a, long b, long groupTokens, long restTokens) {
    return dev.newsbeam.schema.TermKeyness.newBuilder()
        .setFacet(ArticleGroups.facet(group))
        .setGroup(ArticleGroups.group(group))
        .setTerm(term)
        .setGroupCount(a)
        .setRestCount(b)
        .setGroupTokens(groupTokens)
        .setRestTokens(restTokens)
        .setG2(g2(a, b, groupTokens, restTokens))
        .setLogRatio(logRatio(a, b, groupTokens, restTokens))
        .setRank(0)
        .build();
  }
}
