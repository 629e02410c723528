package dev.newsbeam.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A publication date read from ISO-8601 text: a date ({@code 2025-02-12}), a local datetime ({@code
 * 2025-02-12T14:05:00}, a space instead of {@code T} too) or a datetime with a zone or offset
 * ({@code 2025-02-12T14:05:00Z}). The date is the date part as written; {@link #instant()} is set
 * only when the text fixes the instant.
 */
public record PublishedDate(LocalDate date, Instant instant) {

  private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([T ].*)?");

  /** Thrown for text that is not an ISO date, or names a day that does not exist. */
  public static final class BadDateException extends Exception {
    private static final long serialVersionUID = 1L;

    BadDateException(String message) {
      super(message);
    }
  }

  /** True when {@code text} has the shape of an ISO date, valid or not. */
  public static boolean looksLikeDate(String text) {
    return DATE_LIKE.matcher(text).matches();
  }

  public static PublishedDate parse(String text) throws BadDateException {
    String t = text.strip();
    try {
      if (t.length() <= 10) {
        return new PublishedDate(LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE), null);
      }
      String iso = t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        OffsetDateTime odt =
            OffsetDateTime.parse(normaliseOffset(iso), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new PublishedDate(odt.toLocalDate(), odt.toInstant());
      }
      LocalDateTime ldt = LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return new PublishedDate(ldt.toLocalDate(), null);
    } catch (DateTimeParseException e) {
      throw new BadDateException(
          "'" + t + "' is not a valid ISO date or datetime: " + e.getMessage());
    }
  }

  /** {@code +0100} → {@code +01:00}, which ISO_OFFSET_DATE_TIME requires. */
  private static String normaliseOffset(String iso) {
    int n = iso.length();
    if (n > 5
        && (iso.charAt(n - 5) == '+' || iso.charAt(n - 5) == '-')
        && iso.charAt(n - 3) != ':'
        && iso.substring(n - 4).chars().allMatch(Character::isDigit)) {
      return iso.substring(0, n - 2) + ":" + iso.substring(n - 2);
    }
    return iso;
  }
}
