package dev.newsbeam.ingest;

import dev.newsbeam.html.ArticleExtractor;
import dev.newsbeam.html.ExtractedPage;
import dev.newsbeam.html.PageMetadata;
import dev.newsbeam.schema.Article;
import java.util.Map;

/**
 * Makes one HTML page (a file, or a WARC response's payload) into an article with {@link
 * ArticleExtractor}, or a counted skip when the page is not an article. The page's declared
 * language travels on as the article's {@code language} with a null confidence: a hint that the
 * language step ({@link FileRecordReader}) replaces with its own identification.
 */
public final class HtmlRecordParser {
  private final ArticleExtractor extractor = new ArticleExtractor();

  /**
   * Parses the first {@code length} bytes of {@code html}.
   *
   * @param where the record's location in the file ({@code record 12}) or null for a whole file
   * @param id the article id
   * @param source the article's source
   * @param httpCharset the HTTP charset, or null
   * @param targetUri the WARC target URI, or null
   * @param extra values for the article's {@code extra} map (WARC record id and date)
   */
  public void parse(
      SourceFile file,
      String where,
      String id,
      String source,
      InputFormat format,
      byte[] html,
      int length,
      String httpCharset,
      String targetUri,
      Map<String, String> extra,
      RecordSink sink) {
    if (length == 0) {
      sink.error(Errors.of(file.path(), where, ErrorReason.EMPTY, "page is empty (0 bytes)", null));
      return;
    }
    ExtractedPage page;
    try {
      page = extractor.extract(html, length, httpCharset, targetUri);
    } catch (RuntimeException | StackOverflowError e) {
      // jsoup copes with any markup; this guards against the pathological (nesting depth)
      sink.error(
          Errors.of(
              file.path(),
              where,
              ErrorReason.UNREADABLE,
              "page could not be parsed: " + e,
              Utf8.lossy(html, Math.min(length, 4096))));
      return;
    }
    switch (page.kind()) {
      case NOT_ARTICLE -> sink.skipped(SkipReason.NOT_ARTICLE);
      case EMPTY_BODY -> sink.skipped(SkipReason.EMPTY_BODY);
      case ARTICLE -> sink.article(toArticle(id, source, format, page, extra));
    }
  }

  private static Article toArticle(
      String id, String source, InputFormat format, ExtractedPage page, Map<String, String> extra) {
    PageMetadata m = page.metadata();
    Article.Builder b =
        Article.newBuilder()
            .setId(id)
            .setSource(source)
            .setInputFormat(format.code())
            .setUrl(m.url())
            .setSite(m.site())
            .setTitle(m.title())
            .setOutlet(m.site())
            .setBylineRaw(page.bylineRaw())
            .setLanguage(m.lang())
            .setLanguageConfidence(null)
            .setText(page.body())
            .setExtra(extra);
    if (m.published() != null) {
      try {
        PublishedDate d = PublishedDate.parse(m.published());
        b.setPublishedDate(d.date()).setPublishedAt(d.instant());
      } catch (PublishedDate.BadDateException e) {
        // a page's date is metadata: a date that does not exist leaves the article undated
      }
    }
    return b.build();
  }
}
