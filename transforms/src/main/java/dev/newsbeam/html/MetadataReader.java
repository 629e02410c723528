package dev.newsbeam.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Reads a page's own statements about itself into {@link PageMetadata}. Sources, most trusted
 * first: JSON-LD ({@code NewsArticle}, {@code Article}, {@code BlogPosting}, ... with {@code
 * headline}, {@code datePublished}, {@code author}, {@code publisher}, {@code articleBody}), then
 * OpenGraph and {@code article:*} meta, then plain meta ({@code author}, {@code date}, Dublin
 * Core), microdata ({@code itemprop}), and visible markup ({@code <time datetime>}, {@code <h1>},
 * an element whose class names a byline). Thread-safe.
 */
public final class MetadataReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "blogposting",
          "liveblogposting",
          "socialmediaposting",
          "report",
          "techarticle",
          "scholarlyarticle");
  private static final Set<String> LISTING_TYPES =
      Set.of("collectionpage", "itemlist", "searchresultspage", "profilepage");

  private static final Pattern BYLINE_CLASS =
      Pattern.compile(
          "(?i)(^|[-_ ])(byline|by-line|author|authors|article-author|writer)([-_ ]|$)");
  private static final Pattern NOT_BYLINE_CLASS =
      Pattern.compile("(?i)(bio|avatar|image|photo|img|comment|box|card|more|social|follow)");
  private static final Pattern URLISH = Pattern.compile("(?i)^(https?:)?//.*|^/.*");

  /** Reads {@code doc}; {@code fallbackUrl} (a WARC target URI) stands in for a missing one. */
  public PageMetadata read(Document doc, String fallbackUrl) {
    Ld ld = jsonLd(doc);

    String title =
        first(
            ld.headline,
            meta(doc, "property", "og:title"),
            meta(doc, "name", "twitter:title"),
            itemprop(doc, "headline"),
            h1(doc));
    if (title == null) {
      title = titleTag(doc); // reads the whole page: only when nothing better names the headline
    }

    String published =
        firstDate(
            ld.datePublished,
            meta(doc, "property", "article:published_time"),
            meta(doc, "name", "article:published_time"),
            meta(doc, "itemprop", "datePublished"),
            itempropDate(doc, "datePublished"),
            meta(doc, "name", "pubdate"),
            meta(doc, "name", "publishdate"),
            meta(doc, "name", "publish-date"),
            meta(doc, "name", "date"),
            meta(doc, "name", "dc.date"),
            meta(doc, "name", "dc.date.issued"),
            meta(doc, "name", "dcterms.created"),
            meta(doc, "name", "sailthru.date"),
            meta(doc, "name", "parsely-pub-date"),
            timeDatetime(doc),
            ld.dateCreated,
            ld.dateModified,
            meta(doc, "property", "og:updated_time"));
    if (published == null) {
      published = VisibleDate.find(doc); // reads the page's text: only when no markup dates it
    }

    List<String> authors = new ArrayList<>(ld.authors);
    if (authors.isEmpty() && ld.organizationAuthors.isEmpty()) {
      authors.addAll(microdataAuthors(doc));
    }
    if (authors.isEmpty() && ld.organizationAuthors.isEmpty()) {
      for (Element m : doc.select("meta[property=article:author], meta[name=article:author]")) {
        addName(authors, m.attr("content"));
      }
    }
    String byline = null;
    if (authors.isEmpty()) {
      byline = visibleByline(doc);
    }
    if (authors.isEmpty() && byline == null) {
      String metaAuthor = first(meta(doc, "name", "author"), meta(doc, "name", "dc.creator"));
      if (metaAuthor != null && !URLISH.matcher(metaAuthor).matches()) {
        byline = metaAuthor;
      }
    }
    if (authors.isEmpty() && byline == null) {
      byline = textByline(doc);
    }
    if (authors.isEmpty() && byline == null) {
      // an outlet named as the author: the article's credit when no person is named anywhere
      authors.addAll(ld.organizationAuthors);
    }

    String url =
        first(
            absUrl(doc.selectFirst("link[rel=canonical]")),
            meta(doc, "property", "og:url"),
            ld.url,
            articleItemUrl(doc),
            fallbackUrl);
    String site =
        first(
            ld.publisher,
            meta(doc, "property", "og:site_name"),
            meta(doc, "name", "application-name"),
            itempropPublisher(doc),
            host(url));

    String lang =
        primaryLang(doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang"));
    if (lang == null) {
      lang =
          primaryLang(
              first(
                  meta(doc, "property", "og:locale"), meta(doc, "http-equiv", "content-language")));
    }

    String ogType = meta(doc, "property", "og:type");
    boolean articleTyped =
        ld.article
            || (ogType != null && ogType.toLowerCase(Locale.ROOT).startsWith("article"))
            || meta(doc, "property", "article:published_time") != null
            || !doc.select("[itemtype~=(?i)schema.org/(News)?Article|BlogPosting]").isEmpty();
    boolean listingTyped = !ld.article && ld.listing;

    return new PageMetadata(
        clean(title),
        published,
        List.copyOf(authors),
        byline,
        clean(site),
        url,
        lang,
        articleTyped,
        listingTyped,
        ld.articleBody);
  }

  /** What the JSON-LD blocks of a page say, article nodes first. */
  private static final class Ld {
    String headline;
    String datePublished;
    String dateCreated;
    String dateModified;
    String publisher;
    String url;
    String articleBody;
    boolean article;
    boolean listing;
    final List<String> authors = new ArrayList<>();
    final List<String> organizationAuthors = new ArrayList<>();
  }

  private static Ld jsonLd(Document doc) {
    Ld ld = new Ld();
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(script.data().strip());
      } catch (Exception e) {
        continue; // a malformed block says nothing; the other sources still count
      }
      List<JsonNode> nodes = new ArrayList<>();
      flatten(root, nodes, 0);
      for (JsonNode n : nodes) {
        Set<String> types = types(n);
        if (types.stream().anyMatch(LISTING_TYPES::contains)) {
          ld.listing = true;
        }
        boolean isArticle = types.stream().anyMatch(ARTICLE_TYPES::contains);
        boolean isPage = types.contains("webpage");
        if (!isArticle && !isPage) {
          continue;
        }
        if (isArticle && !ld.article) {
          ld.article = true;
          // an article node outranks what a WebPage node said before it
          ld.headline = null;
          ld.datePublished = null;
        }
        if (isPage && ld.article) {
          continue;
        }
        ld.headline = firstNonNull(ld.headline, text(n.get("headline")), text(n.get("name")));
        ld.datePublished = firstNonNull(ld.datePublished, text(n.get("datePublished")));
        ld.dateCreated = firstNonNull(ld.dateCreated, text(n.get("dateCreated")));
        ld.dateModified = firstNonNull(ld.dateModified, text(n.get("dateModified")));
        ld.url = firstNonNull(ld.url, text(n.get("url")), idUrl(n));
        if (isArticle) {
          ld.publisher = firstNonNull(ld.publisher, name(n.get("publisher")));
          ld.articleBody = firstNonNull(ld.articleBody, text(n.get("articleBody")));
          if (ld.authors.isEmpty() && ld.organizationAuthors.isEmpty()) {
            JsonNode a = n.has("author") ? n.get("author") : n.get("creator");
            if (a != null) {
              for (JsonNode one : a.isArray() ? a : List.of(a)) {
                boolean organization =
                    types(one).stream().anyMatch(t -> t.endsWith("organization"));
                addName(organization ? ld.organizationAuthors : ld.authors, name(one));
              }
            }
          }
        }
      }
    }
    return ld;
  }

  private static void flatten(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 4) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        flatten(c, out, depth + 1);
      }
    } else if (n.isObject()) {
      out.add(n);
      if (n.has("@graph")) {
        flatten(n.get("@graph"), out, depth + 1);
      }
      if (n.has("mainEntity")) {
        flatten(n.get("mainEntity"), out, depth + 1);
      }
    }
  }

  private static Set<String> types(JsonNode n) {
    Set<String> out = new LinkedHashSet<>();
    JsonNode t = n.get("@type");
    if (t == null) {
      return out;
    }
    for (JsonNode one : t.isArray() ? t : List.of(t)) {
      if (one.isTextual()) {
        String s = one.asText();
        out.add(s.substring(s.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : text(n.get(0));
    }
    if (n.isObject()) {
      return text(n.has("@value") ? n.get("@value") : n.get("name"));
    }
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static String name(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText().strip();
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : name(n.get(0));
    }
    return text(n.get("name"));
  }

  private static String idUrl(JsonNode n) {
    String id = text(n.get("@id"));
    return id != null && id.startsWith("http") && !id.contains("#") ? id : null;
  }

  private static void addName(List<String> names, String raw) {
    if (raw == null) {
      return;
    }
    String s = raw.strip().replaceAll("\\s+", " ").replaceFirst("^(?i)by\\s+", "");
    if (s.isEmpty() || URLISH.matcher(s).matches() || s.length() > 80 || names.contains(s)) {
      return;
    }
    names.add(s);
  }

  private static List<String> microdataAuthors(Document doc) {
    List<String> out = new ArrayList<>();
    for (Element e : doc.select("[itemprop~=(?i)^(author|creator)$]")) {
      Element name = e.selectFirst("[itemprop=name]");
      String n = name != null ? valueOf(name) : valueOf(e);
      addName(out, n);
    }
    return out;
  }

  private static String valueOf(Element e) {
    if (e.hasAttr("content")) {
      return e.attr("content");
    }
    return e.text();
  }

  /** The text of the first element whose class or id names a byline, when it looks like one. */
  private static String visibleByline(Document doc) {
    for (Element e : doc.select("[class], [id], [rel=author]")) {
      String cls = e.className() + " " + e.id();
      boolean named = "author".equals(e.attr("rel")) || BYLINE_CLASS.matcher(cls).find();
      if (!named || NOT_BYLINE_CLASS.matcher(cls).find()) {
        continue;
      }
      String t = e.text().strip();
      if (t.length() >= 3 && t.length() <= 160 && !t.contains("©")) {
        return t;
      }
    }
    return null;
  }

  /**
   * A line of text that is a byline and nothing else ({@code By Jane Roe}, {@code Posted on March
   * 3, 2025 by Jane Roe}), for pages that mark their byline up with no class, itemprop or meta: the
   * first short text node of the page, outside navigation and footers, that reads as one.
   */
  static String textByline(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    for (Element e : body.getAllElements()) {
      if (e.closest("nav, footer, aside, script, style, [role=navigation], [role=contentinfo]")
          != null) {
        continue;
      }
      for (TextNode t : e.textNodes()) {
        String b = bylineOf(t.text());
        if (b != null) {
          return b;
        }
      }
    }
    return null;
  }

  private static final String NAME = "\\p{Lu}[\\p{L}'.-]+(?:\\s+\\p{Lu}[\\p{L}'.-]+){0,3}";
  private static final Pattern TEXT_BYLINE =
      Pattern.compile(
          "^(?:(?i:posted|written|published)\\b.{0,40}?\\s)?(?:[Bb]y|BY)\\s+("
              + NAME
              + "(?:\\s*(?:,|and|&)\\s*"
              + NAME
              + ")*)$");

  private static String bylineOf(String text) {
    String t = text.replace('\u00A0', ' ').strip();
    if (t.length() < 5 || t.length() > 80) {
      return null;
    }
    java.util.regex.Matcher m = TEXT_BYLINE.matcher(t);
    return m.matches() ? "By " + m.group(1) : null;
  }

  /**
   * The {@code <title>}, or the part of it that the page prints as an element of its own when the
   * title joins the headline and the site name ({@code Site - Headline}, {@code Site: Headline}): a
   * part printed as an element of its own is the headline, the longest such part when the site name
   * is printed too.
   */
  static String titleTag(Document doc) {
    String title = clean(doc.title());
    if (title == null || doc.body() == null) {
      return title;
    }
    String[] parts = title.split("\\s+[-|–—:·]\\s+|:\\s+|\\s+::\\s+");
    if (parts.length < 2) {
      return title;
    }
    Set<String> wanted = new java.util.HashSet<>();
    wanted.add(title);
    for (String p : parts) {
      if (p.strip().length() >= 10) {
        wanted.add(p.strip());
      }
    }
    String found = null;
    for (Element e : doc.body().getAllElements()) {
      // a printed headline is text of the element itself, wrapping at most two inline elements
      if (e.childrenSize() > 2 || !hasOwnText(e)) {
        continue;
      }
      String t = clean(e.text());
      if (t != null && wanted.contains(t)) {
        if (t.equals(title)) {
          return title;
        }
        if (found == null || t.length() > found.length()) {
          found = t; // the site's name is printed as well, and is the shorter part
        }
      }
    }
    return found == null ? title : found;
  }

  private static boolean hasOwnText(Element e) {
    for (TextNode t : e.textNodes()) {
      if (!t.isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static String meta(Document doc, String attr, String name) {
    for (Element m : doc.select("meta[" + attr + "]")) {
      if (m.attr(attr).equalsIgnoreCase(name)) {
        String c = m.attr("content").strip();
        if (!c.isEmpty()) {
          return c;
        }
      }
    }
    return null;
  }

  private static String itemprop(Document doc, String prop) {
    Element e = doc.selectFirst("[itemprop=" + prop + "]");
    return e == null ? null : clean(valueOf(e));
  }

  private static String itempropDate(Document doc, String prop) {
    Element e = doc.selectFirst("[itemprop=" + prop + "]");
    if (e == null) {
      return null;
    }
    return first(e.attr("datetime"), e.attr("content"), e.text());
  }

  /** The {@code itemprop=url} of a microdata article (not of its author or publisher). */
  private static String articleItemUrl(Document doc) {
    for (Element scope : doc.select("[itemscope][itemtype]")) {
      if (!scope.attr("itemtype").matches("(?i).*schema.org/\\w*(Article|BlogPosting)$")) {
        continue;
      }
      for (Element u : scope.select("[itemprop=url]")) {
        Element owner = u.parent() == null ? null : u.parent().closest("[itemscope]");
        if (owner == scope) {
          String v = u.hasAttr("content") ? u.attr("content") : u.absUrl("href");
          if (!v.isBlank()) {
            return v.strip();
          }
        }
      }
    }
    return null;
  }

  private static String itempropPublisher(Document doc) {
    Element e = doc.selectFirst("[itemprop=publisher]");
    if (e == null) {
      return null;
    }
    Element name = e.selectFirst("[itemprop=name]");
    return name == null ? null : clean(valueOf(name));
  }

  private static String timeDatetime(Document doc) {
    for (String scope :
        new String[] {"article time[datetime]", "main time[datetime]", "time[datetime]"}) {
      Element t = doc.selectFirst(scope);
      if (t != null && DateText.toIso(t.attr("datetime")) != null) {
        return t.attr("datetime");
      }
    }
    return null;
  }

  private static String h1(Document doc) {
    Element h = doc.selectFirst("article h1");
    if (h == null) {
      h = doc.selectFirst("h1");
    }
    return h == null ? null : h.text();
  }

  private static String absUrl(Element link) {
    if (link == null) {
      return null;
    }
    String abs = link.absUrl("href");
    return abs.isEmpty() ? blankToNull(link.attr("href")) : abs;
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = URI.create(url.strip()).getHost();
      return h == null ? null : h.replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String primaryLang(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String p = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    return p.length() == 2 && p.chars().allMatch(Character::isLetter) ? p : null;
  }

  private static String firstDate(String... candidates) {
    for (String c : candidates) {
      String iso = DateText.toIso(c);
      if (iso != null) {
        return iso;
      }
    }
    return null;
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c.strip();
      }
    }
    return null;
  }

  private static String firstNonNull(String... candidates) {
    return first(candidates);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }
}
