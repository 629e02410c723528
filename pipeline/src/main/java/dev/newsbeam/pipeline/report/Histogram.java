package dev.newsbeam.pipeline.report;

import java.util.List;

/**
 * Counts over fixed bins given by their lower bounds; the last bin is open above. Fixed bins let
 * the report count while streaming, with memory independent of how many values it sees.
 */
public final class Histogram {
  private final List<? extends Number> edges;
  private final long[] counts;

  public Histogram(List<? extends Number> edges) {
    if (edges.isEmpty()) {
      throw new IllegalArgumentException("a histogram needs at least one bin");
    }
    this.edges = List.copyOf(edges);
    this.counts = new long[edges.size()];
  }

  /** Adds one value; values below the first edge count in the first bin. */
  public void add(double value) {
    add(value, 1);
  }

  /** Adds {@code times} equal values. */
  public void add(double value, long times) {
    int bin = 0;
    while (bin + 1 < edges.size() && value >= edges.get(bin + 1).doubleValue()) {
      bin++;
    }
    counts[bin] += times;
  }

  public int bins() {
    return counts.length;
  }

  public long count(int bin) {
    return counts[bin];
  }

  public Number lower(int bin) {
    return edges.get(bin);
  }

  /** The bin's upper bound (exclusive), or null for the open last bin. */
  public Number upper(int bin) {
    return bin + 1 < edges.size() ? edges.get(bin + 1) : null;
  }

  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }
}
