package dev.newsbeam.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Joins a large keyed collection (one element per article) to a small one (edges, links, component
 * labels) by hashing the string keys into {@code shards} shuffle keys instead of one key per article.
 * Per shard, the small side is loaded into a map and the large side streams past it; {@link JoinFn}
 * sees each large element with the small values of its key (possibly none: a left join).
 *
 * <p>Why not {@code CoGroupByKey} on the article key: runners pay per shuffle key, and the DirectRunner
 * runs a bundle per key, keeps per-key state for the rest of the run, and then carries every later
 * step in one-element bundles. Memory per shard is the small side's share: (small size) / shards.
 */
final class ShardedLookupJoin<S, L, O> extends PTransform<PCollection<KV<String, L>>, PCollection<O>> {
  private static final long serialVersionUID = 1L;

  /** Called once per large element, with the small values of the same key (empty if none). */
  interface JoinFn<S, L, O> extends Serializable {
    void join(String key, L large, List<S> small, Emitter<O> out);
  }

  interface Emitter<O> {
    void emit(O value);
  }

  private final PCollection<KV<String, S>> small;
  private final Coder<S> smallCoder;
  private final Coder<L> largeCoder;
  private final Coder<O> outputCoder;
  private final int shards;
  private final JoinFn<S, L, O> fn;

  ShardedLookupJoin(PCollection<KV<String, S>> small, Coder<S> smallCoder, Coder<L> largeCoder,
      Coder<O> outputCoder, int shards, JoinFn<S, L, O> fn) {
    this.small = small;
    this.smallCoder = smallCoder;
    this.largeCoder = largeCoder;
    this.outputCoder = outputCoder;
    this.shards = shards;
    this.fn = fn;
  }

  static int shardOf(String key, int shards) {
    return Math.floorMod(key.hashCode() * 0x9E3779B9, shards);
  }

  @Override
  public PCollection<O> expand(PCollection<KV<String, L>> large) {
    TupleTag<KV<String, S>> smallTag = new TupleTag<>("small");
    TupleTag<KV<String, L>> largeTag = new TupleTag<>("large");
    PCollection<KV<Integer, KV<String, S>>> smallByShard = small
        .apply("ShardSmall", ParDo.of(new ShardFn<S>(shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), smallCoder)));
    PCollection<KV<Integer, KV<String, L>>> largeByShard = large
        .apply("ShardLarge", ParDo.of(new ShardFn<L>(shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), largeCoder)));
    // the small side first: it is read into a map before the large side is iterated
    return KeyedPCollectionTuple.of(smallTag, smallByShard)
        .and(largeTag, largeByShard)
        .apply("CoGroupShards", CoGroupByKey.create())
        .apply("Join", ParDo.of(new JoinShardFn<>(smallTag, largeTag, fn)))
        .setCoder(outputCoder);
  }

  static final class ShardFn<V> extends DoFn<KV<String, V>, KV<Integer, KV<String, V>>> {
    private final int shards;

    ShardFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<String, V> e, OutputReceiver<KV<Integer, KV<String, V>>> out) {
      out.output(KV.of(shardOf(e.getKey(), shards), e));
    }
  }

  static final class JoinShardFn<S, L, O> extends DoFn<KV<Integer, CoGbkResult>, O> {
    private final TupleTag<KV<String, S>> smallTag;
    private final TupleTag<KV<String, L>> largeTag;
    private final JoinFn<S, L, O> fn;

    JoinShardFn(TupleTag<KV<String, S>> smallTag, TupleTag<KV<String, L>> largeTag, JoinFn<S, L, O> fn) {
      this.smallTag = smallTag;
      this.largeTag = largeTag;
      this.fn = fn;
    }

    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> shard, OutputReceiver<O> out) {
      Map<String, List<S>> small = new HashMap<>();
      for (KV<String, S> s : shard.getValue().getAll(smallTag)) {
        small.computeIfAbsent(s.getKey(), k -> new ArrayList<>(1)).add(s.getValue());
      }
      for (KV<String, L> l : shard.getValue().getAll(largeTag)) {
        fn.join(l.getKey(), l.getValue(), small.getOrDefault(l.getKey(), List.of()), out::output);
      }
    }
  }
}
