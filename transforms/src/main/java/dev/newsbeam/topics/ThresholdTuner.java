package dev.newsbeam.topics;

import java.io.Serializable;

/**
 * Per-label probability histograms of held-out articles, split by gold positive/negative, and the
 * F1-maximising threshold they imply (pure core; in Beam the histogram is a combiner's accumulator).
 *
 * <p>Labels with fewer than {@code minPositives} held-out positives get the global threshold that
 * maximises micro-F1 over all labels: a threshold tuned on one or two examples is noise.
 */
public final class ThresholdTuner implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int BINS = 200;

  final int labels;
  /** [label][bin]: counts of positives and negatives whose probability falls in the bin. */
  final long[] positives;
  final long[] negatives;

  public ThresholdTuner(int labels) {
    this.labels = labels;
    positives = new long[labels * BINS];
    negatives = new long[labels * BINS];
  }

  private static int bin(double p) {
    return Math.min(BINS - 1, Math.max(0, (int) (p * BINS)));
  }

  public void add(int label, double probability, boolean gold) {
    (gold ? positives : negatives)[label * BINS + bin(probability)]++;
  }

  public ThresholdTuner merge(ThresholdTuner other) {
    for (int i = 0; i < positives.length; i++) {
      positives[i] += other.positives[i];
      negatives[i] += other.negatives[i];
    }
    return this;
  }

  public long positives(int label) {
    long n = 0;
    for (int b = 0; b < BINS; b++) {
      n += positives[label * BINS + b];
    }
    return n;
  }

  /** Thresholds (one per label) and their held-out F1. */
  public record Result(double[] thresholds, double[] f1, double global) {}

  public Result tune(int minPositives) {
    long[] allPos = new long[BINS];
    long[] allNeg = new long[BINS];
    for (int l = 0; l < labels; l++) {
      for (int b = 0; b < BINS; b++) {
        allPos[b] += positives[l * BINS + b];
        allNeg[b] += negatives[l * BINS + b];
      }
    }
    double[] global = best(allPos, allNeg, 0);
    double[] thresholds = new double[labels];
    double[] f1 = new double[labels];
    for (int l = 0; l < labels; l++) {
      double[] own = best(positives, negatives, l * BINS);
      boolean enough = positives(l) >= minPositives;
      thresholds[l] = enough ? own[0] : global[0];
      f1[l] = enough ? own[1] : f1At(positives, negatives, l * BINS, global[0]);
    }
    return new Result(thresholds, f1, global[0]);
  }

  /** {threshold, f1}: the midpoint of the widest-first run of bins with the best F1. */
  private static double[] best(long[] pos, long[] neg, int off) {
    long totalPos = 0;
    for (int b = 0; b < BINS; b++) {
      totalPos += pos[off + b];
    }
    double bestF1 = -1;
    int runStart = -1;
    int runEnd = -1;
    long tp = 0;
    long fp = 0;
    // thresholds from high to low: cut at bin b means "p >= b / BINS"
    double[] f1ByCut = new double[BINS];
    for (int b = BINS - 1; b >= 1; b--) {
      tp += pos[off + b];
      fp += neg[off + b];
      f1ByCut[b] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + (totalPos - tp));
    }
    for (int b = 1; b < BINS; b++) {
      if (f1ByCut[b] > bestF1 + 1e-12) {
        bestF1 = f1ByCut[b];
        runStart = runEnd = b;
      } else if (Math.abs(f1ByCut[b] - bestF1) <= 1e-12 && runEnd == b - 1) {
        runEnd = b;
      }
    }
    if (bestF1 <= 0) {
      return new double[] {0.5, 0};
    }
    return new double[] {(runStart + runEnd) / 2.0 / BINS, bestF1};
  }

  private static double f1At(long[] pos, long[] neg, int off, double threshold) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    int cut = (int) Math.round(threshold * BINS);
    for (int b = 0; b < BINS; b++) {
      if (b >= cut) {
        tp += pos[off + b];
        fp += neg[off + b];
      } else {
        fn += pos[off + b];
      }
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
