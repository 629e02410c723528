package dev.newsbeam.lab.html;

import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.byline.Person;
import dev.newsbeam.html.ArticleExtractor;
import dev.newsbeam.html.ExtractedPage;
import java.util.List;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Document;

/** The extractors the evaluation compares: newsbeam's own and Readability4J as a baseline. */
public final class Extractors {
  /** What one extractor made of a page, in the terms the evaluation scores. */
  public record Result(
      boolean article, String title, String date, List<String> authors, String body, String lang) {}

  /** An extractor under evaluation. */
  @FunctionalInterface
  public interface Extractor {
    Result extract(byte[] html);
  }

  private Extractors() {}

  /**
   * newsbeam's: {@link ArticleExtractor}, then the byline parser over its byline, as the pipeline
   * credits authors.
   */
  public static Extractor newsbeam() {
    ArticleExtractor extractor = new ArticleExtractor();
    ArticleBylines bylines = ArticleBylines.withBundledOutlets();
    return html -> {
      ExtractedPage page = extractor.extract(html, html.length, null, null);
      List<String> authors =
          bylines.parse(page.bylineRaw(), page.body(), page.metadata().site()).authors().stream()
              .filter(p -> p.role().equals(Person.AUTHOR))
              .map(Person::name)
              .toList();
      String published = page.metadata().published();
      return new Result(
          page.kind() == ExtractedPage.Kind.ARTICLE,
          page.metadata().title(),
          published == null ? null : published.substring(0, Math.min(10, published.length())),
          authors,
          page.body(),
          page.metadata().lang());
    };
  }

  /**
   * Readability4J (a port of Mozilla Readability) over the same jsoup parse: body and title; its
   * byline through the same byline parser; no date (Readability does not read one).
   */
  public static Extractor readability4j() {
    ArticleBylines bylines = ArticleBylines.withBundledOutlets();
    return html -> {
      Document doc = ArticleExtractor.parse(html, html.length, null, null);
      Article a = new Readability4J("http://localhost/", doc).parse();
      String body = a.getArticleContent() == null ? "" : paragraphs(a.getArticleContent());
      List<String> authors =
          bylines.parse(a.getByline(), body, null).authors().stream()
              .filter(p -> p.role().equals(Person.AUTHOR))
              .map(Person::name)
              .toList();
      return new Result(!body.isBlank(), a.getTitle(), null, authors, body, null);
    };
  }

  /** The block texts of Readability's content element, a blank line between them. */
  private static String paragraphs(org.jsoup.nodes.Element content) {
    StringBuilder b = new StringBuilder();
    for (org.jsoup.nodes.Element e : content.select("p, h2, h3, h4, li, blockquote, pre")) {
      if (e.parents().stream().anyMatch(p -> p.is("p, li, blockquote"))) {
        continue;
      }
      String t = e.text().strip();
      if (!t.isEmpty()) {
        b.append(b.length() == 0 ? "" : "\n\n").append(t);
      }
    }
    return b.length() == 0 ? content.text() : b.toString();
  }
}
