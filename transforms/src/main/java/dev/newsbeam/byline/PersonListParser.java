package dev.newsbeam.byline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a list of people as bylines and credit lines print it: "A, B and C in Paris", "A &amp; B",
 * "A; B | C", with job titles, outlets, locations, dates and degrees mixed in. Shared by {@link
 * BylineParser} and {@link CreditLineParser}; a segment that is not clearly a name is counted as
 * rejected rather than guessed.
 */
final class PersonListParser {

  /** What separated a segment from the one before it. */
  enum Sep {
    START,
    COMMA,
    AND,
    HARD
  }

  /** What a list held besides people. */
  static final class Result {
    final List<Person> persons = new ArrayList<>();
    final List<Sep> separators = new ArrayList<>();
    String outlet;
    String outletLocation;
    String title;
    boolean generic;
    int rejected;
    int recognised;

    /** People before this index already carry the outlet printed after them. */
    int affiliated;

    /**
     * "A, AFP, and B, Reuters": an outlet segment belongs to the people printed since the last one.
     */
    void affiliate(String canonical) {
      for (int i = affiliated; i < persons.size(); i++) {
        if (persons.get(i).affiliation() == null) {
          persons.set(i, persons.get(i).withAffiliation(canonical));
        }
      }
      affiliated = persons.size();
    }

    void outlet(String canonical) {
      if (outlet == null && canonical != null) {
        outlet = canonical;
      }
      recognised++;
    }
  }

  /** Compiled once: String.replaceFirst would compile it on every call. */
  private static final Pattern LEADING_THE = Pattern.compile("^(?i)the\\s+");

  private static final Pattern SEPARATOR =
      Pattern.compile(
          "\\s*(?:;|\\||·|•|\\s[-–—/]{1,2}\\s|[–—]|,\\s*(?:and|AND|And|&|with|WITH)\\s+|,|\\s+(?:and|AND|And|&|with|WITH)\\s+)\\s*");

  private static final Set<String> GENERIC =
      Set.of(
          "from",
          "staff",
          "reports",
          "report",
          "wire",
          "wires",
          "services",
          "service",
          "agencies",
          "agency",
          "writers",
          "reporters",
          "correspondents",
          "desk",
          "team",
          "bureau",
          "editors",
          "editorial",
          "board",
          "the",
          "and",
          "newsroom",
          "news",
          "our",
          "own",
          "correspondent",
          "reporter",
          "writer");

  private final OutletRegistry outlets;

  PersonListParser(OutletRegistry outlets) {
    this.outlets = outlets;
  }

  Result parse(String text, String role) {
    Result r = new Result();
    parseInto(text, role, r);
    return r;
  }

  /** Adds the people of one list to {@code r}, all with {@code role}. */
  void parseInto(String text, String role, Result r) {
    if (text == null || text.isBlank()) {
      return;
    }
    int firstOfList = r.persons.size();
    Matcher m = SEPARATOR.matcher(text);
    int start = 0;
    Sep sep = Sep.START;
    while (m.find()) {
      if (m.start() > start) {
        segment(text.substring(start, m.start()), sep, role, r, firstOfList, false);
        sep = kind(m.group());
      } else if (sep == Sep.START || kind(m.group()) == Sep.AND) {
        sep = kind(m.group());
      }
      start = m.end();
    }
    if (start < text.length()) {
      segment(text.substring(start), sep, role, r, firstOfList, false);
    }
    propagateLocations(r, firstOfList);
  }

  private static Sep kind(String separator) {
    String s = separator.trim();
    String low = s.toLowerCase(java.util.Locale.ROOT);
    if (s.endsWith("&") || low.endsWith("and") || low.endsWith("with")) {
      return Sep.AND;
    }
    return s.equals(",") ? Sep.COMMA : Sep.HARD;
  }

  /** "A and B in Washington": a location closing an and-group applies to the whole group. */
  private static void propagateLocations(Result r, int from) {
    for (int i = r.persons.size() - 2; i >= from; i--) {
      Person next = r.persons.get(i + 1);
      if (r.persons.get(i).location() == null
          && next.location() != null
          && r.separators.get(i + 1) == Sep.AND) {
        r.persons.set(i, r.persons.get(i).withLocation(next.location()));
      }
    }
  }

  private void segment(
      String raw, Sep sep, String role, Result r, int firstOfList, boolean interleaved) {
    String seg = trimSegment(raw);
    if (seg.isEmpty()) {
      return;
    }
    List<String> tokens = tokens(seg);
    if (tokens.isEmpty()) {
      return;
    }
    boolean hasPrevious = r.persons.size() > firstOfList;
    Person last = hasPrevious ? r.persons.get(r.persons.size() - 1) : null;

    if (last != null
        && sep == Sep.COMMA
        && tokens.stream().allMatch(t -> Names.isDegree(t) || Names.isSuffix(t))) {
      r.persons.set(r.persons.size() - 1, last.withName(last.name() + ", " + seg));
      return;
    }
    if (Names.isDateLike(tokens)) {
      r.recognised++;
      return;
    }
    if (last != null
        && last.location() != null
        && sep == Sep.COMMA
        && tokens.size() <= 2
        && Character.isUpperCase(seg.charAt(0))
        && outlets.lookup(seg) == null
        && tokens.stream().noneMatch(Names::isTitleHead)
        && (tokens.size() == 1 || tokens.get(1).endsWith("."))) {
      // "in Johnstown, Pennsylvania, and ...": the state continues the location
      r.persons.set(r.persons.size() - 1, last.withLocation(last.location() + ", " + seg));
      return;
    }
    if (isGeneric(tokens)) {
      r.generic = true;
      r.recognised++;
      return;
    }
    if (tokens.size() > 1) {
      String first = tokens.get(0);
      int apostrophe = Math.max(first.lastIndexOf("'s"), first.lastIndexOf("’s"));
      OutletRegistry.Outlet owner =
          apostrophe > 0 && apostrophe == first.length() - 2
              ? outlets.lookup(first.substring(0, apostrophe))
              : null;
      if (owner != null) {
        // "CNN's Jane Doe": the outlet owns the person, it is not part of the name
        r.outlet(owner.canonical());
        segment(
            String.join(" ", tokens.subList(1, tokens.size())),
            sep,
            role,
            r,
            firstOfList,
            interleaved);
        r.affiliate(owner.canonical());
        return;
      }
    }
    String forOutlet = outletAfterFor(tokens);
    if (forOutlet != null && forIndex(tokens) == 0) {
      r.outlet(forOutlet);
      if (last != null && last.affiliation() == null) {
        r.persons.set(r.persons.size() - 1, last.withAffiliation(forOutlet));
      }
      return;
    }
    OutletRegistry.Outlet whole = outlets.lookup(seg);
    if (whole != null) {
      r.outlet(whole.canonical());
      r.affiliate(whole.canonical());
      return;
    }
    if (tokens.size() > 1 && Names.lower(tokens.get(0)).equals("from")) {
      OutletRegistry.Outlet from =
          outlets.lookup(String.join(" ", tokens.subList(1, tokens.size())));
      if (from != null) {
        r.outlet(from.canonical());
        return;
      }
    }

    String affiliation = null;
    if (forOutlet != null) {
      affiliation = forOutlet;
      r.outlet(forOutlet);
      tokens = tokens.subList(0, forIndex(tokens));
    }
    String location = null;
    int in = inIndex(tokens, Names.isAllCaps(seg));
    if (in > 0 && in < tokens.size() - 1) {
      location = String.join(" ", tokens.subList(in + 1, tokens.size()));
      tokens = tokens.subList(0, in);
    }

    int[] title = titleRun(tokens);
    if (title != null) {
      String titleText = String.join(" ", tokens.subList(title[0], title[1]));
      List<String> rest = tokens.subList(title[1], tokens.size());
      List<String> namePart = tokens.subList(0, title[0]);
      boolean staff = titleText.toLowerCase(java.util.Locale.ROOT).contains("staff");
      if (namePart.isEmpty()) {
        r.recognised++;
        if (staff) {
          r.generic = true;
        } else if (last != null && sep != Sep.AND && last.affiliation() == null && rest.isEmpty()) {
          r.persons.set(r.persons.size() - 1, last.withAffiliation(titleText));
        } else if (r.title == null) {
          r.title = titleText;
        }
      } else {
        OutletRegistry.Outlet org = outlets.lookup(String.join(" ", namePart));
        if (org != null) {
          r.outlet(org.canonical());
          r.generic |= staff;
        } else if (staff && (namePart.size() == 1 || !looksLikeName(namePart))) {
          // "Times staff writer", "A Staff Writer": the word before a staff title is a paper, not a
          // person
          r.generic = true;
          r.recognised++;
        } else {
          addName(namePart, role, titleText, location, sep, r, interleaved || !rest.isEmpty());
        }
      }
      if (!rest.isEmpty()) {
        segment(String.join(" ", rest), Sep.HARD, role, r, firstOfList, true);
      }
      return;
    }
    if (location != null) {
      OutletRegistry.Outlet org = outlets.lookup(String.join(" ", tokens));
      if (org != null) {
        // "Associated Press in Valencia": agency copy filed from a place, no person
        r.outlet(org.canonical());
        if (r.outletLocation == null) {
          r.outletLocation = location;
        }
        return;
      }
    }
    addName(tokens, role, affiliation, location, sep, r, interleaved);
  }

  private void addName(
      List<String> in,
      String role,
      String affiliation,
      String location,
      Sep sep,
      Result r,
      boolean interleaved) {
    if (in.size() == 1 && sep != Sep.START && sep != Sep.AND && !interleaved) {
      // "…, Nation": after a comma a lone word is more likely an outlet or place we do not know
      r.rejected++;
      return;
    }
    List<String> tokens = new ArrayList<>(in);
    if (tokens.size() > 2) {
      // "Brad Okoro Reuters", "Ines Ito NEW YORK DAILY NEWS": an outlet printed without a separator
      int n = outlets.outletSuffixLength(tokens);
      if (n > 0 && tokens.size() - n >= 2) {
        String org =
            outlets
                .lookup(String.join(" ", tokens.subList(tokens.size() - n, tokens.size())))
                .canonical();
        r.outlet(org);
        affiliation = affiliation == null ? org : affiliation;
        tokens = new ArrayList<>(tokens.subList(0, tokens.size() - n));
      }
    }
    int dateStart = Names.trailingDateStart(tokens);
    tokens = new ArrayList<>(tokens.subList(0, dateStart));
    if (tokens.size() >= 3 && Names.isMonthAbbreviation(tokens.get(tokens.size() - 1))) {
      tokens.remove(tokens.size() - 1);
    }
    while (!tokens.isEmpty() && Names.isHonorific(tokens.get(0))) {
      tokens.remove(0);
    }
    if (tokens.isEmpty()) {
      r.recognised++;
      return;
    }
    if (!looksLikeName(tokens)) {
      r.rejected++;
      return;
    }
    String joined = String.join(" ", tokens);
    if (outlets.lookup(joined) != null) {
      r.outlet(outlets.lookup(joined).canonical());
      return;
    }
    if (interleaved
        && tokens.size() == 4
        && tokens.stream().allMatch(PersonListParser::isPlainWord)) {
      // "Phoebe Tonks Joseph Gamp" between job titles: two names printed without a separator
      add(r, new Person(display(tokens.subList(0, 2)), role, affiliation, location), sep);
      add(r, new Person(display(tokens.subList(2, 4)), role, affiliation, location), Sep.HARD);
      return;
    }
    add(r, new Person(display(tokens), role, affiliation, location), sep);
  }

  private static void add(Result r, Person p, Sep sep) {
    r.persons.add(p);
    r.separators.add(sep);
  }

  private static boolean isPlainWord(String t) {
    return t.length() > 1
        && !Names.isParticle(t)
        && !Names.isInitial(t)
        && !Names.isSuffix(t)
        && Character.isUpperCase(t.charAt(0));
  }

  private static String display(List<String> tokens) {
    String joined = String.join(" ", tokens);
    if (Names.isAllCaps(joined) || Names.isAllLower(joined) || isShouted(tokens)) {
      return Names.properCase(tokens);
    }
    return joined;
  }

  /** "TED d'AFFLISIO": capitals throughout apart from a glued lower-case particle. */
  private static boolean isShouted(List<String> tokens) {
    for (String t : tokens) {
      int glue = Math.max(t.indexOf('\''), t.indexOf('\u2019'));
      String rest = glue > 0 && glue <= 3 ? t.substring(glue + 1) : t;
      if (!Names.isAllCaps(rest) && !(Names.isParticle(t) && tokens.size() > 2)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the tokens can be one person's name; unsure means no. */
  static boolean looksLikeName(List<String> tokens) {
    if (tokens.isEmpty() || tokens.size() > 6) {
      return false;
    }
    boolean lowerMode = Names.isAllLower(String.join(" ", tokens));
    if (lowerMode && tokens.size() < 2) {
      return false;
    }
    int words = 0;
    for (String t : tokens) {
      if (!Names.isNameToken(t, lowerMode)) {
        return false;
      }
      if (!Names.isParticle(t) && !Names.isInitial(t) && !Names.isSuffix(t)) {
        words++;
      }
    }
    if (words == 0) {
      return false;
    }
    if (tokens.size() == 1) {
      String t = tokens.get(0);
      // a lone short capitalised token is far more often an acronym (a station, an agency) than a
      // name
      return t.length() >= 3
          && !(Names.isAllCaps(t) && t.length() <= 5)
          && !Names.isTitleWord(t)
          && !Names.isMonth(t)
          && !Names.isWeekday(t);
    }
    return !Names.isParticle(tokens.get(0)) || tokens.size() > 2;
  }

  private static boolean isGeneric(List<String> tokens) {
    boolean core = false;
    for (String t : tokens) {
      String low = Names.lower(t);
      if (!GENERIC.contains(low)) {
        return false;
      }
      core |=
          low.equals("staff")
              || low.equals("reports")
              || low.equals("wires")
              || low.equals("agencies")
              || low.equals("newsroom")
              || low.equals("editors")
              || low.equals("board")
              || low.equals("our");
    }
    return core;
  }

  /**
   * Job title inside a segment: the first run of title words that ends on a title head ("Mary-Ann
   * Russon Business reporter" → [2, 4]), or null.
   */
  static int[] titleRun(List<String> tokens) {
    int i = 0;
    while (i < tokens.size()) {
      if (!Names.isTitleWord(tokens.get(i))) {
        i++;
        continue;
      }
      int start = i;
      int lastHead = -1;
      while (i < tokens.size() && (Names.isTitleWord(tokens.get(i)) || isTitleGlue(tokens, i))) {
        if (Names.isTitleHead(tokens.get(i))) {
          lastHead = i;
        }
        i++;
      }
      if (lastHead >= 0) {
        return new int[] {start, lastHead + 1};
      }
    }
    return null;
  }

  private static boolean isTitleGlue(List<String> tokens, int i) {
    String low = Names.lower(tokens.get(i));
    return (low.equals("of") || low.equals("at") || low.equals("large"))
        && i > 0
        && Names.isTitleWord(tokens.get(i - 1));
  }

  private int forIndex(List<String> tokens) {
    for (int i = 0; i < tokens.size() - 1; i++) {
      String low = Names.lower(tokens.get(i));
      if (low.equals("for")
          || (low.equals("special") && Names.lower(tokens.get(i + 1)).equals("to"))) {
        return i;
      }
      // "Jane Doe of The Washington Post": only a known outlet, "of" also joins place and family
      // names
      if (low.equals("of")
          && i >= 2
          && outlets.lookup(String.join(" ", tokens.subList(i + 1, tokens.size()))) != null) {
        return i;
      }
    }
    return -1;
  }

  /** The outlet named after "for" / "Special to" ("Ian Drury for the Daily Mail"), or null. */
  private String outletAfterFor(List<String> tokens) {
    int i = forIndex(tokens);
    if (i < 0) {
      return null;
    }
    int skip = Names.lower(tokens.get(i)).equals("special") ? 2 : 1;
    if (i + skip >= tokens.size()) {
      return null;
    }
    String rest = String.join(" ", tokens.subList(i + skip, tokens.size()));
    OutletRegistry.Outlet o = outlets.lookup(rest);
    if (o != null) {
      return o.canonical();
    }
    // an unknown outlet after "for" still reads as one when it is capitalised like a name
    List<String> restTokens = tokens.subList(i + skip, tokens.size());
    boolean capitalised =
        restTokens.size() <= 5
            && restTokens.stream()
                .allMatch(
                    t ->
                        Character.isUpperCase(t.charAt(0))
                            || Names.lower(t).equals("the")
                            || Names.lower(t).equals("of"));
    return capitalised ? LEADING_THE.matcher(rest).replaceFirst("The ") : null;
  }

  private static int inIndex(List<String> tokens, boolean allCaps) {
    for (int i = 1; i < tokens.size() - 1; i++) {
      String t = tokens.get(i);
      if ((t.equals("in") || (allCaps && t.equals("IN")))
          && Character.isUpperCase(tokens.get(i + 1).charAt(0))) {
        return i;
      }
    }
    return -1;
  }

  static List<String> tokens(String seg) {
    List<String> out = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= seg.length(); i++) {
      boolean space = i == seg.length() || Character.isWhitespace(seg.charAt(i));
      if (space && start >= 0) {
        out.add(seg.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return out;
  }

  /**
   * Trims spaces, stray punctuation and a trailing full stop that does not end an initial or "Jr.".
   */
  static String trimSegment(String raw) {
    String s = raw.strip();
    int start = 0;
    while (start < s.length() && ":,;-–—()[]*>".indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    int end = s.length();
    while (end > start && ":,;-–—()[]*<".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    s = s.substring(start, end).strip();
    if (s.endsWith(".")) {
      String last = s.substring(s.lastIndexOf(' ') + 1);
      if (!(Names.isInitial(last)
          || Names.isSuffix(last)
          || Names.isDegree(last)
          || Names.isHonorific(last)
          || last.indexOf('.') < last.length() - 1)) {
        s = s.substring(0, s.length() - 1).strip();
      }
    }
    return s;
  }
}
