package dev.newsbeam.shuffle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Sums per-document count maps (key → occurrences in one document) into one block per hash shard of
 * the keys: {@code (shard, block)}, the block holding (key, occurrences, documents) for every key
 * of the shard. {@link UnpackFn} turns blocks into one element per key; callers that only need the
 * best keys score and prune a whole shard at once (top-k per shard before a global top-k).
 *
 * <p>Instead of one element and shuffle key per (document, term), partial sums are buffered per
 * bundle (bounded), split into {@code shards} maps by key hash, grouped by shard and merged.
 * Partial sums travel as encoded blocks (a key's bytes and two varints): a runner that buffers them
 * before combining, as the DirectRunner does, holds bytes rather than a hash map per bundle. Shard
 * keys are uniform by construction, so no hot key.
 */
public final class SumCountsInShards
    extends PTransform<PCollection<Map<String, Integer>>, PCollection<KV<Integer, byte[]>>> {
  private static final long serialVersionUID = 1L;

  /**
   * Buffered distinct keys per bundle before a flush: bounds a bundle's map (and a {@link
   * PartialSums}').
   */
  public static final int MAX_BUFFERED_KEYS = 100_000;

  /** Coder of (shard, block) pairs. */
  public static final KvCoder<Integer, byte[]> BLOCKS_CODER =
      KvCoder.of(VarIntCoder.of(), ByteArrayCoder.of());

  /** Coder of {@link UnpackFn}'s output: (key, (occurrences, documents)). */
  public static final KvCoder<String, KV<Long, Long>> SUMS_CODER =
      KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of()));

  private final int shards;
  private final int maxBufferedKeys;

  /** Sums into {@code shards} blocks. */
  public SumCountsInShards(int shards) {
    this(shards, MAX_BUFFERED_KEYS);
  }

  SumCountsInShards(int shards, int maxBufferedKeys) {
    this.shards = shards;
    this.maxBufferedKeys = maxBufferedKeys;
  }

  @Override
  public PCollection<KV<Integer, byte[]>> expand(PCollection<Map<String, Integer>> counts) {
    return counts
        .apply("PreSumPerBundle", ParDo.of(new PreSumFn(shards, maxBufferedKeys)))
        .setCoder(BLOCKS_CODER)
        .apply("GroupShards", GroupByKey.create())
        .apply("MergeShards", ParDo.of(new MergeBlocksFn()))
        .setCoder(BLOCKS_CODER);
  }

  /**
   * The second half on its own: merges (shard, block) pairs that a DoFn pre-summed itself with
   * {@link PartialSums} (for keys it builds from its input, such as (group, term)) into one block
   * per shard. The input's coder must be {@link #BLOCKS_CODER}.
   */
  public static PTransform<PCollection<KV<Integer, byte[]>>, PCollection<KV<Integer, byte[]>>>
      mergeBlocks() {
    return new MergeShards();
  }

  private static final class MergeShards
      extends PTransform<PCollection<KV<Integer, byte[]>>, PCollection<KV<Integer, byte[]>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<KV<Integer, byte[]>> expand(PCollection<KV<Integer, byte[]>> blocks) {
      return blocks
          .apply("GroupShards", GroupByKey.create())
          .apply("MergeShards", ParDo.of(new MergeBlocksFn()))
          .setCoder(BLOCKS_CODER);
    }
  }

  /** Adds (occurrences, documents) to {@code key}'s sums in {@code into}. */
  public static void add(Map<String, long[]> into, String key, long occurrences, long documents) {
    long[] sums = into.get(key);
    if (sums == null) {
      into.put(key, new long[] {occurrences, documents});
    } else {
      sums[0] += occurrences;
      sums[1] += documents;
    }
  }

  /** Visits (key, occurrences, documents) of a block. */
  public interface SumVisitor {
    void visit(String key, long occurrences, long documents);
  }

  static byte[] encode(Map<String, long[]> sums) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sums.size() * 12 + 8);
    try {
      CountMapCoder.of().encode(sums, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Map<String, long[]> decode(byte[] block) {
    try {
      return CountMapCoder.of().decode(new ByteArrayInputStream(block));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Visits a block's entries as they are decoded (no map is built). */
  public static void forEach(byte[] block, SumVisitor visitor) {
    try {
      CountMapCoder.of().visit(new ByteArrayInputStream(block), visitor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** In-bundle pre-aggregation: the combiner lifting runners do, bounded and runner-independent. */
  static class PreSumFn extends DoFn<Map<String, Integer>, KV<Integer, byte[]>> {
    private final int shards;
    private final int maxBufferedKeys;
    private transient PartialSums buffer;

    PreSumFn(int shards, int maxBufferedKeys) {
      this.shards = shards;
      this.maxBufferedKeys = maxBufferedKeys;
    }

    @StartBundle
    public void startBundle() {
      buffer = new PartialSums(shards);
    }

    @ProcessElement
    public void process(
        @Element Map<String, Integer> document, OutputReceiver<KV<Integer, byte[]>> out) {
      document.forEach((key, n) -> buffer.add(key, n, 1));
      if (buffer.size() >= maxBufferedKeys) {
        buffer.drain().forEach(out::output);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      for (KV<Integer, byte[]> shard : buffer.drain()) {
        context.output(shard, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }

  /**
   * Merges the partial sums of one shard into one block. A GroupByKey and a DoFn rather than
   * Combine.perKey: the blocks are already pre-summed per bundle, and the DirectRunner copies a
   * combine's accumulator (here, the shard's whole vocabulary) for every incoming bundle.
   */
  static final class MergeBlocksFn
      extends DoFn<KV<Integer, Iterable<byte[]>>, KV<Integer, byte[]>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<byte[]>> shard, OutputReceiver<KV<Integer, byte[]>> out) {
      Map<String, long[]> merged = new HashMap<>();
      for (byte[] block : shard.getValue()) {
        forEach(block, (key, occurrences, documents) -> add(merged, key, occurrences, documents));
      }
      out.output(KV.of(shard.getKey(), encode(merged)));
    }
  }

  /** One (key, (occurrences, documents)) element per key of each block. */
  public static class UnpackFn extends DoFn<KV<Integer, byte[]>, KV<String, KV<Long, Long>>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, byte[]> shard, OutputReceiver<KV<String, KV<Long, Long>>> out) {
      forEach(
          shard.getValue(),
          (key, occurrences, documents) -> out.output(KV.of(key, KV.of(occurrences, documents))));
    }
  }
}
