package dev.newsbeam.byline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the credit lines that close a news body and the Reuters-21578 wire sign-off: "CNN's A and B
 * contributed to this report.", "(Reporting by A in Lisbon; Editing by B)", "Associated Press
 * writers A in Paris and B in Rome contributed.", "— With assistance from A and B", "A contributed
 * to this report from Oslo.". Each person gets a role and, where printed, a location. Pure and
 * thread-safe; a bug throws (the pipeline makes it a {@code stage_failed} error, not an odd parse).
 */
public final class CreditLineParser {

  /** The people credited at the end of a body, and the body without those lines. */
  public record Result(List<Person> people, String body, int creditLines, boolean signOffRemoved) {}

  /** How many non-blank lines at the end of a body are searched for credit lines. */
  static final int TAIL_LINES = 6;

  private static final Pattern SIGN_OFF = Pattern.compile("(?i)^reuters?(?:\\.{1,3})?$");

  // compiled once: String.replaceAll, replaceFirst and split compile their pattern on every call
  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
  private static final Pattern LEADING_DASHES_OR_STARS = Pattern.compile("^(?:[-–—]+|\\*+)\\s*");
  private static final Pattern LEADING_DASHES = Pattern.compile("^(?:[-–—]+)\\s*");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*");
  private static final Pattern CONTRIBUTED =
      Pattern.compile(
          "^(?<list>.+?)\\s+(?:also\\s+|each\\s+)?contributed"
              + "(?:\\s+(?:reporting|research|additional\\s+reporting|to\\s+this\\s+(?:report|story|article|guide|piece|review|list|post|coverage)))*"
              + "(?:\\s+from\\s+(?<loc>\\p{Lu}[^.;()]{0,60}?))?\\s*\\.?$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern WITH_FROM =
      Pattern.compile(
          "^with\\s+(?:additional\\s+|further\\s+)?(?:assistance|reporting|research|contributions?|help)"
              + "\\s+(?:from|by)\\s+(?<list>.+?)\\.?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLE_CLAUSES =
      Pattern.compile(
          "^(?:(?:additional|further)\\s+)?(?:reporting|writing|editing|compiled|compiling|"
              + "graphics|research|fact-checking|production|photos?|video|translation|translating|"
              + "written|edited|reported)\\s+by\\b.*",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLAUSE_SPLIT =
      Pattern.compile(
          "\\s*;\\s*|\\s*,\\s*(?=(?:and\\s+)?(?:(?:additional|further)\\s+)?(?:reporting|writing|editing|"
              + "compiled|compiling|graphics|research|fact-checking|production|photos?|video|translation|"
              + "translating|written|edited)\\s+by\\b)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLAUSE =
      Pattern.compile(
          "^(?:and\\s+)?(?<role>(?:(?:additional|further)\\s+)?[\\p{L}-]+)\\s+by\\s+(?<list>.+)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern PHOTO =
      Pattern.compile("^(?<org>[\\p{L}. ]{1,30}?)\\s+Photos?\\s*/\\s*(?<list>[^/]+)$");
  private static final Pattern POSSESSIVE =
      Pattern.compile("^(?<org>[^,;]{1,40}?)['’]s\\s+(?<rest>.+)$");
  private static final Pattern STAFF_PREFIX =
      Pattern.compile(
          "^(?:the\\s+)?(?<org>[^,;]{1,40}?)\\s+(?:staff\\s+|special\\s+|national\\s+|foreign\\s+)?"
              + "(?:writers?|reporters?|correspondents?|journalists?|photographers?|videojournalists?)\\s+(?<rest>.+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLE_PREFIX =
      Pattern.compile(
          "^(?i:(?:staff\\s+)?(?:writers?|reporters?|correspondents?|journalists?))\\s+(?<rest>\\p{Lu}.+)$");

  private static final Map<String, String> ROLES =
      Map.ofEntries(
          Map.entry("reporting", "reporter"), Map.entry("reported", "reporter"),
          Map.entry("additional reporting", "contributor"),
              Map.entry("further reporting", "contributor"),
          Map.entry("writing", "writer"), Map.entry("written", "writer"),
          Map.entry("editing", "editor"), Map.entry("edited", "editor"),
          Map.entry("compiled", "compiler"), Map.entry("compiling", "compiler"),
          Map.entry("graphics", "graphics"), Map.entry("research", "researcher"),
          Map.entry("additional research", "researcher"),
              Map.entry("fact-checking", "fact-checker"),
          Map.entry("production", "producer"), Map.entry("photo", "photographer"),
          Map.entry("photos", "photographer"), Map.entry("video", "videographer"),
          Map.entry("translation", "translator"), Map.entry("translating", "translator"));

  private final OutletRegistry outlets;
  private final PersonListParser lists;

  public CreditLineParser(OutletRegistry outlets) {
    this.outlets = outlets;
    this.lists = new PersonListParser(outlets);
  }

  /** The people of one credit line, or an empty list when the line is not a credit line. */
  public List<Person> parseLine(String line) {
    if (line == null || line.isBlank() || line.length() > 1000) {
      return List.of();
    }
    return parseLineChecked(line);
  }

  private List<Person> parseLineChecked(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    // every credit form names "by", "contributed", "with … from" or a photo credit; most lines have
    // none
    if (!lower.contains("by ")
        && !lower.contains("contributed")
        && !lower.contains("from ")
        && !lower.contains("photo")) {
      return List.of();
    }
    String s = WHITESPACE_RUN.matcher(line.strip()).replaceAll(" ");
    s = LEADING_DASHES_OR_STARS.matcher(s).replaceFirst("");
    if (s.startsWith("(") && s.endsWith(")")) {
      s = s.substring(1, s.length() - 1).strip();
    } else if (s.startsWith("(") && s.endsWith(").")) {
      s = s.substring(1, s.length() - 2).strip();
    }
    s = LEADING_DASHES.matcher(s).replaceFirst("");
    if (s.isEmpty()) {
      return List.of();
    }
    Matcher m = PHOTO.matcher(s);
    if (m.matches() && outlets.lookup(m.group("org")) != null) {
      return people(m.group("list"), "photographer", null);
    }
    if (ROLE_CLAUSES.matcher(s).matches()) {
      List<Person> out = new ArrayList<>();
      for (String clause : CLAUSE_SPLIT.split(trimStop(s))) {
        Matcher c = CLAUSE.matcher(clause.strip());
        if (c.matches()) {
          String key =
              WHITESPACE_RUN.matcher(c.group("role").toLowerCase(Locale.ROOT)).replaceAll(" ");
          String role = ROLES.getOrDefault(key, key.replace(' ', '-'));
          out.addAll(people(c.group("list"), role, null));
        }
      }
      return out;
    }
    m = WITH_FROM.matcher(s);
    if (m.matches()) {
      return people(m.group("list"), "contributor", null);
    }
    m = CONTRIBUTED.matcher(s);
    if (m.matches() && m.group("list").length() <= 400) {
      return people(m.group("list"), "contributor", m.group("loc"));
    }
    return List.of();
  }

  /** People of a credit list, after an outlet prefix ("CNN's", "Associated Press writers"). */
  private List<Person> people(String list, String role, String location) {
    String s = list.strip();
    String org = null;
    Matcher m = POSSESSIVE.matcher(s);
    if (m.matches() && outlets.lookup(m.group("org")) != null) {
      org = outlets.lookup(m.group("org")).canonical();
      s = m.group("rest");
    }
    m = STAFF_PREFIX.matcher(s);
    if (m.matches() && outlets.lookup(m.group("org")) != null) {
      org = outlets.lookup(m.group("org")).canonical();
      s = m.group("rest");
    }
    m = ROLE_PREFIX.matcher(s);
    if (m.matches()) {
      s = m.group("rest");
    }
    PersonListParser.Result r = lists.parse(trimStop(s), role);
    List<Person> out = new ArrayList<>(r.persons.size());
    String where = location == null ? null : trimStop(location.strip());
    for (Person p : r.persons) {
      // a credit line names a person with at least two words; one capitalised word is too often not
      // a name
      if (p.name().strip().indexOf(' ') < 0) {
        continue;
      }
      Person q = p.location() == null && where != null ? p.withLocation(where) : p;
      out.add(q.affiliation() == null && org != null ? q.withAffiliation(org) : q);
    }
    return out;
  }

  /** "The Associated Press contributed to this report.": a credit line naming only an outlet. */
  private boolean isOutletCredit(String line) {
    if (!line.toLowerCase(Locale.ROOT).contains("contributed")) {
      return false;
    }
    Matcher m = CONTRIBUTED.matcher(LEADING_DASHES.matcher(line.strip()).replaceFirst(""));
    if (!m.matches()) {
      return false;
    }
    for (String part : LIST_SEPARATOR.split(m.group("list"))) {
      if (!part.isBlank() && outlets.lookup(part) == null) {
        return false;
      }
    }
    return true;
  }

  private static String trimStop(String s) {
    String t = s.strip();
    while (t.endsWith(".") || t.endsWith(")")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  /**
   * Removes the wire sign-off and the credit lines among the last {@link #TAIL_LINES} non-blank
   * lines. A trailing "(Reporting by …)" glued to the last sentence is split off too.
   */
  public Result parse(String body) {
    if (body == null || body.isEmpty()) {
      return new Result(List.of(), body == null ? "" : body, 0, false);
    }
    return parseChecked(body);
  }

  private static final Pattern TRAILING_PAREN_CREDIT =
      Pattern.compile(
          "(\\((?:(?:additional|further)\\s+)?(?:reporting|writing|editing|compiled)\\s+by\\b[^()]*\\))\\s*$",
          Pattern.CASE_INSENSITIVE);

  private Result parseChecked(String body) {
    List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
    boolean signOff = false;
    int last = lastNonBlank(lines, lines.size() - 1);
    if (last >= 0 && SIGN_OFF.matcher(lines.get(last).strip()).matches()) {
      lines.remove(last);
      signOff = true;
    }
    List<Person> people = new ArrayList<>();
    boolean[] removed = new boolean[lines.size()];
    int seen = 0;
    int creditLines = 0;
    List<List<Person>> found = new ArrayList<>();
    for (int i = lastNonBlank(lines, lines.size() - 1);
        i >= 0 && seen < TAIL_LINES;
        i = lastNonBlank(lines, i - 1)) {
      seen++;
      String line = lines.get(i);
      List<Person> credit = parseLine(line);
      if (!credit.isEmpty() || isOutletCredit(line)) {
        removed[i] = true;
        if (!credit.isEmpty()) {
          found.add(0, credit);
        }
        creditLines++;
        continue;
      }
      if (!line.stripTrailing().endsWith(")") || line.indexOf("by") < 0) {
        continue;
      }
      Matcher m = TRAILING_PAREN_CREDIT.matcher(line);
      if (m.find() && m.start() > 0) {
        List<Person> glued = parseLine(m.group(1));
        if (!glued.isEmpty()) {
          lines.set(i, line.substring(0, m.start()));
          found.add(0, glued);
          creditLines++;
        }
      }
    }
    found.forEach(people::addAll);
    if (creditLines == 0 && !signOff) {
      return new Result(List.of(), body, 0, false);
    }
    StringBuilder out = new StringBuilder(body.length());
    boolean previousBlank = false;
    boolean afterRemoval = false;
    for (int i = 0; i < lines.size(); i++) {
      if (removed[i]) {
        afterRemoval = true;
        continue;
      }
      boolean blank = lines.get(i).isBlank();
      if (blank && previousBlank && afterRemoval) {
        // the blank line that framed a removed credit line
        continue;
      }
      out.append(lines.get(i)).append('\n');
      previousBlank = blank;
      afterRemoval &= blank;
    }
    String cleaned = out.toString().stripTrailing();
    if (body.endsWith("\n")) {
      cleaned = cleaned + "\n";
    }
    return new Result(List.copyOf(people), cleaned, creditLines, signOff);
  }

  private static int lastNonBlank(List<String> lines, int from) {
    for (int i = from; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }
}
