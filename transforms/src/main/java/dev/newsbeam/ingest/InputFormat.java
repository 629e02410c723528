package dev.newsbeam.ingest;

import java.util.Locale;
import java.util.Optional;

/** Input formats, chosen by file extension after any compression extension is removed. */
public enum InputFormat {
  /** {@code *.txt}: the seed's format, a {@code date ...} header line then the body. */
  TEXT("text"),
  /** {@code *.jsonl}, {@code *.ndjson}: one JSON object per line. */
  JSONL("jsonl");

  private static final String[] COMPRESSION_SUFFIXES = {
    ".gz", ".gzip", ".bz2", ".zst", ".zstd", ".deflate"
  };

  private final String code;

  InputFormat(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The format of a file name such as {@code a/b.jsonl.gz}, or empty when unsupported. */
  public static Optional<InputFormat> ofFileName(String name) {
    String n = stripCompression(name.toLowerCase(Locale.ROOT));
    if (n.endsWith(".txt")) {
      return Optional.of(TEXT);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    return Optional.empty();
  }

  static String stripCompression(String lowerName) {
    for (String suffix : COMPRESSION_SUFFIXES) {
      if (lowerName.endsWith(suffix)) {
        return lowerName.substring(0, lowerName.length() - suffix.length());
      }
    }
    return lowerName;
  }
}
