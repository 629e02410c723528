package dev.newsbeam.lab.corpus;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.Shingler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
    Shingler shingler = DedupSettings.defaults().shingler();
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
    assertThat(maxAcross, lessThan(DedupSettings.DEFAULT_SIMILARITY));
  }
}
