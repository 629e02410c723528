package dev.newsbeam.benchmarks;

/**
 * The articles a per-article benchmark works on, one per operation, taken in turn. The {@code
 * article} parameter is {@value #MIX} by default (all bundled articles in a fixed order, so a run
 * sees different texts the way a pipeline worker does, and ops/s is articles/s over the mix), or
 * one article's name ({@code -p article=harbour-strike,council-budget,heatwave-hospitals} measures
 * each on its own).
 *
 * <p>Not thread-safe: keep it in a {@code Scope.Thread} state.
 */
final class ArticleCycle {
  static final String MIX = "mix";

  private final NewsArticle[] articles;
  private int next;

  ArticleCycle(String article) {
    articles =
        MIX.equals(article)
            ? NewsArticle.all().toArray(NewsArticle[]::new)
            : new NewsArticle[] {NewsArticle.load(article)};
  }

  NewsArticle next() {
    NewsArticle a = articles[next];
    next = next + 1 == articles.length ? 0 : next + 1;
    return a;
  }

  /** All articles of the cycle, in order. */
  NewsArticle[] articles() {
    return articles.clone();
  }
}
