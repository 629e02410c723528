package dev.newsbeam.lab.baseline;

import dev.newsbeam.dedup.ArticleSketcher;
import dev.newsbeam.dedup.BucketStars;
import dev.newsbeam.dedup.CanonicalPolicy;
import dev.newsbeam.dedup.ChainGuard;
import dev.newsbeam.dedup.ClusterLink;
import dev.newsbeam.dedup.ComponentForest;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DetectDuplicates;
import dev.newsbeam.dedup.DocSketch;
import dev.newsbeam.dedup.DuplicateRule;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import dev.newsbeam.shuffle.Shards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The DetectDuplicates stage in memory, without Beam: the lab's one dedup engine. The plain-Java
 * baseline runs it over articles ({@link #run}); evaluations that sweep parameters run it over
 * sketches ({@link #clusters}). Step for step the pipeline's algorithm over the product's pure
 * pieces, so it finds the same clusters and canonicals:
 *
 * <ol>
 *   <li>per article: its {@link ArticleSketcher} sketch (fingerprint, signature, band keys), made
 *       by the caller (the baseline's spine step);
 *   <li>exact representatives: per fingerprint the best sketch, copies counted ({@link
 *       CanonicalPolicy#mergeExact});
 *   <li>LSH star edges between fingerprints with {@link BucketStars}, buckets split among the
 *       workers by {@link Shards} as the pipeline splits them among shuffle shards;
 *   <li>each distinct (fingerprint, fingerprint) edge verified by the {@link DuplicateRule}
 *       (Jaccard similarity, or containment with {@code --containment}), as the pipeline does;
 *   <li>connected components of the verified edges ({@link ComponentForest});
 *   <li>{@link ChainGuard#links} per component; every article takes its dedup record and its
 *       duplicates row from the link of its fingerprint's representative ({@link ClusterLink}).
 * </ol>
 */
public final class BaselineDedup {
  private final DedupSettings settings;

  public BaselineDedup(DedupSettings settings) {
    this.settings = settings;
  }

  /** Non-canonical rows and the manifest counts of the pipeline's dedup stage. */
  record Result(
      List<DuplicateRow> duplicates,
      long clusters,
      long exactDuplicates,
      long nearDuplicates,
      long largestCluster) {}

  /** The links of a corpus: one per distinct fingerprint, and what building them counted. */
  record Links(Map<String, ClusterLink> byFingerprint, long giantBuckets, long edgesVerified) {
    /** The cluster (canonical id) of a sketched article. */
    String clusterOf(DocSketch sketch) {
      return byFingerprint.get(sketch.fingerprint).canonicalId;
    }
  }

  /**
   * Sets every article's {@code dedup} in place from the sketches the spine made ({@code
   * sketches[i]} is the sketch of {@code articles.get(i)}); returns the duplicates rows and counts.
   */
  Result run(List<Article> articles, ArticleSketcher.Sketch[] sketches, WorkerPool pool) {
    Links links = links(List.of(sketches), pool);

    List<DuplicateRow> rows = new ArrayList<>();
    for (List<DuplicateRow> part :
        pool.slices(
            articles.size(),
            (from, to) -> {
              List<DuplicateRow> out = new ArrayList<>();
              for (int i = from; i < to; i++) {
                Article a = articles.get(i);
                ClusterLink link = links.byFingerprint().get(sketches[i].sketch().fingerprint);
                a.setDedup(link.dedupInfo(a.getId()));
                DuplicateRow row =
                    link.duplicateRow(a.getId(), a.getSource(), a.getPublishedDate());
                if (row != null) {
                  out.add(row);
                }
              }
              return out;
            })) {
      rows.addAll(part);
    }

    long clusters = 0;
    long largest = 0;
    for (ClusterLink link : links.byFingerprint().values()) {
      if (link.isCanonical()) {
        largest = Math.max(largest, link.clusterSize);
        if (link.clusterSize >= 2) {
          clusters++;
        }
      }
    }
    long exact = rows.stream().filter(r -> DetectDuplicates.EXACT.equals(r.getKind())).count();
    return new Result(rows, clusters, exact, rows.size() - exact, largest);
  }

  /** Article id → cluster id (its canonical's id) of sketched articles, on the calling thread. */
  public Map<String, String> clusters(List<ArticleSketcher.Sketch> sketches) {
    try (WorkerPool pool = new WorkerPool(1)) {
      Links links = links(sketches, pool);
      Map<String, String> out = new HashMap<>();
      for (ArticleSketcher.Sketch s : sketches) {
        out.put(s.sketch().id, links.clusterOf(s.sketch()));
      }
      return out;
    }
  }

  /** The link of every distinct fingerprint among {@code sketches}. */
  Links links(List<ArticleSketcher.Sketch> sketches, WorkerPool pool) {
    CanonicalPolicy policy = settings.keep();
    Map<String, DocSketch> reps = new HashMap<>();
    for (ArticleSketcher.Sketch s : sketches) {
      reps.merge(s.sketch().fingerprint, s.sketch(), policy::mergeExact);
    }
    Map<String, DocSketch> repsById = new HashMap<>();
    for (DocSketch r : reps.values()) {
      repsById.put(r.id, r);
    }

    long[] giant = new long[1];
    Map<String, Set<String>> targetsBySource = starEdges(sketches, pool, giant);

    ComponentForest forest = new ComponentForest();
    DuplicateRule rule = settings.rule();
    long verified = 0;
    for (Map.Entry<String, Set<String>> e : targetsBySource.entrySet()) {
      DocSketch source = reps.get(e.getKey());
      for (String targetFp : e.getValue()) {
        DocSketch target = reps.get(targetFp);
        if (rule.isDuplicate(source, target)) {
          forest.union(source.id, target.id);
          verified++;
        }
      }
    }

    // the chain guard per component: every choice is a minimum under the policy's total order, so
    // neither the order of components nor that of their members matters
    Map<String, List<DocSketch>> byComponent = new HashMap<>();
    forest
        .labels()
        .forEach(
            (id, label) ->
                byComponent.computeIfAbsent(label, k -> new ArrayList<>()).add(repsById.get(id)));
    ChainGuard guard = settings.guard();
    Map<String, ClusterLink> linkByRepId = new HashMap<>();
    for (List<DocSketch> component : byComponent.values()) {
      for (ClusterLink link : guard.links(component, policy).links()) {
        linkByRepId.put(link.repId, link);
      }
    }
    // a representative in no component is its own cluster: itself plus its exact copies
    Map<String, ClusterLink> byFingerprint = new HashMap<>();
    for (DocSketch r : reps.values()) {
      ClusterLink link = linkByRepId.get(r.id);
      byFingerprint.put(r.fingerprint, link != null ? link : ClusterLink.alone(r));
    }
    return new Links(byFingerprint, giant[0], verified);
  }

  /**
   * (source fingerprint → distinct target fingerprints) of the star edges. Buckets are split among
   * workers by key, each worker holding one {@link BucketStars} batch, as a pipeline shard does.
   */
  private Map<String, Set<String>> starEdges(
      List<ArticleSketcher.Sketch> sketches, WorkerPool pool, long[] giant) {
    int shards = pool.threads();
    List<Callable<List<String[]>>> tasks = new ArrayList<>();
    long[] giantPerShard = new long[shards];
    for (int s = 0; s < shards; s++) {
      int shard = s;
      tasks.add(
          () -> {
            BucketStars stars = new BucketStars(settings.maxBucketSize());
            for (ArticleSketcher.Sketch sketch : sketches) {
              for (long key : sketch.bandKeys()) {
                if (Shards.of(key, shards) == shard) {
                  stars.add(key, sketch.sketch().fingerprint);
                }
              }
            }
            List<String[]> edges = new ArrayList<>();
            stars.emit((member, min) -> edges.add(new String[] {member, min}));
            giantPerShard[shard] = stars.giantBuckets();
            return edges;
          });
    }
    Map<String, Set<String>> targets = new LinkedHashMap<>();
    for (List<String[]> edges : pool.all(tasks)) {
      for (String[] e : edges) {
        // the same (source, minimum) edge comes from every band the two share: verify it once
        targets.computeIfAbsent(e[0], k -> new LinkedHashSet<>()).add(e[1]);
      }
    }
    for (long g : giantPerShard) {
      giant[0] += g;
    }
    return targets;
  }
}
