package dev.newsbeam.ingest;

import java.util.Locale;

/** Stable reason codes of {@code errors/*.avro}; downstream users filter on {@link #code()}. */
public enum ErrorReason {
  /** Bytes that are not valid UTF-8. */
  NOT_UTF8,
  /** The file holds binary data (NUL or many control bytes), not text. */
  BINARY,
  /** The file (or a text article) has no content at all. */
  EMPTY,
  /** A text file whose first line is not {@code date YYYY-MM-DD [byline]}. */
  BAD_HEADER,
  /** A date that does not exist or cannot be read ({@code 2025-02-30}). */
  BAD_DATE,
  /** A JSONL line that is not a JSON object. */
  BAD_JSON,
  /** A JSONL value of the wrong type ({@code "labels": "earn"}). */
  BAD_TYPE,
  /** No article body: JSONL without {@code text}, or a blank body. */
  MISSING_TEXT,
  /** An article or line longer than {@code --maxArticleBytes}. */
  TOO_LARGE,
  /** A compressed file that ends early; records before the cut are kept. */
  TRUNCATED,
  /**
   * A WARC record that cannot be read: a broken WARC or HTTP header, a body shorter than its
   * declared length.
   */
  BAD_WARC_RECORD,
  /** Any other I/O failure reading the file. */
  UNREADABLE,
  /** A file named explicitly whose extension is no supported format. */
  UNSUPPORTED_FORMAT,
  /**
   * An article whose processing threw in a stage (a bug, or input no stage foresaw): it left the
   * articles and the error record names the stage, the article and the exception.
   */
  STAGE_FAILED;

  /** The lower-case code written to Avro and the manifest. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
