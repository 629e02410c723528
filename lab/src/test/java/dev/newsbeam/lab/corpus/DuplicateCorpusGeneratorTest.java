package dev.newsbeam.lab.corpus;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.dedup.Shingler;
import dev.newsbeam.text.NewsAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateCorpusGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String[] SYLLABLES = {
    "ka", "lo", "mir", "ten", "su", "bra", "vel", "dor", "pi", "qua", "zen", "fo", "rel", "mun",
    "tas"
  };

  /** 3,000 made-up words: no real text involved, and unrelated stories share almost none. */
  private static List<String> fictionalWords(SplittableRandom random) {
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder w = new StringBuilder();
      for (int p = 2 + random.nextInt(2); p > 0; p--) {
        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      vocabulary.add(w.toString());
    }
    return vocabulary;
  }

  /** {@code count} words drawn from {@code vocabulary}, in sentences of twelve. */
  private static String sentences(List<String> vocabulary, SplittableRandom random, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        b.append(i % 12 == 0 ? ". " : " ");
      }
      b.append(vocabulary.get(random.nextInt(vocabulary.size())));
    }
    return b.append('.').toString();
  }

  /**
   * 150 fictional base stories of 5 paragraphs, plus one brief and one exact repeat to be skipped.
   */
  private static Path writeBase(Path dir) throws IOException {
    SplittableRandom random = new SplittableRandom(99);
    List<String> vocabulary = fictionalWords(random);
    List<String> lines = new ArrayList<>();
    String repeated = null;
    for (int s = 0; s < 150; s++) {
      StringBuilder text = new StringBuilder();
      for (int p = 0; p < 5; p++) {
        text.append(p == 0 ? "" : "\n    ").append(sentences(vocabulary, random, 25));
      }
      repeated = text.toString();
      lines.add(row("base-" + s, text.toString()));
    }
    lines.add(row("brief", "Too short to be a story."));
    lines.add(row("repeat", repeated));
    Path base = dir.resolve("base.jsonl");
    Files.write(base, lines);
    return base;
  }

  private static String row(String id, String text) throws IOException {
    Map<String, Object> m = new HashMap<>();
    m.put("id", id);
    m.put("date", "2001-03-04");
    m.put("title", "Headline " + id);
    m.put("text", text);
    m.put("labels", List.of("test"));
    return JSON.writeValueAsString(m);
  }

  private static Map<String, String> texts(Path out) throws IOException {
    Map<String, String> texts = new HashMap<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode n = JSON.readTree(line);
          texts.put(n.get("id").asText(), n.get("text").asText());
        }
      }
    }
    return texts;
  }

  private static Map<String, String> truth(Path out) throws IOException {
    Map<String, String> truth = new HashMap<>();
    for (String line : Files.readAllLines(out.resolve("truth.tsv"))) {
      String[] p = line.split("\t");
      truth.put(p[0], p[1]);
    }
    return truth;
  }

  /** The kind column of truth.tsv, by id, in id (= generation) order. */
  private static Map<String, String> kinds(Path out) throws IOException {
    Map<String, String> kinds = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("truth.tsv"))) {
      String[] p = line.split("\t");
      assertThat(line, p.length, equalTo(3));
      kinds.put(p[0], p[2]);
    }
    return kinds;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Levenshtein distance: the character edits between two texts. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Test
  void writesTheAskedNumberWithTruthAndSynthesisesBeyondTheBase(@TempDir Path dir)
      throws IOException {
    Path base = writeBase(dir);
    DuplicateCorpusGenerator.Summary s =
        new DuplicateCorpusGenerator(3).generate(base, dir.resolve("a"), 600);
    assertThat(s.articles(), equalTo(600L));
    assertThat(s.baseStories(), equalTo(150)); // the brief and the exact repeat are skipped
    assertThat(s.syntheticStories(), greaterThan(0L));
    Map<String, String> texts = texts(dir.resolve("a"));
    Map<String, String> truth = truth(dir.resolve("a"));
    assertThat(texts.keySet(), equalTo(truth.keySet()));
    assertThat(texts.size(), equalTo(600));
  }

  @Test
  void sameSeedSameBytes(@TempDir Path dir) throws IOException {
    Path base = writeBase(dir);
    new DuplicateCorpusGenerator(8).generate(base, dir.resolve("a"), 150);
    new DuplicateCorpusGenerator(8).generate(base, dir.resolve("b"), 150);
    new DuplicateCorpusGenerator(9).generate(base, dir.resolve("c"), 150);
    byte[] a = Files.readAllBytes(dir.resolve("a/articles-00000.jsonl"));
    assertThat(Files.readAllBytes(dir.resolve("b/articles-00000.jsonl")), equalTo(a));
    assertThat(
        Files.readAllBytes(dir.resolve("a/truth.tsv")),
        equalTo(Files.readAllBytes(dir.resolve("b/truth.tsv"))));
    assertThat(
        java.util.Arrays.equals(Files.readAllBytes(dir.resolve("c/articles-00000.jsonl")), a),
        equalTo(false));
  }

  @Test
  void copiesResembleTheirStoryAndUnrelatedStoriesDoNot(@TempDir Path dir) throws IOException {
    Path base = writeBase(dir);
    new DuplicateCorpusGenerator(5).generate(base, dir.resolve("a"), 400);
    Map<String, String> texts = texts(dir.resolve("a"));
    Map<String, List<String>> clusters = new HashMap<>();
    truth(dir.resolve("a"))
        .forEach((id, c) -> clusters.computeIfAbsent(c, k -> new ArrayList<>()).add(id));
    Shingler shingler = new Shingler(3, NewsAnalyzer.defaults()); // the generator's own
    double within = 0;
    int withinPairs = 0;
    List<long[]> firsts = new ArrayList<>();
    for (List<String> ids : clusters.values()) {
      ids.sort(String::compareTo);
      long[] first = shingler.shingles(texts.get(ids.get(0)));
      firsts.add(first);
      for (int i = 1; i < ids.size(); i++) {
        within += Shingler.jaccard(first, shingler.shingles(texts.get(ids.get(i))));
        withinPairs++;
      }
    }
    double maxAcross = 0;
    for (int i = 0; i < firsts.size(); i++) {
      for (int j = i + 1; j < firsts.size(); j++) {
        maxAcross = Math.max(maxAcross, Shingler.jaccard(firsts.get(i), firsts.get(j)));
      }
    }
    assertThat(withinPairs, greaterThan(50));
    assertThat(within / withinPairs, greaterThan(0.5));
    // unrelated stories stay below the dedup threshold
    assertThat(maxAcross, lessThan(0.3)); // word 3-gram Jaccard, the generator's own measure
  }

  /**
   * The wire mix writes what the generator wrote before the archive mix and the kind column
   * existed: these digests were taken from the articles and the truth's two columns of that
   * generator on this base, seed and size (a size that also synthesises stories beyond the base).
   */
  @Test
  void theWireMixIsByteIdenticalToTheGeneratorBeforeTheArchiveMix(@TempDir Path dir)
      throws Exception {
    Path base = writeBase(dir);
    DuplicateCorpusGenerator.Summary s =
        new DuplicateCorpusGenerator(11, DuplicateCorpusGenerator.Mix.WIRE)
            .generate(base, dir.resolve("a"), 700);
    assertThat(s.syntheticStories(), greaterThan(0L));
    StringBuilder twoColumns = new StringBuilder();
    for (String line : Files.readAllLines(dir.resolve("a/truth.tsv"))) {
      String[] p = line.split("\t");
      twoColumns.append(p[0]).append('\t').append(p[1]).append('\n');
    }
    assertThat(
        sha256(Files.readAllBytes(dir.resolve("a/articles-00000.jsonl"))),
        equalTo("202fdb8b3b56e1020a474513ad8844bbdd9d4d9b10fe6f4aa4b33b2516a057ac"));
    assertThat(
        sha256(twoColumns.toString().getBytes(StandardCharsets.UTF_8)),
        equalTo("76152d4937aba05ad2b7b5609ad8bb04aaec81513bb77253ba6aa61e7168f4c0"));
    // the one-argument constructor is the wire mix
    new DuplicateCorpusGenerator(11).generate(base, dir.resolve("b"), 700);
    assertThat(
        Files.readAllBytes(dir.resolve("b/articles-00000.jsonl")),
        equalTo(Files.readAllBytes(dir.resolve("a/articles-00000.jsonl"))));
    Set<String> kinds = new TreeSet<>(kinds(dir.resolve("a")).values());
    assertThat(kinds, equalTo(Set.of("original", "exact", "retitled", "update", "edited")));
  }

  @Test
  void theArchiveMixIsDeterministicAndDiffersFromTheWireMix(@TempDir Path dir) throws Exception {
    Path base = writeBase(dir);
    var archive = DuplicateCorpusGenerator.Mix.ARCHIVE;
    new DuplicateCorpusGenerator(4, archive).generate(base, dir.resolve("a"), 1500);
    new DuplicateCorpusGenerator(4, archive).generate(base, dir.resolve("b"), 1500);
    new DuplicateCorpusGenerator(4).generate(base, dir.resolve("w"), 1500);
    byte[] a = Files.readAllBytes(dir.resolve("a/articles-00000.jsonl"));
    assertThat(Files.readAllBytes(dir.resolve("b/articles-00000.jsonl")), equalTo(a));
    assertThat(
        Files.readAllBytes(dir.resolve("b/truth.tsv")),
        equalTo(Files.readAllBytes(dir.resolve("a/truth.tsv"))));
    assertThat(
        java.util.Arrays.equals(Files.readAllBytes(dir.resolve("w/articles-00000.jsonl")), a),
        is(false));
  }

  /** An archive corpus of 3,000 articles on the fictional base, shared by the tests below. */
  private static Path archive(Path dir) throws IOException {
    Path base = writeBase(dir);
    Path out = dir.resolve("archive");
    DuplicateCorpusGenerator.Summary s =
        new DuplicateCorpusGenerator(6, DuplicateCorpusGenerator.Mix.ARCHIVE)
            .generate(base, out, 3000);
    assertThat(s.articles(), equalTo(3000L));
    long counted = s.kinds().values().stream().mapToLong(Long::longValue).sum();
    assertThat(counted, equalTo(3000L));
    return out;
  }

  @Test
  void theArchiveMixWritesEveryKindWithAThirdOfCopiesOfTheNewKinds(@TempDir Path dir)
      throws IOException {
    Path out = archive(dir);
    Map<String, Long> counts = new TreeMap<>();
    kinds(out).values().forEach(k -> counts.merge(k, 1L, Long::sum));
    Set<String> all = new TreeSet<>();
    for (DuplicateCorpusGenerator.Kind k : DuplicateCorpusGenerator.Kind.values()) {
      all.add(k.code());
      assertThat(k.code(), counts.getOrDefault(k.code(), 0L), greaterThan(0L));
    }
    assertThat(counts.keySet(), equalTo(all));
    long copies = 3000 - counts.get("original") - counts.get("template");
    long archiveKinds =
        counts.get("ocr")
            + counts.get("abridged")
            + counts.get("abridged-ocr")
            + counts.get("abridged-chain");
    assertThat((double) archiveKinds / copies, allOf(greaterThan(0.25), lessThan(0.45)));
    double templateShare =
        (double) counts.get("template") / (counts.get("original") + counts.get("template"));
    assertThat(templateShare, allOf(greaterThan(0.01), lessThan(0.12)));
  }

  /** Text of the original of each cluster. */
  private static Map<String, String> originals(
      Map<String, String> texts, Map<String, String> truth, Map<String, String> kinds) {
    Map<String, String> out = new HashMap<>();
    kinds.forEach(
        (id, k) -> {
          if (k.equals("original")) {
            out.put(truth.get(id), texts.get(id));
          }
        });
    return out;
  }

  @Test
  void ocrCopiesAreDamagedAtAboutTheirDrawnRate(@TempDir Path dir) throws IOException {
    Path out = archive(dir);
    Map<String, String> texts = texts(out);
    Map<String, String> truth = truth(out);
    Map<String, String> kinds = kinds(out);
    Map<String, String> originals = originals(texts, truth, kinds);
    List<Double> shares = new ArrayList<>();
    kinds.forEach(
        (id, k) -> {
          if (k.equals("ocr")) {
            String original = originals.get(truth.get(id));
            String copy = texts.get(id);
            assertThat(copy, not(equalTo(original)));
            shares.add(distance(original, copy) / (double) OcrNoise.damageable(original));
          }
        });
    assertThat(shares.size(), greaterThan(30));
    double mean = shares.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    // rates are drawn from 2-8% of letters; an event costs one or two edits
    assertThat(mean, allOf(greaterThan(0.035), lessThan(0.09)));
    assertThat(shares, everyItem(allOf(greaterThan(0.0), lessThan(0.2))));
    // the rate is drawn per copy: some copies are lightly, some heavily damaged
    double min = shares.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = shares.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(max / min, greaterThan(2.0));
  }

  @Test
  void ocrNoiseDamagesAboutTheAskedShareOfLettersInEveryWay() {
    SplittableRandom words = new SplittableRandom(1);
    List<String> vocabulary = fictionalWords(words);
    String text =
        "Morning bulletin from the council chamber: "
            + sentences(vocabulary, words, 3000)
            + " Sales rose 5 pct in 1987.";
    for (double rate : new double[] {0.02, 0.05, 0.08}) {
      String noisy = OcrNoise.apply(text, rate, new SplittableRandom(7));
      double share = distance(text, noisy) / (double) OcrNoise.damageable(text);
      assertThat("rate " + rate, share, allOf(greaterThan(0.8 * rate), lessThan(1.6 * rate)));
    }
    String noisy = OcrNoise.apply(text, 0.08, new SplittableRandom(3));
    assertThat(noisy.contains("- "), is(true)); // a broken hyphenation, on one line
    assertThat(noisy.contains("-\n"), is(true)); // and across a line end
    assertThat(text.contains("0"), is(false));
    assertThat(noisy.contains("0"), is(true)); // an o read as a zero
    assertThat(OcrNoise.apply(text, 0.0, new SplittableRandom(3)), equalTo(text));
    assertThat(
        OcrNoise.apply(text, 0.05, new SplittableRandom(3)),
        equalTo(OcrNoise.apply(text, 0.05, new SplittableRandom(3))));
  }

  private static int words(String text) {
    return DuplicateCorpusGenerator.words(text);
  }

  private static boolean endsASentence(String text) {
    return text.matches("(?s).*[.!?][\"')]*");
  }

  @Test
  void abridgedCopiesAreTheTopOfTheStoryCutAtASentenceEnd(@TempDir Path dir) throws IOException {
    Path out = archive(dir);
    Map<String, String> texts = texts(out);
    Map<String, String> truth = truth(out);
    Map<String, String> kinds = kinds(out);
    Map<String, String> originals = originals(texts, truth, kinds);
    int abridged = 0;
    int noisy = 0;
    for (Map.Entry<String, String> e : kinds.entrySet()) {
      String original = originals.get(truth.get(e.getKey()));
      String copy = texts.get(e.getKey());
      if (e.getValue().equals("abridged")) {
        abridged++;
        assertThat(original.startsWith(copy), is(true));
        assertThat(copy.length(), lessThan(original.length()));
        double share = words(copy) / (double) words(original);
        assertThat(share, allOf(greaterThanOrEqualTo(0.3), lessThanOrEqualTo(0.7)));
        assertThat(copy, endsASentence(copy), is(true));
      } else if (e.getValue().equals("abridged-ocr")) {
        noisy++;
        assertThat(original.startsWith(copy), is(false));
        double share = words(copy) / (double) words(original);
        assertThat(share, allOf(greaterThan(0.2), lessThan(0.8)));
      }
    }
    assertThat(abridged, greaterThan(30));
    assertThat(noisy, greaterThan(10));
  }

  @Test
  void anAbridgedChainIsAPrefixOfAnEarlierAbridgedCopyOfTheStory(@TempDir Path dir)
      throws IOException {
    Path out = archive(dir);
    Map<String, String> texts = texts(out);
    Map<String, String> truth = truth(out);
    Map<String, String> kinds = kinds(out); // in id order: earlier ids were written earlier
    Map<String, String> originals = originals(texts, truth, kinds);
    Set<String> abridgedKinds = Set.of("abridged", "abridged-ocr", "abridged-chain");
    Map<String, List<String>> earlier = new HashMap<>();
    int chains = 0;
    int verified = 0;
    for (Map.Entry<String, String> e : kinds.entrySet()) {
      String id = e.getKey();
      String cluster = truth.get(id);
      if (e.getValue().equals("abridged-chain")) {
        chains++;
        List<String> parents = earlier.getOrDefault(cluster, List.of());
        assertThat(id, parents.isEmpty(), is(false));
        String copy = texts.get(id);
        String original = originals.get(cluster);
        if (original.startsWith(copy)) {
          // undamaged: some earlier abridged copy is either damaged (its clean text unseen) or
          // holds this one as a prefix of 30-70% of its words
          boolean found = false;
          for (String p : parents) {
            String parent = texts.get(p);
            boolean clean = original.startsWith(parent);
            double share = words(copy) / (double) words(parent);
            if (clean && parent.startsWith(copy) && share >= 0.3 && share <= 0.7) {
              found = true;
              verified++;
              break;
            }
            found |= !clean;
          }
          assertThat(id, found, is(true));
          assertThat(words(copy), lessThanOrEqualTo((int) Math.ceil(0.49 * words(original))));
        }
      }
      if (abridgedKinds.contains(e.getValue())) {
        earlier.computeIfAbsent(cluster, k -> new ArrayList<>()).add(id);
      }
    }
    assertThat(chains, greaterThan(10));
    assertThat(verified, greaterThan(3));
  }

  @Test
  void abridgeCutsAtASentenceEndInsideTheWindowOrNotAtAll() {
    List<String> story =
        List.of(
            "PORT EDRIN, May 2 - Osterhaven Mills Inc said it would close two plants. The company"
                + " employs 400 people at the sites.",
            "Mr. Quayle, the chairman, said demand for its paper had fallen. He gave no figures.",
            "The plants will close by the end of the year, the company said. Talks with the union"
                + " begin next week.",
            "Reuter");
    int total = words(String.join("\n\n", story));
    Set<Integer> cuts = new TreeSet<>();
    for (int seed = 0; seed < 200; seed++) {
      List<String> cut = DuplicateCorpusGenerator.abridge(story, new SplittableRandom(seed));
      String text = String.join("\n\n", cut);
      assertThat(String.join("\n\n", story).startsWith(text), is(true));
      assertThat(endsASentence(text), is(true));
      assertThat(text.endsWith("Mr."), is(false)); // an abbreviation is no sentence end
      double share = words(text) / (double) total;
      assertThat(share, allOf(greaterThanOrEqualTo(0.3), lessThanOrEqualTo(0.7)));
      cuts.add(words(text));
    }
    assertThat(cuts.size(), greaterThan(1)); // the cut follows the drawn share
    // two long sentences: no sentence end between 30% and 70% of the words
    List<String> twoSentences =
        List.of("One two three four five six seven eight nine ten eleven twelve thirteen.");
    assertThat(
        DuplicateCorpusGenerator.abridge(twoSentences, new SplittableRandom(1)),
        is((List<String>) null));
    assertThat(
        DuplicateCorpusGenerator.sentenceEnds(
            "He met Mr. Brackley at 5 p.m. Then he left. U.S. aid"),
        equalTo(List.of(43)));
  }

  @Test
  void templateStoriesAreSeparateStoriesThatShareTheirBoilerplate(@TempDir Path dir)
      throws IOException {
    Path out = archive(dir);
    Map<String, String> texts = texts(out);
    Map<String, String> truth = truth(out);
    Map<String, String> kinds = kinds(out);
    Map<String, Long> clusterSizes = new HashMap<>();
    truth.values().forEach(c -> clusterSizes.merge(c, 1L, Long::sum));
    Set<String> templateTexts = new TreeSet<>();
    int templates = 0;
    for (Map.Entry<String, String> e : kinds.entrySet()) {
      if (e.getValue().equals("template")) {
        templates++;
        assertThat(clusterSizes.get(truth.get(e.getKey())), equalTo(1L)); // its own story
        templateTexts.add(texts.get(e.getKey()));
      }
    }
    assertThat(templates, greaterThan(10));
    assertThat(templateTexts.size(), equalTo(templates));
  }

  @Test
  void aTemplateBatchNamesDifferentCompaniesWithDifferentNumbersInOneWording() {
    Shingler shingler = new Shingler(3, NewsAnalyzer.defaults()); // the generator's own
    for (int seed = 0; seed < 30; seed++) {
      List<TemplateStories.Filled> batch =
          TemplateStories.batch(java.time.LocalDate.of(1987, 4, 7), 5, new SplittableRandom(seed));
      assertThat(batch.size(), equalTo(5));
      Set<String> templates = new TreeSet<>();
      Set<String> companies = new TreeSet<>();
      Set<String> numbers = new TreeSet<>();
      double jaccard = 0;
      int pairs = 0;
      for (int i = 0; i < batch.size(); i++) {
        TemplateStories.Filled t = batch.get(i);
        templates.add(t.template());
        companies.add(t.company());
        String text = String.join("\n\n", t.paragraphs());
        assertThat(text.contains(t.company()), is(true));
        numbers.add(text.replaceAll("[^0-9. ]", "").replaceAll(" +", " "));
        for (int j = i + 1; j < batch.size(); j++) {
          String other = String.join("\n\n", batch.get(j).paragraphs());
          jaccard += Shingler.jaccard(shingler.shingles(text), shingler.shingles(other));
          pairs++;
        }
      }
      assertThat(templates.size(), equalTo(1));
      assertThat(companies.size(), equalTo(5));
      assertThat(numbers.size(), equalTo(5));
      // the boilerplate makes two of them look alike to plain shingle overlap
      assertThat(jaccard / pairs, greaterThan(0.2));
    }
    assertThat(TemplateStories.names().size(), greaterThanOrEqualTo(5));
  }
}
