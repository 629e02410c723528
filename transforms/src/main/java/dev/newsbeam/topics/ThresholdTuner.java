package dev.newsbeam.topics;

import java.util.Arrays;

/**
 * Chooses per-label decision thresholds (on the margin {@code w·x + b}) from cross-validated,
 * out-of-fold margins of the training articles (pure core). The target is micro-F1 over all labels:
 *
 * <ol>
 *   <li>every label starts at the single threshold that maximises pooled micro-F1;
 *   <li>then, for a few rounds, each label with at least {@code minPositives} positives takes the
 *       threshold that maximises micro-F1 given all other labels' current thresholds. A label its
 *       model cannot separate ends above all its scores (never assigned) instead of at the low
 *       cut-off that would maximise its own F1 with many false positives; labels with fewer
 *       positives keep the global threshold, since a threshold fit to one or two examples is noise;
 *   <li>finally the fallback gap: an article that no label reaches gets its best label (highest
 *       margin minus threshold) when that label is within {@code fallbackMargin} of its threshold;
 *       the gap is chosen on a grid of 0 (no fallback) to 8 by out-of-fold micro-F1.
 * </ol>
 */
public final class ThresholdTuner {
  private ThresholdTuner() {}

  static final int ROUNDS = 3;
  static final double FALLBACK_STEP = 0.25;
  static final double FALLBACK_MAX = 8;

  /**
   * Margin thresholds per label, out-of-fold F1 per label at them, the global start and the
   * fallback gap.
   */
  public record Result(
      double[] thresholds, double[] f1, double global, double fallbackMargin, double microF1)
      implements java.io.Serializable {}

  /**
   * @param margins {@code [label][article]} out-of-fold margins
   * @param gold {@code [label][article]} gold labels
   */
  public static Result tune(double[][] margins, boolean[][] gold, int minPositives) {
    int labels = margins.length;
    int n = labels == 0 ? 0 : margins[0].length;
    double global = pooledBest(margins, gold);
    double[] th = new double[labels];
    Arrays.fill(th, global);
    long[][] counts = new long[labels][];
    int[] positives = new int[labels];
    for (int l = 0; l < labels; l++) {
      counts[l] = counts(margins[l], gold[l], th[l]);
      positives[l] = (int) (counts[l][0] + counts[l][2]);
    }
    for (int round = 0; round < ROUNDS; round++) {
      for (int l = 0; l < labels; l++) {
        if (positives[l] < minPositives) {
          continue;
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int q = 0; q < labels; q++) {
          if (q != l) {
            tp += counts[q][0];
            fp += counts[q][1];
            fn += counts[q][2];
          }
        }
        th[l] = bestGiven(margins[l], gold[l], positives[l], tp, fp, fn);
        counts[l] = counts(margins[l], gold[l], th[l]);
      }
    }
    double fallback = 0;
    double bestMicro = microWithFallback(margins, gold, th, 0);
    for (double gap = FALLBACK_STEP; gap <= FALLBACK_MAX + 1e-9; gap += FALLBACK_STEP) {
      double micro = microWithFallback(margins, gold, th, gap);
      if (micro > bestMicro + 1e-12) {
        bestMicro = micro;
        fallback = gap;
      }
    }
    double[] f1 = new double[labels];
    for (int l = 0; l < labels; l++) {
      f1[l] = F1Scores.f1(counts[l][0], counts[l][1], counts[l][2]);
    }
    return new Result(th, f1, global, fallback, n == 0 ? 0 : bestMicro);
  }

  /** Labels predicted from {@code margins} of one article: thresholds, then the fallback. */
  public static boolean[] predict(double[] margins, double[] thresholds, double fallbackMargin) {
    boolean[] out = new boolean[margins.length];
    boolean any = false;
    int best = -1;
    double bestGap = Double.NEGATIVE_INFINITY;
    for (int l = 0; l < margins.length; l++) {
      double gap = margins[l] - thresholds[l];
      if (gap >= 0) {
        out[l] = true;
        any = true;
      }
      if (gap > bestGap) {
        bestGap = gap;
        best = l;
      }
    }
    if (!any && best >= 0 && fallbackMargin > 0 && bestGap >= -fallbackMargin) {
      out[best] = true;
    }
    return out;
  }

  private static double microWithFallback(
      double[][] margins, boolean[][] gold, double[] th, double gap) {
    int labels = margins.length;
    int n = labels == 0 ? 0 : margins[0].length;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    double[] row = new double[labels];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < labels; l++) {
        row[l] = margins[l][i];
      }
      boolean[] p = predict(row, th, gap);
      for (int l = 0; l < labels; l++) {
        if (p[l] && gold[l][i]) {
          tp++;
        } else if (p[l]) {
          fp++;
        } else if (gold[l][i]) {
          fn++;
        }
      }
    }
    return F1Scores.f1(tp, fp, fn);
  }

  /** {tp, fp, fn} of one label at threshold {@code t} ({@code margin >= t} is assigned). */
  static long[] counts(double[] margins, boolean[] gold, double t) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < margins.length; i++) {
      boolean p = margins[i] >= t;
      if (p && gold[i]) {
        tp++;
      } else if (p) {
        fp++;
      } else if (gold[i]) {
        fn++;
      }
    }
    return new long[] {tp, fp, fn};
  }

  /** Indices of {@code scores} ordered by score, highest first (ties by index). */
  private static Integer[] byScoreDescending(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, (a, b) -> scores[b] != scores[a] ? Double.compare(scores[b], scores[a]) : a - b);
    return order;
  }

  /**
   * The threshold of one label maximising micro-F1 when the other labels contribute {@code tp0},
   * {@code fp0}, {@code fn0}: midway between the last score taken and the next, or above all
   * scores.
   */
  static double bestGiven(
      double[] margins, boolean[] gold, int positives, long tp0, long fp0, long fn0) {
    Integer[] order = byScoreDescending(margins);
    double best = F1Scores.f1(tp0, fp0, fn0 + positives);
    double threshold = margins.length == 0 ? 0 : margins[order[0]] + 1; // assign nothing
    long tp = 0;
    long fp = 0;
    for (int k = 0; k < order.length; k++) {
      if (gold[order[k]]) {
        tp++;
      } else {
        fp++;
      }
      double here = margins[order[k]];
      if (k + 1 < order.length && margins[order[k + 1]] == here) {
        continue; // a threshold cannot split tied scores
      }
      double f = F1Scores.f1(tp0 + tp, fp0 + fp, fn0 + positives - tp);
      if (f > best + 1e-12) {
        best = f;
        threshold = k + 1 < order.length ? (here + margins[order[k + 1]]) / 2 : here - 1;
      }
    }
    return threshold;
  }

  /** The one threshold for all labels that maximises pooled micro-F1. */
  static double pooledBest(double[][] margins, boolean[][] gold) {
    int total = 0;
    for (double[] m : margins) {
      total += m.length;
    }
    double[] all = new double[total];
    boolean[] allGold = new boolean[total];
    int k = 0;
    int positives = 0;
    for (int l = 0; l < margins.length; l++) {
      for (int i = 0; i < margins[l].length; i++) {
        all[k] = margins[l][i];
        allGold[k] = gold[l][i];
        positives += gold[l][i] ? 1 : 0;
        k++;
      }
    }
    return total == 0 ? 0 : bestGiven(all, allGold, positives, 0, 0, 0);
  }
}
