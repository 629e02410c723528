package dev.newsbeam.dedup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.avro.reflect.Nullable;

/**
 * What dedup needs to know about one article, without its text: identity, the fields the canonical
 * policy ranks by, how many articles share its exact fingerprint, its MinHash signature and, with
 * {@code --verify=exact}, its shingle set.
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

  public DocSketch withExactCopies(long copies) {
    DocSketch d = new DocSketch(id, source, fingerprint, published, length, signature);
    d.shingles = shingles;
    d.exactCopies = copies;
    return d;
  }

  /** This sketch carrying {@code shingles} (sorted, distinct: {@link Shingler#compact}). */
  public DocSketch withShingles(int[] shingles) {
    DocSketch d = withExactCopies(exactCopies);
    d.shingles = shingles;
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

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DocSketch d)) {
      return false;
    }
    return length == d.length
        && exactCopies == d.exactCopies
        && Objects.equals(id, d.id)
        && Objects.equals(source, d.source)
        && Objects.equals(fingerprint, d.fingerprint)
        && Objects.equals(published, d.published)
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
        + "}";
  }
}
