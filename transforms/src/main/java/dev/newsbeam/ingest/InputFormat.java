package dev.newsbeam.ingest;

import java.util.Locale;
import java.util.Optional;

/** Input formats, chosen by file extension after any compression extension is removed. */
public enum InputFormat {
  /** {@code *.txt}: the seed's format, a {@code date ...} header line then the body. */
  TEXT("text"),
  /** {@code *.jsonl}, {@code *.ndjson}: one JSON object per line. */
  JSONL("jsonl"),
  /** {@code *.html}, {@code *.htm}: one web page, its article extracted. */
  HTML("html"),
  /**
   * {@code *.warc}, {@code *.warc.gz}: a web archive; every HTML {@code response} record is one
   * page. Split by record offsets, so a {@code .warc.gz} (a gzip member per record) is entered in
   * the middle too.
   */
  WARC("warc");

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
    if (n.endsWith(".html") || n.endsWith(".htm")) {
      return Optional.of(HTML);
    }
    if (n.endsWith(".warc")) {
      return Optional.of(WARC);
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
