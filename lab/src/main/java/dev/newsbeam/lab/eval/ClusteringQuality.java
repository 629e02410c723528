package dev.newsbeam.lab.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise precision/recall/F1 and adjusted Rand index of a predicted clustering against a true
 * one, computed from contingency counts (cells, row and column sums) — never by enumerating pairs,
 * so a million articles cost a few maps, not 10^12 pairs. Feed one (truth cluster, predicted
 * cluster) per article.
 */
public final class ClusteringQuality {
  private final Map<String, Long> truthSizes = new HashMap<>();
  private final Map<String, Long> predictedSizes = new HashMap<>();
  private final Map<String, Long> cells = new HashMap<>();
  private long n;

  public void add(String truthCluster, String predictedCluster) {
    truthSizes.merge(truthCluster, 1L, Long::sum);
    predictedSizes.merge(predictedCluster, 1L, Long::sum);
    cells.merge(truthCluster + '\u0000' + predictedCluster, 1L, Long::sum);
    n++;
  }

  public long articles() {
    return n;
  }

  /** Pairs in the same cluster in both clusterings. */
  public double truePositivePairs() {
    return sumPairs(cells);
  }

  public double truthPairs() {
    return sumPairs(truthSizes);
  }

  public double predictedPairs() {
    return sumPairs(predictedSizes);
  }

  public double precision() {
    double p = predictedPairs();
    return p == 0 ? 1.0 : truePositivePairs() / p;
  }

  public double recall() {
    double t = truthPairs();
    return t == 0 ? 1.0 : truePositivePairs() / t;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Hubert–Arabie adjusted Rand index. */
  public double adjustedRandIndex() {
    double index = truePositivePairs();
    double a = truthPairs();
    double b = predictedPairs();
    double all = pairs(n);
    if (all == 0) {
      return 1.0;
    }
    double expected = a * b / all;
    double max = (a + b) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  private static double sumPairs(Map<String, Long> sizes) {
    double s = 0;
    for (long c : sizes.values()) {
      s += pairs(c);
    }
    return s;
  }

  private static double pairs(long c) {
    return c * (c - 1) / 2.0;
  }
}
