package dev.newsbeam.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Manifest counters summed over one bundle of a {@code DoFn} and emitted once when it finishes, so
 * the shuffle that sums them carries a handful of numbers, not one element per article. Create one
 * in {@code @StartBundle}; batch pipelines only (the counts go to the global window).
 */
public final class BundleCounts {
  private final Map<String, Long> counts = new LinkedHashMap<>();

  /** Adds {@code n} to {@code name}. */
  public void add(String name, long n) {
    counts.merge(name, n, Long::sum);
  }

  /** Adds one to each of {@code names}. */
  public void addOne(Iterable<String> names) {
    for (String name : names) {
      add(name, 1);
    }
  }

  /** Emits the bundle's (name, sum) pairs to the main output. */
  public void emit(DoFn<?, KV<String, Long>>.FinishBundleContext c) {
    counts.forEach(
        (name, n) ->
            c.output(KV.of(name, n), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
  }

  /** Emits the bundle's (name, sum) pairs to the output {@code tag}. */
  public void emit(DoFn<?, ?>.FinishBundleContext c, TupleTag<KV<String, Long>> tag) {
    counts.forEach(
        (name, n) ->
            c.output(
                tag, KV.of(name, n), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
  }
}
