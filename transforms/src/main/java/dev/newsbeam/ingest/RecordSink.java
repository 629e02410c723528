package dev.newsbeam.ingest;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;

/**
 * Receives what a parser makes of each input record: an article, an error or a counted skip, never
 * none of them.
 */
public interface RecordSink {
  void article(Article article);

  void error(ErrorRecord error);

  /** A record read but deliberately not made an article (a WARC request, a section front). */
  void skipped(SkipReason reason);
}
