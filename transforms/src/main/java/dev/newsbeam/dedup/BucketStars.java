package dev.newsbeam.dedup;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Star edges of LSH buckets: every member of a bucket is linked to the bucket's smallest id, never
 * all pairs. Buckets of one member give nothing; buckets over {@code maxBucketSize} members
 * (boilerplate that survived shingling) are skipped and counted.
 *
 * <p>Input is a batch of (bucket key, id) entries in any order, e.g. one shuffle shard holding many
 * buckets. Cost is a sort of the batch: O(m log m) for m entries, linear in bucket sizes.
 */
public final class BucketStars {
  private final int maxBucketSize;
  private long[] keys = new long[16];
  private String[] ids = new String[16];
  private int size;
  private long giantBuckets;

  public BucketStars(int maxBucketSize) {
    if (maxBucketSize < 2) {
      throw new IllegalArgumentException("maxBucketSize must be >= 2: " + maxBucketSize);
    }
    this.maxBucketSize = maxBucketSize;
  }

  public void add(long bucketKey, String id) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      ids = Arrays.copyOf(ids, size * 2);
    }
    keys[size] = bucketKey;
    ids[size] = id;
    size++;
  }

  /**
   * Emits (member, bucket minimum) for every member of every bucket of 2..maxBucketSize members,
   * then forgets the batch. An id listed twice in one bucket counts once.
   */
  public void emit(BiConsumer<String, String> edge) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byKey = Long.compare(keys[a], keys[b]);
          return byKey != 0 ? byKey : ids[a].compareTo(ids[b]);
        });
    int start = 0;
    while (start < size) {
      int end = start + 1;
      int distinct = 1;
      while (end < size && keys[order[end]] == keys[order[start]]) {
        if (!ids[order[end]].equals(ids[order[end - 1]])) {
          distinct++;
        }
        end++;
      }
      if (distinct > maxBucketSize) {
        giantBuckets++;
      } else if (distinct >= 2) {
        String min = ids[order[start]];
        String previous = min;
        for (int i = start + 1; i < end; i++) {
          String member = ids[order[i]];
          if (!member.equals(previous)) {
            edge.accept(member, min);
            previous = member;
          }
        }
      }
      start = end;
    }
    size = 0;
    keys = new long[16];
    ids = new String[16];
  }

  /** Buckets skipped so far for holding more than maxBucketSize members. */
  public long giantBuckets() {
    return giantBuckets;
  }
}
