package dev.newsbeam.dedup;

import java.io.Serializable;

/**
 * LSH banding of MinHash signatures: {@code bands} bands of {@code rows} signature values each. Two
 * documents with Jaccard similarity s share at least one band with probability {@code 1-(1-s^r)^b}.
 *
 * <p>{@link #optimal} picks (b, r) the way datasketch's {@code _optimal_param} does: among all b*r
 * <= numPerm, minimise {@code wFp * ∫_0^t P(s) ds + wFn * ∫_t^1 (1-P(s)) ds}, i.e. the weighted
 * area of false positives below the threshold and false negatives above it.
 */
public final class LshBands implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int bands;
  private final int rows;

  public LshBands(int bands, int rows) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be >= 1: " + bands + "x" + rows);
    }
    this.bands = bands;
    this.rows = rows;
  }

  /**
   * The (bands, rows) with the least weighted false-positive + false-negative area (equal weights).
   */
  public static LshBands optimal(double threshold, int numPerm) {
    return optimal(threshold, numPerm, 0.5, 0.5);
  }

  public static LshBands optimal(double threshold, int numPerm, double fpWeight, double fnWeight) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0,1), not " + threshold);
    }
    double best = Double.POSITIVE_INFINITY;
    LshBands bestBands = null;
    for (int b = 1; b <= numPerm; b++) {
      for (int r = 1; r <= numPerm / b; r++) {
        double error =
            fpWeight * falsePositiveArea(threshold, b, r)
                + fnWeight * falseNegativeArea(threshold, b, r);
        if (error < best) {
          best = error;
          bestBands = new LshBands(b, r);
        }
      }
    }
    return bestBands;
  }

  /** Probability that two documents of Jaccard similarity s share at least one band. */
  public static double collisionProbability(double s, int bands, int rows) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  static double falsePositiveArea(double t, int b, int r) {
    return simpson(s -> collisionProbability(s, b, r), 0, t);
  }

  static double falseNegativeArea(double t, int b, int r) {
    return simpson(s -> 1 - collisionProbability(s, b, r), t, 1);
  }

  private static double simpson(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
    int n = 200; // even; the integrands are smooth sigmoids, 200 panels are far below the search's
    // grain
    double h = (hi - lo) / n;
    double sum = f.applyAsDouble(lo) + f.applyAsDouble(hi);
    for (int i = 1; i < n; i++) {
      sum += f.applyAsDouble(lo + i * h) * (i % 2 == 1 ? 4 : 2);
    }
    return sum * h / 3;
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /**
   * One 64-bit bucket key per band. The band index is folded into the key so equal values in
   * different bands never meet in one bucket.
   */
  public long[] bandKeys(int[] signature) {
    if (signature.length < bands * rows) {
      throw new IllegalArgumentException(
          "signature of " + signature.length + " values is shorter than " + bands + "x" + rows);
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = Hashing.mix64(band + 0x632BE59BD9B4E019L);
      for (int i = band * rows; i < (band + 1) * rows; i++) {
        h = Hashing.mix64(h ^ (signature[i] & 0xFFFFFFFFL));
      }
      keys[band] = h;
    }
    return keys;
  }

  /** {@code "BxR"} (e.g. {@code 32x2}: 32 bands of 2 rows), as {@link #toString()} writes it. */
  public static LshBands parse(String bandsByRows) {
    String[] parts = bandsByRows.trim().toLowerCase(java.util.Locale.ROOT).split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "LSH bands must be BANDSxROWS (e.g. 32x2), not '" + bandsByRows + "'");
    }
    try {
      return new LshBands(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "LSH bands must be BANDSxROWS (e.g. 32x2), not '" + bandsByRows + "'");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LshBands b && b.bands == bands && b.rows == rows;
  }

  @Override
  public int hashCode() {
    return 31 * bands + rows;
  }

  @Override
  public String toString() {
    return bands + "x" + rows;
  }
}
