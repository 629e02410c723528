package dev.newsbeam.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The file formats a run writes ({@code --format}). Both hold the same records with the same
 * schema: Avro under {@code <output>/<dataset>/}, Parquet (written through parquet-avro from the
 * same Avro schema, so field names and logical types match) under {@code
 * <output>/parquet/<dataset>/}.
 */
public enum OutputFormat {
  AVRO,
  PARQUET,
  BOTH;

  /** The value as users write it: {@code avro}, {@code parquet}, {@code both}. */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a format name (any case). */
  @JsonCreator
  public static OutputFormat parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "avro" -> AVRO;
      case "parquet" -> PARQUET;
      case "both" -> BOTH;
      default ->
          throw new IllegalArgumentException(
              "--format must be avro, parquet or both, not '" + name + "'");
    };
  }

  public boolean writesAvro() {
    return this != PARQUET;
  }

  public boolean writesParquet() {
    return this != AVRO;
  }
}
