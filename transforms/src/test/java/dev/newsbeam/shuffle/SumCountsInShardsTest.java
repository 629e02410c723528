package dev.newsbeam.shuffle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class SumCountsInShardsTest {

  @Test
  void sumsEqualAPlainLoopWhateverTheShardsAndFlushes(TestPipeline pipeline) {
    Random random = new Random(7);
    List<Map<String, Integer>> input = new ArrayList<>();
    Map<String, KV<Long, Long>> expected = new HashMap<>();
    for (int doc = 0; doc < 200; doc++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 0; i < 10; i++) {
        counts.merge("term" + random.nextInt(300), 1 + random.nextInt(5), Integer::sum);
      }
      input.add(counts);
      counts.forEach(
          (key, n) -> {
            KV<Long, Long> old = expected.getOrDefault(key, KV.of(0L, 0L));
            expected.put(key, KV.of(old.getKey() + n, old.getValue() + 1));
          });
    }
    List<KV<String, KV<Long, Long>>> expectedList = new ArrayList<>();
    expected.forEach((k, v) -> expectedList.add(KV.of(k, v)));

    PCollection<Map<String, Integer>> counts =
        pipeline.apply(Create.of(input).withCoder(CompactCounts.coder()));
    // a 7-key buffer forces many flushes; 5 shards leave each shard many keys
    PAssert.that(unpacked(counts.apply("Small", new SumCountsInShards(5, 7)), "Small"))
        .containsInAnyOrder(expectedList);
    PAssert.that(unpacked(counts.apply("Default", new SumCountsInShards(64)), "Default"))
        .containsInAnyOrder(expectedList);
    pipeline.run().waitUntilFinish();
  }

  private static PCollection<KV<String, KV<Long, Long>>> unpacked(
      PCollection<KV<Integer, byte[]>> blocks, String name) {
    return blocks
        .apply("Unpack" + name, ParDo.of(new SumCountsInShards.UnpackFn()))
        .setCoder(SumCountsInShards.SUMS_CODER);
  }

  @Test
  void eachKeyIsInTheBlockOfItsShard(TestPipeline pipeline) {
    List<Map<String, Integer>> input = List.of(Map.of("a", 1, "b", 2), Map.of("b", 1, "c", 5));
    PCollection<KV<Integer, byte[]>> blocks =
        pipeline
            .apply(Create.of(input).withCoder(CompactCounts.coder()))
            .apply(new SumCountsInShards(3));
    PAssert.that(blocks)
        .satisfies(
            all -> {
              int keys = 0;
              for (KV<Integer, byte[]> block : all) {
                for (String key : SumCountsInShards.decode(block.getValue()).keySet()) {
                  assertThat(Shards.of(key, 3), is(block.getKey()));
                  keys++;
                }
              }
              assertThat(keys, is(3));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void countMapCoderRoundTrips() throws Exception {
    Map<String, long[]> map = new HashMap<>();
    map.put("alpha", new long[] {3, 2});
    map.put("née", new long[] {Long.MAX_VALUE, 1});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountMapCoder.of().encode(map, out);
    Map<String, long[]> back =
        CountMapCoder.of().decode(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.size(), is(2));
    assertThat(back.get("alpha")[0], is(3L));
    assertThat(back.get("alpha")[1], is(2L));
    assertThat(back.get("née")[0], is(Long.MAX_VALUE));
  }
}
