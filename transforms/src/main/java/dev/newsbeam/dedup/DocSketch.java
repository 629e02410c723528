package dev.newsbeam.dedup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.avro.reflect.Nullable;

/**
 * What dedup needs to know about one article, without its text: identity, the fields the canonical
 * policy ranks by, how many articles share its exact fingerprint, its MinHash signature and, with
 * {@code --verify=exact}, its shingle set; and how many distinct shingles it has, for the
 * containment test of {@link DuplicateRule}.
 *
 * <p>A plain value with public fields; its coder is {@link DedupCoders#sketch()}.
 */
public final class DocSketch implements Serializable {
  private static final long serialVersionUID = 1L;

  public String id;
  public String source;

  /**
   * Exact-text fingerprint ({@link TextFingerprint}), or {@code "~" + id} for a body with no text.
   */
  public String fingerprint;

  /** Epoch millis of publication (published_at, else midnight UTC of published_date), or null. */
  @Nullable public Long published;

  /** Length of the body in characters. */
  public int length;

  /**
   * Articles with this article's exact fingerprint, itself included (1 when it has no exact copy).
   */
  public long exactCopies = 1;

  /** MinHash signature; empty when the body has no words. */
  public int[] signature = new int[0];

  /**
   * The body's shingle set ({@link Shingler#compact}) with {@code --verify=exact}; empty otherwise
   * (and when the body has no words).
   */
  public int[] shingles = new int[0];

  /**
   * Distinct shingles of the body (the length of {@link Shingler#shingles}), whether or not the
   * sketch carries them; 0 when the body has no words. What containment is measured against.
   */
  public int shingleCount;

  /** The body's figures ({@link Figures}): sorted distinct hashes; empty when it has none. */
  public int[] figures = new int[0];

  /**
   * Run id of the earlier run whose canonical article this is ({@code --previous}); null for an
   * article of this run. An archived sketch's {@link #id} is {@link #archivedId}: an article of
   * this run may carry the same article id (a batch run twice), and the two must stay two nodes.
   */
  @Nullable public String run;

  public DocSketch() {}

  public DocSketch(
      String id, String source, String fingerprint, Long published, int length, int[] signature) {
    this.id = id;
    this.source = source;
    this.fingerprint = fingerprint;
    this.published = published;
    this.length = length;
    this.signature = signature;
  }

  /**
   * The sketch of a canonical article of the earlier run {@code run}, as read back from its {@code
   * sketches/}: its {@link #id} is {@link #archivedId}, and it counts no article of this run
   * ({@link #exactCopies} 0), so cluster sizes count this run's articles only.
   */
  public static DocSketch archived(
      String run, String id, String source, String fingerprint, Long published, int length) {
    DocSketch d =
        new DocSketch(archivedId(run, id), source, fingerprint, published, length, new int[0]);
    d.run = run;
    d.exactCopies = 0;
    return d;
  }

  /** Separates run and article id in an {@link #archivedId}; occurs in neither. */
  private static final char ARCHIVE_MARK = '\u0000';

  /** The node id of article {@code id} of the earlier run {@code run}. */
  public static String archivedId(String run, String id) {
    return ARCHIVE_MARK + run + ARCHIVE_MARK + id;
  }

  /** The article id of a node id: itself for this run's articles, the id part of an archived. */
  public static String articleId(String nodeId) {
    if (nodeId.isEmpty() || nodeId.charAt(0) != ARCHIVE_MARK) {
      return nodeId;
    }
    return nodeId.substring(nodeId.indexOf(ARCHIVE_MARK, 1) + 1);
  }

  /** Whether this is a canonical article of an earlier run ({@link #archived}). */
  public boolean isArchived() {
    return run != null;
  }

  public DocSketch withExactCopies(long copies) {
    DocSketch d = new DocSketch(id, source, fingerprint, published, length, signature);
    d.run = run;
    d.shingles = shingles;
    d.shingleCount = shingleCount;
    d.figures = figures;
    d.exactCopies = copies;
    return d;
  }

  /** This sketch carrying {@code shingles} (sorted, distinct: {@link Shingler#compact}). */
  public DocSketch withShingles(int[] shingles) {
    DocSketch d = withExactCopies(exactCopies);
    d.shingles = shingles;
    return d;
  }

  /** This sketch with {@link #figures} {@code figures} (sorted, distinct: {@link Figures}). */
  public DocSketch withFigures(int[] figures) {
    DocSketch d = withExactCopies(exactCopies);
    d.figures = figures;
    return d;
  }

  /** This sketch with {@link #shingleCount} {@code count}. */
  public DocSketch withShingleCount(int count) {
    DocSketch d = withExactCopies(exactCopies);
    d.shingleCount = count;
    return d;
  }

  /**
   * Jaccard similarity of two articles' shingle sets: exact when both sketches carry their shingles
   * ({@code --verify=exact}), else estimated from the MinHash signatures.
   */
  public static double similarity(DocSketch a, DocSketch b) {
    if (a.shingles.length > 0 && b.shingles.length > 0) {
      return Shingler.jaccard(a.shingles, b.shingles);
    }
    return MinHasher.similarity(a.signature, b.signature);
  }

  /**
   * Containment of the smaller shingle set in the larger, {@code |A∩B| / min(|A|,|B|)}: exact when
   * both sketches carry their shingles ({@code --verify=exact}), else estimated from the MinHash
   * Jaccard estimate and the two {@link #shingleCount}s ({@link #estimatedContainment}). 0 when
   * either has no shingles.
   */
  public static double containment(DocSketch a, DocSketch b) {
    if (a.shingles.length > 0 && b.shingles.length > 0) {
      return (double) Shingler.common(a.shingles, b.shingles)
          / Math.min(a.shingles.length, b.shingles.length);
    }
    return estimatedContainment(
        MinHasher.similarity(a.signature, b.signature), a.shingleCount, b.shingleCount);
  }

  /**
   * Containment from a Jaccard similarity {@code j} of sets of {@code sizeA} and {@code sizeB}
   * elements: {@code |A∩B| = j·|A∪B| = j·(|A|+|B|−|A∩B|)}, so {@code |A∩B| = j·(|A|+|B|)/(1+j)},
   * divided by the smaller size and capped at 1 (an overestimated {@code j} can imply more common
   * elements than the smaller set has). 0 when either set is empty.
   */
  public static double estimatedContainment(double j, int sizeA, int sizeB) {
    int smaller = Math.min(sizeA, sizeB);
    if (smaller <= 0) {
      return 0;
    }
    double common = j * ((double) sizeA + sizeB) / (1 + j);
    return Math.min(1.0, common / smaller);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DocSketch d)) {
      return false;
    }
    return length == d.length
        && exactCopies == d.exactCopies
        && shingleCount == d.shingleCount
        && Arrays.equals(figures, d.figures)
        && Objects.equals(id, d.id)
        && Objects.equals(source, d.source)
        && Objects.equals(fingerprint, d.fingerprint)
        && Objects.equals(published, d.published)
        && Objects.equals(run, d.run)
        && Arrays.equals(signature, d.signature)
        && Arrays.equals(shingles, d.shingles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, published, length, exactCopies);
  }

  @Override
  public String toString() {
    return "DocSketch{"
        + id
        + ", published="
        + published
        + ", length="
        + length
        + ", copies="
        + exactCopies
        + ", shingles="
        + shingleCount
        + "}";
  }
}
