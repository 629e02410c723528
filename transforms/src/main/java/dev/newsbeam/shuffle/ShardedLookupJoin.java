package dev.newsbeam.shuffle;

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
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Joins a large keyed collection (one element per article) to a small one (edges, links, component
 * labels) by hashing the string keys into {@code shards} shuffle keys instead of one key per
 * article. Per shard, the small side goes into a map and {@link JoinFn} sees each large element
 * with the small values of its key (possibly none: a left join).
 *
 * <p>Why not {@code CoGroupByKey} on the article key: runners pay per shuffle key, and the
 * DirectRunner runs a bundle per key, keeps per-key state for the rest of the run, and then carries
 * every later step in one-element bundles. Memory per shard is the small side's share: (small size)
 * / shards.
 */
public final class ShardedLookupJoin<S, L, O>
    extends PTransform<PCollection<KV<String, L>>, PCollection<O>> {
  private static final long serialVersionUID = 1L;

  /** Called once per large element, with the small values of the same key (empty if none). */
  public interface JoinFn<S, L, O> extends Serializable {
    void join(String key, L large, List<S> small, Emitter<O> out);
  }

  public interface Emitter<O> {
    void emit(O value);
  }

  private final PCollection<KV<String, S>> small;
  private final Coder<S> smallCoder;
  private final Coder<L> largeCoder;
  private final Coder<O> outputCoder;
  private final int shards;
  private final JoinFn<S, L, O> fn;

  public ShardedLookupJoin(
      PCollection<KV<String, S>> small,
      Coder<S> smallCoder,
      Coder<L> largeCoder,
      Coder<O> outputCoder,
      int shards,
      JoinFn<S, L, O> fn) {
    this.small = small;
    this.smallCoder = smallCoder;
    this.largeCoder = largeCoder;
    this.outputCoder = outputCoder;
    this.shards = shards;
    this.fn = fn;
  }

  @Override
  public PCollection<O> expand(PCollection<KV<String, L>> large) {
    UnionCoder union =
        UnionCoder.of(
            List.of(
                KvCoder.of(StringUtf8Coder.of(), smallCoder),
                KvCoder.of(StringUtf8Coder.of(), largeCoder)));
    KvCoder<Integer, RawUnionValue> sharded = KvCoder.of(VarIntCoder.of(), union);
    PCollection<KV<Integer, RawUnionValue>> smallByShard =
        small.apply("ShardSmall", ParDo.of(new ShardFn<S>(SMALL, shards))).setCoder(sharded);
    PCollection<KV<Integer, RawUnionValue>> largeByShard =
        large.apply("ShardLarge", ParDo.of(new ShardFn<L>(LARGE, shards))).setCoder(sharded);
    return PCollectionList.of(smallByShard)
        .and(largeByShard)
        .apply("FlattenSides", Flatten.pCollections())
        .setCoder(sharded)
        .apply("GroupShards", GroupByKey.create())
        .apply("Join", ParDo.of(new JoinShardFn<>(fn)))
        .setCoder(outputCoder);
  }

  private static final int SMALL = 0;
  private static final int LARGE = 1;

  static final class ShardFn<V> extends DoFn<KV<String, V>, KV<Integer, RawUnionValue>> {
    private final int side;
    private final int shards;

    ShardFn(int side, int shards) {
      this.side = side;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<String, V> e, OutputReceiver<KV<Integer, RawUnionValue>> out) {
      out.output(KV.of(Shards.of(e.getKey(), shards), new RawUnionValue(side, e)));
    }
  }

  /**
   * One pass over a shard's grouped values (runners such as Flink batch do not re-iterate a group,
   * and the two sides arrive in any order): small values into a map, large ones into a list, then
   * the joins. Memory is the shard: (small + large) / shards.
   */
  static final class JoinShardFn<S, L, O> extends DoFn<KV<Integer, Iterable<RawUnionValue>>, O> {
    private final JoinFn<S, L, O> fn;

    JoinShardFn(JoinFn<S, L, O> fn) {
      this.fn = fn;
    }

    @ProcessElement
    @SuppressWarnings("unchecked")
    public void process(
        @Element KV<Integer, Iterable<RawUnionValue>> shard, OutputReceiver<O> out) {
      Map<String, List<S>> small = new HashMap<>();
      List<KV<String, L>> large = new ArrayList<>();
      for (RawUnionValue v : shard.getValue()) {
        if (v.getUnionTag() == SMALL) {
          KV<String, S> s = (KV<String, S>) v.getValue();
          small.computeIfAbsent(s.getKey(), k -> new ArrayList<>(1)).add(s.getValue());
        } else {
          large.add((KV<String, L>) v.getValue());
        }
      }
      for (KV<String, L> l : large) {
        fn.join(l.getKey(), l.getValue(), small.getOrDefault(l.getKey(), List.of()), out::output);
      }
    }
  }
}
