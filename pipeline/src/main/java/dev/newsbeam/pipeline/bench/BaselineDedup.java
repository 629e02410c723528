package dev.newsbeam.pipeline.bench;

import dev.newsbeam.dedup.BucketStars;
import dev.newsbeam.dedup.CanonicalPolicy;
import dev.newsbeam.dedup.ChainGuard;
import dev.newsbeam.dedup.ClusterLink;
import dev.newsbeam.dedup.ComponentForest;
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
import java.util.concurrent.Callable;

/**
 * The DetectDuplicates stage without Beam, step for step over the same cores, so that it finds the
 * same clusters and canonicals as the pipeline (not only as {@code InMemoryDeduplicator}, which
 * links by id and uses union-find):
 *
 * <ol>
 *   <li>per article, in parallel: {@link TextFingerprint}, {@link Shingler} → {@link MinHasher}
 *       signature → {@link LshBands} keys (an empty body is its own exact group with no band keys);
 *   <li>exact representatives: per fingerprint the best sketch by {@link CanonicalPolicy}, exact
 *       copies counted;
 *   <li>LSH star edges between fingerprints with {@link BucketStars}, buckets split among the
 *       workers by key as the pipeline splits them among shuffle shards;
 *   <li>each distinct (fingerprint, fingerprint) edge verified by the representatives' Jaccard
 *       similarity ({@link DocSketch#similarity}: estimated, or exact with {@code --verify=exact});
 *   <li>connected components of the verified edges with {@link ComponentForest} (the union-find the
 *       pipeline's combiner accumulates);
 *   <li>{@link ChainGuard#links} per component, as the pipeline calls it per component; then every
 *       article takes its dedup record from the link of its fingerprint's representative.
 * </ol>
 *
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
  record Result(
      List<DuplicateRow> duplicates,
      long clusters,
      long exactDuplicates,
      long nearDuplicates,
      long largestCluster,
      long giantBuckets,
      long edgesVerified,
      long edgesRejected) {}

  Result run(List<Article> articles, WorkerPool pool) {
    int n = articles.size();
    DocSketch[] sketches = new DocSketch[n];
    long[][] bandKeys = new long[n][];
    sketch(articles, sketches, bandKeys, pool);

    // exact groups: the best representative per fingerprint, with the number of articles sharing it
    CanonicalPolicy policy = settings.keep();
    Map<String, DocSketch> reps = new HashMap<>();
    for (DocSketch d : sketches) {
      reps.merge(
          d.fingerprint,
          d,
          (a, b) -> policy.better(a, b).withExactCopies(a.exactCopies + b.exactCopies));
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
        if (DocSketch.similarity(source, target) >= settings.similarity()) {
          verified.add(new String[] {source.id, target.id});
        } else {
          rejected++;
        }
      }
    }

    ComponentForest forest = new ComponentForest();
    for (String[] e : verified) {
      forest.union(e[0], e[1]);
    }

    // chain guard per component (the outcome does not depend on the order of components or members:
    // every choice is a minimum under the policy's total order)
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
    Map<String, ClusterLink> linkByFingerprint = new HashMap<>();
    for (DocSketch r : reps.values()) {
      ClusterLink link = linkByRepId.get(r.id);
      linkByFingerprint.put(r.fingerprint, link != null ? link : ClusterLink.alone(r));
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
    return new Result(
        duplicates,
        clusters,
        exact,
        duplicates.size() - exact,
        largest,
        giant[0],
        verified.size(),
        rejected);
  }

  private void sketch(
      List<Article> articles, DocSketch[] sketches, long[][] bandKeys, WorkerPool pool) {
    MinHasher minHasher = settings.minHasher();
    LshBands bands = settings.bands();
    // one analyzer per worker, as each DoFn instance of the pipeline has its own (its Lucene
    // analyzers
    // and stem memo are built lazily)
    ThreadLocal<Shingler> shinglers = ThreadLocal.withInitial(settings::shingler);
    pool.slices(
        articles.size(),
        (from, to) -> {
          TextFingerprint fingerprints = new TextFingerprint(); // not thread-safe: one per slice
          Shingler shingler = shinglers.get();
          for (int i = from; i < to; i++) {
            Article a = articles.get(i);
            String fp = fingerprints.fingerprint(a.getText());
            int[] signature;
            int[] carried;
            if (fp == null) {
              fp = "~" + a.getId(); // nothing to compare: its own exact group, no band keys
              signature = new int[0];
              carried = signature;
            } else {
              long[] shingles = shingler.shingles(a.getText());
              signature = minHasher.signature(shingles);
              carried = settings.carriedShingles(shingles);
            }
            sketches[i] =
                new DocSketch(
                        a.getId(),
                        a.getSource(),
                        fp,
                        published(a),
                        a.getText() == null ? 0 : a.getText().length(),
                        signature)
                    .withShingles(carried);
            bandKeys[i] = signature.length > 0 ? bands.bandKeys(signature) : new long[0];
          }
          return null;
        });
  }

  /**
   * (source fingerprint → distinct target fingerprints) of the star edges. Buckets are split among
   * workers by key, each worker holding one {@link BucketStars} batch, as a pipeline shard does.
   */
  private Map<String, Set<String>> starEdges(
      DocSketch[] sketches, long[][] bandKeys, WorkerPool pool, long[] giant) {
    int shards = pool.threads();
    List<Callable<List<String[]>>> tasks = new ArrayList<>();
    long[] giantPerShard = new long[shards];
    for (int s = 0; s < shards; s++) {
      int shard = s;
      tasks.add(
          () -> {
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

  /** Sets every article's dedup record; returns the duplicates rows (non-canonical articles). */
  private static List<DuplicateRow> attach(
      List<Article> articles,
      DocSketch[] sketches,
      Map<String, ClusterLink> linkByFingerprint,
      WorkerPool pool) {
    List<DuplicateRow> rows = new ArrayList<>();
    for (List<DuplicateRow> part :
        pool.slices(
            articles.size(),
            (from, to) -> {
              List<DuplicateRow> out = new ArrayList<>();
              for (int i = from; i < to; i++) {
                Article a = articles.get(i);
                ClusterLink link = linkByFingerprint.get(sketches[i].fingerprint);
                DedupInfo info = link.dedupInfo(a.getId());
                a.setDedup(info);
                if (!info.getIsCanonical()) {
                  out.add(
                      DuplicateRow.newBuilder()
                          .setId(a.getId())
                          .setSource(a.getSource())
                          .setCanonicalId(link.canonicalId)
                          .setCanonicalSource(link.canonicalSource)
                          .setClusterId(link.canonicalId)
                          .setKind(info.getKind())
                          .setSimilarity(info.getSimilarity())
                          .setMatchedVia(
                              NEAR.equals(info.getKind()) && !a.getId().equals(link.repId)
                                  ? link.repId
                                  : null)
                          .build());
                }
              }
              return out;
            })) {
      rows.addAll(part);
    }
    return rows;
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
