package dev.newsbeam.shuffle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardsTest {

  @Test
  void everyShardGetsItsShareOfKeys() {
    int[] perShard = new int[16];
    for (int i = 0; i < 16_000; i++) {
      perShard[Shards.of("term" + i, 16)]++;
    }
    for (int n : perShard) {
      assertThat("no shard gets more than twice its share", n, lessThan(2000));
      assertThat("no shard gets less than half its share", n, greaterThan(500));
    }
  }

  /**
   * A shard's keys end up in one HashMap (a shard's sums, a join's lookup side); if the shard were
   * taken from the low bits of the hash, all its keys would share those bits and crowd into a
   * fraction of the map's buckets.
   */
  @Test
  void keysOfOneShardSpreadOverTheBucketsOfAHashMap() {
    int shards = 64;
    int buckets = 1024;
    Set<Integer> used = new HashSet<>();
    int keys = 0;
    for (int i = 0; keys < buckets / 2; i++) {
      String key = "term" + i;
      if (Shards.of(key, shards) == 0) {
        keys++;
        int h = key.hashCode();
        used.add((h ^ (h >>> 16)) & (buckets - 1)); // HashMap's own bucket index
      }
    }
    // uniform hashing of 512 keys into 1024 buckets fills about 403
    assertThat(used.size(), greaterThan(300));
  }

  @Test
  void theShardOfAKeyIsStableAndInRange() {
    for (int shards : new int[] {1, 3, 7, 64, 1000}) {
      for (String key : new String[] {"", "a", "née", "Zürich", "term12345"}) {
        int shard = Shards.of(key, shards);
        assertThat(shard, is(Shards.of(new String(key.toCharArray()), shards)));
        assertThat(shard >= 0 && shard < shards, is(true));
      }
      for (long key : new long[] {0L, -1L, Long.MIN_VALUE, 42L}) {
        int shard = Shards.of(key, shards);
        assertThat(shard >= 0 && shard < shards, is(true));
      }
    }
  }
}
