package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentForestTest {
  /** Ids whose order has nothing to do with their place on a path. */
  private static String id(int i) {
    return String.format("%08x", (i * 0x9E3779B9) ^ 0x5bd1e995);
  }

  private static List<String[]> path(int nodes) {
    List<String[]> edges = new ArrayList<>();
    for (int i = 1; i < nodes; i++) {
      edges.add(new String[] {id(i - 1), id(i)});
    }
    return edges;
  }

  private static Map<String, String> labels(List<String[]> edges) {
    ComponentForest forest = new ComponentForest();
    for (String[] e : edges) {
      forest.union(e[0], e[1]);
    }
    return forest.labels();
  }

  /**
   * Node → smallest id of its component, by breadth-first search: the labels min-label propagation
   * converges to.
   */
  private static Map<String, String> reference(List<String[]> edges) {
    Map<String, List<String>> adjacency = new HashMap<>();
    for (String[] e : edges) {
      adjacency.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]);
      adjacency.computeIfAbsent(e[1], k -> new ArrayList<>()).add(e[0]);
    }
    Map<String, String> out = new HashMap<>();
    for (String start : adjacency.keySet()) {
      if (out.containsKey(start)) {
        continue;
      }
      TreeSet<String> component = new TreeSet<>();
      Deque<String> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        String node = queue.poll();
        if (component.add(node)) {
          queue.addAll(adjacency.get(node));
        }
      }
      component.forEach(node -> out.put(node, component.first()));
    }
    return out;
  }

  /** Random sparse graph: many small components, some long paths, a few repeated and self edges. */
  private static List<String[]> randomGraph(Random random, int nodes, int edges) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < edges; i++) {
      int a = random.nextInt(nodes);
      int b = random.nextBoolean() ? a + 1 : random.nextInt(nodes);
      out.add(new String[] {id(a), id(Math.min(b, nodes - 1))});
    }
    return out;
  }

  @ParameterizedTest(name = "a path of {0} nodes is one component")
  @CsvSource({"2", "9", "10", "11", "40", "2000"})
  void labelsAWholePathWithItsSmallestIdWhateverItsLength(int nodes) {
    // min-label propagation with 8 unrolled rounds reached 9 hops: longer paths split into several
    // labels
    List<String[]> edges = path(nodes);
    String smallest =
        edges.stream().flatMap(e -> List.of(e).stream()).min(String::compareTo).orElseThrow();
    for (int shuffle = 0; shuffle < 5; shuffle++) {
      Map<String, String> labels = labels(edges);
      assertThat(labels.size(), equalTo(nodes));
      assertThat(new TreeSet<>(labels.values()), equalTo(new TreeSet<>(List.of(smallest))));
      Collections.shuffle(edges, new Random(shuffle));
    }
    Collections.reverse(edges);
    assertThat(labels(edges).get(id(nodes - 1)), equalTo(smallest));
  }

  @Test
  void labelsAreTheSmallestReachableIdWhateverTheEdgeOrder() {
    Random random = new Random(7);
    List<String[]> edges = randomGraph(random, 3000, 2500);
    Map<String, String> expected = reference(edges);
    for (int shuffle = 0; shuffle < 10; shuffle++) {
      Collections.shuffle(edges, random);
      for (String[] e : edges) {
        if (random.nextBoolean()) {
          String t = e[0];
          e[0] = e[1];
          e[1] = t;
        }
      }
      assertThat(labels(edges), equalTo(expected));
    }
  }

  @Test
  void partialForestsOfAnySplitMergeIntoTheForestOfAllEdges() {
    Random random = new Random(11);
    List<String[]> edges = randomGraph(random, 2000, 1800);
    Map<String, String> expected = reference(edges);
    for (int split = 0; split < 10; split++) {
      int parts = 1 + random.nextInt(8);
      List<ComponentForest> partial = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        partial.add(new ComponentForest());
      }
      for (String[] e : edges) {
        partial.get(random.nextInt(parts)).union(e[0], e[1]);
      }
      // as a combiner does: some partial forests go through their coder (labels → of) before the
      // merge
      ComponentForest merged = new ComponentForest();
      for (ComponentForest p : partial) {
        merged.addAll(random.nextBoolean() ? p : ComponentForest.of(p.labels()));
      }
      assertThat(merged.labels(), equalTo(expected));
      assertThat(merged.size(), equalTo(expected.size()));
    }
  }

  @Test
  void aNodeWithoutEdgesIsItsOwnLabelAndAnEmptyForestHasNoLabels() {
    ComponentForest forest = new ComponentForest();
    assertThat(forest.labels(), anEmptyMap());
    assertThat(forest.isEmpty(), equalTo(true));
    assertThat(forest.label("x"), equalTo("x"));
    forest.union("b", "b");
    forest.union("d", "c");
    forest.union("c", "a");
    assertThat(forest.labels(), equalTo(Map.of("a", "a", "b", "b", "c", "a", "d", "a")));
    assertThat(forest.label("d"), equalTo("a"));
  }
}
