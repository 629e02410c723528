package dev.newsbeam.stats;

import dev.newsbeam.schema.Ngram;
import dev.newsbeam.shuffle.BoundedTop;
import dev.newsbeam.shuffle.SumCountsInShards;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The top bigram collocations of canonical articles by PMI, from per-article bigram count maps. A
 * bigram is ranked when it occurs at least {@code minCount} times in at least {@code minDf}
 * articles and both its terms are in the term table.
 */
public final class ComputeCollocations
    extends PTransform<PCollection<Map<String, Integer>>, PCollection<Ngram>> {
  private static final long serialVersionUID = 1L;

  private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
  private final PCollectionView<Long> corpusTermTokens;
  private final long minCount;
  private final long minDf;
  private final int topK;
  private final int shards;

  public ComputeCollocations(
      PCollectionView<Map<String, KV<Long, Long>>> termTable,
      PCollectionView<Long> corpusTermTokens,
      long minCount,
      long minDf,
      int topK,
      int shards) {
    this.termTable = termTable;
    this.corpusTermTokens = corpusTermTokens;
    this.minCount = minCount;
    this.minDf = minDf;
    this.topK = topK;
    this.shards = shards;
  }

  @Override
  public PCollection<Ngram> expand(PCollection<Map<String, Integer>> bigrams) {
    return bigrams
        .apply("SumBigramCounts", new SumCountsInShards(shards))
        .apply(
            "ScoreBigramShards",
            ParDo.of(new ScoreBigramShardFn(termTable, corpusTermTokens, minCount, minDf, topK))
                .withSideInputs(termTable, corpusTermTokens))
        .setCoder(AvroCoder.of(Ngram.class))
        .apply("TopBigrams", Top.of(topK, new ComputeWordStats.NgramOrder()).withoutDefaults())
        .apply("RankBigrams", ParDo.of(new RankFn()))
        .setCoder(AvroCoder.of(Ngram.class));
  }

  /**
   * Scores the bigrams of one shard block that reach the minimum count and document frequency and
   * whose terms are kept, and emits the shard's best {@code topK}: the global top-k is among them.
   */
  static class ScoreBigramShardFn extends DoFn<KV<Integer, byte[]>, Ngram> {
    private final PCollectionView<Map<String, KV<Long, Long>>> termTable;
    private final PCollectionView<Long> corpusTermTokens;
    private final long minCount;
    private final long minDf;
    private final int topK;

    ScoreBigramShardFn(
        PCollectionView<Map<String, KV<Long, Long>>> termTable,
        PCollectionView<Long> corpusTermTokens,
        long minCount,
        long minDf,
        int topK) {
      this.termTable = termTable;
      this.corpusTermTokens = corpusTermTokens;
      this.minCount = minCount;
      this.minDf = minDf;
      this.topK = topK;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Map<String, KV<Long, Long>> table = c.sideInput(termTable);
      long tokens = c.sideInput(corpusTermTokens);
      BoundedTop<Ngram> best = new BoundedTop<>(topK, new ComputeWordStats.NgramOrder());
      SumCountsInShards.forEach(
          c.element().getValue(),
          (bigram, count, df) -> {
            if (count < minCount || df < minDf) {
              return;
            }
            String first = Bigrams.first(bigram);
            String second = Bigrams.second(bigram);
            KV<Long, Long> x = table.get(first);
            KV<Long, Long> y = table.get(second);
            if (x == null || y == null) {
              return;
            }
            best.offer(
                Ngram.newBuilder()
                    .setFirst(first)
                    .setSecond(second)
                    .setCount(count)
                    .setDocumentFrequency(df)
                    .setFirstCount(x.getKey())
                    .setSecondCount(y.getKey())
                    .setPmi(Pmi.pmi(count, x.getKey(), y.getKey(), tokens))
                    .setRank(0)
                    .build());
          });
      for (Ngram n : best.best()) {
        c.output(n);
      }
    }
  }

  static class RankFn extends DoFn<List<Ngram>, Ngram> {
    @ProcessElement
    public void process(@Element List<Ngram> top, OutputReceiver<Ngram> out) {
      int rank = 0;
      for (Ngram n : top) {
        out.output(Ngram.newBuilder(n).setRank(++rank).build());
      }
    }
  }
}
