package dev.newsbeam.ingest;

import java.util.Locale;

/**
 * Why an input record was read but deliberately not made an article: counted in the manifest under
 * {@code counts.skipped_by_reason}, never written to {@code errors/} (nothing is wrong with it).
 */
public enum SkipReason {
  /** A WARC {@code request} record (what the crawler sent). */
  WARC_REQUEST,
  /** A WARC {@code metadata} record. */
  WARC_METADATA,
  /** A WARC {@code revisit} record: the payload is an earlier capture's. */
  WARC_REVISIT,
  /** Any other WARC record without a page ({@code warcinfo}, {@code resource}, ...). */
  WARC_OTHER,
  /** An HTTP response whose status is not 2xx (a redirect, a 404). */
  HTTP_STATUS,
  /** A response whose payload is not HTML (a PDF, an image, JSON). */
  NOT_HTML,
  /** An HTML page that is not an article: a section front, a tag or search page. */
  NOT_ARTICLE,
  /** An HTML page with too little body text to be an article. */
  EMPTY_BODY,
  /** An article in a language that {@code --languages} does not keep. */
  LANGUAGE;

  /** The lower-case code written to the manifest. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The manifest counter this reason adds one to: {@code skipped.<code>}. */
  public String counter() {
    return "skipped." + code();
  }
}
