package dev.newsbeam.lab.eval;

import dev.newsbeam.lab.corpus.DuplicateCorpusGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a predicted clustering by kind of article, from a truth with a kind column:
 *
 * <ul>
 *   <li><b>recall by kind</b>: for each kind of copy, the share of copies whose predicted cluster
 *       holds their story's original (the article of kind {@code original} in the same true
 *       cluster); copies whose true cluster has no original are not counted;
 *   <li><b>template precision</b>: the share of {@code template} articles whose predicted cluster
 *       holds no article of another true cluster — templated stories share their boilerplate, and
 *       joining two of them (or one with anything else) is a false merge;
 *   <li><b>template merges</b>: predicted clusters holding template articles of two or more true
 *       clusters.
 * </ul>
 *
 * Feed one (id, true cluster, kind, predicted cluster) per article, then read the scores.
 */
public final class CopyKindRecall {
  public static final String ORIGINAL = DuplicateCorpusGenerator.Kind.ORIGINAL.code();
  public static final String TEMPLATE = DuplicateCorpusGenerator.Kind.TEMPLATE.code();

  /** {@code found} of {@code total}; the share is 1 when there is nothing to find. */
  public record Share(long found, long total) {
    public double value() {
      return total == 0 ? 1.0 : (double) found / total;
    }
  }

  private record Entry(String truth, String kind, String predicted) {}

  private final List<Entry> entries = new ArrayList<>();

  public void add(String truthCluster, String kind, String predictedCluster) {
    entries.add(new Entry(truthCluster, kind, predictedCluster));
  }

  /** Whether any article has a kind (a two-column truth has none, and nothing to report). */
  public boolean hasKinds() {
    for (Entry e : entries) {
      if (e.kind() != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Recall of each kind of copy (every kind but {@code original} and {@code template}): the
   * generator's kinds in their {@link DuplicateCorpusGenerator.Kind} order, then others by name.
   */
  public Map<String, Share> recallByKind() {
    Map<String, String> originalCluster = new HashMap<>();
    for (Entry e : entries) {
      if (ORIGINAL.equals(e.kind())) {
        originalCluster.putIfAbsent(e.truth(), e.predicted());
      }
    }
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.kind() == null || ORIGINAL.equals(e.kind()) || TEMPLATE.equals(e.kind())) {
        continue;
      }
      String original = originalCluster.get(e.truth());
      if (original == null) {
        continue;
      }
      long[] c = counts.computeIfAbsent(e.kind(), k -> new long[2]);
      c[1]++;
      if (original.equals(e.predicted())) {
        c[0]++;
      }
    }
    // the generator's kinds in its order, then any others by name: a stable report
    List<String> order = new ArrayList<>();
    for (DuplicateCorpusGenerator.Kind k : DuplicateCorpusGenerator.Kind.values()) {
      if (counts.containsKey(k.code())) {
        order.add(k.code());
      }
    }
    counts.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
    Map<String, Share> out = new LinkedHashMap<>();
    for (String k : order) {
      long[] c = counts.get(k);
      out.put(k, new Share(c[0], c[1]));
    }
    return out;
  }

  /** Template articles alone with their own story in their predicted cluster. */
  public Share templatePrecision() {
    // one true cluster per predicted cluster is remembered, and whether a second one was seen
    Map<String, String> firstTruth = new HashMap<>();
    Set<String> mixed = new HashSet<>();
    for (Entry e : entries) {
      String first = firstTruth.putIfAbsent(e.predicted(), e.truth());
      if (first != null && !first.equals(e.truth())) {
        mixed.add(e.predicted());
      }
    }
    long total = 0;
    long clean = 0;
    for (Entry e : entries) {
      if (TEMPLATE.equals(e.kind())) {
        total++;
        if (!mixed.contains(e.predicted())) {
          clean++;
        }
      }
    }
    return new Share(clean, total);
  }

  /** Predicted clusters holding template articles of two or more true clusters. */
  public long templateMerges() {
    long merges = 0;
    Map<String, Set<String>> templateStories = new HashMap<>();
    for (Entry e : entries) {
      if (TEMPLATE.equals(e.kind())) {
        templateStories.computeIfAbsent(e.predicted(), k -> new HashSet<>(2)).add(e.truth());
      }
    }
    for (Set<String> truths : templateStories.values()) {
      if (truths.size() >= 2) {
        merges++;
      }
    }
    return merges;
  }
}
