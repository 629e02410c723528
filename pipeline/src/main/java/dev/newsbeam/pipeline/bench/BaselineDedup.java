package dev.newsbeam.pipeline.bench;

import dev.newsbeam.dedup.BucketStars;
import dev.newsbeam.dedup.CanonicalPolicy;
import dev.newsbeam.dedup.ChainGuard;
import dev.newsbeam.dedup.ClusterLink;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DetectDuplicates;
import dev.newsbeam.dedup.DocSketch;
import dev.newsbeam.dedup.LshBands;
import dev.newsbeam.dedup.MinHasher;
import dev.newsbeam.dedup.Shingler;
import dev.newsbeam.dedup.TextFingerprint;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.schema.DuplicateRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The DetectDuplicates stage without Beam, step for step over the same cores, so that it finds the same
 * clusters and canonicals as the pipeline (not only as {@code InMemoryDeduplicator}, which links by id
 * and uses union-find):
 * <ol>
 *   <li>per article, in parallel: {@link TextFingerprint}, {@link Shingler} → {@link MinHasher}
 *       signature → {@link LshBands} keys (an empty body is its own exact group with no band keys);
 *   <li>exact representatives: per fingerprint the best sketch by {@link CanonicalPolicy}, exact copies
 *       counted;
 *   <li>LSH star edges between fingerprints with {@link BucketStars}, buckets split among the workers
 *       by key as the pipeline splits them among shuffle shards;
 *   <li>each distinct (fingerprint, fingerprint) edge verified by the representatives' estimated Jaccard;
 *   <li>connected components by min-label propagation, {@code componentRounds} rounds as in the graph;
 *   <li>{@link ChainGuard} passes per component; then every article takes its dedup record from the link
 *       of its fingerprint's representative.
 * </ol>
 * Articles get their {@code dedup} field set in place.
 */
final class BaselineDedup {
  static final String EXACT = DetectDuplicates.EXACT;
  static final String NEAR = DetectDuplicates.NEAR;

  private final DedupSettings settings;

  BaselineDedup(DedupSettings settings) {
    this.settings = settings;
  }

  /** Non-canonical rows and the manifest counts of the pipeline's dedup stage. */
  record Result(List<DuplicateRow> duplicates, long clusters, long exactDuplicates, long nearDuplicates,
      long largestCluster, long giantBuckets, long edgesVerified, long edgesRejected) {}

  Result run(List<Article> articles, WorkerPool pool) {
    int n = articles.size();
    DocSketch[] sketches = new DocSketch[n];
    long[][] bandKeys = new long[n][];
    sketch(articles, sketches, bandKeys, pool);

    // exact groups: the best representative per fingerprint, with the number of articles sharing it
    CanonicalPolicy policy = settings.keep();
    Map<String, DocSketch> reps = new HashMap<>();
    for (DocSketch d : sketches) {
      reps.merge(d.fingerprint, d, (a, b) -> policy.better(a, b).withExactCopies(a.exactCopies + b.exactCopies));
    }
    Map<String, DocSketch> repsById = new HashMap<>();
    for (DocSketch r : reps.values()) {
      repsById.put(r.id, r);
    }

    // near: star edges of the shared LSH buckets (every article's keys, as the pipeline emits them)
    long[] giant = new long[1];
    Map<String, Set<String>> targetsBySource = starEdges(sketches, bandKeys, pool, giant);

    // verify each distinct (source, target) fingerprint edge with the representatives' signatures
    List<String[]> verified = new ArrayList<>();
    long rejected = 0;
    for (Map.Entry<String, Set<String>> e : targetsBySource.entrySet()) {
      DocSketch source = reps.get(e.getKey());
      for (String targetFp : e.getValue()) {
        DocSketch target = reps.get(targetFp);
        if (MinHasher.similarity(source.signature, target.signature) >= settings.similarity()) {
          verified.add(new String[] {source.id, target.id});
        } else {
          rejected++;
        }
      }
    }

    Map<String, String> labels = components(verified);

    // chain guard per component, in label order (the outcome does not depend on it: every choice is a
    // minimum under the policy's total order)
    Map<String, List<DocSketch>> byComponent = new TreeMap<>();
    labels.forEach((id, label) -> byComponent.computeIfAbsent(label, k -> new ArrayList<>()).add(repsById.get(id)));
    ChainGuard guard = settings.guard();
    Map<String, ClusterLink> linkByRepId = new HashMap<>();
    for (List<DocSketch> component : byComponent.values()) {
      Map<String, ChainGuard.Assignment> assigned = guard.assign(component, policy);
      Map<String, Long> clusterSizes = new HashMap<>();
      for (DocSketch member : component) {
        clusterSizes.merge(assigned.get(member.id).canonicalId(), member.exactCopies, Long::sum);
      }
      for (DocSketch member : component) {
        ChainGuard.Assignment a = assigned.get(member.id);
        DocSketch canonical = repsById.get(a.canonicalId());
        boolean isCanonical = member.id.equals(canonical.id);
        linkByRepId.put(member.id, new ClusterLink(member.id, member.fingerprint, canonical.id, canonical.source,
            isCanonical ? 1.0 : a.similarity(), isCanonical ? clusterSizes.get(canonical.id) : 0,
            canonical.exactCopies));
      }
    }
    // a representative in no component is its own cluster: itself plus its exact copies
    Map<String, ClusterLink> linkByFingerprint = new HashMap<>();
    for (DocSketch r : reps.values()) {
      ClusterLink link = linkByRepId.get(r.id);
      linkByFingerprint.put(r.fingerprint, link != null ? link : selfLink(r));
    }

    List<DuplicateRow> duplicates = attach(articles, sketches, linkByFingerprint, pool);

    long clusters = 0;
    long largest = 0;
    for (ClusterLink link : linkByFingerprint.values()) {
      if (link.isCanonical()) {
        largest = Math.max(largest, link.clusterSize);
        if (link.clusterSize >= 2) {
          clusters++;
        }
      }
    }
    long exact = duplicates.stream().filter(r -> EXACT.equals(r.getKind())).count();
    return new Result(duplicates, clusters, exact, duplicates.size() - exact, largest, giant[0],
        verified.size(), rejected);
  }

  private void sketch(List<Article> articles, DocSketch[] sketches, long[][] bandKeys, WorkerPool pool) {
    MinHasher minHasher = settings.minHasher();
    LshBands bands = settings.bands();
    // one analyzer per worker, as each DoFn instance of the pipeline has its own (its Lucene analyzers
    // and stem memo are built lazily)
    ThreadLocal<Shingler> shinglers = ThreadLocal.withInitial(settings::shingler);
    pool.slices(articles.size(), (from, to) -> {
      TextFingerprint fingerprints = new TextFingerprint(); // not thread-safe: one per slice
      Shingler shingler = shinglers.get();
      for (int i = from; i < to; i++) {
        Article a = articles.get(i);
        String fp = fingerprints.fingerprint(a.getText());
        int[] signature;
        if (fp == null) {
          fp = "~" + a.getId(); // nothing to compare: its own exact group, no band keys
          signature = new int[0];
        } else {
          signature = minHasher.signature(shingler.shingles(a.getText()));
        }
        sketches[i] = new DocSketch(a.getId(), a.getSource(), fp, published(a),
            a.getText() == null ? 0 : a.getText().length(), signature);
        bandKeys[i] = signature.length > 0 ? bands.bandKeys(signature) : new long[0];
      }
      return null;
    });
  }

  /**
   * (source fingerprint → distinct target fingerprints) of the star edges. Buckets are split among
   * workers by key, each worker holding one {@link BucketStars} batch, as a pipeline shard does.
   */
  private Map<String, Set<String>> starEdges(DocSketch[] sketches, long[][] bandKeys, WorkerPool pool,
      long[] giant) {
    int shards = pool.threads();
    List<Callable<List<String[]>>> tasks = new ArrayList<>();
    long[] giantPerShard = new long[shards];
    for (int s = 0; s < shards; s++) {
      int shard = s;
      tasks.add(() -> {
        BucketStars stars = new BucketStars(settings.maxBucketSize());
        for (int i = 0; i < sketches.length; i++) {
          for (long key : bandKeys[i]) {
            if (shardOf(key, shards) == shard) {
              stars.add(key, sketches[i].fingerprint);
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

  private static int shardOf(long bucketKey, int shards) {
    return (int) Math.floorMod(bucketKey ^ (bucketKey >>> 29), (long) shards);
  }

  /**
   * (node → component label) by min-label propagation over the verified edges: the initial label is the
   * smaller of the node and its smallest neighbour, then each round every node offers its label to
   * itself and its neighbours and keeps the smallest offer; {@code componentRounds} rounds, exactly as
   * the pipeline unrolls them (so a component of larger diameter splits the same way).
   */
  private Map<String, String> components(List<String[]> edges) {
    Map<String, List<String>> adjacency = new TreeMap<>();
    for (String[] e : edges) {
      adjacency.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]);
      adjacency.computeIfAbsent(e[1], k -> new ArrayList<>()).add(e[0]);
    }
    Map<String, String> labels = new HashMap<>();
    for (Map.Entry<String, List<String>> node : adjacency.entrySet()) {
      String min = node.getKey();
      for (String nb : node.getValue()) {
        if (nb.compareTo(min) < 0) {
          min = nb;
        }
      }
      labels.put(node.getKey(), min);
    }
    for (int round = 1; round <= settings.componentRounds(); round++) {
      Map<String, String> next = new HashMap<>();
      for (Map.Entry<String, List<String>> node : adjacency.entrySet()) {
        String label = labels.get(node.getKey());
        next.merge(node.getKey(), label, BaselineDedup::min);
        for (String nb : node.getValue()) {
          next.merge(nb, label, BaselineDedup::min);
        }
      }
      labels = next;
    }
    return labels;
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Sets every article's dedup record; returns the duplicates rows (non-canonical articles). */
  private static List<DuplicateRow> attach(List<Article> articles, DocSketch[] sketches,
      Map<String, ClusterLink> linkByFingerprint, WorkerPool pool) {
    List<DuplicateRow> rows = new ArrayList<>();
    for (List<DuplicateRow> part : pool.slices(articles.size(), (from, to) -> {
      List<DuplicateRow> out = new ArrayList<>();
      for (int i = from; i < to; i++) {
        Article a = articles.get(i);
        ClusterLink link = linkByFingerprint.get(sketches[i].fingerprint);
        DedupInfo info = link.dedupInfo(a.getId());
        a.setDedup(info);
        if (!info.getIsCanonical()) {
          out.add(DuplicateRow.newBuilder()
              .setId(a.getId())
              .setSource(a.getSource())
              .setCanonicalId(link.canonicalId)
              .setCanonicalSource(link.canonicalSource)
              .setClusterId(link.canonicalId)
              .setKind(info.getKind())
              .setSimilarity(info.getSimilarity())
              .setMatchedVia(NEAR.equals(info.getKind()) && !a.getId().equals(link.repId) ? link.repId : null)
              .build());
        }
      }
      return out;
    })) {
      rows.addAll(part);
    }
    return rows;
  }

  private static ClusterLink selfLink(DocSketch d) {
    return new ClusterLink(d.id, d.fingerprint, d.id, d.source, 1.0, d.exactCopies, d.exactCopies);
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
