package dev.newsbeam.shuffle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The k greatest items offered (by a comparator), in O(k) memory: a per-shard pre-selection for
 * Top.
 */
public final class BoundedTop<T> {
  private final int k;
  private final Comparator<? super T> order;
  private final PriorityQueue<T> heap;

  public BoundedTop(int k, Comparator<? super T> order) {
    this.k = k;
    this.order = order;
    this.heap = new PriorityQueue<>(Math.max(1, k), order);
  }

  public void offer(T item) {
    if (heap.size() < k) {
      heap.add(item);
    } else if (k > 0 && order.compare(item, heap.peek()) > 0) {
      heap.poll();
      heap.add(item);
    }
  }

  /** The kept items, greatest first. */
  public List<T> best() {
    List<T> out = new ArrayList<>(heap);
    out.sort(order.reversed());
    return out;
  }
}
