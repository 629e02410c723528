package dev.newsbeam.topics;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** True/false positives and false negatives per label, and micro/macro F1 over a set of labels. */
public final class F1Scores {
  private final Map<String, long[]> counts = new TreeMap<>(); // label → {tp, fp, fn}

  /** Records one article's gold and predicted labels. */
  public void add(Collection<String> gold, Collection<String> predicted) {
    for (String p : predicted) {
      counts.computeIfAbsent(p, k -> new long[3])[gold.contains(p) ? 0 : 1]++;
    }
    for (String g : gold) {
      if (!predicted.contains(g)) {
        counts.computeIfAbsent(g, k -> new long[3])[2]++;
      }
    }
  }

  /** F1 of the summed counts over {@code labels}. */
  public double micro(Set<String> labels) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (String l : labels) {
      long[] c = counts.getOrDefault(l, new long[3]);
      tp += c[0];
      fp += c[1];
      fn += c[2];
    }
    return f1(tp, fp, fn);
  }

  /**
   * Mean of per-label F1 over {@code labels} (a label with no gold and no prediction counts as 1).
   */
  public double macro(Set<String> labels) {
    if (labels.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (String l : labels) {
      long[] c = counts.getOrDefault(l, new long[3]);
      sum += c[0] + c[1] + c[2] == 0 ? 1.0 : f1(c[0], c[1], c[2]);
    }
    return sum / labels.size();
  }

  public long[] counts(String label) {
    return counts.getOrDefault(label, new long[3]).clone();
  }

  static double f1(long tp, long fp, long fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
