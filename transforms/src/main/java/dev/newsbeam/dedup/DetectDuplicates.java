package dev.newsbeam.dedup;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.schema.DuplicateRow;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Finds exact and near-duplicate articles and gives every article its {@code dedup} record.
 *
 * <pre>{@code
 * DedupResult dedup = articles.apply("DetectDuplicates", DetectDuplicates.with(DedupSettings.defaults()));
 * dedup.articles();    // every article, dedup set
 * dedup.duplicates();  // one DuplicateRow per non-canonical article
 * dedup.manifest();    // dedup.clusters, dedup.exact_duplicates, dedup.near_duplicates, dedup.largest_cluster
 * }</pre>
 *
 * <p>How, with nothing quadratic and no group held in memory:
 * <ol>
 *   <li>exact: articles keyed by {@link TextFingerprint}; a combiner keeps the best representative per
 *       fingerprint (per {@link CanonicalPolicy}) and counts the copies;
 *   <li>near, on representatives only: MinHash signature → one key per LSH band; a combiner finds each
 *       bucket's minimum id and size; a join streams each bucket once and emits a star edge member →
 *       minimum (buckets over {@code maxBucketSize} members are skipped and counted: such a band is
 *       boilerplate, not a story);
 *   <li>each edge is verified by estimated Jaccard, with both signatures joined back by id;
 *   <li>connected components by min-label propagation, {@code componentRounds} rounds unrolled in the
 *       graph (star edges give components of small diameter);
 *   <li>{@link ChainGuard}: per component the canonical is picked by a combiner and only members within
 *       the threshold of it join; the rest go through another pass, then stay alone;
 *   <li>the link of each representative is joined back to all articles with its fingerprint.
 * </ol>
 * Every choice is a minimum under a total order, so the output is the same on every runner and run.
 */
public final class DetectDuplicates extends PTransform<PCollection<Article>, DedupResult> {
  public static final String EXACT = "exact";
  public static final String NEAR = "near";
  public static final String UNIQUE = "unique";

  private static final TupleTag<KV<Integer, DocSketch>> SKETCHES = new TupleTag<>() {};
  private static final TupleTag<KV<String, Article>> KEYED_ARTICLES = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, KV<Long, String>>> BAND_ENTRIES = new TupleTag<>() {};

  /**
   * Shards of the exact-representative combine and of every per-article join ({@link
   * ShardedLookupJoin}). A shuffle key per fingerprint or article would cost a shuffle group per
   * article, and the DirectRunner would then carry every later stage in one-article bundles (per-bundle
   * pre-aggregation in word statistics degenerated and held a 1 GB heap on Reuters). 256 shards: ~4,000
   * articles per shard at 1M articles.
   */
  static final int JOIN_SHARDS = 256;
  private static final TupleTag<KV<String, ClusterLink>> ASSIGNED = new TupleTag<>() {};
  private static final TupleTag<KV<String, DocSketch>> LEFT_OVER = new TupleTag<>() {};

  private final DedupSettings settings;

  private DetectDuplicates(DedupSettings settings) {
    this.settings = settings;
  }

  public static DetectDuplicates with(DedupSettings settings) {
    return new DetectDuplicates(settings);
  }

  private static AvroCoder<DocSketch> sketchCoder() {
    return AvroCoder.of(DocSketch.class);
  }

  private static KvCoder<String, DocSketch> keyedSketchCoder() {
    return KvCoder.of(StringUtf8Coder.of(), sketchCoder());
  }

  private static KvCoder<String, ClusterLink> keyedLinkCoder() {
    return KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(ClusterLink.class));
  }

  private static KvCoder<String, String> stringPairCoder() {
    return KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
  }

  @Override
  public DedupResult expand(PCollection<Article> articles) {
    PCollectionTuple sketched = articles.apply("SketchArticles",
        ParDo.of(new SketchFn(settings))
            .withOutputTags(SKETCHES, TupleTagList.of(KEYED_ARTICLES).and(BAND_ENTRIES)));
    PCollection<KV<Integer, DocSketch>> sketchesByShard =
        sketched.get(SKETCHES).setCoder(KvCoder.of(VarIntCoder.of(), sketchCoder()));
    PCollection<KV<String, Article>> articlesByFingerprint = sketched.get(KEYED_ARTICLES)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(Article.class)));

    // exact groups: one combiner per fingerprint shard, its accumulator the best sketch per fingerprint
    PCollection<KV<String, DocSketch>> repsByFingerprint = sketchesByShard
        .apply("PickExactRepresentatives", Combine.perKey(new RepresentativesFn(settings.keep())))
        .apply("EachRepresentative", ParDo.of(new EachRepresentativeFn()))
        .setCoder(keyedSketchCoder());
    PCollection<DocSketch> representatives = repsByFingerprint
        .apply("Representatives", Values.create())
        .setCoder(sketchCoder());
    PCollection<KV<String, DocSketch>> repsById = representatives
        .apply("KeyById", ParDo.of(new KeyByIdFn()))
        .setCoder(keyedSketchCoder());

    PCollection<KV<String, String>> verifiedEdges = candidateEdges(sketched.get(BAND_ENTRIES))
        .apply("VerifyEdges", new VerifyEdges(repsByFingerprint, settings.similarity()));
    PCollection<KV<String, String>> components = connectedComponents(verifiedEdges);
    PCollection<KV<String, ClusterLink>> graphLinks = applyChainGuard(components, repsById);

    PCollection<KV<String, ClusterLink>> linksByFingerprint = repsById
        .apply("JoinRepresentativeLinks", new ShardedLookupJoin<>(graphLinks, AvroCoder.of(ClusterLink.class),
            sketchCoder(), keyedLinkCoder(), JOIN_SHARDS, new LinkEveryRepresentativeFn()));

    PCollection<KV<Article, DuplicateRow>> attached = articlesByFingerprint
        .apply("JoinArticlesToLinks", new ShardedLookupJoin<>(linksByFingerprint, AvroCoder.of(ClusterLink.class),
            AvroCoder.of(Article.class),
            KvCoder.of(AvroCoder.of(Article.class), NullableCoder.of(AvroCoder.of(DuplicateRow.class))),
            JOIN_SHARDS, new AttachDedupFn()));
    PCollection<Article> deduped = attached
        .apply("DedupedArticles", ParDo.of(new ArticleOfFn()))
        .setCoder(AvroCoder.of(Article.class));
    PCollection<DuplicateRow> duplicates = attached
        .apply("DuplicateRows", ParDo.of(new DuplicateRowOfFn()))
        .setCoder(AvroCoder.of(DuplicateRow.class));

    PCollection<KV<String, Long>> manifest = manifest(duplicates, linksByFingerprint);
    return new DedupResult(articles.getPipeline(), deduped, duplicates, manifest);
  }

  // ---- near-duplicate candidates -------------------------------------------------------------

  /**
   * Shuffle shards of the LSH buckets. One shuffle key per bucket would be ~bands x articles keys
   * (37 x 15k = 570k on Reuters): runners pay per key, and the DirectRunner queues a work item per key
   * and input bundle (that filled a 1 GB heap). Buckets are hashed into this many shards instead; a
   * shard holds about articles x bands / 1,024 (bucket, fingerprint) entries (36k at 1M articles,
   * ~4 MB), sorted in memory by {@link BucketStars}.
   */
  static final int BUCKET_SHARDS = 1024;

  /** (fingerprint, bucket-minimum fingerprint) star edges of the shared LSH buckets. */
  private PCollection<KV<String, String>> candidateEdges(
      PCollection<KV<Integer, KV<Long, String>>> bandEntries) {
    return bandEntries
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of())))
        .apply("GroupBucketShards", GroupByKey.create())
        .apply("EmitStarEdges", ParDo.of(new StarEdgesFn(settings.maxBucketSize())))
        .setCoder(stringPairCoder());
  }

  static int shardOf(long bucketKey, int shards) {
    return (int) Math.floorMod(bucketKey ^ (bucketKey >>> 29), (long) shards);
  }

  /** Star edges (member, bucket minimum) of the buckets in one shard: {@link BucketStars}. */
  static class StarEdgesFn extends DoFn<KV<Integer, Iterable<KV<Long, String>>>, KV<String, String>> {
    private final Counter giant = Metrics.counter(DetectDuplicates.class, "giant_buckets_skipped");
    private final int maxBucketSize;

    StarEdgesFn(int maxBucketSize) {
      this.maxBucketSize = maxBucketSize;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<Long, String>>> shard,
        OutputReceiver<KV<String, String>> out) {
      BucketStars stars = new BucketStars(maxBucketSize);
      for (KV<Long, String> entry : shard.getValue()) {
        stars.add(entry.getKey(), entry.getValue());
      }
      stars.emit((member, min) -> out.output(KV.of(member, min)));
      giant.inc(stars.giantBuckets());
    }
  }

  // ---- verification --------------------------------------------------------------------------

  /**
   * Turns (fingerprint, fingerprint) candidates into (representative id, representative id) edges,
   * kept only if the estimated Jaccard of the two representatives reaches the threshold.
   */
  static class VerifyEdges
      extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
    private final PCollection<KV<String, DocSketch>> repsByFingerprint;
    private final double threshold;

    VerifyEdges(PCollection<KV<String, DocSketch>> repsByFingerprint, double threshold) {
      this.repsByFingerprint = repsByFingerprint;
      this.threshold = threshold;
    }

    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
      PCollection<KV<String, KV<String, DocSketch>>> halfJoined = repsByFingerprint
          .apply("JoinSourceSignature", new ShardedLookupJoin<>(edges, StringUtf8Coder.of(), sketchCoder(),
              KvCoder.of(StringUtf8Coder.of(), keyedSketchCoder()), JOIN_SHARDS, new KeyByTargetFn()));
      return repsByFingerprint
          .apply("JoinTargetSignature", new ShardedLookupJoin<>(halfJoined, keyedSketchCoder(), sketchCoder(),
              stringPairCoder(), JOIN_SHARDS, new KeepSimilarFn(threshold)));
    }
  }

  /** (target, (source id, source sketch)) once per distinct target of a source. */
  static class KeyByTargetFn
      implements ShardedLookupJoin.JoinFn<String, DocSketch, KV<String, KV<String, DocSketch>>> {
    @Override
    public void join(String fingerprint, DocSketch source, List<String> targets,
        ShardedLookupJoin.Emitter<KV<String, KV<String, DocSketch>>> out) {
      // the same (source, minimum) edge comes from every band the two share: verify it once
      for (String target : new LinkedHashSet<>(targets)) {
        out.emit(KV.of(target, KV.of(source.id, source)));
      }
    }
  }

  static class KeepSimilarFn
      implements ShardedLookupJoin.JoinFn<KV<String, DocSketch>, DocSketch, KV<String, String>> {
    private final Counter verified = Metrics.counter(DetectDuplicates.class, "edges_verified");
    private final Counter rejected = Metrics.counter(DetectDuplicates.class, "edges_rejected");
    private final double threshold;

    KeepSimilarFn(double threshold) {
      this.threshold = threshold;
    }

    @Override
    public void join(String fingerprint, DocSketch target, List<KV<String, DocSketch>> halves,
        ShardedLookupJoin.Emitter<KV<String, String>> out) {
      for (KV<String, DocSketch> half : halves) {
        if (MinHasher.similarity(half.getValue().signature, target.signature) >= threshold) {
          verified.inc();
          out.emit(KV.of(half.getKey(), target.id));
        } else {
          rejected.inc();
        }
      }
    }
  }

  // ---- connected components ------------------------------------------------------------------

  private static final TupleTag<String> NEIGHBOUR_TAG = new TupleTag<>();
  private static final TupleTag<String> LABEL_TAG = new TupleTag<>();

  /** (node, component label = smallest id reached) for every node with a verified edge. */
  private PCollection<KV<String, String>> connectedComponents(PCollection<KV<String, String>> edges) {
    PCollection<KV<String, String>> adjacency = edges
        .apply("BothDirections", ParDo.of(new BothDirectionsFn()))
        .setCoder(stringPairCoder());
    PCollection<KV<String, String>> labels = adjacency
        .apply("SmallestNeighbour", Min.perKey())
        .apply("InitialLabel", ParDo.of(new InitialLabelFn()))
        .setCoder(stringPairCoder());
    for (int round = 1; round <= settings.componentRounds(); round++) {
      labels = KeyedPCollectionTuple.of(NEIGHBOUR_TAG, adjacency)
          .and(LABEL_TAG, labels)
          .apply("JoinLabels" + round, CoGroupByKey.create())
          .apply("SpreadLabel" + round, ParDo.of(new SpreadLabelFn()))
          .setCoder(stringPairCoder())
          .apply("SmallestLabel" + round, Min.perKey());
    }
    return labels;
  }

  static class BothDirectionsFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      out.output(e);
      out.output(KV.of(e.getValue(), e.getKey()));
    }
  }

  static class InitialLabelFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> e, OutputReceiver<KV<String, String>> out) {
      String node = e.getKey();
      String min = e.getValue();
      out.output(KV.of(node, node.compareTo(min) <= 0 ? node : min));
    }
  }

  /** A node offers its label to itself and to each neighbour; the smallest offer wins. */
  static class SpreadLabelFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> node, OutputReceiver<KV<String, String>> out) {
      String label = node.getValue().getOnly(LABEL_TAG, node.getKey());
      out.output(KV.of(node.getKey(), label));
      for (String neighbour : node.getValue().getAll(NEIGHBOUR_TAG)) {
        out.output(KV.of(neighbour, label));
      }
    }
  }

  // ---- chaining guard ------------------------------------------------------------------------

  private static final TupleTag<DocSketch> MEMBER_SKETCH_TAG = new TupleTag<>();
  private static final TupleTag<DocSketch> CANONICAL_TAG = new TupleTag<>();

  /** (representative id, link) for every representative that is in a component. */
  private PCollection<KV<String, ClusterLink>> applyChainGuard(
      PCollection<KV<String, String>> components, PCollection<KV<String, DocSketch>> repsById) {
    PCollection<KV<String, DocSketch>> pending = repsById
        .apply("JoinComponentMembers", new ShardedLookupJoin<>(components, StringUtf8Coder.of(),
            sketchCoder(), keyedSketchCoder(), JOIN_SHARDS, new KeyByComponentFn()));
    PCollectionList<KV<String, ClusterLink>> links = PCollectionList.empty(components.getPipeline());
    ChainGuard guard = settings.guard();
    for (int pass = 1; pass <= guard.rounds(); pass++) {
      PCollection<KV<String, DocSketch>> canonicals = pending
          .apply("PickCanonical" + pass, Combine.perKey(new BestFn(settings.keep())))
          .setCoder(keyedSketchCoder());
      PCollectionTuple assigned = KeyedPCollectionTuple.of(MEMBER_SKETCH_TAG, pending)
          .and(CANONICAL_TAG, canonicals)
          .apply("JoinCanonical" + pass, CoGroupByKey.create())
          .apply("AssignToCanonical" + pass, ParDo.of(new AssignToCanonicalFn(guard))
              .withOutputTags(ASSIGNED, TupleTagList.of(LEFT_OVER)));
      links = links.and(assigned.get(ASSIGNED).setCoder(keyedLinkCoder()));
      pending = assigned.get(LEFT_OVER).setCoder(keyedSketchCoder());
    }
    links = links.and(pending.apply("LeftAlone", ParDo.of(new AloneFn())).setCoder(keyedLinkCoder()));
    return links.apply("FlattenLinks", Flatten.pCollections());
  }

  /** (component label, sketch) for each representative that is in a component. */
  static class KeyByComponentFn implements ShardedLookupJoin.JoinFn<String, DocSketch, KV<String, DocSketch>> {
    @Override
    public void join(String id, DocSketch doc, List<String> labels,
        ShardedLookupJoin.Emitter<KV<String, DocSketch>> out) {
      if (!labels.isEmpty()) {
        out.emit(KV.of(labels.get(0), doc));
      }
    }
  }

  /** Members within the threshold of the component's canonical join it; the others are passed on. */
  static class AssignToCanonicalFn extends DoFn<KV<String, CoGbkResult>, KV<String, ClusterLink>> {
    private final Counter detached = Metrics.counter(DetectDuplicates.class, "chain_members_detached");
    private final ChainGuard guard;

    AssignToCanonicalFn(ChainGuard guard) {
      this.guard = guard;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> component, MultiOutputReceiver out) {
      DocSketch canonical = component.getValue().getOnly(CANONICAL_TAG);
      long clusterSize = canonical.exactCopies;
      for (DocSketch member : component.getValue().getAll(MEMBER_SKETCH_TAG)) {
        if (member.id.equals(canonical.id)) {
          continue; // its link needs the cluster size, known after the pass
        }
        if (guard.accepts(canonical, member)) {
          clusterSize += member.exactCopies;
          out.get(ASSIGNED).output(KV.of(member.id, new ClusterLink(member.id, member.fingerprint,
              canonical.id, canonical.source, ChainGuard.similarity(canonical, member), 0,
              canonical.exactCopies)));
        } else {
          detached.inc();
          out.get(LEFT_OVER).output(KV.of(component.getKey(), member));
        }
      }
      ClusterLink self = selfLink(canonical);
      self.clusterSize = clusterSize;
      out.get(ASSIGNED).output(KV.of(canonical.id, self));
    }
  }

  static class AloneFn extends DoFn<KV<String, DocSketch>, KV<String, ClusterLink>> {
    @ProcessElement
    public void process(@Element KV<String, DocSketch> e, OutputReceiver<KV<String, ClusterLink>> out) {
      DocSketch d = e.getValue();
      out.output(KV.of(d.id, selfLink(d)));
    }
  }

  private static ClusterLink selfLink(DocSketch d) {
    return new ClusterLink(d.id, d.fingerprint, d.id, d.source, 1.0, d.exactCopies, d.exactCopies);
  }

  // ---- links back to articles ----------------------------------------------------------------

  static int joinShardOf(String fingerprint) {
    return ShardedLookupJoin.shardOf(fingerprint, JOIN_SHARDS);
  }

  /** (fingerprint, link): the component link, or a link to itself for a representative with none. */
  static class LinkEveryRepresentativeFn
      implements ShardedLookupJoin.JoinFn<ClusterLink, DocSketch, KV<String, ClusterLink>> {
    @Override
    public void join(String id, DocSketch doc, List<ClusterLink> links,
        ShardedLookupJoin.Emitter<KV<String, ClusterLink>> out) {
      // a representative in no component is its own cluster: itself plus its exact copies
      out.emit(KV.of(doc.fingerprint, links.isEmpty() ? selfLink(doc) : links.get(0)));
    }
  }

  /** The article with its dedup record, and its duplicates row (null for a canonical article). */
  static class AttachDedupFn
      implements ShardedLookupJoin.JoinFn<ClusterLink, Article, KV<Article, DuplicateRow>> {
    private final Counter unlinked = Metrics.counter(DetectDuplicates.class, "articles_without_link");

    @Override
    public void join(String fingerprint, Article a, List<ClusterLink> links,
        ShardedLookupJoin.Emitter<KV<Article, DuplicateRow>> out) {
      if (links.isEmpty()) {
        unlinked.inc(); // cannot happen: every fingerprint has a representative
        return;
      }
      ClusterLink link = links.get(0);
      DedupInfo info = link.dedupInfo(a.getId());
      Article deduped = Article.newBuilder(a).setDedup(info).build();
      if (info.getIsCanonical()) {
        out.emit(KV.of(deduped, null));
        return;
      }
      out.emit(KV.of(deduped, DuplicateRow.newBuilder()
          .setId(a.getId())
          .setSource(a.getSource())
          .setCanonicalId(link.canonicalId)
          .setCanonicalSource(link.canonicalSource)
          .setClusterId(link.canonicalId)
          .setKind(info.getKind())
          .setSimilarity(info.getSimilarity())
          .setMatchedVia(NEAR.equals(info.getKind()) && !a.getId().equals(link.repId) ? link.repId : null)
          .build()));
    }
  }

  static class ArticleOfFn extends DoFn<KV<Article, DuplicateRow>, Article> {
    @ProcessElement
    public void process(@Element KV<Article, DuplicateRow> e, OutputReceiver<Article> out) {
      out.output(e.getKey());
    }
  }

  static class DuplicateRowOfFn extends DoFn<KV<Article, DuplicateRow>, DuplicateRow> {
    @ProcessElement
    public void process(@Element KV<Article, DuplicateRow> e, OutputReceiver<DuplicateRow> out) {
      if (e.getValue() != null) {
        out.output(e.getValue());
      }
    }
  }

  /** dedup.clusters (clusters of 2+ articles), dedup.exact_duplicates, near_duplicates, largest_cluster. */
  private PCollection<KV<String, Long>> manifest(
      PCollection<DuplicateRow> duplicates, PCollection<KV<String, ClusterLink>> links) {
    PCollection<Long> sizes = links
        .apply("CanonicalClusterSizes", ParDo.of(new ClusterSizeFn()))
        .setCoder(VarLongCoder.of());
    PCollection<KV<String, Long>> clusters = sizes
        .apply("SharedClusters", Filter.by((Long size) -> size >= 2))
        .apply("CountClusters", Count.globally())
        .apply("NameClusters", ParDo.of(new NameFn("dedup.clusters")));
    PCollection<KV<String, Long>> largest = sizes
        .apply("LargestCluster", Max.longsGlobally())
        .apply("NameLargest", ParDo.of(new NameFn("dedup.largest_cluster")));
    PCollection<KV<String, Long>> exact = duplicates
        .apply("ExactRows", Filter.by((DuplicateRow r) -> EXACT.equals(r.getKind())))
        .apply("CountExact", Count.globally())
        .apply("NameExact", ParDo.of(new NameFn("dedup.exact_duplicates")));
    PCollection<KV<String, Long>> near = duplicates
        .apply("NearRows", Filter.by((DuplicateRow r) -> NEAR.equals(r.getKind())))
        .apply("CountNear", Count.globally())
        .apply("NameNear", ParDo.of(new NameFn("dedup.near_duplicates")));
    return PCollectionList.of(clusters).and(largest).and(exact).and(near)
        .apply("FlattenManifest", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  static class ClusterSizeFn extends DoFn<KV<String, ClusterLink>, Long> {
    @ProcessElement
    public void process(@Element KV<String, ClusterLink> e, OutputReceiver<Long> out) {
      if (e.getValue().isCanonical()) {
        out.output(e.getValue().clusterSize);
      }
    }
  }

  static class NameFn extends DoFn<Long, KV<String, Long>> {
    private final String name;

    NameFn(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element Long value, OutputReceiver<KV<String, Long>> out) {
      out.output(KV.of(name, Math.max(0L, value))); // Max of nothing is Long.MIN_VALUE
    }
  }

  /** Best of two representatives per policy, exact-copy counts added (associative, commutative). */
  /**
   * Per fingerprint shard: the representative of each fingerprint (the best by the canonical policy)
   * with the number of articles sharing that exact text. The accumulator holds one sketch per distinct
   * fingerprint of the shard (~articles / 256), never the group of articles behind it.
   */
  static class RepresentativesFn
      extends Combine.CombineFn<DocSketch, Map<String, DocSketch>, Map<String, DocSketch>> {
    private final CanonicalPolicy policy;

    RepresentativesFn(CanonicalPolicy policy) {
      this.policy = policy;
    }

    @Override
    public Map<String, DocSketch> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, DocSketch> addInput(Map<String, DocSketch> acc, DocSketch d) {
      acc.merge(d.fingerprint, d, (a, b) -> policy.better(a, b).withExactCopies(a.exactCopies + b.exactCopies));
      return acc;
    }

    @Override
    public Map<String, DocSketch> mergeAccumulators(Iterable<Map<String, DocSketch>> accs) {
      Map<String, DocSketch> merged = createAccumulator();
      for (Map<String, DocSketch> acc : accs) {
        for (DocSketch d : acc.values()) {
          addInput(merged, d);
        }
      }
      return merged;
    }

    @Override
    public Map<String, DocSketch> extractOutput(Map<String, DocSketch> acc) {
      return acc;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<Map<String, DocSketch>> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<DocSketch> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), sketchCoder());
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<Map<String, DocSketch>> getDefaultOutputCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<DocSketch> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), sketchCoder());
    }
  }

  static class EachRepresentativeFn extends DoFn<KV<Integer, Map<String, DocSketch>>, KV<String, DocSketch>> {
    @ProcessElement
    public void process(@Element KV<Integer, Map<String, DocSketch>> shard, OutputReceiver<KV<String, DocSketch>> out) {
      shard.getValue().forEach((fp, rep) -> out.output(KV.of(fp, rep)));
    }
  }

  static class BestFn extends Combine.BinaryCombineFn<DocSketch> {
    private final CanonicalPolicy policy;

    BestFn(CanonicalPolicy policy) {
      this.policy = policy;
    }

    @Override
    public DocSketch apply(DocSketch a, DocSketch b) {
      return policy.better(a, b);
    }
  }

  static class KeyByIdFn extends DoFn<DocSketch, KV<String, DocSketch>> {
    @ProcessElement
    public void process(@Element DocSketch d, OutputReceiver<KV<String, DocSketch>> out) {
      out.output(KV.of(d.id, d));
    }
  }

  /** Fingerprint, shingles and signature of each article; the article itself as (join shard, (fingerprint, article)). */
  static class SketchFn extends DoFn<Article, KV<Integer, DocSketch>> {
    private final Counter empty = Metrics.counter(DetectDuplicates.class, "empty_texts");
    private final DedupSettings settings;
    private transient TextFingerprint fingerprints;
    private transient Shingler shingler;
    private transient MinHasher minHasher;
    private transient LshBands bands;

    SketchFn(DedupSettings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      fingerprints = new TextFingerprint();
      shingler = settings.shingler();
      minHasher = settings.minHasher();
      bands = settings.bands();
    }

    @ProcessElement
    public void process(@Element Article a, MultiOutputReceiver out) {
      String fp = fingerprints.fingerprint(a.getText());
      int[] signature;
      if (fp == null) {
        empty.inc();
        fp = "~" + a.getId(); // nothing to compare: its own exact group, no band keys
        signature = new int[0];
      } else {
        signature = minHasher.signature(shingler.shingles(a.getText()));
      }
      out.get(SKETCHES).output(KV.of(joinShardOf(fp), new DocSketch(a.getId(), a.getSource(), fp, published(a),
          a.getText() == null ? 0 : a.getText().length(), signature)));
      out.get(KEYED_ARTICLES).output(KV.of(fp, a));
      if (signature.length > 0) {
        for (long key : bands.bandKeys(signature)) {
          out.get(BAND_ENTRIES).output(KV.of(shardOf(key, BUCKET_SHARDS), KV.of(key, fp)));
        }
      }
    }

    private static Long published(Article a) {
      if (a.getPublishedAt() != null) {
        return a.getPublishedAt().toEpochMilli();
      }
      if (a.getPublishedDate() != null) {
        return a.getPublishedDate().toEpochDay() * 86_400_000L;
      }
      return null;
    }
  }
}
