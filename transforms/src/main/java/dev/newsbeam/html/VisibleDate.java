package dev.newsbeam.html;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The publication date a page prints for its readers and states nowhere else: a date after {@code
 * Published}, {@code Posted on}, {@code Date:} ({@code Published: 12/11/2025}, {@code Posted on
 * March 3, 2025 by ...}). Only the labelled form is read: an unlabelled date on a page may be any
 * date (an event's, a comment's, the copyright year's).
 */
final class VisibleDate {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

  /** A label, then a date: {@code March 3, 2025}, {@code 3 March 2025}, numeric forms. */
  private static final Pattern LABELLED =
      Pattern.compile(
          "(?i)\\b(?:published|posted|date|datum|veröffentlicht)(?:\\s+on)?\\s*:?\\s*"
              + "(?:"
              + MONTH
              + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
              + "|(\\d{1,2})(?:st|nd|rd|th)?\\s+"
              + MONTH
              + ",?\\s+(\\d{4})"
              + "|(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})"
              + "|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})"
              + ")");

  private VisibleDate() {}

  /** The labelled date of {@code doc} as {@code YYYY-MM-DD}, or null. */
  static String find(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    Matcher m = LABELLED.matcher(body.text());
    while (m.find()) {
      String iso = iso(m, monthFirst(doc));
      if (iso != null) {
        return iso;
      }
    }
    return null;
  }

  private static String iso(Matcher m, boolean monthFirst) {
    int y;
    int mo;
    int d;
    if (m.group(1) != null) {
      mo = month(m.group(1));
      d = Integer.parseInt(m.group(2));
      y = Integer.parseInt(m.group(3));
    } else if (m.group(4) != null) {
      d = Integer.parseInt(m.group(4));
      mo = month(m.group(5));
      y = Integer.parseInt(m.group(6));
    } else if (m.group(7) != null) {
      y = Integer.parseInt(m.group(7));
      mo = Integer.parseInt(m.group(8));
      d = Integer.parseInt(m.group(9));
    } else {
      int a = Integer.parseInt(m.group(10));
      int b = Integer.parseInt(m.group(11));
      y = Integer.parseInt(m.group(12));
      // a/b/yyyy is ambiguous: day first, as most of the world writes it, unless the page
      // declares a US locale or the second number cannot be a month
      boolean mf = a <= 12 && (monthFirst || b > 12);
      mo = mf ? a : b;
      d = mf ? b : a;
    }
    if (y < 1990 || y > 2100) {
      return null; // a year no news page is dated with: some other number
    }
    try {
      return LocalDate.of(y, mo, d).toString(); // ISO YYYY-MM-DD
    } catch (DateTimeException e) {
      return null; // no such day (30 February, month 13): look for the next labelled date
    }
  }

  private static int month(String name) {
    return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT).substring(0, 3), 0);
  }

  /** Whether the page declares a US locale, where {@code 3/4/2025} is March 4. */
  private static boolean monthFirst(Document doc) {
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang");
    Element locale = doc.selectFirst("meta[property=og:locale]");
    String l =
        (lang + " " + (locale == null ? "" : locale.attr("content"))).toLowerCase(Locale.ROOT);
    return l.contains("en-us") || l.contains("en_us");
  }
}
