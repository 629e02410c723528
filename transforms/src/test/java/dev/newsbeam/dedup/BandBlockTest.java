package dev.newsbeam.dedup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.newsbeam.shuffle.Shards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class BandBlockTest {
  private static final String FP_A = "0f3a9c00b1d2e3f4a5b6c7d8e9f00112";
  private static final String FP_B = "ffffffffffffffffffffffffffffffff";

  private static List<String> entries(BandBlock block) {
    List<String> out = new ArrayList<>();
    block.forEach((key, fp) -> out.add(key + "=" + fp));
    return out;
  }

  private static Map<Integer, BandBlock> drain(BandBlock.Gatherer gatherer) {
    Map<Integer, BandBlock> blocks = new HashMap<>();
    gatherer.drain(blocks::put);
    return blocks;
  }

  @Test
  void givesBackEveryEntryInOrderWhateverTheFingerprintLooksLike() {
    BandBlock.Gatherer gatherer = new BandBlock.Gatherer(1);
    String longId = "~" + "x".repeat(300) + "/é"; // over one varint byte, not ASCII
    gatherer.add(-7L, FP_A);
    gatherer.add(Long.MAX_VALUE, "~doc/1"); // the fingerprint of a body with no text
    gatherer.add(42L, FP_B);
    gatherer.add(0L, "0F3A9C00B1D2E3F4A5B6C7D8E9F00112"); // upper case: not packed, kept as is
    gatherer.add(5L, longId);
    BandBlock block = drain(gatherer).get(0);
    assertThat(
        entries(block),
        contains(
            "-7=" + FP_A,
            Long.MAX_VALUE + "=~doc/1",
            "42=" + FP_B,
            "0=0F3A9C00B1D2E3F4A5B6C7D8E9F00112",
            "5=" + longId));
    assertThat(block.size(), equalTo(5));
  }

  @Test
  void gathersEachEntryIntoTheShardOfItsBucketKeyAndForgetsThemOnDrain() {
    int shards = 8;
    BandBlock.Gatherer gatherer = new BandBlock.Gatherer(shards);
    Map<Integer, List<String>> expected = new HashMap<>();
    for (long key = 0; key < 100; key++) {
      String fp = key % 2 == 0 ? FP_A : FP_B;
      gatherer.add(key * 7919, fp);
      expected
          .computeIfAbsent(Shards.of(key * 7919, shards), s -> new ArrayList<>())
          .add(key * 7919 + "=" + fp);
    }
    Map<Integer, BandBlock> blocks = drain(gatherer);
    assertThat(blocks.keySet(), equalTo(expected.keySet()));
    blocks.forEach((shard, block) -> assertThat(entries(block), equalTo(expected.get(shard))));
    assertThat(gatherer.isEmpty(), equalTo(true));
    assertThat(drain(gatherer).isEmpty(), equalTo(true));
  }

  @Test
  void packsHexFingerprintsIntoSixteenBytesAndSurvivesItsCoder() throws Exception {
    BandBlock.Gatherer gatherer = new BandBlock.Gatherer(1);
    for (int i = 0; i < 100; i++) {
      gatherer.add(i, FP_A);
    }
    BandBlock block = drain(gatherer).get(0);
    byte[] encoded = CoderUtils.encodeToByteArray(BandBlock.coder(), block);
    // 8 bytes of key and 17 of fingerprint an entry, where a string would take 33
    assertThat(encoded.length, lessThan(100 * 26 + 8));
    BandBlock back = CoderUtils.clone(BandBlock.coder(), block);
    assertThat(back, equalTo(block));
    assertThat(entries(back), equalTo(entries(block)));
    CoderProperties.coderDeterministic(BandBlock.coder(), block, back);
  }
}
