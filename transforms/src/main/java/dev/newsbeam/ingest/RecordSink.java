package dev.newsbeam.ingest;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;

/** Receives what a parser makes of each input record: an article or an error, never neither. */
public interface RecordSink {
  void article(Article article);

  void error(ErrorRecord error);
}
