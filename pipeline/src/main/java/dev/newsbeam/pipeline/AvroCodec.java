package dev.newsbeam.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.apache.avro.file.CodecFactory;

/** Block compression of every Avro output ({@code --avroCodec}). */
public enum AvroCodec {
  SNAPPY,
  DEFLATE,
  ZSTANDARD,
  NULL;

  /**
   * The value as users write it: {@code snappy}, {@code deflate}, {@code zstandard}, {@code null}.
   */
  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a codec name (any case; {@code zstd} and {@code none} too). */
  @JsonCreator
  public static AvroCodec parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "snappy" -> SNAPPY;
      case "deflate" -> DEFLATE;
      case "zstandard", "zstd" -> ZSTANDARD;
      case "null", "none" -> NULL;
      default ->
          throw new IllegalArgumentException(
              "--avroCodec must be snappy, deflate, zstandard or null, not '" + name + "'");
    };
  }

  public CodecFactory factory() {
    return switch (this) {
      case SNAPPY -> CodecFactory.snappyCodec();
      case DEFLATE -> CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
      case ZSTANDARD -> CodecFactory.zstandardCodec(3);
      case NULL -> CodecFactory.nullCodec();
    };
  }
}
