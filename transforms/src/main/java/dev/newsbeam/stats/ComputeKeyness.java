package dev.newsbeam.stats;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.TermKeyness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
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
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Per group (topic, label, outlet) of canonical articles, the terms most over-represented against the
 * rest of the corpus by G². Only terms of the pruned term table (df ≥ minDf) are scored.
 */
final class ComputeKeyness
    extends PTransform<PCollection<KV<Article, Map<String, Integer>>>, PCollection<TermKeyness>> {
  private static final long serialVersionUID = 1L;

  private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
  private final PCollectionView<Long> corpusTermTokens;
  private final int topK;
  private final int shards;
  private final int hotKeyFanout;

  ComputeKeyness(
      PCollectionView<Map<String, KV<Long, Long>>> termTable, PCollectionView<Long> corpusTermTokens,
      int topK, int shards, int hotKeyFanout) {
    this.termTable = termTable;
    this.corpusTermTokens = corpusTermTokens;
    this.topK = topK;
    this.shards = shards;
    this.hotKeyFanout = hotKeyFanout;
  }

  @Override
  public PCollection<TermKeyness> expand(PCollection<KV<Article, Map<String, Integer>>> canonical) {
    PCollection<KV<String, KV<Long, Long>>> groupTermCounts = canonical
        .apply("EmitGroupTermCounts",
            ParDo.of(new EmitGroupTermCountsFn(termTable)).withSideInputs(termTable))
        .setCoder(ComputeWordStats.COUNTS_CODER)
        .apply("SumGroupTermCounts", new SumCountsInShards(shards));
    PCollectionView<Map<String, Long>> groupTokens = canonical
        .apply("EmitGroupTokens", ParDo.of(new EmitGroupTokensFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumGroupTokens", Combine.<String, Long, Long>perKey(Sum.ofLongs()).withHotKeyFanout(hotKeyFanout))
        .apply("ViewGroupTokens", View.asMap());
    return groupTermCounts
        .apply("ScoreTerms",
            ParDo.of(new ScoreKeynessFn(termTable, groupTokens, corpusTermTokens))
                .withSideInputs(termTable, groupTokens, corpusTermTokens))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(TermKeyness.class)))
        .apply("TopTermsPerGroup",
            Combine.<String, TermKeyness, List<TermKeyness>>perKey(
                    new Top.TopCombineFn<>(topK, new ComputeWordStats.KeynessOrder()))
                .withHotKeyFanout(hotKeyFanout))
        .apply("RankTerms", ParDo.of(new RankFn()))
        .setCoder(AvroCoder.of(TermKeyness.class));
  }

  /** Terms never contain NUL (the tokenizer drops control characters): it separates group and term. */
  static final char SEPARATOR = '\u0000';

  /** Per article, one map: "group NUL term" → count, for each group of the article and kept term. */
  static class EmitGroupTermCountsFn extends DoFn<KV<Article, Map<String, Integer>>, Map<String, Integer>> {
    private final PCollectionView<Map<String, KV<Long, Long>>> termTable;

    EmitGroupTermCountsFn(PCollectionView<Map<String, KV<Long, Long>>> termTable) {
      this.termTable = termTable;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Set<String> groups = ArticleGroups.of(c.element().getKey());
      if (groups.isEmpty()) {
        return;
      }
      Map<String, KV<Long, Long>> table = c.sideInput(termTable);
      Map<String, Integer> counts = new HashMap<>();
      for (Map.Entry<String, Integer> term : c.element().getValue().entrySet()) {
        if (table.containsKey(term.getKey())) {
          for (String group : groups) {
            counts.put(group + SEPARATOR + term.getKey(), term.getValue());
          }
        }
      }
      if (!counts.isEmpty()) {
        c.output(counts);
      }
    }
  }

  /** (group, term tokens of the article) per group of the article. */
  static class EmitGroupTokensFn extends DoFn<KV<Article, Map<String, Integer>>, KV<String, Long>> {
    @ProcessElement
    public void process(@Element KV<Article, Map<String, Integer>> profiled, OutputReceiver<KV<String, Long>> out) {
      long tokens = 0;
      for (int n : profiled.getValue().values()) {
        tokens += n;
      }
      for (String group : ArticleGroups.of(profiled.getKey())) {
        out.output(KV.of(group, tokens));
      }
    }
  }

  /** Scores a (group, term) count against the rest; keeps over-represented terms of groups with a rest. */
  static class ScoreKeynessFn extends DoFn<KV<String, KV<Long, Long>>, KV<String, TermKeyness>> {
    private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
    private final PCollectionView<Map<String, Long>> groupTokens;
    private final PCollectionView<Long> corpusTermTokens;

    ScoreKeynessFn(
        PCollectionView<Map<String, KV<Long, Long>>> termTable, PCollectionView<Map<String, Long>> groupTokens,
        PCollectionView<Long> corpusTermTokens) {
      this.termTable = termTable;
      this.groupTokens = groupTokens;
      this.corpusTermTokens = corpusTermTokens;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      String key = c.element().getKey();
      String group = key.substring(0, key.lastIndexOf(SEPARATOR));
      String term = key.substring(key.lastIndexOf(SEPARATOR) + 1);
      long a = c.element().getValue().getKey();
      long b = c.sideInput(termTable).get(term).getKey() - a;
      long groupTotal = c.sideInput(groupTokens).get(group);
      long rest = c.sideInput(corpusTermTokens) - groupTotal;
      if (rest <= 0 || !Keyness.overRepresented(a, b, groupTotal, rest)) {
        return;
      }
      c.output(KV.of(group, TermKeyness.newBuilder()
          .setFacet(ArticleGroups.facet(group))
          .setGroup(ArticleGroups.group(group))
          .setTerm(term)
          .setGroupCount(a)
          .setRestCount(b)
          .setGroupTokens(groupTotal)
          .setRestTokens(rest)
          .setG2(Keyness.g2(a, b, groupTotal, rest))
          .setLogRatio(Keyness.logRatio(a, b, groupTotal, rest))
          .setRank(0)
          .build()));
    }
  }

  /** Top's lists are best first: their positions are the ranks. */
  static class RankFn extends DoFn<KV<String, List<TermKeyness>>, TermKeyness> {
    @ProcessElement
    public void process(@Element KV<String, List<TermKeyness>> top, OutputReceiver<TermKeyness> out) {
      int rank = 0;
      for (TermKeyness k : top.getValue()) {
        out.output(TermKeyness.newBuilder(k).setRank(++rank).build());
      }
    }
  }
}
