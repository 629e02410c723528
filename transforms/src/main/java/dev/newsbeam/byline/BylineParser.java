package dev.newsbeam.byline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a raw byline ("By Kaitlan Collins and Kevin Liptak, CNN", "BY TED D'AFFLISIO, Reuters",
 * "Story by Jane Doe • 2h") into people and an outlet. Pure and thread-safe; a bug throws (the
 * pipeline makes it a {@code stage_failed} error, not an odd parse).
 */
public final class BylineParser {
  /** Longer strings are prose, not bylines; only their start is read. */
  static final int MAX_LENGTH = 600;

  private static final Pattern LEADING_BY =
      Pattern.compile("^(?:by\\b\\s*:?\\s*)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern WHITESPACE = Pattern.compile("[\\p{Cntrl}\\s]+");
  private static final Pattern SLASHED = Pattern.compile("^/\\s*([^/]+?)\\s*/$");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@([\\w-]+(?:\\.[\\w-]+)+)");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w{1,30}");
  private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\(([^()]{1,60})\\)");
  private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIMESTAMP_TAIL =
      Pattern.compile(
          "\\b(?:last\\s+updated|updated|published|posted|first\\s+published|modified)\\b.*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTACT =
      Pattern.compile(
          "\\b(?:(?:e-?mail|contact|message|follow)\\s+(?:the\\s+)?(?:author|reporter|writer|me|us)"
              + "|follow\\s+(?:on\\s+|me\\s+on\\s+)?(?:twitter|x|facebook|instagram|linkedin)"
              + "|view\\s+(?:all\\s+)?(?:posts|profile|articles|stories)|read\\s+more|see\\s+full\\s+bio"
              + "|more\\s+(?:from|by|stories\\s+by)\\s+this\\s+author)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLE_MARKER =
      Pattern.compile(
          "(?<![\\p{L}])(story|written|words|text|analysis|opinion|commentary|reporting|report|produced"
              + "|production|photographs|photography|photos?|pictures|illustrations?|illustrated|video|videos"
              + "|graphics|edited|editing|interviews?|research|design|designed|animation|data|compiled"
              + "|translated|translation)\\s+by\\b\\s*:?\\s*",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, String> MARKER_ROLES =
      Map.ofEntries(
          Map.entry("produced", "producer"),
          Map.entry("production", "producer"),
          Map.entry("photographs", "photographer"),
          Map.entry("photography", "photographer"),
          Map.entry("photos", "photographer"),
          Map.entry("photo", "photographer"),
          Map.entry("pictures", "photographer"),
          Map.entry("illustration", "illustrator"),
          Map.entry("illustrations", "illustrator"),
          Map.entry("illustrated", "illustrator"),
          Map.entry("video", "videographer"),
          Map.entry("videos", "videographer"),
          Map.entry("graphics", "graphics"),
          Map.entry("edited", "editor"),
          Map.entry("editing", "editor"),
          Map.entry("interview", "interviewer"),
          Map.entry("interviews", "interviewer"),
          Map.entry("research", "researcher"),
          Map.entry("design", "designer"),
          Map.entry("designed", "designer"),
          Map.entry("animation", "animator"),
          Map.entry("data", "data"),
          Map.entry("compiled", "compiler"),
          Map.entry("translated", "translator"),
          Map.entry("translation", "translator"));

  private final OutletRegistry outlets;
  private final PersonListParser lists;

  public BylineParser(OutletRegistry outlets) {
    this.outlets = outlets;
    this.lists = new PersonListParser(outlets);
  }

  /** A parser over the bundled outlet list. */
  public static BylineParser withBundledOutlets() {
    return new BylineParser(OutletRegistry.bundled());
  }

  /** Parses one byline; null or blank gives {@link ParsedByline.Status#EMPTY}. */
  public ParsedByline parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return new ParsedByline(raw, List.of(), null, null, null, ParsedByline.Status.EMPTY);
    }
    return parseChecked(raw);
  }

  /** Single spaces, no control characters; returns the same string when it is already clean. */
  private static String normaliseSpace(String s) {
    boolean clean = true;
    for (int i = 0; i < s.length() && clean; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        clean = i > 0 && i < s.length() - 1 && s.charAt(i - 1) != ' ';
      } else {
        clean = c >= ' ' && c != '\u00a0' && c != '\u007f' && !Character.isWhitespace(c);
      }
    }
    return clean ? s : WHITESPACE.matcher(s.replace('\u00a0', ' ')).replaceAll(" ").strip();
  }

  private ParsedByline parseChecked(String raw) {
    String s = raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
    s = normaliseSpace(s);
    Matcher slashed = SLASHED.matcher(s);
    if (s.startsWith("/") && slashed.matches()) {
      s = slashed.group(1);
    }
    // each clean-up pass runs only when its trigger is present: most bylines need none of them
    String emailOutlet = null;
    if (s.indexOf('@') >= 0) {
      Matcher email = EMAIL.matcher(s);
      while (email.find()) {
        OutletRegistry.Outlet o = outlets.lookup(email.group(1));
        if (o != null && emailOutlet == null) {
          emailOutlet = o.canonical();
        }
      }
      s = HANDLE.matcher(EMAIL.matcher(s).replaceAll(" ")).replaceAll(" ");
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("http")) {
      s = URL.matcher(s).replaceAll(" ");
    }
    if (lower.contains("mail")
        || lower.contains("contact")
        || lower.contains("follow")
        || lower.contains("view")
        || lower.contains("more")
        || lower.contains("message")
        || lower.contains("full bio")) {
      s = CONTACT.matcher(s).replaceAll(" ");
    }
    if (lower.contains("updated")
        || lower.contains("published")
        || lower.contains("posted")
        || lower.contains("modified")) {
      s = TIMESTAMP_TAIL.matcher(s).replaceAll(" ");
    }
    if (s.indexOf('(') >= 0) {
      // "Ulrich Brenner (dpa)": a parenthesised agency reads like ", dpa"; quoted nicknames use
      // quotes
      s = PARENTHESIS.matcher(s).replaceAll(", $1 ");
    }
    s = normaliseSpace(s);
    if (s.length() >= 2 && (s.charAt(0) == 'B' || s.charAt(0) == 'b')) {
      Matcher by = LEADING_BY.matcher(s);
      if (by.find()) {
        s = s.substring(by.end());
      }
    }

    PersonListParser.Result r = new PersonListParser.Result();
    Matcher marker = ROLE_MARKER.matcher(s);
    int start = 0;
    String role = Person.AUTHOR;
    boolean roles = s.toLowerCase(Locale.ROOT).contains("by");
    while (roles && marker.find()) {
      lists.parseInto(s.substring(start, marker.start()), role, r);
      String word = marker.group(1).toLowerCase(Locale.ROOT);
      role = MARKER_ROLES.getOrDefault(word, Person.AUTHOR);
      start = marker.end();
    }
    lists.parseInto(s.substring(start), role, r);

    String outlet = r.outlet != null ? r.outlet : emailOutlet;
    List<Person> people = new ArrayList<>(r.persons.size());
    for (Person p : r.persons) {
      people.add(
          p.affiliation() == null && outlet != null && Person.AUTHOR.equals(p.role())
              ? p.withAffiliation(outlet)
              : p);
    }
    ParsedByline.Status status;
    if (!people.isEmpty()) {
      status = ParsedByline.Status.PEOPLE;
    } else if (outlet != null || r.generic || r.title != null) {
      status = ParsedByline.Status.NO_PERSON;
    } else {
      status = ParsedByline.Status.UNPARSED;
    }
    return new ParsedByline(raw, List.copyOf(people), outlet, r.outletLocation, r.title, status);
  }
}
