package dev.newsbeam.html;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the date strings pages carry into ISO-8601 text that {@code PublishedDate} reads. */
public final class DateText {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?)(?:[.,]\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern COMPACT =
      Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2}))?");

  private DateText() {}

  /**
   * The ISO form of {@code raw} ({@code 2025-03-04}, {@code 2025-03-04T10:15:00}, {@code
   * 2025-03-04T10:15:00+01:00}), or null when it holds no date this reader knows. Fractional
   * seconds are dropped; an RFC 1123 date ({@code Tue, 4 Mar 2025 10:15:00 GMT}) and a compact
   * {@code 20250304} are read too.
   */
  public static String toIso(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = ISO.matcher(s);
    if (m.find()) {
      StringBuilder b = new StringBuilder(m.group(1));
      if (m.group(2) != null) {
        b.append('T').append(m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2));
        if (m.group(3) != null) {
          String z = m.group(3);
          b.append(z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z);
        }
      }
      return b.toString();
    }
    try {
      ZonedDateTime z = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
      return z.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      // not RFC 1123 either
    }
    Matcher c = COMPACT.matcher(s);
    if (c.matches()) {
      String d = c.group(1) + "-" + c.group(2) + "-" + c.group(3);
      return c.group(4) == null ? d : d + "T" + c.group(4) + ":" + c.group(5) + ":" + c.group(6);
    }
    try {
      return OffsetDateTime.parse(s).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
