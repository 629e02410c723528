package dev.newsbeam.pipeline.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and human formatting for the report; every string taken from data goes through esc. */
final class Html {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private Html() {}

  /** Text safe in element content and in quoted attribute values; null becomes the empty string. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // control characters other than tab and newline are not allowed in HTML text
          if (c < 0x20 && c != '\t' && c != '\n') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  static String num(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  static String num(double x, int decimals) {
    return String.format(Locale.ENGLISH, "%,." + decimals + "f", x);
  }

  /** A share as a percentage with one decimal; "–" when there is nothing to share. */
  static String percent(long part, long whole) {
    return whole == 0 ? "–" : String.format(Locale.ENGLISH, "%.1f%%", 100.0 * part / whole);
  }

  static String day(LocalDate d) {
    return d.format(DAY);
  }

  static String shortDay(LocalDate d) {
    return d.format(SHORT_DAY);
  }

  /** A duration such as "42.0 s", "3 min 5 s" or "2 h 4 min". */
  static String duration(double seconds) {
    if (seconds < 60) {
      return num(seconds, 1) + " s";
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + ((s % 3600) / 60) + " min";
  }

  /** A bin's label: "100–199", "5,000+" (integers) or "1–2" (minutes). */
  static String bin(Number lower, Number upper) {
    if (lower instanceof Integer && (upper == null || upper instanceof Integer)) {
      long lo = lower.longValue();
      if (upper == null) {
        return num(lo) + "+";
      }
      long hi = upper.longValue() - 1;
      return hi == lo ? num(lo) : num(lo) + "–" + num(hi);
    }
    String lo = trim(lower.doubleValue());
    return upper == null ? lo + "+" : lo + "–" + trim(upper.doubleValue());
  }

  private static String trim(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
