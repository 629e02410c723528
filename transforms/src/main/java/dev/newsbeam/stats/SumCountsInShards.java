package dev.newsbeam.stats;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Sums per-document count maps (key → occurrences in one document) into (key, (occurrences, documents))
 * for every key, for vocabularies of millions of keys.
 *
 * <p>Instead of one element and shuffle key per (document, term), partial sums are buffered per bundle
 * (bounded), split into
 * {@code shards} maps by key hash, and merged with {@code Combine.perKey} per shard. Every runner then
 * shuffles a few maps instead of one element per (article, term), and the direct runner, which runs
 * one bundle per shuffle key, stays fast. Shard keys are uniform by construction, so no hot key.
 */
final class SumCountsInShards
    extends PTransform<PCollection<Map<String, Integer>>, PCollection<KV<String, KV<Long, Long>>>> {
  private static final long serialVersionUID = 1L;

  /** Buffered distinct keys per bundle before a flush: ~10 MB. */
  static final int MAX_BUFFERED_KEYS = 100_000;

  private final int shards;
  private final int maxBufferedKeys;

  SumCountsInShards(int shards) {
    this(shards, MAX_BUFFERED_KEYS);
  }

  SumCountsInShards(int shards, int maxBufferedKeys) {
    this.shards = shards;
    this.maxBufferedKeys = maxBufferedKeys;
  }

  @Override
  public PCollection<KV<String, KV<Long, Long>>> expand(PCollection<Map<String, Integer>> counts) {
    return counts
        .apply("PreSumPerBundle", ParDo.of(new PreSumFn(shards, maxBufferedKeys)))
        .setCoder(KvCoder.of(VarIntCoder.of(), CountMapCoder.of()))
        .apply("MergeShards", Combine.perKey(new MergeCountMapsFn()))
        .apply("UnpackShards", ParDo.of(new UnpackFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())));
  }

  static int shardOf(String key, int shards) {
    return Math.floorMod(key.hashCode() * 0x9E3779B9, shards);
  }

  static void add(Map<String, long[]> into, String key, long occurrences, long documents) {
    long[] sums = into.get(key);
    if (sums == null) {
      into.put(key, new long[] {occurrences, documents});
    } else {
      sums[0] += occurrences;
      sums[1] += documents;
    }
  }

  /** In-bundle pre-aggregation: the combiner lifting runners do, bounded and runner-independent. */
  static class PreSumFn extends DoFn<Map<String, Integer>, KV<Integer, Map<String, long[]>>> {
    private final int shards;
    private final int maxBufferedKeys;
    private transient Map<String, long[]> buffer;

    PreSumFn(int shards, int maxBufferedKeys) {
      this.shards = shards;
      this.maxBufferedKeys = maxBufferedKeys;
    }

    @StartBundle
    public void startBundle() {
      buffer = new HashMap<>();
    }

    @ProcessElement
    public void process(
        @Element Map<String, Integer> document, OutputReceiver<KV<Integer, Map<String, long[]>>> out) {
      document.forEach((key, n) -> add(buffer, key, n, 1));
      if (buffer.size() >= maxBufferedKeys) {
        for (KV<Integer, Map<String, long[]>> shard : drain()) {
          out.output(shard);
        }
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      for (KV<Integer, Map<String, long[]>> shard : drain()) {
        context.output(shard, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }

    private Iterable<KV<Integer, Map<String, long[]>>> drain() {
      Map<Integer, Map<String, long[]>> byShard = new HashMap<>();
      for (Map.Entry<String, long[]> e : buffer.entrySet()) {
        byShard.computeIfAbsent(shardOf(e.getKey(), shards), s -> new HashMap<>()).put(e.getKey(), e.getValue());
      }
      buffer = new HashMap<>();
      return byShard.entrySet().stream().map(e -> KV.of(e.getKey(), e.getValue())).toList();
    }
  }

  /** Merges partial sums of one shard. */
  static final class MergeCountMapsFn
      extends Combine.CombineFn<Map<String, long[]>, Map<String, long[]>, Map<String, long[]>> {
    @Override
    public Map<String, long[]> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, long[]> addInput(Map<String, long[]> accumulator, Map<String, long[]> input) {
      input.forEach((key, sums) -> add(accumulator, key, sums[0], sums[1]));
      return accumulator;
    }

    @Override
    public Map<String, long[]> mergeAccumulators(Iterable<Map<String, long[]>> accumulators) {
      Map<String, long[]> merged = null;
      for (Map<String, long[]> acc : accumulators) {
        if (merged == null) {
          merged = acc;
        } else {
          addInput(merged, acc);
        }
      }
      return merged == null ? createAccumulator() : merged;
    }

    @Override
    public Map<String, long[]> extractOutput(Map<String, long[]> accumulator) {
      return accumulator;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<Map<String, long[]>> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<Map<String, long[]>> inputCoder) {
      return CountMapCoder.of();
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<Map<String, long[]>> getDefaultOutputCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<Map<String, long[]>> inputCoder) {
      return CountMapCoder.of();
    }
  }

  static class UnpackFn extends DoFn<KV<Integer, Map<String, long[]>>, KV<String, KV<Long, Long>>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Map<String, long[]>> shard, OutputReceiver<KV<String, KV<Long, Long>>> out) {
      shard.getValue().forEach((key, sums) -> out.output(KV.of(key, KV.of(sums[0], sums[1]))));
    }
  }
}
