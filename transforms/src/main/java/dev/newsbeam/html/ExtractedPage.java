package dev.newsbeam.html;

import java.util.List;

/**
 * What {@link ArticleExtractor} made of one page.
 *
 * @param kind an article, or why it is not one
 * @param metadata what the page says about itself
 * @param paragraphs the body's paragraphs in order (empty unless an article)
 */
public record ExtractedPage(Kind kind, PageMetadata metadata, List<String> paragraphs) {
  /** An article, or the reason a page is not one. */
  public enum Kind {
    ARTICLE,
    /** A section front, tag or search page: a list of links to articles. */
    NOT_ARTICLE,
    /** Too little body text to be an article. */
    EMPTY_BODY
  }

  /** The body: paragraphs separated by a blank line. */
  public String body() {
    return String.join("\n\n", paragraphs);
  }

  /**
   * The byline to hand the byline parser: the page's visible byline, else the structured authors as
   * {@code By A, B and C}; null when the page names no one.
   */
  public String bylineRaw() {
    if (metadata.visibleByline() != null) {
      return metadata.visibleByline();
    }
    List<String> a = metadata.authors();
    if (a.isEmpty()) {
      return null;
    }
    if (a.size() == 1) {
      return "By " + a.get(0);
    }
    return "By " + String.join(", ", a.subList(0, a.size() - 1)) + " and " + a.get(a.size() - 1);
  }
}
