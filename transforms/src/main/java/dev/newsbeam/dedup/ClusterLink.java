package dev.newsbeam.dedup;

import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.schema.DuplicateRow;
import java.io.Serializable;
import java.util.Objects;

/**
 * Where one exact-text representative ended up: its canonical, its similarity to it, and what the
 * canonical's record needs (cluster size, whether it has exact copies). Every article with the
 * representative's fingerprint takes its dedup record from this link.
 *
 * <p>Plain value; its coder is {@link DedupCoders#link()}.
 */
public final class ClusterLink implements Serializable {
  private static final long serialVersionUID = 1L;

  public String repId;
  public String repFingerprint;
  public String canonicalId;
  public String canonicalSource;
  public double similarity;

  /** Articles in the cluster (exact copies included); set on the canonical's own link, else 0. */
  public long clusterSize;

  /** Articles sharing the canonical's exact text, the canonical included. */
  public long canonicalExactCopies;

  /**
   * Run id of the earlier run whose canonical this is ({@link DocSketch#isArchived}); {@link
   * #canonicalId} is then the canonical's node id ({@link DocSketch#archivedId}). Null when the
   * canonical is an article of this run.
   */
  public String canonicalRun;

  public ClusterLink() {}

  public ClusterLink(
      String repId,
      String repFingerprint,
      String canonicalId,
      String canonicalSource,
      double similarity,
      long clusterSize,
      long canonicalExactCopies) {
    this.repId = repId;
    this.repFingerprint = repFingerprint;
    this.canonicalId = canonicalId;
    this.canonicalSource = canonicalSource;
    this.similarity = similarity;
    this.clusterSize = clusterSize;
    this.canonicalExactCopies = canonicalExactCopies;
  }

  /** The link of a representative that is its own cluster: itself plus its exact copies. */
  public static ClusterLink alone(DocSketch d) {
    return to(d, d, 1.0, d.exactCopies);
  }

  /** The link of {@code member} to the canonical {@code canonical}. */
  public static ClusterLink to(
      DocSketch member, DocSketch canonical, double similarity, long clusterSize) {
    ClusterLink l =
        new ClusterLink(
            member.id,
            member.fingerprint,
            canonical.id,
            canonical.source,
            similarity,
            clusterSize,
            canonical.exactCopies);
    l.canonicalRun = canonical.run;
    return l;
  }

  /** The canonical's article id (in its own run's output when {@link #canonicalRun} is set). */
  public String canonicalArticleId() {
    return DocSketch.articleId(canonicalId);
  }

  public boolean isCanonical() {
    return repId.equals(canonicalId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterLink l
        && repId.equals(l.repId)
        && canonicalId.equals(l.canonicalId)
        && Objects.equals(canonicalSource, l.canonicalSource)
        && similarity == l.similarity
        && Objects.equals(canonicalRun, l.canonicalRun)
        && clusterSize == l.clusterSize
        && canonicalExactCopies == l.canonicalExactCopies;
  }

  @Override
  public int hashCode() {
    return Objects.hash(repId, canonicalId);
  }

  @Override
  public String toString() {
    String canonical =
        canonicalRun == null ? canonicalId : canonicalRun + "/" + canonicalArticleId();
    return repId + "->" + canonical + "@" + similarity + " size=" + clusterSize;
  }

  /**
   * The {@code duplicates/} row of article {@code id} (read from {@code source}, published on
   * {@code publishedDate}, or null when unknown), which shares its exact text with {@link #repId};
   * null when the article is its cluster's canonical.
   */
  public DuplicateRow duplicateRow(String id, String source, java.time.LocalDate publishedDate) {
    DedupInfo info = dedupInfo(id);
    if (info.getIsCanonical()) {
      return null;
    }
    return DuplicateRow.newBuilder()
        .setId(id)
        .setSource(source)
        .setPublishedDate(publishedDate)
        .setCanonicalId(info.getCanonicalId())
        .setCanonicalSource(canonicalSource)
        .setClusterId(info.getClusterId())
        .setKind(info.getKind())
        .setSimilarity(info.getSimilarity())
        .setMatchedVia(
            DetectDuplicates.NEAR.equals(info.getKind()) && !id.equals(repId) ? repId : null)
        .setCanonicalRun(canonicalRun)
        .build();
  }

  /**
   * The dedup record of article {@code id} of this run, which shares its exact text with {@link
   * #repId}. An article is canonical only when the canonical is of this run: the same article run
   * again against its own earlier output is an exact copy of its earlier self.
   */
  public DedupInfo dedupInfo(String id) {
    String canonical = canonicalArticleId();
    DedupInfo.Builder info =
        DedupInfo.newBuilder()
            .setClusterId(canonical)
            .setCanonicalId(canonical)
            .setCanonicalRun(canonicalRun);
    if (canonicalRun == null && id.equals(canonicalId)) {
      String kind =
          canonicalExactCopies > 1
              ? DetectDuplicates.EXACT
              : clusterSize > 1 ? DetectDuplicates.NEAR : DetectDuplicates.UNIQUE;
      return info.setIsCanonical(true).setKind(kind).setSimilarity(1.0).build();
    }
    if (isCanonical()) {
      return info.setIsCanonical(false).setKind(DetectDuplicates.EXACT).setSimilarity(1.0).build();
    }
    return info.setIsCanonical(false)
        .setKind(DetectDuplicates.NEAR)
        .setSimilarity(similarity)
        .build();
  }
}
