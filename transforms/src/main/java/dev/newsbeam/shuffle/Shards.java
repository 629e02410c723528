package dev.newsbeam.shuffle;

/**
 * How keys are hashed into shuffle shards, for every sharded step (joins, sums, LSH buckets). The
 * shard of a key must be the same in every worker and every run: output never depends on it, but a
 * join only meets its two sides if both are hashed alike.
 */
public final class Shards {
  private Shards() {}

  /**
   * The shard of a string key: the high half of its hash times a 64-bit Fibonacci constant. The
   * high half, because the keys of one shard then still differ in the low bits of their {@code
   * hashCode}, which is what a {@code HashMap} of the shard's keys indexes by; a shard taken from
   * the low bits would crowd each shard's keys into a few buckets of every such map.
   */
  public static int of(String key, int shards) {
    long spread = (key.hashCode() * 0x9E3779B97F4A7C15L) >>> 33;
    return (int) (spread % shards);
  }

  /** The shard of a 64-bit key (an LSH bucket key): high bits folded into the low ones. */
  public static int of(long key, int shards) {
    return (int) Math.floorMod(key ^ (key >>> 29), (long) shards);
  }
}
