package dev.newsbeam.html;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One HTML page in, its article out: decodes the bytes (the HTTP charset, else the BOM or {@code
 * <meta charset>}, else UTF-8), reads the page's metadata ({@link MetadataReader}) and its body
 * ({@link BodyExtractor}), and tells articles from pages that are not ones.
 *
 * <pre>{@code
 * ExtractedPage page = extractor.extract(bytes, bytes.length, "utf-8", "https://example.org/a");
 * if (page.kind() == ExtractedPage.Kind.ARTICLE) { page.metadata().title(); page.body(); }
 * }</pre>
 *
 * <p>A page is {@link ExtractedPage.Kind#NOT_ARTICLE} when its structured data calls it a listing
 * ({@code CollectionPage}, {@code ItemList}), or when nothing calls it an article and it carries a
 * list of teasers with little prose of its own; {@link ExtractedPage.Kind#EMPTY_BODY} when its body
 * has fewer than {@link #MIN_BODY_WORDS} words. Pure and thread-safe.
 */
public final class ArticleExtractor {
  /** A body with fewer words is no article (a teaser stub, an image page, an error page). */
  public static final int MIN_BODY_WORDS = 25;

  /** A page not typed as an article with this many teasers and little prose is a listing. */
  static final int LISTING_TEASERS = 4;

  /** Prose (in words) that makes an untyped page with teasers an article after all. */
  static final int LISTING_MAX_WORDS = 300;

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private final MetadataReader metadata = new MetadataReader();
  private final BodyExtractor bodies = new BodyExtractor();

  /**
   * Extracts from the first {@code length} bytes of {@code html}.
   *
   * @param httpCharset the charset of the HTTP {@code Content-Type}, or null
   * @param url the page's address (a WARC target URI) for relative links and as the URL when the
   *     page gives none, or null
   */
  public ExtractedPage extract(byte[] html, int length, String httpCharset, String url) {
    return extract(parse(html, length, httpCharset, url), url);
  }

  /** Extracts from a parsed page. */
  public ExtractedPage extract(Document doc, String url) {
    PageMetadata meta = metadata.read(doc, url);
    meta = withTitle(meta, cleanTitle(meta.title(), meta.site()));
    List<String> paragraphs = bodies.extract(doc, meta.title());
    paragraphs = preferHint(paragraphs, meta.articleBody());
    int words = words(String.join(" ", paragraphs));
    if (meta.listingTyped() || (!meta.articleTyped() && listing(doc, words))) {
      return new ExtractedPage(ExtractedPage.Kind.NOT_ARTICLE, meta, List.of());
    }
    if (words < MIN_BODY_WORDS) {
      return new ExtractedPage(ExtractedPage.Kind.EMPTY_BODY, meta, List.of());
    }
    return new ExtractedPage(ExtractedPage.Kind.ARTICLE, meta, List.copyOf(paragraphs));
  }

  /** Parses bytes with the HTTP charset when it is one Java knows, else jsoup's own detection. */
  public static Document parse(byte[] html, int length, String httpCharset, String url) {
    String charset = supported(httpCharset);
    try {
      return Jsoup.parse(
          new ByteArrayInputStream(html, 0, length), charset, url == null ? "" : url);
    } catch (IOException e) {
      // a byte array does not fail to read; a charset jsoup rejects falls back to detection
      try {
        return Jsoup.parse(new ByteArrayInputStream(html, 0, length), null, url == null ? "" : url);
      } catch (IOException again) {
        throw new IllegalStateException(again);
      }
    }
  }

  private static String supported(String charset) {
    if (charset == null || charset.isBlank()) {
      return null;
    }
    try {
      return Charset.isSupported(charset.strip()) ? charset.strip() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The JSON-LD {@code articleBody} when the DOM gave clearly less of it (a page that renders its
   * body by script, or markup the scorer misread); else the DOM's paragraphs, which keep the
   * paragraph breaks the hint often lacks.
   */
  private static List<String> preferHint(List<String> paragraphs, String hint) {
    if (hint == null) {
      return paragraphs;
    }
    int hintWords = words(hint);
    int domWords = words(String.join(" ", paragraphs));
    if (hintWords < 2 * MIN_BODY_WORDS || domWords * 2 >= hintWords) {
      return paragraphs;
    }
    List<String> out = new ArrayList<>();
    for (String p : hint.split("\\n\\s*")) {
      String t = p.replaceAll("\\s+", " ").strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** A list of teasers: several article cards or headline links, and little prose. */
  private static boolean listing(Document doc, int bodyWords) {
    if (bodyWords >= LISTING_MAX_WORDS) {
      return false;
    }
    int teasers = doc.select("article").size();
    if (teasers < LISTING_TEASERS) {
      teasers = 0;
      for (Element h : doc.select("h2, h3")) {
        Element a = h.selectFirst("a[href]");
        if (a != null && words(a.text()) >= 3) {
          teasers++;
        }
      }
    }
    return teasers >= LISTING_TEASERS;
  }

  /** The headline without a trailing {@code | Site} or {@code - Site} the page appended. */
  static String cleanTitle(String title, String site) {
    if (title == null) {
      return null;
    }
    String t = title;
    if (site != null) {
      String s = site.toLowerCase(Locale.ROOT);
      for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: ", " · "}) {
        int i = t.lastIndexOf(sep);
        if (i > 0 && t.substring(i + sep.length()).toLowerCase(Locale.ROOT).strip().equals(s)) {
          t = t.substring(0, i).strip();
          break;
        }
      }
    }
    return t;
  }

  private static PageMetadata withTitle(PageMetadata m, String title) {
    return new PageMetadata(
        title,
        m.published(),
        m.authors(),
        m.visibleByline(),
        m.site(),
        m.url(),
        m.lang(),
        m.articleTyped(),
        m.listingTyped(),
        m.articleBody());
  }

  /** Words as the evaluation counts them: runs of {@code \w}. */
  public static int words(String text) {
    int n = 0;
    java.util.regex.Matcher m = WORD.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }
}
