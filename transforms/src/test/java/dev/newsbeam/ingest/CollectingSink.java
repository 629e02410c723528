package dev.newsbeam.ingest;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a parser emitted, for assertions. */
final class CollectingSink implements RecordSink {
  final List<Article> articles = new ArrayList<>();
  final List<ErrorRecord> errors = new ArrayList<>();
  final List<SkipReason> skipped = new ArrayList<>();

  @Override
  public void article(Article article) {
    articles.add(article);
  }

  @Override
  public void error(ErrorRecord error) {
    errors.add(error);
  }

  @Override
  public void skipped(SkipReason reason) {
    skipped.add(reason);
  }

  Article onlyArticle() {
    if (articles.size() != 1 || !errors.isEmpty()) {
      throw new AssertionError("expected one article, got " + articles + " and errors " + errors);
    }
    return articles.get(0);
  }

  ErrorRecord onlyError() {
    if (errors.size() != 1 || !articles.isEmpty()) {
      throw new AssertionError("expected one error, got " + errors + " and articles " + articles);
    }
    return errors.get(0);
  }
}
