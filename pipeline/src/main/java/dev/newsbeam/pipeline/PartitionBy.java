package dev.newsbeam.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How {@code articles/} and {@code duplicates/} are split into Hive-style folders ({@code
 * --partitionBy}): by the article's {@code published_date}, one {@code dt=...} folder per day or
 * month, or not at all. An article without a date goes to {@link #UNKNOWN}, so every article is in
 * exactly one partition.
 */
public enum PartitionBy {
  DAY,
  MONTH,
  NONE;

  /** The partition of articles without a {@code published_date}. */
  public static final String UNKNOWN = "dt=unknown";

  /** The value as users write it: {@code day}, {@code month}, {@code none}. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a partitioning name (any case). */
  @JsonCreator
  public static PartitionBy parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "day" -> DAY;
      case "month" -> MONTH;
      case "none" -> NONE;
      default ->
          throw new IllegalArgumentException(
              "--partitionBy must be day, month or none, not '" + name + "'");
    };
  }

  /** {@code date} as days since 1970-01-01 (Avro's {@code date}), null for null. */
  public static Integer epochDay(LocalDate date) {
    return date == null ? null : Math.toIntExact(date.toEpochDay());
  }

  /**
   * The folder of an article published on {@code epochDay} (days since 1970-01-01, null when
   * unknown), relative to its dataset: {@code dt=2025-02-12}, {@code dt=2025-02}, {@link #UNKNOWN},
   * or the empty string when not partitioned.
   */
  public String folder(Integer epochDay) {
    if (this == NONE) {
      return "";
    }
    if (epochDay == null) {
      return UNKNOWN;
    }
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    return this == DAY
        ? "dt=" + date
        : String.format(Locale.ROOT, "dt=%04d-%02d", date.getYear(), date.getMonthValue());
  }
}
