package dev.newsbeam.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.Locale;

/**
 * Which article of a duplicate cluster is kept ({@code --keep}). Every policy is a total order
 * ending in the smallest id, then the smallest source, so the choice never depends on arrival
 * order, bundle boundaries or the runner.
 *
 * <ul>
 *   <li>{@code earliest} (default): earliest published, then longest text, then smallest id;
 *   <li>{@code latest}: latest published, then longest text, then smallest id;
 *   <li>{@code longest}: longest text, then earliest published, then smallest id.
 * </ul>
 *
 * Articles without a publication time rank after dated ones under {@code earliest} and {@code
 * latest}. Under every policy the canonical articles of earlier runs ({@code --previous}, {@link
 * DocSketch#isArchived}) rank before this run's articles: an earlier output is never changed, so a
 * story it holds keeps its canonical, and a new copy joins it whatever its date.
 */
public enum CanonicalPolicy {
  EARLIEST,
  LATEST,
  LONGEST;

  private static final Comparator<DocSketch> PUBLISHED_ASC =
      Comparator.comparing(
          (DocSketch d) -> d.published, Comparator.nullsLast(Comparator.naturalOrder()));
  private static final Comparator<DocSketch> PUBLISHED_DESC =
      Comparator.comparing(
          (DocSketch d) -> d.published, Comparator.nullsLast(Comparator.reverseOrder()));
  private static final Comparator<DocSketch> LONGER_FIRST =
      Comparator.comparingInt((DocSketch d) -> d.length).reversed();
  private static final Comparator<DocSketch> ID = Comparator.comparing((DocSketch d) -> d.id);

  /**
   * The last tie-break: the same record read twice under one id (one JSONL file copied into two
   * folders) differs only in where it was read, and the sketch a run keeps names that place.
   */
  private static final Comparator<DocSketch> SOURCE =
      Comparator.comparing(
          (DocSketch d) -> d.source, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static final Comparator<DocSketch> ARCHIVED_FIRST =
      Comparator.comparing((DocSketch d) -> !d.isArchived());

  /** The value as users write it: {@code earliest}, {@code latest} or {@code longest}. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code earliest|latest|longest} (any case; the option parser calls it too). */
  @JsonCreator
  public static CanonicalPolicy parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "earliest" -> EARLIEST;
      case "latest" -> LATEST;
      case "longest" -> LONGEST;
      default ->
          throw new IllegalArgumentException(
              "--keep must be earliest, latest or longest, not '" + value + "'");
    };
  }

  /** Orders candidates best first: the canonical is the minimum. */
  public Comparator<DocSketch> order() {
    return ARCHIVED_FIRST.thenComparing(
        switch (this) {
          case EARLIEST ->
              PUBLISHED_ASC.thenComparing(LONGER_FIRST).thenComparing(ID).thenComparing(SOURCE);
          case LATEST ->
              PUBLISHED_DESC.thenComparing(LONGER_FIRST).thenComparing(ID).thenComparing(SOURCE);
          case LONGEST ->
              LONGER_FIRST.thenComparing(PUBLISHED_ASC).thenComparing(ID).thenComparing(SOURCE);
        });
  }

  /**
   * Two sketches with the same exact text as one: the better of the two, counting both sides'
   * copies. Associative and commutative, so partial groups merge in any order.
   */
  public DocSketch mergeExact(DocSketch a, DocSketch b) {
    return better(a, b).withExactCopies(a.exactCopies + b.exactCopies);
  }

  /** The better of two candidates (null-tolerant, so it serves as a combiner's merge). */
  public DocSketch better(DocSketch a, DocSketch b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return order().compare(a, b) <= 0 ? a : b;
  }
}
