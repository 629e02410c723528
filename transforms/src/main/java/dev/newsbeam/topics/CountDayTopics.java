package dev.newsbeam.topics;

import dev.newsbeam.schema.TopicDayCount;
import dev.newsbeam.shuffle.SumCountsInShards;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The {@code topics/} dataset: articles per day × tagger × topic, from each tagged article's keys
 * ({@link ArticleTopics#dayTopicKeys}), summed in hash shards ({@link SumCountsInShards}) rather
 * than one shuffle key per (day, topic). The output does not depend on the shard count.
 */
public final class CountDayTopics
    extends PTransform<PCollection<Map<String, Integer>>, PCollection<TopicDayCount>> {
  private final int shards;

  public CountDayTopics(int shards) {
    this.shards = shards;
  }

  @Override
  public PCollection<TopicDayCount> expand(PCollection<Map<String, Integer>> dayTopicKeys) {
    return dayTopicKeys
        .apply("CountPerDayAndTopic", new SumCountsInShards(shards))
        .apply("UnpackDayTopicCounts", ParDo.of(new SumCountsInShards.UnpackFn()))
        .setCoder(SumCountsInShards.SUMS_CODER)
        .apply("ToTopicDayCount", ParDo.of(new ToDayCountFn()))
        .setCoder(AvroCoder.of(TopicDayCount.class));
  }

  /** (key, (occurrences, articles)) → a row; an article counts once per key. */
  static class ToDayCountFn extends DoFn<KV<String, KV<Long, Long>>, TopicDayCount> {
    @ProcessElement
    public void process(@Element KV<String, KV<Long, Long>> kv, OutputReceiver<TopicDayCount> out) {
      out.output(ArticleTopics.dayCount(kv.getKey(), kv.getValue().getValue()));
    }
  }
}
