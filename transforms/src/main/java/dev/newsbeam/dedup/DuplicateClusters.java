package dev.newsbeam.dedup;

import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.shuffle.ShardedLookupJoin;
import dev.newsbeam.shuffle.Shards;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The corpus-wide half of dedup, over sketches only (no article text): from every article's {@link
 * DocSketch} (keyed by {@link #sketchEntry}) and LSH band entries ({@link #bandEntry}), the {@link
 * ClusterLink} of every distinct fingerprint. {@link DetectDuplicates} runs it between its sketch
 * step and its join back to the articles; the newsbeam pipeline runs it on the sketches its
 * per-article step emits.
 *
 * <pre>{@code
 * PCollection<KV<String, ClusterLink>> links =
 *     PCollectionTuple.of(DuplicateClusters.SKETCHES, sketches)
 *         .and(DuplicateClusters.BAND_ENTRIES, bandEntries)
 *         .apply(new DuplicateClusters(settings, shards));
 * }</pre>
 *
 * <p>See {@link DetectDuplicates} for the steps: exact representatives by a combiner per
 * fingerprint shard, star edges of the LSH buckets, verification, union-find components, the chain
 * guard.
 */
public final class DuplicateClusters
    extends PTransform<PCollectionTuple, PCollection<KV<String, ClusterLink>>> {
  /** (fingerprint shard, sketch) of every article. */
  public static final TupleTag<KV<Integer, DocSketch>> SKETCHES = new TupleTag<>() {};

  /**
   * (bucket shard, block of (bucket key, fingerprint) entries) holding every band of every article
   * with words; {@link #bandGatherer} makes them.
   */
  public static final TupleTag<KV<Integer, BandBlock>> BAND_ENTRIES = new TupleTag<>() {};

  private final DedupSettings settings;
  private final int shards;

  public DuplicateClusters(DedupSettings settings, int shards) {
    this.settings = settings;
    this.shards = shards;
  }

  /** An article's sketch keyed by the shard of its fingerprint. */
  public static KV<Integer, DocSketch> sketchEntry(DocSketch sketch, int shards) {
    return KV.of(Shards.of(sketch.fingerprint, shards), sketch);
  }

  /**
   * Gathers the band entries of many articles into one {@link BandBlock} per bucket shard; drain it
   * into {@link #BAND_ENTRIES} once per batch of articles (a file range, a bundle).
   */
  public static BandBlock.Gatherer bandGatherer(int shards) {
    return new BandBlock.Gatherer(DetectDuplicates.bucketShards(shards));
  }

  public static KvCoder<Integer, DocSketch> sketchEntryCoder() {
    return KvCoder.of(VarIntCoder.of(), DetectDuplicates.sketchCoder());
  }

  public static KvCoder<Integer, BandBlock> bandEntryCoder() {
    return KvCoder.of(VarIntCoder.of(), BandBlock.coder());
  }

  /** (fingerprint, link) coder of the output. */
  public static KvCoder<String, ClusterLink> linkCoder() {
    return DetectDuplicates.keyedLinkCoder();
  }

  @Override
  public PCollection<KV<String, ClusterLink>> expand(PCollectionTuple input) {
    PCollection<KV<Integer, DocSketch>> sketchesByShard = input.get(SKETCHES);
    // exact groups: one combiner per fingerprint shard, its accumulator the best sketch per
    // fingerprint
    PCollection<KV<String, DocSketch>> repsByFingerprint =
        sketchesByShard
            .apply(
                "PickExactRepresentatives",
                Combine.perKey(new DetectDuplicates.RepresentativesFn(settings.keep())))
            .apply("EachRepresentative", ParDo.of(new DetectDuplicates.EachRepresentativeFn()))
            .setCoder(DetectDuplicates.keyedSketchCoder());
    PCollection<DocSketch> representatives =
        repsByFingerprint
            .apply("Representatives", Values.create())
            .setCoder(DetectDuplicates.sketchCoder());
    PCollection<KV<String, DocSketch>> repsById =
        representatives
            .apply("KeyById", ParDo.of(new DetectDuplicates.KeyByIdFn()))
            .setCoder(DetectDuplicates.keyedSketchCoder());

    PCollection<KV<String, String>> verifiedEdges =
        candidateEdges(input.get(BAND_ENTRIES))
            .apply(
                "VerifyEdges",
                new DetectDuplicates.VerifyEdges(repsByFingerprint, settings.rule(), shards));
    PCollection<KV<String, String>> components =
        verifiedEdges.apply("ConnectedComponents", new DetectDuplicates.ConnectedComponents());
    PCollection<KV<String, ClusterLink>> graphLinks = applyChainGuard(components, repsById);

    return repsById.apply(
        "JoinRepresentativeLinks",
        new ShardedLookupJoin<>(
            graphLinks,
            DedupCoders.link(),
            DetectDuplicates.sketchCoder(),
            DetectDuplicates.keyedLinkCoder(),
            shards,
            new DetectDuplicates.LinkEveryRepresentativeFn()));
  }

  /** (fingerprint, bucket-minimum fingerprint) star edges of the shared LSH buckets. */
  private PCollection<KV<String, String>> candidateEdges(
      PCollection<KV<Integer, BandBlock>> bandEntries) {
    return bandEntries
        .apply("GroupBucketShards", GroupByKey.create())
        .apply(
            "EmitStarEdges", ParDo.of(new DetectDuplicates.StarEdgesFn(settings.maxBucketSize())))
        .setCoder(DetectDuplicates.stringPairCoder());
  }

  /*
   * The chain guard's shuffle: components are hashed by label into the join shards and each shard's
   * components go through ChainGuard.links in memory, all passes at once, rather than a shuffle
   * group per component per pass. A shard holds the sketches of its components' members (a
   * signature each, plus the shingle set with --verify=exact).
   */

  /** (representative id, link) for every representative that is in a component. */
  private PCollection<KV<String, ClusterLink>> applyChainGuard(
      PCollection<KV<String, String>> components, PCollection<KV<String, DocSketch>> repsById) {
    return repsById
        .apply(
            "JoinComponentMembers",
            new ShardedLookupJoin<>(
                components,
                StringUtf8Coder.of(),
                DetectDuplicates.sketchCoder(),
                KvCoder.of(VarIntCoder.of(), DetectDuplicates.keyedSketchCoder()),
                shards,
                new DetectDuplicates.KeyByComponentShardFn(shards)))
        .apply("GroupComponentShards", GroupByKey.create())
        .apply(
            "GuardComponents",
            ParDo.of(new DetectDuplicates.GuardComponentsFn(settings.guard(), settings.keep())))
        .setCoder(DetectDuplicates.keyedLinkCoder());
  }

  /** {@code dedup.clusters} (clusters of two or more) and {@code dedup.largest_cluster}. */
  public static PCollection<KV<String, Long>> clusterCounts(
      PCollection<KV<String, ClusterLink>> links) {
    PCollection<Long> sizes =
        links
            .apply("CanonicalClusterSizes", ParDo.of(new DetectDuplicates.ClusterSizeFn()))
            .setCoder(VarLongCoder.of());
    PCollection<KV<String, Long>> clusters =
        sizes
            .apply("SharedClusters", Filter.by((Long size) -> size >= 2))
            .apply("CountClusters", Count.globally())
            .apply("NameClusters", ParDo.of(new DetectDuplicates.NameFn("dedup.clusters")));
    PCollection<KV<String, Long>> largest =
        sizes
            .apply("LargestCluster", Max.longsGlobally())
            .apply("NameLargest", ParDo.of(new DetectDuplicates.NameFn("dedup.largest_cluster")));
    return PCollectionList.of(clusters)
        .and(largest)
        .apply("FlattenClusterCounts", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /** {@code dedup.exact_duplicates} and {@code dedup.near_duplicates} from the duplicates rows. */
  public static PCollection<KV<String, Long>> duplicateCounts(PCollection<DuplicateRow> rows) {
    PCollection<KV<String, Long>> exact =
        rows.apply(
                "ExactRows",
                Filter.by((DuplicateRow r) -> DetectDuplicates.EXACT.equals(r.getKind())))
            .apply("CountExact", Count.globally())
            .apply("NameExact", ParDo.of(new DetectDuplicates.NameFn("dedup.exact_duplicates")));
    PCollection<KV<String, Long>> near =
        rows.apply(
                "NearRows",
                Filter.by((DuplicateRow r) -> DetectDuplicates.NEAR.equals(r.getKind())))
            .apply("CountNear", Count.globally())
            .apply("NameNear", ParDo.of(new DetectDuplicates.NameFn("dedup.near_duplicates")));
    return PCollectionList.of(exact)
        .and(near)
        .apply("FlattenRowCounts", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }
}
