package dev.newsbeam.stats;

import dev.newsbeam.schema.TermKeyness;
import dev.newsbeam.shuffle.BoundedTop;
import dev.newsbeam.shuffle.CompactCounts;
import dev.newsbeam.shuffle.PartialSums;
import dev.newsbeam.shuffle.SumCountsInShards;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Top;
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
  private final int hotKeyFanout;

  public ComputeKeyness(
      PCollectionView<Map<String, KV<Long, Long>>> termTable,
      PCollectionView<Long> corpusTermTokens,
      int topK,
      int shards,
      int hotKeyFanout) {
    this.termTable = termTable;
    this.corpusTermTokens = corpusTermTokens;
    this.topK = topK;
    this.shards = shards;
    this.hotKeyFanout = hotKeyFanout;
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
    PCollectionView<Map<String, Long>> groupTokens =
        canonical
            .apply("EmitGroupTokens", ParDo.of(new EmitGroupTokensFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply(
                "SumGroupTokens",
                Combine.<String, Long, Long>perKey(Sum.ofLongs()).withHotKeyFanout(hotKeyFanout))
            .apply("ViewGroupTokens", View.asMap());
    return groupTermCounts
        .apply(
            "ScoreTermShards",
            ParDo.of(new ScoreKeynessShardFn(termTable, groupTokens, corpusTermTokens, topK))
                .withSideInputs(termTable, groupTokens, corpusTermTokens))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(TermKeyness.class)))
        .apply(
            "TopTermsPerGroup",
            Combine.<String, TermKeyness, List<TermKeyness>>perKey(
                    new Top.TopCombineFn<>(topK, new ComputeWordStats.KeynessOrder()))
                .withHotKeyFanout(hotKeyFanout))
        .apply("RankTerms", ParDo.of(new RankFn()))
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

  /** (group, term tokens of the article) per group of the article. */
  static class EmitGroupTokensFn
      extends DoFn<KV<List<String>, Map<String, Integer>>, KV<String, Long>> {
    @ProcessElement
    public void process(
        @Element KV<List<String>, Map<String, Integer>> profiled,
        OutputReceiver<KV<String, Long>> out) {
      long tokens = 0;
      for (int n : profiled.getValue().values()) {
        tokens += n;
      }
      for (String group : profiled.getKey()) {
        out.output(KV.of(group, tokens));
      }
    }
  }

  /**
   * Scores the (group, term) counts of one shard block against the rest of the corpus and emits,
   * per group, the shard's {@code topK} over-represented terms: each group's global top-k is among
   * them.
   */
  static class ScoreKeynessShardFn extends DoFn<KV<Integer, byte[]>, KV<String, TermKeyness>> {
    private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
    private final PCollectionView<Map<String, Long>> groupTokens;
    private final PCollectionView<Long> corpusTermTokens;
    private final int topK;

    ScoreKeynessShardFn(
        PCollectionView<Map<String, KV<Long, Long>>> termTable,
        PCollectionView<Map<String, Long>> groupTokens,
        PCollectionView<Long> corpusTermTokens,
        int topK) {
      this.termTable = termTable;
      this.groupTokens = groupTokens;
      this.corpusTermTokens = corpusTermTokens;
      this.topK = topK;
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
            String group = key.substring(0, key.lastIndexOf(SEPARATOR));
            String term = key.substring(key.lastIndexOf(SEPARATOR) + 1);
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
      best.forEach((group, top) -> top.best().forEach(k -> c.output(KV.of(group, k))));
    }
  }

  /** Top's lists are best first: their positions are the ranks. */
  static class RankFn extends DoFn<KV<String, List<TermKeyness>>, TermKeyness> {
    @ProcessElement
    public void process(
        @Element KV<String, List<TermKeyness>> top, OutputReceiver<TermKeyness> out) {
      int rank = 0;
      for (TermKeyness k : top.getValue()) {
        out.output(TermKeyness.newBuilder(k).setRank(++rank).build());
      }
    }
  }
}
