package dev.newsbeam.lab.corpus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.dedup.LshBands;
import dev.newsbeam.dedup.MinHasher;
import dev.newsbeam.dedup.Shingler;
import dev.newsbeam.dedup.TextFingerprint;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes a seeded synthetic news corpus with known duplicate clusters, for measuring dedup quality
 * and scale: {@code <out>/articles-NNNNN.jsonl} shards (same fields as the base corpus) and {@code
 * <out>/truth.tsv} ({@code id<TAB>cluster<TAB>kind}, the {@link Kind} of each article).
 *
 * <p>Each story is written once as an original plus 0..30 copies made by the edits that real
 * syndication and re-crawling make: exact re-crawls, re-titled copies, trimmed or reordered last
 * paragraphs, an inserted sentence, credit/boilerplate changes, typos, other outlets' headers, and
 * "developing story" updates that append paragraphs (UPDATE 1, UPDATE 2, ...). Stories are the base
 * corpus's articles in seeded order, minus briefs under {@value #MIN_WORDS} words and minus the
 * base's own exact and near copies (estimated Jaccard >= {@value #BASE_NEAR} to a story already
 * kept), so that the truth has no unmarked duplicates; when more stories are needed than the base
 * holds, new ones are made of sentences drawn at random from the whole base, so that two unrelated
 * stories share almost nothing.
 *
 * <p>The {@link Mix#ARCHIVE archive} mix adds what digitised newspaper archives hold on top of
 * those: OCR-damaged copies ({@link OcrNoise}), abridged copies (the top of the story cut at a
 * sentence end, as local papers printed it), abridged copies with OCR damage, abridged copies of an
 * earlier abridged copy, and batches of short templated stories ({@link TemplateStories}) that
 * share their boilerplate but are each a story of their own. Its extra draws come from a random
 * stream of their own; the {@link Mix#WIRE wire} mix never touches that stream, so wire corpora
 * stay byte-identical to those written before the archive mix existed.
 *
 * <p>Memory is bounded by the base corpus and a {@value #SHUFFLE_WINDOW}-article shuffle window
 * (which scatters the copies of a story through the output): a million articles stream straight to
 * disk. Same base, n and seed give byte-identical output.
 */
public final class DuplicateCorpusGenerator {
  static final int MIN_WORDS = 40;
  static final int SHUFFLE_WINDOW = 20_000;
  static final int SHARD_SIZE = 25_000;

  /** Base stories this close (estimated 3-shingle Jaccard) to an earlier one are not used. */
  static final double BASE_NEAR = 0.25;

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]+|\\n\\s*\\n");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final String[] OUTLETS = {
    "Harbor Post", "Valley Times", "Metro Dispatch", "Morning Courier", "Daily Ledger",
    "Northern Wire", "Capital Review", "Coastal Herald", "Evening Standard Sun", "Plains Gazette"
  };
  private static final String[] FIRST = {
    "Ana", "Boris", "Clara", "Dev", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kiri", "Luca"
  };
  private static final String[] LAST = {
    "Marlow", "Okafor", "Lindqvist", "Ferreira", "Takeda", "Novak", "Brennan", "Haddad", "Quist"
  };
  private static final String[] CITIES = {
    "NEW YORK", "LONDON", "TOKYO", "CHICAGO", "WASHINGTON", "FRANKFURT", "SYDNEY", "PARIS"
  };

  /** Share of the archive mix's copies that are of the archive kinds (OCR, abridged ...). */
  static final double ARCHIVE_COPY_SHARE = 0.35;

  /**
   * Chance that a batch of template stories follows a story in the archive mix; with 3-6 stories
   * per batch, a few percent of all stories are templated.
   */
  static final double TEMPLATE_BATCH_CHANCE = 0.012;

  /** Abridged copies keep this share of the words of what they copy, at least ... */
  static final double ABRIDGE_MIN = 0.30;

  /** ... and at most this share. */
  static final double ABRIDGE_MAX = 0.70;

  /** OCR damage rate of a copy, drawn uniformly from [OCR_MIN, OCR_MAX) of its letters. */
  static final double OCR_MIN = 0.02;

  static final double OCR_MAX = 0.08;

  /** What a corpus holds besides originals. */
  public enum Mix {
    /** Syndication and re-crawl copies of wire stories: the benchmark corpora. */
    WIRE,
    /** The wire copies plus OCR-damaged, abridged and chained copies and templated stories. */
    ARCHIVE;

    @JsonValue
    public String code() {
      return LabCli.code(this);
    }

    @JsonCreator
    public static Mix parse(String value) {
      return LabCli.parseEnum(Mix.class, "--mix", value);
    }
  }

  /** How an article was made: the third column of truth.tsv. */
  public enum Kind {
    /** The story as the wire sent it: the first article of each story. */
    ORIGINAL,
    /** The same page again (a re-crawl): same title, text and date. */
    EXACT,
    /** The same text under another outlet's title. */
    RETITLED,
    /** A developing story: the previous version plus an appended paragraph. */
    UPDATE,
    /** Trimmed/reordered paragraphs, inserted sentences, credits, typos, headers. */
    EDITED,
    /** The full story with OCR damage. */
    OCR,
    /** The top 30-70% of the story, cut at a sentence end. */
    ABRIDGED,
    /** An abridged copy with OCR damage. */
    ABRIDGED_OCR,
    /** An abridged copy of an earlier abridged copy of the story, sometimes OCR-damaged. */
    ABRIDGED_CHAIN,
    /** A templated story (earnings, dividend ...): a story of its own, a hard negative. */
    TEMPLATE;

    public String code() {
      return LabCli.code(this);
    }

    /** The kind a truth.tsv column names, by {@link #code}. */
    public static Kind parse(String code) {
      return LabCli.parseEnum(Kind.class, "kind", code);
    }
  }

  /** What was written; {@code kinds} counts the articles of each {@link Kind}. */
  public record Summary(
      long articles,
      long stories,
      long exactCopies,
      long nearCopies,
      int baseStories,
      long syntheticStories,
      int shards,
      Map<Kind, Long> kinds) {}

  private record Story(
      String title, LocalDate date, List<String> paragraphs, List<String> labels) {}

  private final long seed;
  private final Mix mix;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Kind, Long> kinds = new EnumMap<>(Kind.class);

  /** The {@link Mix#WIRE wire} mix. */
  public DuplicateCorpusGenerator(long seed) {
    this(seed, Mix.WIRE);
  }

  public DuplicateCorpusGenerator(long seed, Mix mix) {
    this.seed = seed;
    this.mix = mix;
  }

  public Summary generate(Path base, Path outDir, long n) throws IOException {
    List<Story> stories = readBase(base);
    if (stories.isEmpty()) {
      throw new IllegalArgumentException(
          "no usable stories (>= " + MIN_WORDS + " words) in " + base);
    }
    List<String> sentences = new ArrayList<>();
    for (Story s : stories) {
      for (String p : s.paragraphs()) {
        sentences.addAll(NewsAnalyzer.sentences(p));
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    shuffle(stories, random);

    Files.createDirectories(outDir);
    int shards = (int) Math.max(1, (n + SHARD_SIZE - 1) / SHARD_SIZE);
    Output out = new Output(outDir, shards, random.split());
    // the archive mix's own stream: the wire mix's draws from `random` stay as they always were
    SplittableRandom archive =
        mix == Mix.ARCHIVE ? new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5EED) : null;
    kinds.clear();
    long written = 0;
    long storyCount = 0;
    long baseUsed = 0;
    long synthetic = 0;
    long exact = 0;
    long near = 0;
    try (out) {
      while (written < n) {
        Story story;
        if (baseUsed < stories.size()) {
          story = stories.get((int) baseUsed++);
        } else {
          story = synthesise(stories, sentences, random);
          synthetic++;
        }
        String cluster = "story-" + storyCount;
        storyCount++;
        long copies = Math.min(copiesFor(random), n - written - 1);
        written =
            emit(
                out,
                written,
                cluster,
                story,
                story.title(),
                story.paragraphs(),
                story.date(),
                "Reuters",
                story.labels(),
                Kind.ORIGINAL);
        List<String> updated = story.paragraphs();
        int update = 0;
        List<List<String>> abridged = new ArrayList<>();
        for (long c = 0; c < copies; c++) {
          if (archive != null && archive.nextDouble() < ARCHIVE_COPY_SHARE) {
            written = archiveCopy(out, written, cluster, story, abridged, archive);
            near++;
            continue;
          }
          double kind = random.nextDouble();
          LocalDate date = story.date().plusDays(random.nextInt(3));
          String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
          if (kind < 0.10) {
            // re-crawl: the same page again
            written =
                emit(
                    out,
                    written,
                    cluster,
                    story,
                    story.title(),
                    story.paragraphs(),
                    story.date(),
                    "Reuters",
                    story.labels(),
                    Kind.EXACT);
            exact++;
          } else if (kind < 0.20) {
            written =
                emit(
                    out,
                    written,
                    cluster,
                    story,
                    retitle(story.title(), outlet, random),
                    story.paragraphs(),
                    date,
                    outlet,
                    story.labels(),
                    Kind.RETITLED);
            exact++;
          } else if (kind < 0.35 && update < 3) {
            // developing story: each update appends to the previous one
            update++;
            updated = new ArrayList<>(updated);
            updated.add(randomParagraph(sentences, random, 1 + random.nextInt(2)));
            written =
                emit(
                    out,
                    written,
                    cluster,
                    story,
                    "UPDATE " + update + "-" + story.title(),
                    updated,
                    date.plusDays(update),
                    "Reuters",
                    story.labels(),
                    Kind.UPDATE);
            near++;
          } else {
            List<String> edited = edit(story.paragraphs(), sentences, outlet, random);
            String title =
                random.nextBoolean() ? retitle(story.title(), outlet, random) : story.title();
            written =
                emit(
                    out,
                    written,
                    cluster,
                    story,
                    title,
                    edited,
                    date,
                    outlet,
                    story.labels(),
                    Kind.EDITED);
            near++;
          }
        }
        if (archive != null && written < n && archive.nextDouble() < TEMPLATE_BATCH_CHANCE) {
          // several stories of one template on one day: each its own cluster
          int batch = (int) Math.min(3 + archive.nextInt(4), n - written);
          for (TemplateStories.Filled t : TemplateStories.batch(story.date(), batch, archive)) {
            Story ts = new Story(t.title(), story.date(), t.paragraphs(), t.labels());
            written =
                emit(
                    out,
                    written,
                    "story-" + storyCount++,
                    ts,
                    ts.title(),
                    ts.paragraphs(),
                    ts.date(),
                    "Reuters",
                    ts.labels(),
                    Kind.TEMPLATE);
          }
        }
      }
    }
    return new Summary(
        written, storyCount, exact, near, stories.size(), synthetic, shards, new EnumMap<>(kinds));
  }

  /**
   * One copy of an archive kind: OCR-damaged, abridged, abridged and damaged, or abridged from an
   * earlier abridged copy of this story ({@code abridged} holds the clean text of those, since a
   * paper copies what another printed, not what a scanner read). A kind that cannot be made (no
   * earlier abridged copy, no sentence end in the 30-70% window) falls back to the next simpler
   * one: chain, then abridged, then OCR.
   */
  private long archiveCopy(
      Output out,
      long index,
      String cluster,
      Story story,
      List<List<String>> abridged,
      SplittableRandom r)
      throws IOException {
    double u = r.nextDouble();
    LocalDate date = story.date().plusDays(r.nextInt(4));
    String outlet = OUTLETS[r.nextInt(OUTLETS.length)];
    double rate = OCR_MIN + (OCR_MAX - OCR_MIN) * r.nextDouble();
    // a chain needs an earlier abridged copy of the story, so it is drawn often to be seen at all
    Kind kind =
        u < 0.35
            ? Kind.OCR
            : u < 0.60 ? Kind.ABRIDGED : u < 0.75 ? Kind.ABRIDGED_OCR : Kind.ABRIDGED_CHAIN;
    List<String> clean = null;
    if (kind == Kind.ABRIDGED_CHAIN) {
      clean = abridged.isEmpty() ? null : abridge(abridged.get(r.nextInt(abridged.size())), r);
      if (clean == null) {
        kind = Kind.ABRIDGED;
      }
    }
    if (kind != Kind.OCR && clean == null) {
      clean = abridge(story.paragraphs(), r);
      if (clean == null) {
        kind = Kind.OCR;
      }
    }
    String title;
    List<String> paragraphs;
    if (kind == Kind.OCR) {
      title = damage(story.title(), rate, r);
      paragraphs = damage(story.paragraphs(), rate, r);
    } else {
      abridged.add(clean);
      title =
          switch (r.nextInt(3)) {
            case 0 -> story.title();
            case 1 -> retitle(story.title(), outlet, r);
            default -> leadHeadline(clean.get(0), r);
          };
      boolean noisy = kind == Kind.ABRIDGED_OCR || (kind == Kind.ABRIDGED_CHAIN && r.nextBoolean());
      paragraphs = noisy ? damage(clean, rate, r) : clean;
      if (noisy) {
        title = damage(title, rate, r);
      }
    }
    return emit(out, index, cluster, story, title, paragraphs, date, outlet, story.labels(), kind);
  }

  /** OCR damage to every paragraph; a copy that came through unchanged is damaged again. */
  private static List<String> damage(List<String> paragraphs, double rate, SplittableRandom r) {
    List<String> out = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      out.add(OcrNoise.apply(p, rate, r));
    }
    for (int tries = 0; tries < 5 && out.equals(paragraphs); tries++) {
      out.set(0, OcrNoise.apply(paragraphs.get(0), rate, r));
    }
    return out;
  }

  private static String damage(String text, double rate, SplittableRandom r) {
    return text == null ? null : OcrNoise.apply(text, rate, r);
  }

  /** Words a text holds: its whitespace-separated tokens. */
  static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : SPACES.split(t).length;
  }

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "inc", "co", "corp", "ltd", "jr", "sr", "no", "vs", "jan",
          "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "gov", "sen", "rep",
          "gen", "prof", "cts", "pct", "dlrs", "mln", "bln");

  /**
   * Offsets just past each sentence end of {@code paragraph}: a '.', '!' or '?' (and any closing
   * quote or bracket) followed by a space and a capital, digit or quote, or by the paragraph's end;
   * not after an abbreviation or an initial.
   */
  static List<Integer> sentenceEnds(String paragraph) {
    List<Integer> ends = new ArrayList<>();
    int n = paragraph.length();
    for (int i = 0; i < n; i++) {
      char c = paragraph.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        continue;
      }
      int e = i + 1;
      while (e < n && "\"')".indexOf(paragraph.charAt(e)) >= 0) {
        e++;
      }
      boolean atEnd = e == n;
      if (!atEnd) {
        if (paragraph.charAt(e) != ' ' || e + 1 >= n) {
          continue;
        }
        char next = paragraph.charAt(e + 1);
        if (!Character.isUpperCase(next) && !Character.isDigit(next) && next != '"') {
          continue;
        }
      }
      if (c == '.') {
        int s = i;
        while (s > 0 && !Character.isWhitespace(paragraph.charAt(s - 1))) {
          s--;
        }
        String token = paragraph.substring(s, i).toLowerCase(java.util.Locale.ROOT);
        if (token.length() <= 1 || token.contains(".") || ABBREVIATIONS.contains(token)) {
          continue;
        }
      }
      ends.add(e);
      i = e - 1;
    }
    return ends;
  }

  /**
   * The top of {@code paragraphs}: whole paragraphs, then the first sentences of the next one, cut
   * at a sentence end, keeping between {@link #ABRIDGE_MIN} and {@link #ABRIDGE_MAX} of the words.
   * Joined with blank lines, it is a prefix of the joined original. The cut closest to a share
   * drawn from that window wins; {@code null} when no sentence end falls inside it.
   */
  static List<String> abridge(List<String> paragraphs, SplittableRandom r) {
    double target = ABRIDGE_MIN + (ABRIDGE_MAX - ABRIDGE_MIN) * r.nextDouble();
    int total = 0;
    for (String p : paragraphs) {
      total += words(p);
    }
    if (total == 0) {
      return null;
    }
    int bestParagraph = -1;
    int bestEnd = -1;
    double bestDistance = Double.MAX_VALUE;
    int before = 0;
    for (int pi = 0; pi < paragraphs.size(); pi++) {
      String p = paragraphs.get(pi);
      for (int end : sentenceEnds(p)) {
        double share = (before + words(p.substring(0, end))) / (double) total;
        if (share >= ABRIDGE_MIN
            && share <= ABRIDGE_MAX
            && Math.abs(share - target) < bestDistance) {
          bestDistance = Math.abs(share - target);
          bestParagraph = pi;
          bestEnd = end;
        }
      }
      before += words(p);
    }
    if (bestParagraph < 0) {
      return null;
    }
    List<String> out = new ArrayList<>(paragraphs.subList(0, bestParagraph));
    out.add(paragraphs.get(bestParagraph).substring(0, bestEnd));
    return out;
  }

  /** A local paper's own headline: the first words of the lead, after any dateline. */
  private static String leadHeadline(String lead, SplittableRandom r) {
    int dash = lead.indexOf(" - ");
    String body = dash > 0 && dash < 60 ? lead.substring(dash + 3) : lead;
    String[] w = SPACES.split(body.strip());
    int count = Math.min(w.length, 5 + r.nextInt(5));
    String head = String.join(" ", java.util.Arrays.copyOf(w, count)).replaceAll("[.,;:]+$", "");
    return head.isEmpty() ? head : Character.toUpperCase(head.charAt(0)) + head.substring(1);
  }

  private long emit(
      Output out,
      long index,
      String cluster,
      Story story,
      String title,
      List<String> paragraphs,
      LocalDate date,
      String outlet,
      List<String> labels,
      Kind kind)
      throws IOException {
    String id = String.format("gen-%08d", index);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("date", date.toString());
    row.put("title", title);
    row.put("byline", null);
    row.put("text", String.join("\n\n", paragraphs));
    row.put("source", outlet);
    row.put("labels", labels);
    out.write(json.writeValueAsString(row), id + "\t" + cluster + "\t" + kind.code());
    kinds.merge(kind, 1L, Long::sum);
    return index + 1;
  }

  /** 55% of stories have no copy; a few percent are syndicated widely (10-30 copies). */
  private static long copiesFor(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.55) {
      return 0;
    } else if (u < 0.75) {
      return 1;
    } else if (u < 0.85) {
      return 2;
    } else if (u < 0.92) {
      return 3 + r.nextInt(2);
    } else if (u < 0.97) {
      return 5 + r.nextInt(5);
    }
    return 10 + r.nextInt(21);
  }

  private List<String> edit(
      List<String> original, List<String> sentences, String outlet, SplittableRandom r) {
    List<String> p = new ArrayList<>(original);
    int edits = 2 + r.nextInt(3);
    for (int e = 0; e < edits; e++) {
      switch (r.nextInt(7)) {
        case 0 -> { // trim the last paragraph or two
          int drop = 1 + r.nextInt(2);
          for (int i = 0; i < drop && p.size() > 3; i++) {
            p.remove(p.size() - 1);
          }
        }
        case 1 -> { // reorder the last paragraphs
          if (p.size() >= 3) {
            int last = p.size() - 1;
            String tmp = p.get(last);
            p.set(last, p.get(last - 1));
            p.set(last - 1, tmp);
          }
        }
        case 2 -> { // an inserted sentence
          int at = 1 + r.nextInt(Math.max(1, p.size()));
          p.add(Math.min(at, p.size()), sentences.get(r.nextInt(sentences.size())));
        }
        case 3 -> p.add(credit(outlet, r));
        case 4 -> typos(p, 1 + r.nextInt(5), r);
        case 5 -> p.set(0, CITIES[r.nextInt(CITIES.length)] + " (" + outlet + ") - " + p.get(0));
        default -> p.add(0, "By " + name(r) + ", " + outlet + " staff");
      }
    }
    return p;
  }

  private static String credit(String outlet, SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> "(Reporting by " + name(r) + "; Editing by " + name(r) + ")";
      case 1 -> "Copyright " + (1987 + r.nextInt(3)) + " " + outlet + ". All rights reserved.";
      default ->
          "Additional reporting by " + name(r) + " in " + CITIES[r.nextInt(CITIES.length)] + ".";
    };
  }

  private static String name(SplittableRandom r) {
    return FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
  }

  private static void typos(List<String> paragraphs, int count, SplittableRandom r) {
    for (int t = 0; t < count; t++) {
      int pi = r.nextInt(paragraphs.size());
      String[] words = paragraphs.get(pi).split(" ");
      int wi = r.nextInt(words.length);
      String w = words[wi];
      if (w.length() < 4) {
        continue;
      }
      int c = 1 + r.nextInt(w.length() - 2);
      words[wi] =
          switch (r.nextInt(3)) {
            case 0 -> w.substring(0, c) + w.charAt(c + 1) + w.charAt(c) + w.substring(c + 2);
            case 1 -> w.substring(0, c) + w.substring(c + 1);
            default -> w.substring(0, c) + w.charAt(c) + w.substring(c);
          };
      paragraphs.set(pi, String.join(" ", words));
    }
  }

  private static String retitle(String title, String outlet, SplittableRandom r) {
    String t = title == null ? "" : title;
    return switch (r.nextInt(4)) {
      case 0 -> outlet + ": " + t;
      case 1 -> t.toLowerCase(java.util.Locale.ROOT);
      case 2 -> t + " - " + outlet;
      default -> "WIRE: " + t;
    };
  }

  private static String randomParagraph(List<String> sentences, SplittableRandom r, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(sentences.get(r.nextInt(sentences.size())));
    }
    return b.toString();
  }

  private static Story synthesise(List<Story> stories, List<String> sentences, SplittableRandom r) {
    Story frame = stories.get(r.nextInt(stories.size()));
    int paragraphs = 3 + r.nextInt(5);
    List<String> p = new ArrayList<>(paragraphs);
    for (int i = 0; i < paragraphs; i++) {
      p.add(randomParagraph(sentences, r, 1 + r.nextInt(3)));
    }
    return new Story(frame.title(), frame.date().plusDays(r.nextInt(365)), p, frame.labels());
  }

  private List<Story> readBase(Path base) throws IOException {
    List<Story> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    TextFingerprint fingerprint = new TextFingerprint();
    // the base's own near copies (same release re-issued, templated briefs) would be unmarked
    // duplicates in the truth: keep a story only if no kept story is within BASE_NEAR of it
    // word 3-grams, whatever dedup's default shingles: the corpus a seed gives must not change
    Shingler shingler = new Shingler(3, NewsAnalyzer.defaults());
    MinHasher hasher = new MinHasher(64, seed);
    LshBands bands = LshBands.optimal(BASE_NEAR, 64);
    Map<Long, List<int[]>> buckets = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(base, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        String text = row.path("text").asText("");
        if (text.isBlank() || SPACES.split(text.strip()).length < MIN_WORDS) {
          continue;
        }
        String fp = fingerprint.fingerprint(text);
        if (fp == null || !seen.add(fp)) {
          continue; // the base's own exact copies would be unmarked duplicates in the truth
        }
        int[] signature = hasher.signature(shingler.shingles(text));
        long[] keys = bands.bandKeys(signature);
        if (hasNearCopy(buckets, keys, signature)) {
          continue;
        }
        for (long k : keys) {
          buckets.computeIfAbsent(k, x -> new ArrayList<>()).add(signature);
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : PARAGRAPH_BREAK.split(text)) {
          String flat = SPACES.matcher(p).replaceAll(" ").strip();
          if (!flat.isEmpty()) {
            paragraphs.add(flat);
          }
        }
        LocalDate date;
        try {
          date = LocalDate.parse(row.path("date").asText("1987-01-01").substring(0, 10));
        } catch (RuntimeException e) {
          date = LocalDate.of(1987, 1, 1);
        }
        List<String> labels = new ArrayList<>();
        row.path("labels").forEach(l -> labels.add(l.asText()));
        out.add(new Story(row.path("title").asText(""), date, paragraphs, labels));
      }
    }
    return out;
  }

  private static boolean hasNearCopy(Map<Long, List<int[]>> buckets, long[] keys, int[] signature) {
    for (long k : keys) {
      for (int[] other : buckets.getOrDefault(k, List.of())) {
        if (MinHasher.similarity(signature, other) >= BASE_NEAR) {
          return true;
        }
      }
    }
    return false;
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }

  /** Shard writers behind a bounded shuffle window. */
  private static final class Output implements AutoCloseable {
    private final BufferedWriter[] shards;
    private final Writer truth;
    private final SplittableRandom random;
    private final List<String[]> window = new ArrayList<>(SHUFFLE_WINDOW);
    private long lines;

    Output(Path dir, int shardCount, SplittableRandom random) throws IOException {
      this.random = random;
      shards = new BufferedWriter[shardCount];
      for (int i = 0; i < shardCount; i++) {
        shards[i] =
            Files.newBufferedWriter(
                dir.resolve(String.format("articles-%05d.jsonl", i)), StandardCharsets.UTF_8);
      }
      truth = Files.newBufferedWriter(dir.resolve("truth.tsv"), StandardCharsets.UTF_8);
    }

    void write(String jsonLine, String truthLine) throws IOException {
      truth.write(truthLine);
      truth.write('\n');
      window.add(new String[] {jsonLine});
      if (window.size() == SHUFFLE_WINDOW) {
        int pick = random.nextInt(window.size());
        String[] chosen = window.get(pick);
        window.set(pick, window.get(window.size() - 1));
        window.remove(window.size() - 1);
        flushLine(chosen[0]);
      }
    }

    private void flushLine(String line) throws IOException {
      BufferedWriter w = shards[(int) (lines++ % shards.length)];
      w.write(line);
      w.write('\n');
    }

    @Override
    public void close() throws IOException {
      shuffle(window, random);
      for (String[] line : window) {
        flushLine(line[0]);
      }
      window.clear();
      for (BufferedWriter w : shards) {
        w.close();
      }
      truth.close();
    }
  }
}
