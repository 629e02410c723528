package dev.newsbeam.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The algorithm of {@link DetectDuplicates} on one machine, in memory: exact groups, LSH star
 * edges, verification, connected components ({@link ComponentForest}, as the pipeline), chain
 * guard. An oracle for tests and a quick way to sweep parameters on evaluation corpora; the
 * pipeline is the product. Returns article id → cluster id (= canonical id).
 */
public final class InMemoryDeduplicator {
  private final DedupSettings settings;

  public InMemoryDeduplicator(DedupSettings settings) {
    this.settings = settings;
  }

  /** One article: its sketch (id, published, length, fingerprint, signature). */
  public DocSketch sketch(
      String id,
      String text,
      Long published,
      TextFingerprint fingerprints,
      Shingler shingler,
      MinHasher hasher) {
    String fp = fingerprints.fingerprint(text);
    if (fp == null) {
      return new DocSketch(
          id, id, "~" + id, published, text == null ? 0 : text.length(), new int[0]);
    }
    long[] shingles = shingler.shingles(text);
    return new DocSketch(id, id, fp, published, text.length(), hasher.signature(shingles))
        .withShingles(settings.carriedShingles(shingles));
  }

  public Map<String, String> clusters(List<DocSketch> docs) {
    CanonicalPolicy policy = settings.keep();
    Map<String, DocSketch> reps = new TreeMap<>();
    for (DocSketch d : docs) {
      DocSketch cur = reps.get(d.fingerprint);
      reps.put(
          d.fingerprint,
          cur == null ? d : policy.better(cur, d).withExactCopies(cur.exactCopies + 1));
    }
    Map<String, DocSketch> repById = new HashMap<>();
    for (DocSketch r : reps.values()) {
      repById.put(r.id, r);
    }
    LshBands bands = settings.bands();
    BucketStars stars = new BucketStars(settings.maxBucketSize());
    for (DocSketch r : repById.values()) {
      if (r.signature.length == 0) {
        continue;
      }
      for (long k : bands.bandKeys(r.signature)) {
        stars.add(k, r.id);
      }
    }
    ComponentForest forest = new ComponentForest();
    stars.emit(
        (member, min) -> {
          if (DocSketch.similarity(repById.get(member), repById.get(min))
              >= settings.similarity()) {
            forest.union(member, min);
          }
        });
    Map<String, List<DocSketch>> components = new TreeMap<>();
    forest
        .labels()
        .forEach(
            (id, label) ->
                components.computeIfAbsent(label, k -> new ArrayList<>()).add(repById.get(id)));
    Map<String, String> repCanonical = new HashMap<>();
    ChainGuard guard = settings.guard();
    for (List<DocSketch> component : components.values()) {
      guard.assign(component, policy).forEach((id, a) -> repCanonical.put(id, a.canonicalId()));
    }
    Map<String, String> out = new HashMap<>();
    for (DocSketch d : docs) {
      String rep = reps.get(d.fingerprint).id;
      out.put(d.id, repCanonical.getOrDefault(rep, rep));
    }
    return out;
  }
}
