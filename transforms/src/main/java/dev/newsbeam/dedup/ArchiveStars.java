package dev.newsbeam.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Candidate pairs between this run's articles and the canonical articles of earlier runs ({@code
 * --previous}) that share an LSH bucket: per bucket holding both, each new member is linked to the
 * bucket's smallest archived fingerprint and each archived member to the smallest new one. Two
 * archived articles are never paired (earlier outputs are final), and buckets without a new member
 * give nothing, so the archive costs a pass over its band entries, not pairs.
 *
 * <p>New entries go in first ({@link #addNew}); archived entries are then kept only for buckets
 * that hold a new member ({@link #addArchived}), so memory is the new side's entries plus the
 * archived entries that share a bucket with one. Buckets over {@code maxBucketSize} distinct
 * members are skipped and counted, as in {@link BucketStars}.
 */
public final class ArchiveStars {
  private final int maxBucketSize;
  private final Map<Long, TreeSet<String>> fresh = new HashMap<>();
  private final Map<Long, TreeSet<String>> archived = new HashMap<>();
  private long giantBuckets;

  public ArchiveStars(int maxBucketSize) {
    if (maxBucketSize < 2) {
      throw new IllegalArgumentException("maxBucketSize must be >= 2: " + maxBucketSize);
    }
    this.maxBucketSize = maxBucketSize;
  }

  /** A band entry of an article of this run. Call for every new entry before any archived one. */
  public void addNew(long bucketKey, String fingerprint) {
    fresh.computeIfAbsent(bucketKey, k -> new TreeSet<>()).add(fingerprint);
  }

  /** A band entry of an earlier run's canonical; ignored unless a new article shares the bucket. */
  public void addArchived(long bucketKey, String fingerprint) {
    if (fresh.containsKey(bucketKey)) {
      archived.computeIfAbsent(bucketKey, k -> new TreeSet<>()).add(fingerprint);
    }
  }

  /**
   * Emits (new fingerprint, archived fingerprint) candidate pairs of every bucket that holds both
   * (a fingerprint in both sets is an exact match, found by its fingerprint: not paired here).
   */
  public void emit(BiConsumer<String, String> pair) {
    List<Long> buckets = new ArrayList<>(archived.keySet());
    buckets.sort(Long::compare);
    for (long bucket : buckets) {
      TreeSet<String> news = fresh.get(bucket);
      TreeSet<String> olds = archived.get(bucket);
      if (news.size() + olds.size() > maxBucketSize) {
        giantBuckets++;
        continue;
      }
      String oldMin = olds.first();
      String newMin = news.first();
      for (String n : news) {
        if (!n.equals(oldMin)) {
          pair.accept(n, oldMin);
        }
      }
      for (String o : olds) {
        if (!o.equals(oldMin) && !o.equals(newMin)) {
          pair.accept(newMin, o);
        }
      }
    }
  }

  /** Buckets skipped so far for holding more than maxBucketSize members. */
  public long giantBuckets() {
    return giantBuckets;
  }
}
