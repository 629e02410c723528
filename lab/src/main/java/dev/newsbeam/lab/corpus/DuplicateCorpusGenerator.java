package dev.newsbeam.lab.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.LshBands;
import dev.newsbeam.dedup.MinHasher;
import dev.newsbeam.dedup.Shingler;
import dev.newsbeam.dedup.TextFingerprint;
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
 * <out>/truth.tsv} ({@code id<TAB>cluster}).
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

  /** What was written. */
  public record Summary(
      long articles,
      long stories,
      long exactCopies,
      long nearCopies,
      int baseStories,
      long syntheticStories,
      int shards) {}

  private record Story(
      String title, LocalDate date, List<String> paragraphs, List<String> labels) {}

  private final long seed;
  private final ObjectMapper json = new ObjectMapper();

  public DuplicateCorpusGenerator(long seed) {
    this.seed = seed;
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
    long written = 0;
    long storyCount = 0;
    long synthetic = 0;
    long exact = 0;
    long near = 0;
    try (out) {
      while (written < n) {
        Story story;
        if (storyCount < stories.size()) {
          story = stories.get((int) storyCount);
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
                story.labels());
        List<String> updated = story.paragraphs();
        int update = 0;
        for (long c = 0; c < copies; c++) {
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
                    story.labels());
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
                    story.labels());
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
                    story.labels());
            near++;
          } else {
            List<String> edited = edit(story.paragraphs(), sentences, outlet, random);
            String title =
                random.nextBoolean() ? retitle(story.title(), outlet, random) : story.title();
            written =
                emit(out, written, cluster, story, title, edited, date, outlet, story.labels());
            near++;
          }
        }
      }
    }
    return new Summary(written, storyCount, exact, near, stories.size(), synthetic, shards);
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
      List<String> labels)
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
    out.write(json.writeValueAsString(row), id + "\t" + cluster);
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
    Shingler shingler = DedupSettings.defaults().shingler();
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
