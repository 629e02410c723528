package dev.newsbeam.stats;

import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.shuffle.BoundedTop;
import dev.newsbeam.shuffle.CompactCounts;
import dev.newsbeam.shuffle.PartialSums;
import dev.newsbeam.shuffle.Shards;
import dev.newsbeam.shuffle.SumCountsInShards;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Per group (topic, label, outlet) of canonical articles, the terms most over-represented against
 * the rest of the corpus by G². Only terms of the pruned term table (df ≥ minDf) are scored.
 *
 * <p>Input: one element per canonical article, its groups ({@link ArticleGroups#of}) and its term
 * counts. Articles without a group take no part.
 */
public final class ComputeKeyness
    extends PTransform<
        PCollection<KV<List<String>, Map<String, Integer>>>, PCollection<TermKeyness>> {
  /** The coder of the input: (groups, term counts). */
  public static final KvCoder<List<String>, Map<String, Integer>> INPUT_CODER =
      KvCoder.of(ListCoder.of(StringUtf8Coder.of()), CompactCounts.coder());

  private static final long serialVersionUID = 1L;

  private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
  private final PCollectionView<Long> corpusTermTokens;
  private final int topK;
  private final int shards;

  public ComputeKeyness(
      PCollectionView<Map<String, KV<Long, Long>>> termTable,
      PCollectionView<Long> corpusTermTokens,
      int topK,
      int shards) {
    this.termTable = termTable;
    this.corpusTermTokens = corpusTermTokens;
    this.topK = topK;
    this.shards = shards;
  }

  @Override
  public PCollection<TermKeyness> expand(
      PCollection<KV<List<String>, Map<String, Integer>>> canonical) {
    PCollection<KV<Integer, byte[]>> groupTermCounts =
        canonical
            .apply(
                "PreSumGroupTermCounts",
                ParDo.of(new PreSumGroupTermCountsFn(termTable, shards)).withSideInputs(termTable))
            .setCoder(SumCountsInShards.BLOCKS_CODER)
            .apply("SumGroupTermCounts", SumCountsInShards.mergeBlocks());
    // per-group sums and tops are keyed by shard, never by group: a group can be hot (one outlet
    // writes half the corpus), and the DirectRunner runs one bundle per key after a shuffle
    PCollectionView<Map<String, Long>> groupTokens =
        canonical
            .apply("EmitGroupTokens", ParDo.of(new EmitGroupTokensFn()))
            .setCoder(CompactCounts.coder())
            .apply("SumGroupTokens", new SumCountsInShards(shards))
            .apply("UnpackGroupTokens", ParDo.of(new SumCountsInShards.UnpackFn()))
            .apply("GroupTokenTotals", ParDo.of(new OccurrencesFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("ViewGroupTokens", View.asMap());
    return groupTermCounts
        .apply(
            "ScoreTermShards",
            ParDo.of(
                    new ScoreKeynessShardFn(termTable, groupTokens, corpusTermTokens, topK, shards))
                .withSideInputs(termTable, groupTokens, corpusTermTokens))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(TermKeyness.class)))
        .apply("GroupTopsByShard", GroupByKey.create())
        .apply("TopTermsPerGroup", ParDo.of(new TopPerGroupFn(topK)))
        .setCoder(AvroCoder.of(TermKeyness.class));
  }

  /**
   * Terms never contain NUL (the tokenizer drops control characters): it separates group and term.
   */
  static final char SEPARATOR = '\u0000';

  /**
   * Sums "group NUL term" → (count, articles) over a bundle, for each group of an article and each
   * of its terms in the table, and emits the sums as shard blocks ({@link PartialSums}: the joined
   * key is never built per article).
   */
  static class PreSumGroupTermCountsFn
      extends DoFn<KV<List<String>, Map<String, Integer>>, KV<Integer, byte[]>> {
    private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
    private final int shards;

    PreSumGroupTermCountsFn(PCollectionView<Map<String, KV<Long, Long>>> termTable, int shards) {
      this.termTable = termTable;
      this.shards = shards;
    }

    /**
     * The term table, read once per bundle: the DirectRunner rebuilds a map view on every {@code
     * sideInput} call.
     */
    private transient Map<String, KV<Long, Long>> table;

    private transient PartialSums sums;
    private transient Map<String, String> prefixes;

    @StartBundle
    public void startBundle() {
      table = null;
      sums = new PartialSums(shards);
      prefixes = new HashMap<>();
    }

    @ProcessElement
    public void process(ProcessContext c) {
      List<String> groups = c.element().getKey();
      if (groups.isEmpty()) {
        return;
      }
      if (table == null) {
        table = c.sideInput(termTable);
      }
      String[] groupPrefixes = new String[groups.size()];
      for (int i = 0; i < groupPrefixes.length; i++) {
        groupPrefixes[i] = prefixes.computeIfAbsent(groups.get(i), g -> g + SEPARATOR);
      }
      for (Map.Entry<String, Integer> term : c.element().getValue().entrySet()) {
        if (table.containsKey(term.getKey())) {
          for (String prefix : groupPrefixes) {
            sums.add(prefix, term.getKey(), term.getValue(), 1);
          }
        }
      }
      if (sums.size() >= SumCountsInShards.MAX_BUFFERED_KEYS) {
        sums.drain().forEach(c::output);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      for (KV<Integer, byte[]> block : sums.drain()) {
        c.output(block, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
    }
  }

  /** The article's term tokens under each of its groups: {group: tokens}. */
  static class EmitGroupTokensFn
      extends DoFn<KV<List<String>, Map<String, Integer>>, Map<String, Integer>> {
    @ProcessElement
    public void process(
        @Element KV<List<String>, Map<String, Integer>> profiled,
        OutputReceiver<Map<String, Integer>> out) {
      if (profiled.getKey().isEmpty()) {
        return;
      }
      int tokens = 0;
      for (int n : profiled.getValue().values()) {
        tokens += n;
      }
      Map<String, Integer> perGroup = new HashMap<>();
      for (String group : profiled.getKey()) {
        perGroup.put(group, tokens);
      }
      out.output(perGroup);
    }
  }

  /** A summed key's occurrences (the tokens of a group). */
  static class OccurrencesFn extends DoFn<KV<String, KV<Long, Long>>, KV<String, Long>> {
    @ProcessElement
    public void process(
        @Element KV<String, KV<Long, Long>> sum, OutputReceiver<KV<String, Long>> out) {
      out.output(KV.of(sum.getKey(), sum.getValue().getKey()));
    }
  }

  /**
   * Scores the (group, term) counts of one shard block against the rest of the corpus and emits,
   * per group, the block's {@code topK} over-represented terms (each group's global top-k is among
   * them), keyed by the group's shard.
   */
  static class ScoreKeynessShardFn extends DoFn<KV<Integer, byte[]>, KV<Integer, TermKeyness>> {
    private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
    private final PCollectionView<Map<String, Long>> groupTokens;
    private final PCollectionView<Long> corpusTermTokens;
    private final int topK;
    private final int shards;

    ScoreKeynessShardFn(
        PCollectionView<Map<String, KV<Long, Long>>> termTable,
        PCollectionView<Map<String, Long>> groupTokens,
        PCollectionView<Long> corpusTermTokens,
        int topK,
        int shards) {
      this.termTable = termTable;
      this.groupTokens = groupTokens;
      this.corpusTermTokens = corpusTermTokens;
      this.topK = topK;
      this.shards = shards;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Map<String, KV<Long, Long>> table = c.sideInput(termTable);
      Map<String, Long> tokensPerGroup = c.sideInput(groupTokens);
      long corpusTokens = c.sideInput(corpusTermTokens);
      Map<String, BoundedTop<TermKeyness>> best = new HashMap<>();
      SumCountsInShards.forEach(
          c.element().getValue(),
          (key, a, documents) -> {
            int separator = key.lastIndexOf(SEPARATOR);
            String group = key.substring(0, separator);
            String term = key.substring(separator + 1);
            long b = table.get(term).getKey() - a;
            long groupTotal = tokensPerGroup.get(group);
            long rest = corpusTokens - groupTotal;
            if (rest <= 0 || !Keyness.overRepresented(a, b, groupTotal, rest)) {
              return;
            }
            best.computeIfAbsent(
                    group, g -> new BoundedTop<>(topK, new ComputeWordStats.KeynessOrder()))
                .offer(Keyness.row(group, term, a, b, groupTotal, rest));
          });
      best.forEach(
          (group, top) -> {
            int shard = Shards.of(group, shards);
            top.best().forEach(k -> c.output(KV.of(shard, k)));
          });
    }
  }

  /** Each group's top-k of its shard's pre-selections, ranked from 1 (best). */
  static class TopPerGroupFn extends DoFn<KV<Integer, Iterable<TermKeyness>>, TermKeyness> {
    private final int topK;

    TopPerGroupFn(int topK) {
      this.topK = topK;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<TermKeyness>> shard, OutputReceiver<TermKeyness> out) {
      Map<String, BoundedTop<TermKeyness>> best = new HashMap<>();
      for (TermKeyness k : shard.getValue()) {
        best.computeIfAbsent(
                k.getFacet() + SEPARATOR + k.getGroup(),
                g -> new BoundedTop<>(topK, new ComputeWordStats.KeynessOrder()))
            .offer(k);
      }
      for (BoundedTop<TermKeyness> top : best.values()) {
        int rank = 0;
        for (TermKeyness k : top.best()) {
          out.output(TermKeyness.newBuilder(k).setRank(++rank).build());
        }
      }
    }
  }
}
