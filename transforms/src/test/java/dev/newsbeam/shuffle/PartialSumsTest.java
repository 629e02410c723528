package dev.newsbeam.shuffle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

class PartialSumsTest {

  @Test
  void drainedBlocksHoldTheSumsOfPrefixAndKey() {
    Random random = new Random(11);
    PartialSums sums = new PartialSums(7);
    Map<String, List<Long>> expected = new HashMap<>();
    String[] prefixes = {"", "topic:politics\u0000", "outlet:Rüters\u0000"};
    for (int i = 0; i < 2_000; i++) {
      String prefix = prefixes[random.nextInt(prefixes.length)];
      String key = "térm" + random.nextInt(150);
      long n = 1 + random.nextInt(4);
      sums.add(prefix, key, n, 1);
      expected.merge(
          prefix + key,
          List.of(n, 1L),
          (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
    }
    assertThat(sums.size(), is(expected.size()));

    Map<String, List<Long>> decoded = new HashMap<>();
    Set<Integer> shardsSeen = new HashSet<>();
    for (KV<Integer, byte[]> block : sums.drain()) {
      assertThat("one block per shard", shardsSeen.add(block.getKey()), is(true));
      SumCountsInShards.forEach(
          block.getValue(),
          (key, occurrences, documents) -> {
            // the shard is the key's without its prefix
            String bare = key.substring(key.lastIndexOf('\u0000') + 1);
            assertThat(Shards.of(bare, 7), is(block.getKey()));
            decoded.put(key, List.of(occurrences, documents));
          });
    }
    assertThat(decoded, is(expected));
    assertThat(sums.size(), is(0));
    assertThat(sums.drain(), is(empty()));
  }

  @Test
  void withoutAPrefixAKeyIsShardedAsSumCountsInShardsShardsIt() {
    PartialSums sums = new PartialSums(5);
    sums.add("alpha", 3, 1);
    sums.add("alpha", 2, 1);
    for (KV<Integer, byte[]> block : sums.drain()) {
      assertThat(block.getKey(), is(Shards.of("alpha", 5)));
      assertThat(SumCountsInShards.decode(block.getValue()).get("alpha")[0], is(5L));
      assertThat(SumCountsInShards.decode(block.getValue()).get("alpha")[1], is(2L));
    }
  }
}
