package dev.newsbeam.dedup;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.shuffle.ShardedLookupJoin;
import dev.newsbeam.shuffle.Shards;
import dev.newsbeam.stage.StageFailures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.DelegateCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.BadRecordRouter;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
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
 * DedupResult dedup = articles.apply("DetectDuplicates",
 *     DetectDuplicates.with(DedupSettings.defaults()).withBadRecordErrorHandler(failures));
 * dedup.articles();    // every article, dedup set
 * dedup.duplicates();  // one DuplicateRow per non-canonical article
 * dedup.counts();      // dedup.clusters, dedup.exact_duplicates, dedup.near_duplicates, ...
 * dedup.canonicalSketches();  // one DocSketch per canonical: what a later run matches against
 * }</pre>
 *
 * <p>{@link #withPrevious} matches the batch against earlier runs' canonicals as well ({@link
 * DuplicateClusters}).
 *
 * <p>How, with nothing quadratic and no group held in memory:
 *
 * <ol>
 *   <li>exact: articles keyed by {@link TextFingerprint}; a combiner keeps the best representative
 *       per fingerprint (per {@link CanonicalPolicy}) and counts the copies;
 *   <li>near, on representatives only: MinHash signature → one key per LSH band; a combiner finds
 *       each bucket's minimum id and size; a join streams each bucket once and emits a star edge
 *       member → minimum (buckets over {@code maxBucketSize} members are skipped and counted: such
 *       a band is boilerplate, not a story);
 *   <li>each edge is verified by Jaccard similarity, with both sketches joined back by fingerprint:
 *       estimated from the signatures, or exact from the shingle sets the sketches carry with
 *       {@link DedupSettings.Verify#EXACT} ({@code --verify=exact});
 *   <li>connected components by one union-find combiner over the verified edges ({@link
 *       ComponentForest}): each node's label is the smallest id reachable from it, for any
 *       diameter;
 *   <li>{@link ChainGuard}, components hashed by label into shards ({@link #withShards}), each
 *       shard's components in memory: the canonical of a component is its best member and only
 *       members within the threshold of it join; the rest go through another pass, then stay alone
 *       (with {@link DedupSettings#withChainGuard withChainGuard(false)} the canonical takes the
 *       whole component);
 *   <li>the link of each representative is joined back to all articles with its fingerprint.
 * </ol>
 *
 * Every choice is a minimum under a total order, so the output is the same on every runner and run.
 */
public final class DetectDuplicates extends PTransform<PCollection<Article>, DedupResult> {
  public static final String EXACT = "exact";
  public static final String NEAR = "near";
  public static final String UNIQUE = "unique";

  private static final TupleTag<KV<Integer, DocSketch>> SKETCHES = new TupleTag<>() {};
  private static final TupleTag<KV<String, Article>> KEYED_ARTICLES = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, BandBlock>> BAND_ENTRIES = new TupleTag<>() {};

  public static final String STAGE = "dedup";

  /**
   * Shards of the exact-representative combine and of every per-article join ({@link
   * ShardedLookupJoin}). A shuffle key per fingerprint or article would cost a shuffle group per
   * article, and the DirectRunner would then carry every later stage in one-article bundles. {@link
   * #withShards} sets them (the chain guard's too, and four times as many LSH bucket shards).
   */
  public static final int DEFAULT_SHARDS = 256;

  private final DedupSettings settings;
  private final int shards;
  private final StageFailures failures;
  private final transient PCollection<DocSketch> previous;

  private DetectDuplicates(
      DedupSettings settings, int shards, StageFailures failures, PCollection<DocSketch> previous) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, not " + shards);
    }
    this.settings = settings;
    this.shards = shards;
    this.failures = failures;
    this.previous = previous;
  }

  public static DetectDuplicates with(DedupSettings settings) {
    return new DetectDuplicates(settings, DEFAULT_SHARDS, StageFailures.none(STAGE), null);
  }

  /** An article whose sketch throws leaves the output as a bad record of {@code handler}. */
  public DetectDuplicates withBadRecordErrorHandler(ErrorHandler<BadRecord, ?> handler) {
    return new DetectDuplicates(settings, shards, StageFailures.to(STAGE, handler), previous);
  }

  /**
   * Matches the articles against the canonical articles of earlier runs too ({@link
   * DocSketch#archived}, as read back from their {@code sketches/}): an article that copies one
   * gets that canonical and its run ({@code canonical_run}); earlier clusters never change.
   */
  public DetectDuplicates withPrevious(PCollection<DocSketch> earlierCanonicals) {
    return new DetectDuplicates(settings, shards, failures, earlierCanonicals);
  }

  /**
   * Shuffle shards of the joins, the exact-representative combine and the chain guard ({@code n}),
   * and of the LSH buckets ({@code 4n}). The output does not depend on them. Many shards bound the
   * memory of one group on a cluster; the DirectRunner wants few (it copies a key's whole group for
   * every incoming bundle and runs a bundle per key downstream).
   */
  public DetectDuplicates withShards(int n) {
    return new DetectDuplicates(settings, n, failures, previous);
  }

  static Coder<DocSketch> sketchCoder() {
    return DedupCoders.sketch();
  }

  static KvCoder<String, DocSketch> keyedSketchCoder() {
    return KvCoder.of(StringUtf8Coder.of(), sketchCoder());
  }

  static KvCoder<String, ClusterLink> keyedLinkCoder() {
    return KvCoder.of(StringUtf8Coder.of(), DedupCoders.link());
  }

  static KvCoder<String, String> stringPairCoder() {
    return KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
  }

  @Override
  public DedupResult expand(PCollection<Article> articles) {
    PCollectionTuple sketched =
        articles.apply(
            "SketchArticles",
            ParDo.of(new SketchFn(settings, shards, failures))
                .withOutputTags(
                    SKETCHES,
                    TupleTagList.of(KEYED_ARTICLES)
                        .and(BAND_ENTRIES)
                        .and(BadRecordRouter.BAD_RECORD_TAG)));
    failures.collect(sketched);
    PCollection<KV<Integer, DocSketch>> sketchesByShard =
        sketched.get(SKETCHES).setCoder(DuplicateClusters.sketchEntryCoder());
    PCollection<KV<String, Article>> articlesByFingerprint =
        sketched
            .get(KEYED_ARTICLES)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(Article.class)));

    PCollectionTuple clusterInput =
        PCollectionTuple.of(DuplicateClusters.SKETCHES, sketchesByShard)
            .and(
                DuplicateClusters.BAND_ENTRIES,
                sketched.get(BAND_ENTRIES).setCoder(DuplicateClusters.bandEntryCoder()));
    if (previous != null) {
      clusterInput = clusterInput.and(DuplicateClusters.PREVIOUS, previous);
    }
    PCollectionTuple clusters =
        clusterInput.apply("ClusterDuplicates", new DuplicateClusters(settings, shards));
    PCollection<KV<String, ClusterLink>> linksByFingerprint = clusters.get(DuplicateClusters.LINKS);

    PCollection<KV<Article, DuplicateRow>> attached =
        articlesByFingerprint.apply(
            "JoinArticlesToLinks",
            new ShardedLookupJoin<>(
                linksByFingerprint,
                DedupCoders.link(),
                AvroCoder.of(Article.class),
                KvCoder.of(
                    AvroCoder.of(Article.class),
                    NullableCoder.of(AvroCoder.of(DuplicateRow.class))),
                shards,
                new AttachDedupFn()));
    PCollection<Article> deduped =
        attached
            .apply("DedupedArticles", ParDo.of(new ArticleOfFn()))
            .setCoder(AvroCoder.of(Article.class));
    PCollection<DuplicateRow> duplicates =
        attached
            .apply("DuplicateRows", ParDo.of(new DuplicateRowOfFn()))
            .setCoder(AvroCoder.of(DuplicateRow.class));

    return new DedupResult(
        deduped,
        duplicates,
        clusters.get(DuplicateClusters.CANONICAL_SKETCHES),
        PCollectionList.of(DuplicateClusters.clusterCounts(linksByFingerprint))
            .and(DuplicateClusters.duplicateCounts(duplicates))
            .apply("FlattenCounts", Flatten.pCollections()));
  }

  // ---- near-duplicate candidates -------------------------------------------------------------

  /**
   * Shuffle shards of the LSH buckets. One shuffle key per bucket would be bands x articles keys:
   * runners pay per key, and the DirectRunner queues a work item per key and input bundle. Buckets
   * are hashed into four times the join shards instead; a shard holds about articles x bands /
   * shards (bucket, fingerprint) entries, sorted in memory by {@link BucketStars}.
   */
  static int bucketShards(int shards) {
    return 4 * shards;
  }

  /** Star edges (member, bucket minimum) of the buckets in one shard: {@link BucketStars}. */
  static class StarEdgesFn extends DoFn<KV<Integer, Iterable<BandBlock>>, KV<String, String>> {
    private final Counter giant = Metrics.counter(DetectDuplicates.class, "giant_buckets_skipped");
    private final int maxBucketSize;

    StarEdgesFn(int maxBucketSize) {
      this.maxBucketSize = maxBucketSize;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<BandBlock>> shard, OutputReceiver<KV<String, String>> out) {
      BucketStars stars = new BucketStars(maxBucketSize);
      for (BandBlock block : shard.getValue()) {
        block.forEach(stars::add);
      }
      stars.emit((member, min) -> out.output(KV.of(member, min)));
      giant.inc(stars.giantBuckets());
    }
  }

  // ---- verification --------------------------------------------------------------------------

  /**
   * Turns (fingerprint, fingerprint) candidates into (representative id, representative id) edges,
   * kept only if the two representatives are duplicates under the {@link DuplicateRule} (Jaccard
   * similarity or containment: estimated, or exact with {@code --verify=exact}).
   */
  static class VerifyEdges
      extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
    private final PCollection<KV<String, DocSketch>> repsByFingerprint;
    private final DuplicateRule rule;
    private final int shards;

    VerifyEdges(
        PCollection<KV<String, DocSketch>> repsByFingerprint, DuplicateRule rule, int shards) {
      this.repsByFingerprint = repsByFingerprint;
      this.rule = rule;
      this.shards = shards;
    }

    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
      PCollection<KV<String, KV<String, DocSketch>>> halfJoined =
          repsByFingerprint.apply(
              "JoinSourceSignature",
              new ShardedLookupJoin<>(
                  edges,
                  StringUtf8Coder.of(),
                  sketchCoder(),
                  KvCoder.of(StringUtf8Coder.of(), keyedSketchCoder()),
                  shards,
                  new KeyByTargetFn()));
      return repsByFingerprint.apply(
          "JoinTargetSignature",
          new ShardedLookupJoin<>(
              halfJoined,
              keyedSketchCoder(),
              sketchCoder(),
              stringPairCoder(),
              shards,
              new KeepSimilarFn(rule)));
    }
  }

  /** (target, (source id, source sketch)) once per distinct target of a source. */
  static class KeyByTargetFn
      implements ShardedLookupJoin.JoinFn<String, DocSketch, KV<String, KV<String, DocSketch>>> {
    @Override
    public void join(
        String fingerprint,
        DocSketch source,
        List<String> targets,
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
    private final DuplicateRule rule;

    KeepSimilarFn(DuplicateRule rule) {
      this.rule = rule;
    }

    @Override
    public void join(
        String fingerprint,
        DocSketch target,
        List<KV<String, DocSketch>> halves,
        ShardedLookupJoin.Emitter<KV<String, String>> out) {
      for (KV<String, DocSketch> half : halves) {
        if (half.getValue().isArchived() && target.isArchived()) {
          continue; // two earlier runs' canonicals: their outputs are final, never re-compared
        }
        if (rule.isDuplicate(half.getValue(), target)) {
          verified.inc();
          out.emit(KV.of(half.getKey(), target.id));
        } else {
          rejected.inc();
        }
      }
    }
  }

  // ---- connected components ----------------------------------------------------------------

  /**
   * (node, component label = smallest id reachable) for every node with a verified edge, by one
   * union-find combiner over all verified edges ({@link ComponentForest}): runners pre-combine
   * partial forests per bundle, one merge then holds an entry per node in a component, and each
   * node's label is emitted from it.
   *
   * <p>Why not min-label propagation (a CoGroupByKey + Min.perKey round per hop, keyed by node): a
   * shuffle key per node per round, and a fixed number of rounds leaves a chain longer than the
   * rounds split into several labels; the union-find is exact for any diameter. Why not edges
   * hashed into shards with a union-find per shard: a component spans shards, so the shard forests
   * need a global merge anyway, and that is what this combiner is (partial forests per bundle,
   * merged). The merge is the only place that holds all nodes: the verified graph has at most about
   * one edge per near-duplicate representative, so it holds a string pair per node that has a near
   * duplicate, never an article.
   */
  static final class ConnectedComponents
      extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
    @Override
    public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
      return edges
          .apply("UniteEdges", Combine.globally(new UniteEdgesFn()).withoutDefaults())
          .setCoder(forestCoder())
          .apply("LabelEachNode", ParDo.of(new LabelEachNodeFn()))
          .setCoder(stringPairCoder());
    }
  }

  private static Coder<ComponentForest> forestCoder() {
    return DelegateCoder.of(
        MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()),
        ComponentForest::labels,
        ComponentForest::of);
  }

  /** Union-find over edges; partial forests merge into the forest of all edges. */
  static class UniteEdgesFn
      extends Combine.CombineFn<KV<String, String>, ComponentForest, ComponentForest> {
    @Override
    public ComponentForest createAccumulator() {
      return new ComponentForest();
    }

    @Override
    public ComponentForest addInput(ComponentForest forest, KV<String, String> edge) {
      forest.union(edge.getKey(), edge.getValue());
      return forest;
    }

    @Override
    public ComponentForest mergeAccumulators(Iterable<ComponentForest> forests) {
      ComponentForest merged = null;
      for (ComponentForest forest : forests) {
        merged = merged == null ? forest : merged.addAll(forest);
      }
      return merged == null ? createAccumulator() : merged;
    }

    @Override
    public ComponentForest extractOutput(ComponentForest forest) {
      return forest;
    }

    @Override
    public Coder<ComponentForest> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<String, String>> in) {
      return forestCoder();
    }

    @Override
    public Coder<ComponentForest> getDefaultOutputCoder(
        CoderRegistry registry, Coder<KV<String, String>> in) {
      return forestCoder();
    }
  }

  static class LabelEachNodeFn extends DoFn<ComponentForest, KV<String, String>> {
    private final Counter components = Metrics.counter(DetectDuplicates.class, "components");

    @ProcessElement
    public void process(@Element ComponentForest forest, OutputReceiver<KV<String, String>> out) {
      forest
          .labels()
          .forEach(
              (node, label) -> {
                if (node.equals(label)) {
                  components.inc();
                }
                out.output(KV.of(node, label));
              });
    }
  }

  // ---- chaining guard ------------------------------------------------------------------------

  /*
   * The chain guard's shuffle: components are hashed by label into the join shards and each shard's
   * components go through ChainGuard.links in memory, all passes at once, rather than a shuffle
   * group per component per pass. A shard holds the sketches of its components' members (a
   * signature each, plus the shingle set with --verify=exact).
   */

  /** (guard shard, (component label, sketch)) for each representative that is in a component. */
  static class KeyByComponentShardFn
      implements ShardedLookupJoin.JoinFn<String, DocSketch, KV<Integer, KV<String, DocSketch>>> {
    private final int shards;

    KeyByComponentShardFn(int shards) {
      this.shards = shards;
    }

    @Override
    public void join(
        String id,
        DocSketch doc,
        List<String> labels,
        ShardedLookupJoin.Emitter<KV<Integer, KV<String, DocSketch>>> out) {
      if (!labels.isEmpty()) {
        String label = labels.get(0);
        out.emit(KV.of(Shards.of(label, shards), KV.of(label, doc)));
      }
    }
  }

  /** The components of one shard, each through the {@link ChainGuard} passes. */
  static class GuardComponentsFn
      extends DoFn<KV<Integer, Iterable<KV<String, DocSketch>>>, KV<String, ClusterLink>> {
    private final Counter detached =
        Metrics.counter(DetectDuplicates.class, "chain_members_detached");
    private final ChainGuard guard;
    private final CanonicalPolicy policy;

    GuardComponentsFn(ChainGuard guard, CanonicalPolicy policy) {
      this.guard = guard;
      this.policy = policy;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<String, DocSketch>>> shard,
        OutputReceiver<KV<String, ClusterLink>> out) {
      Map<String, List<DocSketch>> byComponent = new HashMap<>();
      for (KV<String, DocSketch> member :
          shard.getValue()) { // one pass: a one-shot iterable on Flink
        byComponent.computeIfAbsent(member.getKey(), k -> new ArrayList<>()).add(member.getValue());
      }
      for (List<DocSketch> component : byComponent.values()) {
        ChainGuard.Outcome outcome = guard.links(component, policy);
        detached.inc(outcome.detached());
        for (ClusterLink link : outcome.links()) {
          out.output(KV.of(link.repId, link));
        }
      }
    }
  }

  // ---- links back to articles ----------------------------------------------------------------

  /**
   * (fingerprint, link): the component link, or a link to itself for a representative with none.
   */
  static class LinkEveryRepresentativeFn
      implements ShardedLookupJoin.JoinFn<ClusterLink, DocSketch, KV<ClusterLink, DocSketch>> {
    @Override
    public void join(
        String id,
        DocSketch doc,
        List<ClusterLink> links,
        ShardedLookupJoin.Emitter<KV<ClusterLink, DocSketch>> out) {
      // a representative in no component is its own cluster: itself plus its exact copies
      ClusterLink link = links.isEmpty() ? ClusterLink.alone(doc) : links.get(0);
      // the sketch goes to sketches/ when the representative is a canonical of this run
      out.emit(KV.of(link, link.isCanonical() && !doc.isArchived() ? doc : null));
    }
  }

  /** The article with its dedup record, and its duplicates row (null for a canonical article). */
  static class AttachDedupFn
      implements ShardedLookupJoin.JoinFn<ClusterLink, Article, KV<Article, DuplicateRow>> {
    private final Counter unlinked =
        Metrics.counter(DetectDuplicates.class, "articles_without_link");

    @Override
    public void join(
        String fingerprint,
        Article a,
        List<ClusterLink> links,
        ShardedLookupJoin.Emitter<KV<Article, DuplicateRow>> out) {
      if (links.isEmpty()) {
        unlinked.inc(); // cannot happen: every fingerprint has a representative
        return;
      }
      ClusterLink link = links.get(0);
      Article deduped = Article.newBuilder(a).setDedup(link.dedupInfo(a.getId())).build();
      out.emit(KV.of(deduped, link.duplicateRow(a.getId(), a.getSource(), a.getPublishedDate())));
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

  /**
   * Per fingerprint shard: the representative of each fingerprint (the best by the canonical
   * policy) with the number of articles sharing that exact text. The accumulator holds one sketch
   * per distinct fingerprint of the shard (~articles / 256), never the group of articles behind it.
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
      acc.merge(d.fingerprint, d, policy::mergeExact);
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

  static class EachRepresentativeFn
      extends DoFn<KV<Integer, Map<String, DocSketch>>, KV<String, DocSketch>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Map<String, DocSketch>> shard,
        OutputReceiver<KV<String, DocSketch>> out) {
      shard.getValue().forEach((fp, rep) -> out.output(KV.of(fp, rep)));
    }
  }

  static class KeyByIdFn extends DoFn<DocSketch, KV<String, DocSketch>> {
    @ProcessElement
    public void process(@Element DocSketch d, OutputReceiver<KV<String, DocSketch>> out) {
      out.output(KV.of(d.id, d));
    }
  }

  /**
   * Fingerprint, shingles and signature of each article; the article itself as (join shard,
   * (fingerprint, article)).
   */
  static class SketchFn extends DoFn<Article, KV<Integer, DocSketch>> {
    private final Counter empty = Metrics.counter(DetectDuplicates.class, "empty_texts");
    private final DedupSettings settings;
    private final int shards;
    private final StageFailures failures;
    private transient ArticleSketcher sketcher;
    private transient BandBlock.Gatherer bands;

    SketchFn(DedupSettings settings, int shards, StageFailures failures) {
      this.settings = settings;
      this.shards = shards;
      this.failures = failures;
    }

    @Setup
    public void setup() {
      sketcher = new ArticleSketcher(settings);
    }

    @StartBundle
    public void startBundle() {
      bands = DuplicateClusters.bandGatherer(shards);
    }

    @ProcessElement
    public void process(@Element Article a, MultiOutputReceiver out) throws Exception {
      ArticleSketcher.Sketch s;
      try {
        s = sketcher.sketch(a);
      } catch (RuntimeException | StackOverflowError e) {
        failures.route(out, a, e);
        return;
      }
      String fp = s.sketch().fingerprint;
      if (!s.hasWords()) {
        empty.inc(); // nothing to compare: its own exact group, no band keys
      }
      out.get(SKETCHES).output(DuplicateClusters.sketchEntry(s.sketch(), shards));
      out.get(KEYED_ARTICLES).output(KV.of(fp, a));
      for (long key : s.bandKeys()) {
        bands.add(key, fp);
      }
    }

    /** The bundle's band entries, a block per bucket shard. */
    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      bands.drain(
          (shard, block) ->
              c.output(
                  BAND_ENTRIES,
                  KV.of(shard, block),
                  GlobalWindow.INSTANCE.maxTimestamp(),
                  GlobalWindow.INSTANCE));
    }
  }
}
