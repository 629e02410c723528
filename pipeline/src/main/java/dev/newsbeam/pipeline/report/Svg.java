package dev.newsbeam.pipeline.report;

import static dev.newsbeam.pipeline.report.Html.esc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG, drawn here so the page needs no script and no network. Each
 * chart is {@code <svg data-chart="NAME">} and every drawn data mark carries {@code class="mark"}:
 * a bar per non-empty bin or per row, a point per (series, day with articles).
 */
final class Svg {
  static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };

  private static final int WIDTH = 720;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 12;

  private Svg() {}

  /** A bar: its axis label, its value and the tooltip text. */
  record Bar(String label, double value, String tooltip) {}

  /** A line: its name (legend) and its value per day. */
  record Series(String name, Map<LocalDate, Long> perDay) {}

  /** Vertical bars, one slot per entry; a zero entry keeps its slot but draws no mark. */
  static String columns(String name, String description, List<Bar> bars) {
    int height = 260;
    int bottom = 56;
    int plotH = height - TOP - bottom;
    int plotW = WIDTH - LEFT - RIGHT;
    double max = Math.max(1, bars.stream().mapToDouble(Bar::value).max().orElse(1));
    StringBuilder b = open(name, description, height);
    axisY(b, max, plotH, plotW);
    double slot = (double) plotW / Math.max(1, bars.size());
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double x = LEFT + i * slot;
      if (bar.value() > 0) {
        double h = plotH * bar.value() / max;
        b.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"mark\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                x + slot * 0.1,
                TOP + plotH - h,
                slot * 0.8,
                h,
                PALETTE[0],
                esc(bar.tooltip())));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-35 %.1f %d)\">%s</text>%n",
              x + slot / 2,
              TOP + plotH + 14,
              x + slot / 2,
              TOP + plotH + 14,
              esc(bar.label())));
    }
    return b.append("</svg>\n").toString();
  }

  /** Horizontal bars, one mark per row (a zero row is a mark of no width), value at the end. */
  static String rows(String name, String description, List<Bar> bars, double max, String unit) {
    int rowH = 22;
    int labelW = 200;
    int height = TOP * 2 + rowH * Math.max(1, bars.size());
    int plotW = WIDTH - labelW - RIGHT - 80;
    double top = Math.max(max, bars.stream().mapToDouble(Bar::value).max().orElse(1));
    top = top <= 0 ? 1 : top;
    StringBuilder b = open(name, description, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = TOP + i * rowH;
      double w = plotW * bar.value() / top;
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
                  + "<rect class=\"mark\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>%n"
                  + "<text class=\"value\" x=\"%.1f\" y=\"%d\">%s</text>%n",
              labelW - 6,
              y + rowH - 8,
              esc(bar.label()),
              labelW,
              y + 3,
              w,
              rowH - 6,
              PALETTE[0],
              esc(bar.tooltip()),
              labelW + w + 4,
              y + rowH - 8,
              esc(Html.num(bar.value(), bar.value() == Math.rint(bar.value()) ? 0 : 1) + unit)));
    }
    return b.append("</svg>\n").toString();
  }

  /** A line per series over the days from first to last; a point (mark) per day with articles. */
  static String lines(String name, String description, List<Series> series) {
    int height = 300;
    int bottom = 40;
    int plotH = height - TOP - bottom;
    int plotW = WIDTH - LEFT - RIGHT;
    LocalDate first = null;
    LocalDate last = null;
    long max = 1;
    for (Series s : series) {
      for (Map.Entry<LocalDate, Long> e : s.perDay().entrySet()) {
        first = first == null || e.getKey().isBefore(first) ? e.getKey() : first;
        last = last == null || e.getKey().isAfter(last) ? e.getKey() : last;
        max = Math.max(max, e.getValue());
      }
    }
    StringBuilder b = open(name, description, height);
    axisY(b, max, plotH, plotW);
    if (first == null) {
      return b.append("</svg>\n").toString();
    }
    long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
    int ticks = (int) Math.min(6, span);
    for (int t = 0; t <= ticks; t++) {
      LocalDate d = first.plusDays(Math.round((double) span * t / Math.max(1, ticks)));
      double x = LEFT + plotW * ChronoUnit.DAYS.between(first, d) / (double) span;
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x,
              TOP + plotH + 16,
              esc(Html.shortDay(d))));
    }
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      String color = PALETTE[i % PALETTE.length];
      StringBuilder path = new StringBuilder();
      StringBuilder points = new StringBuilder();
      // days without articles are zero, so the line drops to the axis between sparse days
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        long v = s.perDay().getOrDefault(d, 0L);
        double x = LEFT + plotW * ChronoUnit.DAYS.between(first, d) / (double) span;
        double y = TOP + plotH - plotH * (double) v / max;
        path.append(path.length() == 0 ? "M" : " L")
            .append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        if (v > 0) {
          points.append(
              String.format(
                  Locale.ROOT,
                  "<circle class=\"mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s, %s: %s</title></circle>%n",
                  x,
                  y,
                  color,
                  esc(s.name()),
                  esc(Html.day(d)),
                  esc(Html.num(v))));
        }
      }
      b.append(
              String.format(
                  "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                  path, color))
          .append(points);
    }
    return b.append("</svg>\n").toString();
  }

  private static StringBuilder open(String name, String description, int height) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg data-chart=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n",
            esc(name),
            WIDTH,
            height,
            WIDTH,
            height,
            esc(description)));
    return b;
  }

  /** Four gridlines with their values, from zero to {@code max}. */
  private static void axisY(StringBuilder b, double max, int plotH, int plotW) {
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = TOP + plotH - plotH * t / 4.0;
      b.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                  + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              LEFT,
              LEFT + plotW,
              y,
              y,
              LEFT - 6,
              y + 4,
              esc(Html.num(v, v == Math.rint(v) ? 0 : 1))));
    }
  }
}
