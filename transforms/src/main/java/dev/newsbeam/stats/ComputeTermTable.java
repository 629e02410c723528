package dev.newsbeam.stats;

import dev.newsbeam.shuffle.SumCountsInShards;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The corpus term table from the term counts of canonical articles (one count map per article):
 * (term, (occurrences, documents)) for every term, summed in hash shards ({@link
 * SumCountsInShards}), and the terms in at least {@code minDf} articles as a side input for TF-IDF,
 * keyness and collocations. Also counts {@code stats.types} and {@code stats.types_kept}.
 */
public final class ComputeTermTable
    extends PTransform<PCollection<Map<String, Integer>>, ComputeTermTable.Result> {
  private final int minDf;
  private final int shards;

  public ComputeTermTable(int minDf, int shards) {
    this.minDf = minDf;
    this.shards = shards;
  }

  @Override
  public Result expand(PCollection<Map<String, Integer>> termCounts) {
    PCollection<KV<String, KV<Long, Long>>> all =
        termCounts
            .apply("SumTermCounts", new SumCountsInShards(shards))
            .apply("UnpackTermCounts", ParDo.of(new SumCountsInShards.UnpackFn()))
            .setCoder(SumCountsInShards.SUMS_CODER);
    PCollection<KV<String, KV<Long, Long>>> kept =
        all.apply("KeepFrequentTerms", Filter.by(new MinDocumentFrequency(minDf)));
    PCollectionView<Map<String, KV<Long, Long>>> view = kept.apply("ViewTermTable", View.asMap());
    PCollection<KV<String, Long>> counts =
        PCollectionList.of(named("stats.types", all.apply("CountTypes", Count.globally())))
            .and(named("stats.types_kept", kept.apply("CountKeptTypes", Count.globally())))
            .apply("FlattenTypeCounts", Flatten.pCollections());
    return new Result(kept, view, counts);
  }

  private static PCollection<KV<String, Long>> named(String name, PCollection<Long> value) {
    return value
        .apply(
            "Name " + name,
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via((Long v) -> KV.of(name, v)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  static final class MinDocumentFrequency
      implements SerializableFunction<KV<String, KV<Long, Long>>, Boolean> {
    private final long minDf;

    MinDocumentFrequency(long minDf) {
      this.minDf = minDf;
    }

    @Override
    public Boolean apply(KV<String, KV<Long, Long>> term) {
      return term.getValue().getValue() >= minDf;
    }
  }

  /** The kept terms, their table as a side input, and the type counts. */
  public static final class Result implements POutput {
    private final PCollection<KV<String, KV<Long, Long>>> kept;
    private final PCollectionView<Map<String, KV<Long, Long>>> view;
    private final PCollection<KV<String, Long>> counts;

    Result(
        PCollection<KV<String, KV<Long, Long>>> kept,
        PCollectionView<Map<String, KV<Long, Long>>> view,
        PCollection<KV<String, Long>> counts) {
      this.kept = kept;
      this.view = view;
      this.counts = counts;
    }

    /** (term, (occurrences, documents)) of every term in at least minDf canonical articles. */
    public PCollection<KV<String, KV<Long, Long>>> kept() {
      return kept;
    }

    /** {@link #kept()} as a map side input. */
    public PCollectionView<Map<String, KV<Long, Long>>> view() {
      return view;
    }

    /** {@code stats.types} and {@code stats.types_kept}. */
    public PCollection<KV<String, Long>> counts() {
      return counts;
    }

    @Override
    public Pipeline getPipeline() {
      return kept.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(
          new TupleTag<>("kept"),
          kept,
          new TupleTag<>("view"),
          view,
          new TupleTag<>("counts"),
          counts);
    }

    @Override
    public void finishSpecifyingOutput(
        String transformName, PInput input, PTransform<?, ?> transform) {}
  }
}
