package dev.newsbeam.byline;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens a news body: "(CNN) —", "WASHINGTON (Reuters) -", "KYIV, Ukraine
 * (AP) —", "LONDON, Feb 12 (Reuters) -", "BEIJING, Jan 9 (Xinhua) --" and the 1987 Reuters style
 * without agency "SALVADOR, Feb 26 -". Prose that merely starts with a parenthesis, or an all-caps
 * headline followed by a dash, is not a dateline. Pure and thread-safe.
 */
public final class DatelineParser {

  /** A body split into its dateline (null when there is none) and the rest. */
  public record Result(ParsedDateline dateline, String body) {}

  private static final String MONTH =
      "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String DATE =
      "(?:" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}\\s+" + MONTH + ")(?:,?\\s+\\d{4})?";
  private static final String PLACE_PART = "\\p{Lu}[\\p{L}\\p{M}.'’\\- ]{0,40}?";
  private static final String DASH = "(?:—|–|--|-)";

  /** Splits a place into words (compiled once: String.split would compile it on every call). */
  private static final Pattern PLACE_WORDS = Pattern.compile("[\\s,]+");

  private static final Pattern AGENCY_ONLY =
      Pattern.compile(
          "^\\((?<agency>[^()\\n]{1,40})\\)\\s*(?<dash>" + DASH + ")\\s*",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WITH_PLACE =
      Pattern.compile(
          "^(?<loc>"
              + PLACE_PART
              + "(?:,\\s*"
              + PLACE_PART
              + "){0,2}?)"
              + "(?:,?\\s+(?<date>"
              + DATE
              + "))?"
              + "\\s*(?:\\((?<agency>[^()\\n]{1,40})\\))?"
              + "\\s*(?<dash>"
              + DASH
              + ")(?:\\s+|$)",
          // web copy puts a no-break space around the dash; \s must match it
          Pattern.UNICODE_CHARACTER_CLASS);

  /** Lower-case words allowed inside a place name ("Stratford-upon-Avon", "Rio de Janeiro"). */
  private static final Set<String> PLACE_LOWER =
      Set.of(
          "de", "la", "of", "upon", "on", "am", "sur", "del", "do", "da", "el", "les", "le", "en",
          "an", "der", "di", "dos", "das", "y", "au", "aux");

  /** Capitalised words that open wire copy in parentheses without being an agency. */
  private static final Set<String> NOT_AGENCIES =
      Set.of(
          "UPDATE", "REPEAT", "FIXED", "ADDS", "NEW", "URGENT", "PHOTO", "VIDEO", "AUDIO", "LEAD",
          "WRAP", "FACTBOX", "RPT");

  private final OutletRegistry outlets;

  public DatelineParser(OutletRegistry outlets) {
    this.outlets = outlets;
  }

  /** Splits the dateline off {@code body}; a body without one comes back unchanged. */
  public Result parse(String body) {
    if (body == null || body.isEmpty()) {
      return new Result(null, body == null ? "" : body);
    }
    return parseChecked(body);
  }

  private Result parseChecked(String body) {
    int lead = 0;
    // "****SANTO DOMINGO, March 4 -": wire flash asterisks before the dateline
    while (lead < body.length()
        && (Character.isWhitespace(body.charAt(lead)) || body.charAt(lead) == '*')) {
      lead++;
    }
    String text = body.substring(lead, Math.min(body.length(), lead + 200));
    Matcher m = AGENCY_ONLY.matcher(text);
    if (m.find()) {
      String agency = agency(m.group("agency"));
      if (agency != null) {
        return split(body, lead, m.end(), null, agency, m.group());
      }
      return new Result(null, body);
    }
    m = WITH_PLACE.matcher(text);
    if (!m.find()) {
      return new Result(null, body);
    }
    String loc = m.group("loc").strip();
    String rawAgency = m.group("agency");
    String date = m.group("date");
    String dash = m.group("dash");
    if (!isPlace(loc) || text.substring(0, m.start("dash")).contains("\n")) {
      return new Result(null, body);
    }
    String agency = null;
    if (rawAgency != null) {
      agency = agency(rawAgency);
      if (agency == null) {
        return new Result(null, body);
      }
    } else if (date == null) {
      // agency-less and date-less: only "WASHINGTON —" with a real dash and a capitalised place
      boolean longDash = dash.equals("—") || dash.equals("--") || dash.equals("–");
      if (!longDash
          || !Names.isAllCaps(loc)
          || loc.length() > 30
          || loc.contains(",") && loc.split(",").length > 2) {
        return new Result(null, body);
      }
    }
    return split(body, lead, m.end(), loc, agency, m.group());
  }

  private static Result split(
      String body, int lead, int end, String loc, String agency, String raw) {
    String rest = body.substring(lead + end);
    return new Result(new ParsedDateline(loc, agency, raw.strip()), rest);
  }

  /** The canonical agency, or null when the parenthesis is prose rather than an agency. */
  private String agency(String raw) {
    String s = raw.strip();
    OutletRegistry.Outlet o = outlets.lookup(s);
    if (o != null) {
      return o.canonical();
    }
    // unknown stations and papers print as short capitals: "(KTLA)", "(WJZ)"
    if (s.length() <= 6 && Names.isAllCaps(s) && !s.contains(" ") && !NOT_AGENCIES.contains(s)) {
      return s;
    }
    return null;
  }

  private static boolean isPlace(String loc) {
    if (loc.isEmpty() || loc.length() > 60) {
      return false;
    }
    for (String word : PLACE_WORDS.split(loc)) {
      if (word.isEmpty()) {
        continue;
      }
      char c = word.charAt(0);
      if (!Character.isUpperCase(c)
          && !PLACE_LOWER.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
