package dev.newsbeam.lab.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.byline.BylineParser;
import dev.newsbeam.byline.CreditLineParser;
import dev.newsbeam.byline.OutletRegistry;
import dev.newsbeam.byline.ParsedByline;
import dev.newsbeam.byline.Person;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Scores the byline and credit-line parsers against a labelled development set and measures author
 * coverage on a corpus of real bylines. Pure: callers hand in readers and print {@link #report()}.
 *
 * <p>Dev rows are JSON objects with {@code raw}, {@code kind} ({@code byline}, {@code credit}, or
 * anything else), {@code authors} (gold byline authors), {@code roles} (role → names, optionally
 * "Name (Location)") and {@code notes}. A byline row scores when the parsed author set equals the
 * gold set (case-insensitive); a credit row when the set of people named equals the gold set. Rows
 * whose notes say the expectation needs context beyond the string are scored separately.
 */
public final class BylineEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONTEXT_NOTE =
      Pattern.compile("(?i)\\bcontext\\b|beyond the string|needs the page|not in the string");

  /** Hits and misses of one kind of row. */
  public static final class Score {
    int rows;
    int exact;
    final List<String> misses = new ArrayList<>();

    public int rows() {
      return rows;
    }

    public int exact() {
      return exact;
    }

    public double share() {
      return rows == 0 ? 0 : (double) exact / rows;
    }

    public List<String> misses() {
      return misses;
    }
  }

  private final BylineParser bylines;
  private final CreditLineParser credits;
  private final Score bylineScore = new Score();
  private final Score creditScore = new Score();
  private final Score creditWithLocations = new Score();
  private final Score contextScore = new Score();
  private final Score otherScore = new Score();
  private int corpusBylines;
  private int corpusWithAuthors;
  private final List<String> corpusSample = new ArrayList<>();
  private final List<String> corpusWithout = new ArrayList<>();
  private final int sampleSize;
  private final int sampleEvery;

  /**
   * @param sampleSize how many corpus parses to keep for printing
   * @param sampleEvery keep every n-th corpus byline (spreads the sample over the file)
   */
  public BylineEvaluation(OutletRegistry outlets, int sampleSize, int sampleEvery) {
    this.bylines = new BylineParser(outlets);
    this.credits = new CreditLineParser(outlets);
    this.sampleSize = sampleSize;
    this.sampleEvery = Math.max(1, sampleEvery);
  }

  public Score bylineScore() {
    return bylineScore;
  }

  public Score creditScore() {
    return creditScore;
  }

  public Score contextScore() {
    return contextScore;
  }

  public int corpusBylines() {
    return corpusBylines;
  }

  public int corpusWithAuthors() {
    return corpusWithAuthors;
  }

  /** Scores every row of a dev JSONL file. */
  public void addDevRows(BufferedReader in) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (!line.isBlank()) {
        addDevRow(JSON.readTree(line));
      }
    }
  }

  /** Scores one dev row. */
  public void addDevRow(JsonNode row) {
    String raw = row.path("raw").asText("");
    String kind = row.path("kind").asText("");
    String id = row.path("id").asText("?");
    boolean needsContext = CONTEXT_NOTE.matcher(row.path("notes").asText("")).find();
    if (kind.equals("byline")) {
      Set<String> gold = lowerSet(strings(row.path("authors")));
      Set<String> got = lowerSet(bylines.parse(raw).authors().stream().map(Person::name).toList());
      score(needsContext ? contextScore : bylineScore, id, raw, gold, got);
    } else {
      List<Person> people = credits.parseLine(raw);
      Set<String> gold = new TreeSet<>();
      Set<String> goldWithLocations = new TreeSet<>();
      for (Iterator<String> roles = row.path("roles").fieldNames(); roles.hasNext(); ) {
        String role = roles.next();
        if (role.equals("location")
            || role.equals("title")
            || role.equals("email")
            || role.equals("twitter")
            || role.equals("generic")) {
          continue;
        }
        for (String name : strings(row.path("roles").path(role))) {
          goldWithLocations.add(name.toLowerCase(Locale.ROOT));
          gold.add(name.replaceFirst("\\s*\\(.*\\)\\s*$", "").toLowerCase(Locale.ROOT));
        }
      }
      Set<String> got = lowerSet(people.stream().map(Person::name).toList());
      Set<String> gotWithLocations =
          lowerSet(
              people.stream()
                  .map(p -> p.location() == null ? p.name() : p.name() + " (" + p.location() + ")")
                  .toList());
      Score target = needsContext ? contextScore : kind.equals("credit") ? creditScore : otherScore;
      score(target, id, raw, gold, got);
      if (kind.equals("credit") && !needsContext) {
        score(creditWithLocations, id, raw, goldWithLocations, gotWithLocations);
      }
    }
  }

  /** Counts one corpus byline (null and blank are skipped). */
  public void addCorpusByline(String raw) {
    if (raw == null || raw.isBlank()) {
      return;
    }
    corpusBylines++;
    ParsedByline parsed = bylines.parse(raw);
    if (!parsed.authors().isEmpty()) {
      corpusWithAuthors++;
    } else if (corpusWithout.size() < 50) {
      corpusWithout.add(raw);
    }
    if (corpusBylines % sampleEvery == 0 && corpusSample.size() < sampleSize) {
      corpusSample.add(describe(parsed));
    }
  }

  /** Counts the {@code byline} field of every row of a corpus JSONL file. */
  public void addCorpusRows(BufferedReader in) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode byline = JSON.readTree(line).path("byline");
      if (byline.isTextual()) {
        addCorpusByline(byline.asText());
      }
    }
  }

  /** One line describing a parse: raw → authors [outlet]. */
  public static String describe(ParsedByline p) {
    StringBuilder b = new StringBuilder();
    b.append('"').append(p.raw()).append("\" → ");
    List<String> names = new ArrayList<>();
    for (Person person : p.people()) {
      String extra = person.role().equals(Person.AUTHOR) ? "" : " /" + person.role();
      names.add(
          person.name() + extra + (person.location() == null ? "" : " @" + person.location()));
    }
    b.append(names).append(" outlet=").append(p.outlet()).append(' ').append(p.status());
    return b.toString();
  }

  private void score(Score s, String id, String raw, Set<String> gold, Set<String> got) {
    s.rows++;
    if (gold.equals(got)) {
      s.exact++;
    } else {
      s.misses.add(id + " \"" + raw + "\" want " + gold + " got " + got);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Set<String> lowerSet(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    names.forEach(n -> out.add(n.strip().toLowerCase(Locale.ROOT)));
    return new TreeSet<>(out);
  }

  /** The printed report. */
  public void report(Consumer<String> out) {
    out.accept(line("byline rows: author-set exact match", bylineScore));
    out.accept(line("credit rows: person-set exact match", creditScore));
    out.accept(line("credit rows: person+location exact match", creditWithLocations));
    out.accept(line("other rows (non-byline, photo credit): person-set match", otherScore));
    out.accept(line("rows needing context beyond the string (reported apart)", contextScore));
    int scored = bylineScore.rows + creditScore.rows;
    int hit = bylineScore.exact + creditScore.exact;
    out.accept(
        String.format(
            Locale.ROOT,
            "dev overall (byline + credit): %d/%d = %.1f%%",
            hit,
            scored,
            scored == 0 ? 0.0 : 100.0 * hit / scored));
    for (Score s :
        List.of(bylineScore, creditScore, creditWithLocations, otherScore, contextScore)) {
      s.misses.forEach(m -> out.accept("  miss: " + m));
    }
    out.accept(
        String.format(
            Locale.ROOT,
            "corpus bylines with >= 1 author: %d/%d = %.2f%%",
            corpusWithAuthors,
            corpusBylines,
            corpusBylines == 0 ? 0.0 : 100.0 * corpusWithAuthors / corpusBylines));
    corpusWithout.forEach(r -> out.accept("  no author: \"" + r + "\""));
    out.accept("sample of " + corpusSample.size() + " corpus parses:");
    corpusSample.forEach(s -> out.accept("  " + s));
  }

  private static String line(String label, Score s) {
    return String.format(
        Locale.ROOT, "%s: %d/%d = %.1f%%", label, s.exact, s.rows, 100.0 * s.share());
  }
}
