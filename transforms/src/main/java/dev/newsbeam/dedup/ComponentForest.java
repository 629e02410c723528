package dev.newsbeam.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Connected components of an undirected edge list: a union-find whose root is always the smallest
 * id (by {@link String#compareTo}) of its component. So a node's {@link #label} is the smallest id
 * reachable from it, whatever order the edges arrive in and however forests are merged: the same
 * labels as min-label propagation run to convergence, exact for any diameter.
 *
 * <pre>{@code
 * ComponentForest forest = new ComponentForest();
 * forest.union("c", "b");
 * forest.union("b", "a");
 * forest.label("c");   // "a"
 * }</pre>
 *
 * <p>Mergeable ({@link #addAll}): each (node, parent) pair of another forest is an edge of the same
 * component, so partial forests built from any split of the edges merge into the forest of all of
 * them. That makes it the accumulator of a combiner. Memory: one map entry per node that has an
 * edge. Not thread-safe.
 */
public final class ComponentForest {
  private final Map<String, String> parent;

  public ComponentForest() {
    this.parent = new HashMap<>();
  }

  private ComponentForest(Map<String, String> parent) {
    this.parent = parent;
  }

  /**
   * A forest from (node, parent) pairs, e.g. the {@link #labels} of another forest. Each pair is
   * added as an edge, so any map of pairs that connect the same nodes gives the same components.
   */
  public static ComponentForest of(Map<String, String> pairs) {
    ComponentForest forest = new ComponentForest(new HashMap<>(pairs.size() * 2));
    pairs.forEach(forest::union);
    return forest;
  }

  /** Adds the edge a–b (a self-edge just adds the node). */
  public void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    int order = ra.compareTo(rb);
    if (order < 0) {
      parent.put(rb, ra);
    } else if (order > 0) {
      parent.put(ra, rb);
    }
  }

  /**
   * Adds every edge of {@code other} (its forest's (node, parent) pairs); {@code other} is
   * unchanged.
   */
  public ComponentForest addAll(ComponentForest other) {
    other.parent.forEach(this::union);
    return this;
  }

  /** The smallest id of the node's component (the node itself if it has no edge). */
  public String label(String node) {
    return parent.containsKey(node) ? find(node) : node;
  }

  /** Nodes with at least one edge. */
  public int size() {
    return parent.size();
  }

  public boolean isEmpty() {
    return parent.isEmpty();
  }

  /** Node → label for every node with an edge (the forest is flattened on the way). */
  public Map<String, String> labels() {
    Map<String, String> out = new HashMap<>(parent.size() * 2);
    for (String node : parent.keySet()) {
      out.put(node, find(node));
    }
    return out;
  }

  /**
   * Root of {@code node}, adding it as its own root if new; path halving keeps later finds short.
   */
  private String find(String node) {
    String x = node;
    String p = parent.putIfAbsent(x, x);
    if (p == null) {
      return x;
    }
    while (!p.equals(x)) {
      String grand = parent.get(p);
      parent.put(x, grand);
      x = grand;
      p = parent.get(x);
    }
    return x;
  }
}
