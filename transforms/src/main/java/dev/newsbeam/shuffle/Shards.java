package dev.newsbeam.shuffle;

/**
 * How keys are hashed into shuffle shards, for every sharded step (joins, sums, LSH buckets). The
 * shard of a key must be the same in every worker and every run: output never depends on it, but a
 * join only meets its two sides if both are hashed alike.
 */
public final class Shards {
  private Shards() {}

  /** The shard of a string key: its hash spread by a multiplicative (Fibonacci) constant. */
  public static int of(String key, int shards) {
    return Math.floorMod(key.hashCode() * 0x9E3779B9, shards);
  }

  /** The shard of a 64-bit key (an LSH bucket key): high bits folded into the low ones. */
  public static int of(long key, int shards) {
    return (int) Math.floorMod(key ^ (key >>> 29), (long) shards);
  }
}
