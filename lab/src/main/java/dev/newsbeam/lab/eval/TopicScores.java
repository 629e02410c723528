package dev.newsbeam.lab.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores of a ranked top-level topic prediction against gold top-level codes, article by article:
 * top-1 and top-3 accuracy (the first, or one of the first three, distinct predicted roots is a
 * gold code) and, per topic, precision and recall of the first root. An article with several gold
 * codes counts towards the recall of each.
 */
public final class TopicScores {
  /** Counts of one topic: first-root predictions, the right ones, and articles with it as gold. */
  public record Counts(long predicted, long correct, long gold) {
    public double precision() {
      return predicted == 0 ? 0 : correct / (double) predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : correct / (double) gold;
    }
  }

  private long articles;
  private long top1;
  private long top3;
  private long untagged;
  private final Map<String, long[]> byTopic = new TreeMap<>();

  /**
   * One article: its gold codes and its predicted roots, best first (distinct; empty when
   * untagged).
   */
  public void add(Set<String> gold, List<String> roots) {
    articles++;
    for (String g : gold) {
      counts(g)[2]++;
    }
    if (roots.isEmpty()) {
      untagged++;
      return;
    }
    String first = roots.get(0);
    counts(first)[0]++;
    if (gold.contains(first)) {
      top1++;
      counts(first)[1]++;
    }
    for (String r : roots.subList(0, Math.min(3, roots.size()))) {
      if (gold.contains(r)) {
        top3++;
        break;
      }
    }
  }

  private long[] counts(String topic) {
    return byTopic.computeIfAbsent(topic, t -> new long[3]);
  }

  public long articles() {
    return articles;
  }

  public long untagged() {
    return untagged;
  }

  public double top1() {
    return articles == 0 ? 0 : top1 / (double) articles;
  }

  public double top3() {
    return articles == 0 ? 0 : top3 / (double) articles;
  }

  public long top1Count() {
    return top1;
  }

  /** Per topic code, in code order. */
  public Map<String, Counts> byTopic() {
    Map<String, Counts> out = new TreeMap<>();
    byTopic.forEach((t, c) -> out.put(t, new Counts(c[0], c[1], c[2])));
    return out;
  }
}
