package dev.newsbeam.pipeline.report;

import static dev.newsbeam.pipeline.report.Html.esc;

import dev.newsbeam.pipeline.report.RunSummary.Accounting;
import dev.newsbeam.pipeline.report.RunSummary.Cluster;
import dev.newsbeam.pipeline.report.RunSummary.ErrorSample;
import dev.newsbeam.pipeline.report.RunSummary.KeyTerm;
import dev.newsbeam.pipeline.report.RunSummary.TopicSeries;
import dev.newsbeam.schema.TermStat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a {@link RunSummary} as one self-contained HTML page: inline CSS, inline SVG charts, no
 * script and no external resource, so it opens offline from any folder. Text from the data is
 * escaped; nothing from the data is ever placed in a tag or attribute name.
 */
public final class ReportPage {
  /** The charts a complete run's page draws, by their {@code data-chart} name. */
  public static final String ERRORS = "errors-by-reason";

  public static final String CLUSTER_SIZES = "cluster-sizes";
  public static final String TOPICS_PER_DAY = "topics-per-day";
  public static final String TOP_TERMS = "top-terms";
  public static final String BYLINE_COVERAGE = "byline-coverage";
  public static final String WORD_COUNTS = "word-counts";
  public static final String READING_TIME = "reading-time";

  private static final String STYLE =
      """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:960px;padding:16px 24px;color:#222}
      h1{font-size:24px;margin:8px 0}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd}
      h3{font-size:15px;margin:16px 0 6px}
      table{border-collapse:collapse;margin:6px 0 12px}td,th{padding:3px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
      .muted{color:#666}.warn{color:#b00020;font-weight:600}
      .excerpt{font-family:ui-monospace,monospace;font-size:12px;white-space:pre-wrap;word-break:break-word;background:#f6f6f6;padding:2px 4px;max-width:560px}
      svg{display:block;max-width:100%;height:auto;margin:6px 0}
      svg .tick,svg .value{font-size:11px;fill:#444}svg .grid{stroke:#e5e5e5}
      .legend span{display:inline-block;margin-right:14px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
      .grid2{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:4px 18px}
      """;

  private ReportPage() {}

  public static String render(RunSummary s) {
    StringBuilder b = new StringBuilder(64 * 1024);
    Accounting a = s.accounting();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // an empty data: icon keeps the browser from asking the folder for favicon.ico
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<title>newsbeam run report</title>\n<style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>newsbeam run report</h1>\n")
        .append("<p class=\"muted\">")
        .append(esc(a.runner()))
        .append(" · started ")
        .append(esc(a.startedAt()))
        .append(" · ")
        .append(esc(Html.duration(a.durationSeconds())))
        .append("</p>\n");
    input(b, s);
    duplicates(b, s);
    topics(b, s);
    terms(b, s);
    bylines(b, s);
    lengths(b, s);
    return b.append("</body></html>\n").toString();
  }

  private static void input(StringBuilder b, RunSummary s) {
    Accounting a = s.accounting();
    b.append("<h2 id=\"input\">Input accounting</h2>\n<table>\n");
    row(b, "Files read", Html.num(a.files()));
    row(b, "Input records", Html.num(a.inputRecords()));
    row(b, "Articles written", Html.num(a.articles()));
    row(b, "Skipped as errors", Html.num(a.errors()));
    if (a.skipped() > 0) {
      StringBuilder why = new StringBuilder();
      a.skippedByReason()
          .forEach(
              (reason, n) ->
                  why.append(why.length() == 0 ? "" : ", ")
                      .append(reason)
                      .append(' ')
                      .append(Html.num(n)));
      row(
          b,
          "Read without an article",
          Html.num(a.skipped()) + " (" + Html.esc(why.toString()) + ")");
    }
    b.append("</table>\n");
    if (!a.balanced()) {
      b.append(
          "<p class=\"warn\">Input records ≠ articles + errors + skipped: see manifest.json.</p>\n");
    }
    if (a.errorsByReason().isEmpty()) {
      b.append("<p>No input record was an error.</p>\n");
      return;
    }
    List<Svg.Bar> bars = new ArrayList<>();
    a.errorsByReason()
        .forEach(
            (reason, n) ->
                bars.add(new Svg.Bar(reason, n, reason + ": " + Html.num(n) + " records")));
    b.append(Svg.rows(ERRORS, "Skipped records by reason", bars, 0, ""));
    b.append("<h3>First errors per reason</h3>\n<table><tr><th>Reason</th><th>Where</th>")
        .append("<th>Message</th><th>Excerpt</th></tr>\n");
    for (Map.Entry<String, List<ErrorSample>> e : s.errorSamples().entrySet()) {
      for (ErrorSample x : e.getValue()) {
        b.append("<tr><td>")
            .append(esc(e.getKey()))
            .append("</td><td>")
            .append(esc(x.source()))
            .append(x.location() == null ? "" : " (" + esc(x.location()) + ")")
            .append("</td><td>")
            .append(esc(x.message()))
            .append("</td><td><div class=\"excerpt\">")
            .append(esc(x.excerpt()))
            .append("</div></td></tr>\n");
      }
    }
    b.append("</table>\n");
  }

  private static void duplicates(StringBuilder b, RunSummary s) {
    b.append("<h2 id=\"duplicates\">Duplicates</h2>\n");
    if (!s.hasDedup()) {
      b.append("<p class=\"muted\">This run wrote no duplicate information.</p>\n");
      return;
    }
    Map<String, Long> dedup = s.accounting().stages().getOrDefault("dedup", Map.of());
    b.append("<p>")
        .append(Html.num(s.duplicateRows()))
        .append(" articles are copies of another (")
        .append(Html.num(dedup.getOrDefault("exact_duplicates", 0L)))
        .append(" exact, ")
        .append(Html.num(dedup.getOrDefault("near_duplicates", 0L)))
        .append(" near).</p>\n<h3>Cluster sizes (articles per cluster, canonical included)</h3>\n");
    b.append(
        Svg.columns(
            CLUSTER_SIZES,
            "Clusters by size",
            histogramBars(s.clusterSizes(), "clusters", "articles", false)));
    List<Cluster> largest = s.largestClusters();
    if (largest.isEmpty()) {
      return;
    }
    b.append("<h3>Largest clusters</h3>\n<table><tr><th class=\"n\">Articles</th>")
        .append(
            "<th>Canonical title</th><th>Canonical outlet</th><th>Outlets in the cluster</th></tr>\n");
    for (Cluster c : largest) {
      b.append("<tr><td class=\"n\">")
          .append(Html.num(c.size()))
          .append("</td><td>")
          .append(esc(c.canonicalTitle() == null ? c.id() : c.canonicalTitle()))
          .append("</td><td>")
          .append(esc(c.canonicalOutlet()))
          .append("</td><td>")
          .append(esc(String.join(", ", c.outlets())))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void topics(StringBuilder b, RunSummary s) {
    b.append("<h2 id=\"topics\">Topics per day</h2>\n");
    if (!s.hasTopics()) {
      b.append("<p class=\"muted\">This run wrote no topics.</p>\n");
      return;
    }
    List<TopicSeries> series = s.topicSeries();
    b.append("<p>The ")
        .append(series.size())
        .append(" most frequent of ")
        .append(Html.num(s.topicCount()))
        .append(" topics, articles per publication day.</p>\n<div class=\"legend\">");
    List<Svg.Series> lines = new ArrayList<>();
    long undated = 0;
    for (int i = 0; i < series.size(); i++) {
      TopicSeries t = series.get(i);
      lines.add(new Svg.Series(t.label(), t.perDay()));
      undated += t.undated();
      b.append("<span><i style=\"background:")
          .append(Svg.PALETTE[i % Svg.PALETTE.length])
          .append("\"></i>")
          .append(esc(t.label()))
          .append(" (")
          .append(Html.num(t.total()))
          .append(")</span>");
    }
    b.append("</div>\n").append(Svg.lines(TOPICS_PER_DAY, "Articles per topic and day", lines));
    if (undated > 0) {
      b.append("<p class=\"muted\">")
          .append(Html.num(undated))
          .append(" tags of these topics are on articles without a date and are not drawn.</p>\n");
    }
  }

  private static void terms(StringBuilder b, RunSummary s) {
    b.append("<h2 id=\"terms\">Top terms and keyness</h2>\n");
    List<TermStat> top = s.topTerms();
    if (top.isEmpty()) {
      b.append("<p class=\"muted\">This run wrote no term statistics.</p>\n");
    } else {
      b.append("<p>The ")
          .append(top.size())
          .append(" terms in most canonical articles, of ")
          .append(Html.num(s.termsSeen()))
          .append(".</p>\n");
      List<Svg.Bar> bars = new ArrayList<>();
      for (TermStat t : top) {
        bars.add(
            new Svg.Bar(
                t.getTerm(),
                t.getDocumentFrequency(),
                t.getTerm()
                    + ": in "
                    + Html.num(t.getDocumentFrequency())
                    + " articles, "
                    + Html.num(t.getTermFrequency())
                    + " times"));
      }
      b.append(Svg.rows(TOP_TERMS, "Terms by document frequency", bars, 0, ""));
    }
    keyness(b, s, "topic", "Key terms per topic", s::topicLabel);
    keyness(b, s, "outlet", "Key terms per outlet", Function.identity());
  }

  private static void keyness(
      StringBuilder b, RunSummary s, String facet, String heading, Function<String, String> name) {
    Map<String, List<KeyTerm>> groups = s.keyness(facet);
    if (groups.isEmpty()) {
      return;
    }
    b.append("<h3>")
        .append(esc(heading))
        .append(" <span class=\"muted\">(log-likelihood G², ")
        .append(groups.size())
        .append(" of ")
        .append(s.keynessGroupCount(facet))
        .append(")</span></h3>\n<div class=\"grid2\">\n");
    for (Map.Entry<String, List<KeyTerm>> g : groups.entrySet()) {
      b.append("<table><tr><th>")
          .append(esc(name.apply(g.getKey())))
          .append("</th><th class=\"n\">G²</th></tr>\n");
      for (KeyTerm k : g.getValue()) {
        b.append("<tr><td>")
            .append(esc(k.term()))
            .append("</td><td class=\"n\">")
            .append(Html.num(k.g2(), 1))
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    b.append("</div>\n");
  }

  private static void bylines(StringBuilder b, RunSummary s) {
    b.append("<h2 id=\"bylines\">Byline coverage</h2>\n<p>Share of ")
        .append(Html.num(s.articles()))
        .append(" articles where the byline stage found each field.</p>\n");
    long n = s.articles();
    List<Svg.Bar> bars =
        List.of(
            coverage("a byline", s.withByline(), n),
            coverage("authors", s.withAuthors(), n),
            coverage("an outlet", s.withOutlet(), n),
            coverage("a dateline", s.withDateline(), n));
    b.append(Svg.rows(BYLINE_COVERAGE, "Share of articles with each byline field", bars, 100, "%"));
  }

  private static Svg.Bar coverage(String what, long found, long of) {
    double pct = of == 0 ? 0 : 100.0 * found / of;
    return new Svg.Bar(
        "with " + what, pct, Html.num(found) + " of " + Html.num(of) + " articles with " + what);
  }

  private static void lengths(StringBuilder b, RunSummary s) {
    b.append("<h2 id=\"lengths\">Length</h2>\n");
    if (s.withStats() == 0) {
      b.append("<p class=\"muted\">This run wrote no word statistics.</p>\n");
      return;
    }
    b.append("<h3>Words per article</h3>\n")
        .append(
            Svg.columns(
                WORD_COUNTS,
                "Articles by word count",
                histogramBars(s.wordCounts(), "articles", "words", true)))
        .append("<h3>Reading time (minutes, at 238 words per minute)</h3>\n")
        .append(
            Svg.columns(
                READING_TIME,
                "Articles by reading time",
                histogramBars(s.readingMinutes(), "articles", "min", true)));
  }

  /**
   * A bar per bin; with {@code trim}, the empty bins before the first and after the last non-empty
   * one are left out so a corpus of short articles does not draw a long empty tail.
   */
  static List<Svg.Bar> histogramBars(Histogram h, String counted, String unit, boolean trim) {
    int from = 0;
    int to = h.bins() - 1;
    if (trim) {
      while (from < to && h.count(from) == 0) {
        from++;
      }
      while (to > from && h.count(to) == 0) {
        to--;
      }
    }
    List<Svg.Bar> bars = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      String label = Html.bin(h.lower(i), h.upper(i));
      bars.add(
          new Svg.Bar(
              label, h.count(i), Html.num(h.count(i)) + " " + counted + ", " + label + " " + unit));
    }
    return bars;
  }

  private static void row(StringBuilder b, String what, String value) {
    b.append("<tr><th>")
        .append(esc(what))
        .append("</th><td class=\"n\">")
        .append(value)
        .append("</td></tr>\n");
  }
}
