package dev.newsbeam.dedup;

import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.shuffle.ShardedLookupJoin;
import dev.newsbeam.shuffle.Shards;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The corpus-wide half of dedup, over sketches only (no article text): from every article's {@link
 * DocSketch} (keyed by {@link #sketchEntry}) and LSH band entries ({@link #bandGatherer}), the
 * {@link ClusterLink} of every distinct fingerprint ({@link #LINKS}) and the sketch of every
 * canonical article ({@link #CANONICAL_SKETCHES}: what {@code sketches/} holds for later runs).
 * {@link DetectDuplicates} runs it between its sketch step and its join back to the articles; the
 * newsbeam pipeline runs it on the sketches its per-article step emits.
 *
 * <pre>{@code
 * PCollectionTuple clusters =
 *     PCollectionTuple.of(DuplicateClusters.SKETCHES, sketches)
 *         .and(DuplicateClusters.BAND_ENTRIES, bandEntries)
 *         .and(DuplicateClusters.PREVIOUS, earlierCanonicals)   // optional: --previous
 *         .apply(new DuplicateClusters(settings, shards));
 * clusters.get(DuplicateClusters.LINKS);               // (fingerprint, link)
 * clusters.get(DuplicateClusters.CANONICAL_SKETCHES);  // one sketch per canonical of this run
 * }</pre>
 *
 * <p>With {@link #PREVIOUS} (the canonical articles of earlier runs, {@link DocSketch#archived}),
 * this run's articles are matched against them by the same LSH and {@link DuplicateRule}: the
 * archive's band entries meet the new ones in the bucket shards ({@link ArchiveStars}: only pairs
 * with a new side), and only the archived sketches that share a bucket or a fingerprint with a new
 * article join the clustering (the archive is filtered where it is read), where they rank first
 * ({@link CanonicalPolicy}) and never join another cluster ({@link ChainGuard}). Pairs of two
 * archived articles are never verified.
 *
 * <p>See {@link DetectDuplicates} for the steps: exact representatives by a combiner per
 * fingerprint shard, star edges of the LSH buckets, verification, union-find components, the chain
 * guard.
 */
public final class DuplicateClusters extends PTransform<PCollectionTuple, PCollectionTuple> {
  /** (fingerprint shard, sketch) of every article. */
  public static final TupleTag<KV<Integer, DocSketch>> SKETCHES = new TupleTag<>() {};

  /**
   * (bucket shard, block of (bucket key, fingerprint) entries) holding every band of every article
   * with words; {@link #bandGatherer} makes them.
   */
  public static final TupleTag<KV<Integer, BandBlock>> BAND_ENTRIES = new TupleTag<>() {};

  /** Optional input: the canonical articles of earlier runs ({@link DocSketch#archived}). */
  public static final TupleTag<DocSketch> PREVIOUS = new TupleTag<>() {};

  /** Output: (fingerprint, link) of every distinct fingerprint of this run's articles. */
  public static final TupleTag<KV<String, ClusterLink>> LINKS = new TupleTag<>() {};

  /** Output: the sketch of every canonical article of this run (none of an earlier run's). */
  public static final TupleTag<DocSketch> CANONICAL_SKETCHES = new TupleTag<>() {};

  /** Manifest count: articles of this run whose canonical is an earlier run's. */
  public static final String MATCHED_EARLIER_RUNS = "dedup.matched_earlier_runs";

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
  public PCollectionTuple expand(PCollectionTuple input) {
    PCollection<KV<Integer, DocSketch>> sketchesByShard = input.get(SKETCHES);
    PCollection<KV<String, String>> candidates = candidateEdges(input.get(BAND_ENTRIES));
    if (input.has(PREVIOUS)) {
      // archived candidates and the archived sketches they need join this run's before the
      // exact groups: an archived text equal to a new one is that fingerprint's representative
      PCollection<KV<String, String>> archiveCandidates =
          archiveCandidates(input.get(PREVIOUS), input.get(BAND_ENTRIES));
      PCollection<KV<Integer, DocSketch>> archived =
          matchedArchive(input.get(PREVIOUS), archiveCandidates, sketchesByShard);
      sketchesByShard =
          PCollectionList.of(sketchesByShard)
              .and(archived)
              .apply("WithMatchedArchive", Flatten.pCollections())
              .setCoder(sketchEntryCoder());
      candidates =
          PCollectionList.of(candidates)
              .and(archiveCandidates)
              .apply("WithArchiveCandidates", Flatten.pCollections())
              .setCoder(DetectDuplicates.stringPairCoder());
    }
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
        candidates.apply(
            "VerifyEdges",
            new DetectDuplicates.VerifyEdges(repsByFingerprint, settings.rule(), shards));
    PCollection<KV<String, String>> components =
        verifiedEdges.apply("ConnectedComponents", new DetectDuplicates.ConnectedComponents());
    PCollection<KV<String, ClusterLink>> graphLinks = applyChainGuard(components, repsById);

    PCollectionTuple out =
        repsById
            .apply(
                "JoinRepresentativeLinks",
                new ShardedLookupJoin<>(
                    graphLinks,
                    DedupCoders.link(),
                    DetectDuplicates.sketchCoder(),
                    KvCoder.of(
                        DedupCoders.link(), NullableCoder.of(DetectDuplicates.sketchCoder())),
                    shards,
                    new DetectDuplicates.LinkEveryRepresentativeFn()))
            .apply(
                "SplitLinksAndCanonicals",
                ParDo.of(new SplitLinksFn())
                    .withOutputTags(LINKS, TupleTagList.of(CANONICAL_SKETCHES)));
    out.get(LINKS).setCoder(DetectDuplicates.keyedLinkCoder());
    out.get(CANONICAL_SKETCHES).setCoder(DetectDuplicates.sketchCoder());
    return out;
  }

  /** (fingerprint, link) of every representative; the sketch of each canonical of this run. */
  static class SplitLinksFn extends DoFn<KV<ClusterLink, DocSketch>, KV<String, ClusterLink>> {
    @ProcessElement
    public void process(@Element KV<ClusterLink, DocSketch> e, MultiOutputReceiver out) {
      ClusterLink link = e.getKey();
      out.get(LINKS).output(KV.of(link.repFingerprint, link));
      if (e.getValue() != null) {
        out.get(CANONICAL_SKETCHES).output(e.getValue());
      }
    }
  }

  // ---- matching against earlier runs ---------------------------------------------------------

  /**
   * (new fingerprint, archived fingerprint) pairs that share an LSH bucket: the archive's band
   * entries, made from its signatures by this run's bands, meet the new ones in the bucket shards.
   */
  private PCollection<KV<String, String>> archiveCandidates(
      PCollection<DocSketch> previous, PCollection<KV<Integer, BandBlock>> bandEntries) {
    KvCoder<Integer, KV<Boolean, BandBlock>> tagged =
        KvCoder.of(VarIntCoder.of(), KvCoder.of(BooleanCoder.of(), BandBlock.coder()));
    PCollection<KV<Integer, KV<Boolean, BandBlock>>> fresh =
        bandEntries.apply("TagNewBands", ParDo.of(new TagBlocksFn(false))).setCoder(tagged);
    PCollection<KV<Integer, KV<Boolean, BandBlock>>> archived =
        previous
            .apply("ArchivedBandEntries", ParDo.of(new ArchivedBandsFn(settings, shards)))
            .setCoder(bandEntryCoder())
            .apply("TagArchivedBands", ParDo.of(new TagBlocksFn(true)))
            .setCoder(tagged);
    return PCollectionList.of(fresh)
        .and(archived)
        .apply("FlattenBandSides", Flatten.pCollections())
        .setCoder(tagged)
        .apply("GroupArchiveBucketShards", GroupByKey.create())
        .apply("PairWithArchive", ParDo.of(new ArchivePairsFn(settings.maxBucketSize())))
        .setCoder(DetectDuplicates.stringPairCoder());
  }

  /**
   * The archived sketches some new article may match: those in a candidate pair, and those with a
   * new article's exact fingerprint. The archive is filtered where it is read, against the set of
   * wanted fingerprints (a side input bounded by the new batch: its fingerprints and candidate
   * pairs, never the archive), so only matched sketches cross a shuffle.
   */
  private PCollection<KV<Integer, DocSketch>> matchedArchive(
      PCollection<DocSketch> previous,
      PCollection<KV<String, String>> candidates,
      PCollection<KV<Integer, DocSketch>> sketchesByShard) {
    PCollectionView<List<String>> wanted =
        PCollectionList.of(
                candidates
                    .apply("ArchivedFingerprints", Values.create())
                    .setCoder(StringUtf8Coder.of()))
            .and(
                sketchesByShard
                    .apply(
                        "NewFingerprints",
                        MapElements.into(TypeDescriptors.strings())
                            .via((KV<Integer, DocSketch> e) -> e.getValue().fingerprint))
                    .setCoder(StringUtf8Coder.of()))
            .apply("FlattenWanted", Flatten.pCollections())
            .setCoder(StringUtf8Coder.of())
            .apply("ViewWanted", View.asList());
    return previous
        .apply(
            "KeepMatchedArchive", ParDo.of(new KeepWantedFn(wanted, shards)).withSideInputs(wanted))
        .setCoder(sketchEntryCoder());
  }

  /** Band entries of archived sketches, gathered per bundle into one block per bucket shard. */
  static class ArchivedBandsFn extends DoFn<DocSketch, KV<Integer, BandBlock>> {
    private final DedupSettings settings;
    private final int shards;
    private transient LshBands bands;
    private transient BandBlock.Gatherer gatherer;

    ArchivedBandsFn(DedupSettings settings, int shards) {
      this.settings = settings;
      this.shards = shards;
    }

    @Setup
    public void setup() {
      bands = settings.bands();
    }

    @StartBundle
    public void startBundle() {
      gatherer = bandGatherer(shards);
    }

    @ProcessElement
    public void process(@Element DocSketch d) {
      if (d.signature.length == 0) {
        return; // no words: matched by fingerprint only
      }
      for (long key : bands.bandKeys(d.signature)) {
        gatherer.add(key, d.fingerprint);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      gatherer.drain(
          (shard, block) ->
              c.output(
                  KV.of(shard, block),
                  GlobalWindow.INSTANCE.maxTimestamp(),
                  GlobalWindow.INSTANCE));
    }
  }

  static class TagBlocksFn
      extends DoFn<KV<Integer, BandBlock>, KV<Integer, KV<Boolean, BandBlock>>> {
    private final boolean archived;

    TagBlocksFn(boolean archived) {
      this.archived = archived;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, BandBlock> e,
        OutputReceiver<KV<Integer, KV<Boolean, BandBlock>>> out) {
      out.output(KV.of(e.getKey(), KV.of(archived, e.getValue())));
    }
  }

  /** The candidate pairs of one bucket shard ({@link ArchiveStars}). */
  static class ArchivePairsFn
      extends DoFn<KV<Integer, Iterable<KV<Boolean, BandBlock>>>, KV<String, String>> {
    private final Counter giant =
        Metrics.counter(DetectDuplicates.class, "archive_giant_buckets_skipped");
    private final Counter pairs = Metrics.counter(DetectDuplicates.class, "archive_candidates");
    private final int maxBucketSize;

    ArchivePairsFn(int maxBucketSize) {
      this.maxBucketSize = maxBucketSize;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Boolean, BandBlock>>> shard,
        OutputReceiver<KV<String, String>> out) {
      ArchiveStars stars = new ArchiveStars(maxBucketSize);
      List<BandBlock> archivedBlocks = new ArrayList<>();
      // one pass (a one-shot iterable on Flink): new entries first, archived blocks kept packed
      for (KV<Boolean, BandBlock> block : shard.getValue()) {
        if (block.getKey()) {
          archivedBlocks.add(block.getValue());
        } else {
          block.getValue().forEach(stars::addNew);
        }
      }
      for (BandBlock block : archivedBlocks) {
        block.forEach(stars::addArchived);
      }
      stars.emit(
          (fresh, archived) -> {
            pairs.inc();
            out.output(KV.of(fresh, archived));
          });
      giant.inc(stars.giantBuckets());
    }
  }

  /** An archived sketch that some new article wants, keyed for the exact groups. */
  static class KeepWantedFn extends DoFn<DocSketch, KV<Integer, DocSketch>> {
    private final Counter matched = Metrics.counter(DetectDuplicates.class, "archive_matched");
    private final PCollectionView<List<String>> wanted;
    private final int shards;
    // the global window's one value: read into a set once per instance (the DirectRunner would
    // otherwise rebuild it per element)
    private transient Set<String> wantedSet;

    KeepWantedFn(PCollectionView<List<String>> wanted, int shards) {
      this.wanted = wanted;
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element DocSketch archived, ProcessContext c, OutputReceiver<KV<Integer, DocSketch>> out) {
      if (wantedSet == null) {
        wantedSet = new HashSet<>(c.sideInput(wanted));
      }
      if (wantedSet.contains(archived.fingerprint)) {
        matched.inc();
        out.output(sketchEntry(archived, shards));
      }
    }
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

  /**
   * {@code dedup.exact_duplicates}, {@code dedup.near_duplicates} and {@code
   * dedup.matched_earlier_runs} (rows whose canonical is an earlier run's) from the duplicates
   * rows.
   */
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
    PCollection<KV<String, Long>> earlier =
        rows.apply("EarlierRunRows", Filter.by((DuplicateRow r) -> r.getCanonicalRun() != null))
            .apply("CountEarlierRuns", Count.globally())
            .apply("NameEarlierRuns", ParDo.of(new DetectDuplicates.NameFn(MATCHED_EARLIER_RUNS)));
    return PCollectionList.of(exact)
        .and(near)
        .and(earlier)
        .apply("FlattenRowCounts", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }
}
