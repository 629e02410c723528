package dev.newsbeam.stage;

import dev.newsbeam.ingest.InputFormat;
import dev.newsbeam.schema.Article;

/**
 * What a stage failure keeps of the article it failed on: enough to find it again, not the whole
 * article (Beam's {@code BadRecordRouter} writes this as the bad record's JSON).
 *
 * @param id the article id
 * @param file the input file it was read from
 * @param location {@code line N} for a JSONL article, null for a text file
 * @param text the start of its text, for the error record's excerpt
 */
public record FailedArticle(String id, String file, String location, String text) {
  /** Longest text kept; the error record keeps at most {@code Errors.EXCERPT_CHARS} of it. */
  static final int TEXT_CHARS = 400;

  public static FailedArticle of(Article article) {
    String text = article.getText();
    if (text != null && text.length() > TEXT_CHARS) {
      text = text.substring(0, TEXT_CHARS);
    }
    String source = article.getSource();
    int colon = source.lastIndexOf(':');
    if (InputFormat.JSONL.code().equals(article.getInputFormat())
        && colon > 0
        && colon < source.length() - 1
        && source.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      return new FailedArticle(
          article.getId(), source.substring(0, colon), "line " + source.substring(colon + 1), text);
    }
    return new FailedArticle(article.getId(), source, null, text);
  }
}
