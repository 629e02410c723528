package dev.newsbeam.byline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Word lists and token tests shared by the byline and credit-line parsers. */
final class Names {
  private Names() {}

  /**
   * A set of lower-case words that can reject most tokens by first letter and length before any
   * lower-casing: the parsers test every token against a dozen lists, and allocation dominated.
   */
  static final class WordSet {
    private final Set<String> words;
    private final long[] lengthsByFirst = new long[256];

    WordSet(String... words) {
      this.words = Set.of(words);
      for (String w : words) {
        char c = w.charAt(0);
        if (c < 256) {
          lengthsByFirst[c] |= 1L << Math.min(63, w.length());
        }
      }
    }

    /**
     * False only when no word can match the token even after lower-casing and trimming "." or ",".
     */
    boolean mayContain(String token) {
      if (token.isEmpty()) {
        return false;
      }
      char c = Character.toLowerCase(token.charAt(0));
      if (c >= 256) {
        return true;
      }
      long lengths = lengthsByFirst[c];
      int n = Math.min(63, token.length());
      long want = (1L << n) | (n >= 1 ? 1L << (n - 1) : 0) | (n >= 2 ? 1L << (n - 2) : 0);
      return (lengths & want) != 0;
    }

    boolean contains(String lowerWord) {
      return words.contains(lowerWord);
    }
  }

  static final WordSet PARTICLES =
      new WordSet(
          "de", "del", "della", "delle", "dei", "der", "den", "van", "von", "da", "di", "du", "dos",
          "das", "do", "la", "le", "el", "al", "bin", "binti", "ibn", "ben", "ter", "ten", "zu",
          "y", "vom", "zum", "ní", "nic", "ó", "mac", "st.", "degli", "lo");

  /** Particles whose printed form is capitalised even in a proper-cased name. */
  private static final WordSet CAPITALISED_PARTICLES = new WordSet("ní", "nic", "ó", "mac", "st.");

  static final WordSet HONORIFICS =
      new WordSet(
          "dr",
          "dr.",
          "prof",
          "prof.",
          "professor",
          "mr",
          "mr.",
          "mrs",
          "mrs.",
          "ms",
          "ms.",
          "miss",
          "sir",
          "dame",
          "lord",
          "lady",
          "rev",
          "rev.",
          "reverend",
          "fr.",
          "father",
          "rabbi",
          "imam",
          "sen.",
          "rep.",
          "gov.",
          "gen.",
          "col.",
          "capt.",
          "lt.",
          "sgt.",
          "maj.",
          "hon.",
          "mx",
          "mx.");

  static final WordSet SUFFIXES =
      new WordSet("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd");

  static final WordSet DEGREES =
      new WordSet(
          "phd", "ph.d", "ph.d.", "md", "m.d.", "m.d", "mba", "m.b.a.", "rn", "r.n.", "dphil",
          "d.phil.", "esq", "esq.", "jd", "j.d.", "mph", "m.p.h.", "d.o.", "dds", "msc", "m.a.",
          "bsc", "pharmd", "facp", "obe", "mbe", "cbe", "kc", "qc");

  /** Last words of a job title. */
  static final WordSet TITLE_HEADS =
      new WordSet(
          "reporter",
          "reporters",
          "writer",
          "writers",
          "editor",
          "editors",
          "correspondent",
          "correspondents",
          "columnist",
          "columnists",
          "contributor",
          "contributors",
          "producer",
          "producers",
          "analyst",
          "critic",
          "photographer",
          "photojournalist",
          "journalist",
          "journalists",
          "staff",
          "chief",
          "anchor",
          "host",
          "presenter",
          "commentator",
          "blogger",
          "intern",
          "fellow",
          "researcher",
          "videographer",
          "illustrator",
          "strategist",
          "economist",
          "director",
          "manager",
          "president",
          "founder",
          "publisher",
          "stringer",
          "desk",
          "team",
          "bureau",
          "contributing",
          "editor-at-large",
          "editor-in-chief");

  /** Words that can precede a title head inside a job title ("Middle East correspondent"). */
  static final WordSet TITLE_MODIFIERS =
      new WordSet(
          "news",
          "staff",
          "senior",
          "chief",
          "political",
          "politics",
          "science",
          "business",
          "sports",
          "sport",
          "foreign",
          "economics",
          "economic",
          "economy",
          "health",
          "technology",
          "tech",
          "middle",
          "east",
          "white",
          "house",
          "washington",
          "national",
          "international",
          "special",
          "investigative",
          "deputy",
          "associate",
          "managing",
          "executive",
          "contributing",
          "culture",
          "cultural",
          "arts",
          "entertainment",
          "education",
          "environment",
          "environmental",
          "climate",
          "legal",
          "crime",
          "court",
          "courts",
          "music",
          "film",
          "food",
          "travel",
          "fashion",
          "opinion",
          "digital",
          "diplomatic",
          "defence",
          "defense",
          "security",
          "medical",
          "markets",
          "market",
          "finance",
          "financial",
          "energy",
          "property",
          "royal",
          "general",
          "assistant",
          "city",
          "metro",
          "local",
          "state",
          "europe",
          "european",
          "asia",
          "africa",
          "china",
          "world",
          "global",
          "data",
          "visual",
          "video",
          "audio",
          "social",
          "media",
          "lifestyle",
          "consumer",
          "money",
          "personal",
          "retail",
          "transport",
          "transportation",
          "weather",
          "breaking",
          "trending",
          "principal",
          "lead",
          "wire",
          "freelance",
          "junior",
          "correspondent",
          "bureau",
          "investment",
          "investing",
          "tv",
          "radio",
          "photo",
          "graphics",
          "copy",
          "night",
          "weekend",
          "features",
          "feature",
          "home",
          "affairs",
          "motoring",
          "showbiz",
          "celebrity",
          "football",
          "golf",
          "tennis",
          "cricket",
          "rugby",
          "movie",
          "books",
          "religion",
          "immigration",
          "labour",
          "labor",
          "agriculture",
          "commodities",
          "banking",
          "automotive",
          "aviation",
          "space",
          "tokyo",
          "london",
          "paris",
          "beijing",
          "moscow",
          "berlin",
          "brussels",
          "uk",
          "us",
          "u.s.",
          "congressional",
          "parliamentary",
          "legislative",
          "campaign",
          "elections",
          "election",
          "investigations",
          "standards",
          "public",
          "editor",
          "editorial",
          "research",
          "regional",
          "west",
          "north",
          "south",
          "coast",
          "american",
          "britain",
          "british",
          "latin",
          "america",
          "pacific",
          "russia",
          "ukraine",
          "india",
          "japan");

  private static final WordSet MONTHS =
      new WordSet(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec");

  /** Month abbreviations that are not also common given names or surnames. */
  private static final WordSet MONTH_ABBREVIATIONS =
      new WordSet(
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

  private static final WordSet WEEKDAYS =
      new WordSet(
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "mon",
          "tue",
          "tues",
          "wed",
          "thu",
          "thur",
          "thurs",
          "fri",
          "sat",
          "sun");

  private static final WordSet AM_PM = new WordSet("am", "pm", "a.m", "p.m", "a.m.", "p.m.");

  /** Words that only follow a number or a clock time ("4:32 PM EST", "3 hours ago"). */
  private static final WordSet TIME_WORDS =
      new WordSet(
          "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
          "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt", "ct", "ist", "jst", "aest", "ago",
          "hours", "hour", "hrs", "hr", "min", "mins", "minutes", "minute", "days", "weeks", "h",
          "m");

  /** Words that join the parts of a printed date ("Updated on Friday at 4pm • 2h"). */
  private static final WordSet DATE_CONNECTORS =
      new WordSet(
          "at",
          "on",
          "•",
          "|",
          "-",
          "—",
          "–",
          "updated",
          "published",
          "posted",
          "today",
          "yesterday",
          "now",
          "ago");

  /** Words that never occur in a person's name (function words, newsroom vocabulary). */
  private static final WordSet NOT_NAME_WORDS =
      new WordSet(
          "the",
          "a",
          "of",
          "for",
          "by",
          "with",
          "from",
          "to",
          "on",
          "at",
          "is",
          "was",
          "are",
          "were",
          "said",
          "says",
          "and",
          "or",
          "but",
          "in",
          "this",
          "that",
          "it",
          "its",
          "as",
          "be",
          "has",
          "have",
          "had",
          "report",
          "reports",
          "reported",
          "reporting",
          "news",
          "wire",
          "wires",
          "service",
          "services",
          "agency",
          "agencies",
          "email",
          "e-mail",
          "follow",
          "twitter",
          "contact",
          "updated",
          "published",
          "posted",
          "share",
          "comments",
          "comment",
          "photo",
          "photos",
          "video",
          "story",
          "stories",
          "editorial",
          "board",
          "opinion",
          "analysis",
          "press",
          "newsroom",
          "contributed",
          "contributing",
          "correspondent",
          "reporter",
          "writer",
          "editor",
          "staff",
          "columnist",
          "author",
          "authors",
          "about",
          "view",
          "profile",
          "all",
          "posts",
          "not",
          "he",
          "she",
          "they",
          "we",
          "i",
          "you",
          "his",
          "her",
          "their",
          "our",
          "my",
          "who",
          "what",
          "when",
          "where",
          "why",
          "how",
          "there",
          "here",
          "after",
          "before",
          "into",
          "over",
          "under",
          "up",
          "down",
          "out",
          "off",
          "new",
          "first",
          "last",
          "other",
          "some",
          "such",
          "no",
          "than");

  private static final Pattern NUMERIC =
      Pattern.compile(
          "\\d{1,4}(?:st|nd|rd|th)?[,.]?|\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:[ap]\\.?m\\.?)?|\\d+[hmd]"
              + "|\\d{1,4}[-/]\\d{1,2}[-/]\\d{1,4}",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.?|\\p{Lu}\\.(?:-?\\p{Lu}\\.)+");

  static String lower(String token) {
    return token.toLowerCase(Locale.ROOT);
  }

  private static String bare(String token) {
    String t = lower(token);
    while (!t.isEmpty() && ",;:".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  static boolean isMonth(String token) {
    if (!MONTHS.mayContain(token)) {
      return false;
    }
    if (token.length() < 3 || token.length() > 11 || Character.isDigit(token.charAt(0))) {
      return false;
    }
    String t = bare(token);
    return MONTHS.contains(t) || MONTHS.contains(stripDot(t));
  }

  static boolean isMonthAbbreviation(String token) {
    if (!MONTH_ABBREVIATIONS.mayContain(token)) {
      return false;
    }
    if (token.length() < 3 || token.length() > 6) {
      return false;
    }
    return MONTH_ABBREVIATIONS.contains(stripDot(bare(token)));
  }

  static boolean isWeekday(String token) {
    if (!WEEKDAYS.mayContain(token)) {
      return false;
    }
    if (token.length() < 3 || token.length() > 11 || Character.isDigit(token.charAt(0))) {
      return false;
    }
    String t = stripDot(bare(token));
    return WEEKDAYS.contains(t);
  }

  /** Numbers, clock times, dates and "2h": never part of a name. */
  static boolean isNumeric(String token) {
    return !token.isEmpty()
        && Character.isDigit(token.charAt(0))
        && NUMERIC.matcher(bare(token)).matches();
  }

  private static boolean isTimeWord(String token) {
    if (!TIME_WORDS.mayContain(token)) {
      return false;
    }
    if (token.length() > 8) {
      return false;
    }
    String t = bare(token);
    return TIME_WORDS.contains(t) || TIME_WORDS.contains(stripDot(t));
  }

  private static boolean isAmPm(String token) {
    if (!AM_PM.mayContain(token)) {
      return false;
    }
    String t = bare(token);
    return AM_PM.contains(t) || AM_PM.contains(stripDot(t));
  }

  /** Whether every token is part of a date or time ("Friday", "April 28", "4:45pm"). */
  static boolean isDateLike(List<String> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    boolean strong = false;
    for (String t : tokens) {
      if (isNumeric(t) || isTimeWord(t)) {
        strong = true;
      } else if (isMonth(t) || isWeekday(t)) {
        strong |= isMonthAbbreviation(t) || !isAmbiguousCalendarWord(t);
      } else if (!DATE_CONNECTORS.mayContain(t) || !DATE_CONNECTORS.contains(bare(t))) {
        return false;
      }
    }
    return strong;
  }

  /**
   * Index where a printed date or time at the end of a name starts ("Madeleine Howell 30 August
   * 2023" → 2), or {@code tokens.size()} when there is none. The run must contain a number, so a
   * surname such as "May" or "Day" is never taken for a date.
   */
  static int trailingDateStart(List<String> tokens) {
    int start = tokens.size();
    boolean numeric = false;
    for (int i = tokens.size() - 1; i >= 0; i--) {
      String t = tokens.get(i);
      boolean part;
      if (isNumeric(t)) {
        part = true;
        numeric = true;
      } else if (isTimeWord(t)) {
        part = i > 0 && (isNumeric(tokens.get(i - 1)) || isAmPm(tokens.get(i - 1)));
      } else if (isMonth(t) || isWeekday(t)) {
        part =
            (i + 1 < tokens.size() && isNumeric(tokens.get(i + 1)))
                || (i > 0 && isNumeric(tokens.get(i - 1)))
                || (start == i + 1 && i + 1 < tokens.size());
      } else {
        part =
            start < tokens.size()
                && DATE_CONNECTORS.mayContain(t)
                && DATE_CONNECTORS.contains(bare(t));
      }
      if (!part) {
        break;
      }
      start = i;
    }
    return numeric ? start : tokens.size();
  }

  /** "May", "June", "April", "August" and "Sun" are also names. */
  private static boolean isAmbiguousCalendarWord(String token) {
    String t = stripDot(bare(token));
    return t.equals("may")
        || t.equals("june")
        || t.equals("april")
        || t.equals("august")
        || t.equals("sun")
        || t.equals("sat")
        || t.equals("wed");
  }

  private static String stripDot(String t) {
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  /**
   * A name particle printed in lower case ("del", "van"); a capitalised "Al" or "Ben" is a name.
   */
  static boolean isParticle(String token) {
    return !token.isEmpty()
        && !Character.isUpperCase(token.charAt(0))
        && PARTICLES.mayContain(token)
        && PARTICLES.contains(lower(token));
  }

  /** A particle in any case, for names printed in capitals ("SOLANGE DE SANTIS"). */
  static boolean isParticleWord(String token) {
    return PARTICLES.contains(lower(token));
  }

  static boolean isSuffix(String token) {
    if (!SUFFIXES.mayContain(token)) {
      return false;
    }
    if (token.length() > 4) {
      return false;
    }
    return SUFFIXES.contains(bare(token));
  }

  static boolean isDegree(String token) {
    if (!DEGREES.mayContain(token)) {
      return false;
    }
    if (token.length() > 8) {
      return false;
    }
    return DEGREES.contains(bare(token));
  }

  static boolean isHonorific(String token) {
    if (!HONORIFICS.mayContain(token)) {
      return false;
    }
    if (token.length() > 9) {
      return false;
    }
    return HONORIFICS.contains(lower(token));
  }

  static boolean isTitleHead(String token) {
    if (!TITLE_HEADS.mayContain(token)) {
      return false;
    }
    return TITLE_HEADS.contains(bare(token));
  }

  static boolean isTitleWord(String token) {
    if (!TITLE_HEADS.mayContain(token) && !TITLE_MODIFIERS.mayContain(token)) {
      return false;
    }
    String t = bare(token);
    return TITLE_HEADS.contains(t) || TITLE_MODIFIERS.contains(t);
  }

  static boolean isInitial(String token) {
    if (token.isEmpty() || token.length() > 6 || (token.length() > 1 && token.charAt(1) != '.')) {
      return false;
    }
    return INITIAL.matcher(token).matches() && token.length() <= 6;
  }

  /** Removes quotes around a nickname token ("Tania Mae" in quotes). */
  private static String unquote(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && isQuote(token.charAt(start))) {
      start++;
    }
    while (end > start && isQuote(token.charAt(end - 1))) {
      end--;
    }
    return token.substring(start, end);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201c' || c == '\u201d' || c == '\'' || c == '(' || c == ')';
  }

  /**
   * Whether a token can be a word of a personal name: capitalised word (with O', D', Mc, al- and
   * hyphen forms), an initial, a particle, a suffix, or a quoted nickname.
   */
  static boolean isNameToken(String token, boolean lowerCaseName) {
    String t = unquote(token);
    if (t.isEmpty()) {
      return false;
    }
    if ((NOT_NAME_WORDS.mayContain(t) || TITLE_HEADS.mayContain(t))
        && (NOT_NAME_WORDS.contains(lower(t)) || TITLE_HEADS.contains(lower(t)))) {
      return false;
    }
    if (isParticle(t) || isSuffix(t) || isInitial(t)) {
      return true;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(Character.isLetter(c)
          || Character.getType(c) == Character.NON_SPACING_MARK
          || c == '\''
          || c == '\u2019'
          || c == '-'
          || c == '.')) {
        return false;
      }
    }
    if (lowerCaseName) {
      return Character.isLetter(t.charAt(0));
    }
    // d'Afflisio, al-Assad, l'Estrange: a lower-case particle glued to a capitalised word
    int glue = Math.max(t.indexOf('\''), Math.max(t.indexOf('\u2019'), t.indexOf('-')));
    if (Character.isLowerCase(t.charAt(0)) && glue > 0 && glue <= 3 && glue + 1 < t.length()) {
      return Character.isUpperCase(t.charAt(glue + 1));
    }
    return Character.isUpperCase(t.charAt(0)) || Character.isTitleCase(t.charAt(0));
  }

  /** Proper case for a name printed in capitals or lower case, keeping particles lower. */
  static String properCase(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String low = lower(t);
      if (i > 0 && i < tokens.size() - 1 && PARTICLES.contains(low) && !isSuffix(t)) {
        out.add(CAPITALISED_PARTICLES.contains(low) ? capitalise(low) : low);
      } else if (isSuffix(t) && i > 0) {
        out.add(
            low.startsWith("j") || low.startsWith("s")
                ? capitalise(low)
                : t.toUpperCase(Locale.ROOT));
      } else if (isInitial(t)) {
        out.add(t);
      } else {
        out.add(properWord(low));
      }
    }
    return String.join(" ", out);
  }

  private static String properWord(String low) {
    StringBuilder b = new StringBuilder(low.length());
    boolean start = true;
    for (int i = 0; i < low.length(); i++) {
      char c = low.charAt(i);
      if (start && Character.isLetter(c)) {
        b.append(Character.toTitleCase(c));
        start = false;
      } else {
        b.append(c);
      }
      if (c == '-' || c == '"' || c == '\u201c') {
        start = true;
      } else if ((c == '\'' || c == '\u2019') && i == 1) {
        // O'Neill, D'Afflisio: a one-letter prefix before the apostrophe
        start = true;
      }
    }
    String[] parts = b.toString().split("-", -1);
    for (int i = 0; i < parts.length; i++) {
      // McCraith, O'Donnell-McBride
      if (parts[i].length() > 3 && parts[i].startsWith("Mc")) {
        parts[i] = "Mc" + Character.toUpperCase(parts[i].charAt(2)) + parts[i].substring(3);
      }
    }
    return String.join("-", parts);
  }

  private static String capitalise(String low) {
    return low.isEmpty() ? low : Character.toUpperCase(low.charAt(0)) + low.substring(1);
  }

  /** Whether the letters of the text are all upper case (and there are at least two). */
  static boolean isAllCaps(String text) {
    int upper = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        upper++;
      }
    }
    return upper >= 2;
  }

  /** Whether the letters of the text are all lower case (and there are at least two). */
  static boolean isAllLower(String text) {
    int lower = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        return false;
      }
      if (Character.isLowerCase(c)) {
        lower++;
      }
    }
    return lower >= 2;
  }
}
