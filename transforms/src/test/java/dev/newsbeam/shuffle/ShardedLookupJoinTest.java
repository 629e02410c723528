package dev.newsbeam.shuffle;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ShardedLookupJoinTest {

  /** "key:large:small values sorted" for every large element; keys with no small values say "-". */
  static class Describe implements ShardedLookupJoin.JoinFn<Integer, String, String> {
    @Override
    public void join(
        String key, String large, List<Integer> small, ShardedLookupJoin.Emitter<String> out) {
      List<Integer> sorted = new ArrayList<>(small);
      sorted.sort(null);
      out.emit(key + ":" + large + ":" + (sorted.isEmpty() ? "-" : sorted.toString()));
    }
  }

  @Test
  void eachLargeElementSeesAllSmallValuesOfItsKeyAndOnlyThose(TestPipeline pipeline) {
    List<KV<String, String>> large = new ArrayList<>();
    List<KV<String, Integer>> small = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String key = "doc" + i;
      large.add(KV.of(key, "L" + i));
      if (i % 3 == 0) {
        small.add(KV.of(key, i));
        small.add(KV.of(key, -i));
        expected.add(key + ":L" + i + ":" + List.of(-i, i));
      } else {
        expected.add(key + ":L" + i + ":-");
      }
    }
    large.add(KV.of("doc0", "again")); // two large elements with one key both see the small values
    expected.add("doc0:again:[0, 0]");
    small.add(KV.of("orphan", 1)); // a small value with no large element produces nothing

    PCollection<KV<String, Integer>> smallSide = pipeline.apply("Small", Create.of(small));
    PCollection<String> joined =
        pipeline
            .apply("Large", Create.of(large))
            .apply(
                new ShardedLookupJoin<>(
                    smallSide,
                    VarIntCoder.of(),
                    StringUtf8Coder.of(),
                    StringUtf8Coder.of(),
                    7,
                    new Describe()));
    PAssert.that(joined).containsInAnyOrder(expected);
    pipeline.run().waitUntilFinish();
  }
}
