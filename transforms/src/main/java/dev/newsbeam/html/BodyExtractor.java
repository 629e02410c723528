package dev.newsbeam.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Finds the article body in a page's DOM: its paragraphs in reading order, without navigation,
 * related links, comments, ads, cookie and subscription boxes. Readability's idea, re-done over
 * jsoup with trafilatura's guards:
 *
 * <ol>
 *   <li>strip what is never body text (scripts, forms, navigation landmarks, hidden elements,
 *       dialogs) and elements whose class or id names boilerplate ({@code comment}, {@code share},
 *       {@code related}, {@code cookie}, {@code paywall}, ...) unless they hold most of the page's
 *       paragraph text;
 *   <li>cut the rest into text blocks (a paragraph, a heading, a list item, the loose text of a
 *       {@code div}); each block of real prose (long enough, few links) scores its parent, half its
 *       grandparent and a third its great-grandparent, by its length and its commas;
 *   <li>take the best container (its score discounted by its link density, and by a class that
 *       names boilerplate), climb to a common ancestor when near-equal containers share one (a live
 *       blog's entries), and add siblings that carry prose too;
 *   <li>keep the container's blocks that read as body text: not link lists, not one-line UI labels,
 *       not the headline again.
 * </ol>
 *
 * When this leaves almost nothing the class-based stripping is undone and it runs again, as
 * Readability does. Not thread-safe state: none; thread-safe.
 */
public final class BodyExtractor {
  /** A block shorter than this (in characters) does not score a container. */
  static final int MIN_SCORING_CHARS = 25;

  private static final Set<String> NEVER_BODY =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "object",
          "embed",
          "svg",
          "canvas",
          "button",
          "input",
          "select",
          "textarea",
          "nav",
          "aside",
          "footer",
          "dialog",
          "figure",
          "figcaption",
          "picture",
          "video",
          "audio",
          "map",
          "menu",
          "label");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "tbody",
          "thead",
          "tr",
          "td",
          "th",
          "hr",
          "address",
          "center",
          "details",
          "summary",
          "body",
          "form",
          "fieldset",
          "hgroup");

  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "(?i)(^|[-_ ])(comments?|commentary-list|disqus|share|sharing|social|related|recommend(ed|ations)?"
              + "|promo|promotion|advert\\w*|ads?|adslot|ad-slot|dfp|sponsor(ed)?|newsletter|subscribe|subscription"
              + "|paywall|piano|meter|regwall|cookies?|consent|gdpr|cmp|sidebar|side-bar|footer|masthead"
              + "|menu|navbar|nav|navigation|breadcrumbs?|tags|tag-list|topics-list|popup|modal|overlay"
              + "|banner|outbrain|taboola|widget|most-read|most-popular|trending|read-more"
              + "|more-stories|recirc|author-bio|bio|caption|credits?|toolbar|signup|sign-up"
              + "|login|skip-link|visually-hidden|sr-only|byline|dateline|timestamp"
              + "|teaser-list|card-list|pagination|pager|rating|poll|survey|app-promo|donate"
              + "|topic-list|video|player|embed|pull[-_]?quotes?)($|[-_ ])");

  /**
   * Stems that name boilerplate inside compound names too ({@code commentbox}, {@code
   * jp-relatedposts}, {@code relatedStory}), as Readability's unlikely candidates do; a name that
   * also says {@link #MAYBE_BODY} is left to the other rules.
   */
  private static final Pattern BOILERPLATE_STEM =
      Pattern.compile(
          "(?i)(comment|disqus|related|newsletter|subscri|taboola|outbrain|sidebar|promo"
              + "|recommend|trending|popular|sharing|social|cookie|signup|followus|follow-us"
              + "|authorbox|author-box|authorbio|author-bio|advert|sponsor|pullquote)");

  private static final Pattern MAYBE_BODY =
      Pattern.compile("(?i)(article|body|column|content|main)");

  /**
   * Attributes that name a component as a class does; templates built from components put the name
   * there ({@code data-component="byline-block"}, {@code data-qa="newsletter-signup"}).
   */
  private static final String[] NAMING_ATTRIBUTES = {
    "data-component", "data-qa", "data-testid", "data-area", "data-module"
  };

  private static final Pattern PROSE_CLASS =
      Pattern.compile(
          "(?i)(article|body|content|entry|main|post|story|text|blog|prose|rich-text|paragraph)");

  private static final Pattern UI_LINE =
      Pattern.compile(
          "(?i)^(advertisement|anzeige|werbung|sponsored|read more|read next|continue reading"
              + "|share( this)?( article| story)?|follow us.*|sign up.*|subscribe.*|newsletter.*"
              + "|related( articles| stories| coverage| topics| content| posts| links| reading)?:?"
              + "|more on this story|see also.*"
              + "|all rights reserved.*|copyright.*|©.*|photo:.*|image:.*|getty images|reuters"
              + "|ap photo.*|skip to .*|back to top|listen to (this )?article.*|\\d+ comments?"
              + "|comments?|print|email|facebook|twitter|linkedin|whatsapp|x)\\.?$");

  /**
   * A byline or dateline line set off on its own ({@code By Jane Roe}, {@code Published:
   * 12/11/2025}): the page's metadata, not its body, when it is short and no sentence.
   */
  private static final Pattern BYLINE_LINE =
      Pattern.compile(
          "^(?:(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or)\\s+\\p{Lu}"
              + "|(?i:published|posted|updated|last updated)(?:\\s+on)?\\s*:?\\s+\\S).*");

  private static final Pattern COMMAS = Pattern.compile("[,，、،]");

  /** One run of text and the element it belongs to. */
  private record Block(Element owner, String text, int linkChars, boolean heading) {
    double linkDensity() {
      return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }
  }

  /**
   * The body's paragraphs, in order; empty when the page has no prose. {@code headline} (may be
   * null) is dropped where the body repeats it.
   */
  public List<String> extract(Document page, String headline) {
    Element strict = page.clone().body();
    clean(strict, true);
    List<String> out = extractCleaned(strict, headline);
    if (chars(out) < 200) {
      Element lenient = page.clone().body();
      clean(lenient, false);
      List<String> second = extractCleaned(lenient, headline);
      if (chars(second) > chars(out)) {
        out = second;
      }
    }
    return out;
  }

  private List<String> extractCleaned(Element root, String headline) {
    List<Block> blocks = new ArrayList<>();
    walk(root, blocks);
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Block b : blocks) {
      if (b.heading() || b.text().length() < MIN_SCORING_CHARS || b.linkDensity() > 0.5) {
        continue;
      }
      double s =
          1
              + countMatches(COMMAS, b.text())
              + Math.min(3, b.text().length() / 100)
              + (endsSentence(b.text()) ? 1 : 0);
      s *= 1 - b.linkDensity();
      Element p = b.owner() == root ? root : b.owner().parent();
      for (int level = 1; p != null && level <= 3; level++) {
        scores.merge(p, s / (level == 1 ? 1 : level == 2 ? 2 : 3 * (level - 1)), Double::sum);
        if (p == root) {
          break;
        }
        p = p.parent();
      }
    }
    if (scores.isEmpty()) {
      return List.of();
    }
    Map<Element, Double> finalScores = new IdentityHashMap<>();
    Element top = null;
    double best = -1;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = (e.getValue() + tagWeight(e.getKey())) * (1 - linkDensity(e.getKey()));
      finalScores.put(e.getKey(), s);
      if (s > best) {
        best = s;
        top = e.getKey();
      }
    }
    top = climb(top, best, finalScores, root);
    Set<Element> chosen = siblings(top, best, scores);
    List<String> out = new ArrayList<>();
    String head = headline == null ? null : normal(headline);
    for (Block b : blocks) {
      if (!inside(b.owner(), chosen)) {
        continue;
      }
      String t = b.text();
      if (keep(b) && (head == null || !normal(t).equals(head))) {
        out.add(t);
      }
    }
    return out;
  }

  /** A container scoring this share of the best one is a rival: part of the same body, maybe. */
  static final double RIVAL_SHARE = 0.5;

  /**
   * Climbs from {@code top} to an ancestor (within three levels) that also holds rival containers
   * ({@link #RIVAL_SHARE}): two of them, or a single one nearly as good as the best: the entries of
   * a live blog, a body split into several wrappers.
   */
  private static Element climb(
      Element top, double best, Map<Element, Double> scores, Element root) {
    List<Element> rivals = new ArrayList<>();
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      if (e.getKey() != top
          && e.getValue() >= best * RIVAL_SHARE
          && !isAncestor(e.getKey(), top)
          && !isAncestor(top, e.getKey())) {
        rivals.add(e.getKey());
      }
    }
    if (rivals.isEmpty()) {
      return top;
    }
    Element p = top.parent();
    for (int level = 0; p != null && level < 3; level++) {
      int inside = 0;
      for (Element r : rivals) {
        if (isAncestor(p, r)) {
          inside++;
        }
      }
      if (inside >= 2
          || (inside == 1 && rivals.size() == 1 && strongest(rivals, scores) >= best * 0.75)) {
        return p;
      }
      if (p == root) {
        break;
      }
      p = p.parent();
    }
    return top;
  }

  private static double strongest(List<Element> rivals, Map<Element, Double> scores) {
    double s = 0;
    for (Element r : rivals) {
      s = Math.max(s, scores.get(r));
    }
    return s;
  }

  /**
   * {@code top} and its siblings that hold prose: a sibling joins by the score of its blocks
   * ({@code contentScores}, without the tag and class weights, so that a box whose name says "body"
   * does not join for its name), or is a paragraph of prose itself.
   */
  private static Set<Element> siblings(
      Element top, double best, Map<Element, Double> contentScores) {
    Set<Element> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    out.add(top);
    Element parent = top.parent();
    if (parent == null) {
      return out;
    }
    double threshold = Math.max(10, best * 0.2);
    for (Element sib : parent.children()) {
      if (sib == top) {
        continue;
      }
      Double s = contentScores.get(sib);
      if (s != null && s >= threshold) {
        out.add(sib);
        continue;
      }
      if (sib.normalName().equals("p")) {
        String t = sib.text();
        double ld = linkDensity(sib);
        if ((t.length() > 80 && ld < 0.25) || (t.length() > 0 && ld == 0 && endsSentence(t))) {
          out.add(sib);
        }
      }
    }
    return out;
  }

  private static boolean inside(Element e, Set<Element> chosen) {
    for (Element p = e; p != null; p = p.parent()) {
      if (chosen.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean keep(Block b) {
    String t = b.text();
    if (UI_LINE.matcher(t).matches()) {
      return false;
    }
    double ld = b.linkDensity();
    if (ld > 0.5 && !(t.length() > 200 && ld < 0.7)) {
      return false;
    }
    if (b.heading()) {
      return t.length() <= 200 && ld < 0.5;
    }
    if (t.length() <= 100 && !endsSentence(t) && BYLINE_LINE.matcher(t).matches()) {
      return false;
    }
    String tag = b.owner().normalName();
    if (tag.equals("li") || tag.equals("td") || tag.equals("dd")) {
      return ld < 0.3 && t.length() >= 15;
    }
    // a short line without a sentence end is a label, a date, a caption stub
    return t.length() >= 40 || endsSentence(t) || t.endsWith(":");
  }

  /**
   * Cuts {@code e} into blocks: each block element's own text, loose text runs of containers. In a
   * run, a {@code <br>} ends a block after a paragraph's worth of text, at a double {@code
   * <br><br>} (a paragraph break), and after a line that is one styled element alone (a headline or
   * byline set in {@code <font>} or {@code <b>} above the text).
   */
  private static void walk(Element e, List<Block> out) {
    StringBuilder run = new StringBuilder();
    int[] links = {0};
    // the non-blank nodes of the current line (since the last <br> or block), and its one element
    int lineNodes = 0;
    Element lineElement = null;
    List<Node> kids = e.childNodes();
    for (int i = 0; i < kids.size(); i++) {
      Node n = kids.get(i);
      if (n instanceof TextNode t) {
        run.append(t.text());
        if (!t.isBlank()) {
          lineNodes++;
          lineElement = null;
        }
      } else if (n instanceof Element c) {
        String tag = c.normalName();
        if (tag.equals("br")) {
          boolean styledLine =
              lineNodes == 1 && lineElement != null && !lineElement.normalName().equals("a");
          if (isBlockLike(e)
              && (run.toString().strip().length() >= 80 || styledLine || nextIsBreak(kids, i))) {
            flush(e, run, links, out); // <br><br>-separated paragraphs in one div
          } else {
            run.append(' ');
          }
          lineNodes = 0;
          lineElement = null;
        } else if (BLOCKS.contains(tag)) {
          flush(e, run, links, out);
          walk(c, out);
          lineNodes = 0;
          lineElement = null;
        } else {
          String text = c.text();
          run.append(text);
          links[0] += tag.equals("a") ? text.length() : linkChars(c);
          if (!text.isBlank()) {
            lineNodes++;
            lineElement = c;
          }
        }
      }
    }
    flush(e, run, links, out);
  }

  /** Whether the next node after {@code kids[i]} that is not blank text is a {@code <br>}. */
  private static boolean nextIsBreak(List<Node> kids, int i) {
    for (int j = i + 1; j < kids.size(); j++) {
      Node n = kids.get(j);
      if (n instanceof TextNode t && t.isBlank()) {
        continue;
      }
      return n instanceof Element c && c.normalName().equals("br");
    }
    return false;
  }

  private static boolean isBlockLike(Element e) {
    return BLOCKS.contains(e.normalName());
  }

  private static void flush(Element owner, StringBuilder run, int[] links, List<Block> out) {
    String t = run.toString().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    if (!t.isEmpty()) {
      String tag = owner.normalName();
      boolean heading =
          tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
      if (!tag.equals("h1")) {
        out.add(new Block(owner, t, Math.min(links[0], t.length()), heading));
      }
    }
    run.setLength(0);
    links[0] = 0;
  }

  private static int linkChars(Element e) {
    int n = 0;
    for (Element a : e.select("a")) {
      n += a.text().length();
    }
    return n;
  }

  private static double linkDensity(Element e) {
    int len = e.text().length();
    return len == 0 ? 0 : Math.min(1.0, (double) linkChars(e) / len);
  }

  private static double tagWeight(Element e) {
    double w =
        switch (e.normalName()) {
          case "article", "main" -> 10;
          case "div", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "ol", "ul", "dl", "dd", "dt", "li", "form", "address" -> -3;
          case "th", "h1", "h2", "h3", "h4", "h5", "h6" -> -5;
          default -> 0;
        };
    String cls = names(e);
    if (PROSE_CLASS.matcher(cls).find()) {
      w += 15;
    }
    if (BOILERPLATE.matcher(cls).find()) {
      w -= 25;
    }
    if ("articleBody".equalsIgnoreCase(e.attr("itemprop"))) {
      w += 25;
    }
    return w;
  }

  /** Removes what is never body text; with {@code byClass}, boilerplate by class or id too. */
  private static void clean(Element root, boolean byClass) {
    stripNeverBody(root);
    if (byClass) {
      stripByName(root, proseChars(root));
    }
  }

  /**
   * Removes the never-body elements under {@code e}, top down: a removed element's descendants are
   * not visited (they went with it).
   */
  private static void stripNeverBody(Element e) {
    for (Element c : new ArrayList<>(e.children())) {
      if (c.parent() == null) {
        continue; // went with a signup box removed around an earlier sibling
      }
      String tag = c.normalName();
      if (NEVER_BODY.contains(tag) || hidden(c) || landmark(c)) {
        c.remove();
      } else if (tag.equals("form") && c.text().length() < 500) {
        if (c.selectFirst(
                "input[type=email], input[name~=(?i)e-?mail], input[placeholder~=(?i)e-?mail]")
            != null) {
          signupBox(c).remove();
        } else {
          c.remove();
        }
      } else if (tag.equals("header") && c.select("p").size() < 3) {
        c.remove();
      } else {
        stripNeverBody(c);
      }
    }
  }

  /** Removes the elements under {@code e} whose name says boilerplate, top down. */
  private static void stripByName(Element e, int total) {
    for (Element c : new ArrayList<>(e.children())) {
      if (shouldStripByName(c, total)) {
        c.remove();
      } else {
        stripByName(c, total);
      }
    }
  }

  private static boolean shouldStripByName(Element e, int total) {
    String tag = e.normalName();
    if (tag.equals("body") || tag.equals("main") || tag.equals("html")) {
      return false;
    }
    String cls = names(e);
    if (cls.isBlank() || !boilerplateName(cls)) {
      return false;
    }
    if (!e.attr("itemprop").isEmpty() && e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      return false;
    }
    // a wrapper named after a paywall or a layout slot can still hold the article itself
    return !(total > 500 && proseChars(e) > total * 0.4);
  }

  /** What an element is called: its class, id and {@link #NAMING_ATTRIBUTES}. */
  static String names(Element e) {
    StringBuilder b = new StringBuilder(e.className()).append(' ').append(e.id());
    for (String a : NAMING_ATTRIBUTES) {
      String v = e.attr(a);
      if (!v.isEmpty()) {
        b.append(' ').append(v);
      }
    }
    return b.toString();
  }

  static boolean boilerplateName(String names) {
    return BOILERPLATE.matcher(names).find()
        || (BOILERPLATE_STEM.matcher(names).find() && !MAYBE_BODY.matcher(names).find());
  }

  /**
   * The box around a signup form (an email field): its heading and blurb go with the form. The box
   * is the highest ancestor with at most {@link #SIGNUP_BOX_CHARS} of text, so no wrapper of the
   * article is taken with it.
   */
  private static Element signupBox(Element form) {
    Element box = form;
    for (Element p = form.parent(); p != null; p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("body")
          || tag.equals("main")
          || tag.equals("article")
          || p.text().length() > SIGNUP_BOX_CHARS) {
        break;
      }
      box = p;
    }
    return box;
  }

  static final int SIGNUP_BOX_CHARS = 400;

  private static boolean hidden(Element e) {
    if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) {
      return true;
    }
    String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    return style.contains("display:none") || style.contains("visibility:hidden");
  }

  private static final Set<String> LANDMARK_ROLES =
      new HashSet<>(
          List.of(
              "navigation",
              "complementary",
              "banner",
              "contentinfo",
              "dialog",
              "alertdialog",
              "menu",
              "menubar",
              "search",
              "toolbar"));

  private static boolean landmark(Element e) {
    return LANDMARK_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))
        || "true".equals(e.attr("aria-modal"));
  }

  private static int proseChars(Element e) {
    int n = 0;
    Elements ps = e.select("p");
    for (Element p : ps) {
      n += p.text().length();
    }
    return n;
  }

  private static boolean endsSentence(String t) {
    if (t.isEmpty()) {
      return false;
    }
    char c = t.charAt(t.length() - 1);
    return c == '.'
        || c == '!'
        || c == '?'
        || c == '"'
        || c == '\u201D'
        || c == '\u00BB'
        || c == '\u3002'
        || c == ')'
        || c == '\''
        || c == '\u2019';
  }

  private static int countMatches(Pattern p, String t) {
    int n = 0;
    java.util.regex.Matcher m = p.matcher(t);
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static int chars(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += p.length();
    }
    return n;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip();
  }
}
