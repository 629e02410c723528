package dev.newsbeam.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule that stops transitive chaining: connected components of verified LSH edges are only
 * candidates; an article joins a cluster only if its estimated Jaccard similarity to the cluster's
 * canonical is at least the threshold. A component whose members are not all close to its canonical is
 * split in {@code rounds} passes: pass 1 picks the component's canonical (per {@link CanonicalPolicy})
 * and takes every member within the threshold of it; pass 2 does the same among the members left over;
 * whatever is still left after the last pass stays on its own.
 *
 * <p>So A~B~C with A and C far apart never becomes one cluster, and no cluster can grow through a long
 * chain: every member is directly similar to the article it is linked to. The Beam transform runs the
 * same passes with combiners; {@link #assign} is the in-memory reference used by tests.
 */
public final class ChainGuard implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double threshold;
  private final int rounds;

  public ChainGuard(double threshold, int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, not " + rounds);
    }
    this.threshold = threshold;
    this.rounds = rounds;
  }

  public double threshold() {
    return threshold;
  }

  public int rounds() {
    return rounds;
  }

  /** True if {@code member} may join the cluster kept as {@code canonical}. */
  public boolean accepts(DocSketch canonical, DocSketch member) {
    return similarity(canonical, member) >= threshold;
  }

  public static double similarity(DocSketch canonical, DocSketch member) {
    if (canonical.id.equals(member.id)) {
      return 1.0;
    }
    return MinHasher.similarity(canonical.signature, member.signature);
  }

  /** Where a member ended up: its canonical and its similarity to it. */
  public record Assignment(String canonicalId, double similarity) {}

  /** Assigns every member of one connected component (in-memory reference of the Beam passes). */
  public Map<String, Assignment> assign(List<DocSketch> component, CanonicalPolicy policy) {
    Map<String, Assignment> out = new LinkedHashMap<>();
    List<DocSketch> left = new ArrayList<>(component);
    Comparator<DocSketch> order = policy.order();
    for (int round = 0; round < rounds && !left.isEmpty(); round++) {
      DocSketch canonical = left.stream().min(order).orElseThrow();
      List<DocSketch> next = new ArrayList<>();
      for (DocSketch m : left) {
        if (accepts(canonical, m)) {
          out.put(m.id, new Assignment(canonical.id, similarity(canonical, m)));
        } else {
          next.add(m);
        }
      }
      left = next;
    }
    for (DocSketch m : left) {
      out.put(m.id, new Assignment(m.id, 1.0));
    }
    return out;
  }
}
