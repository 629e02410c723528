package dev.newsbeam.lab.mllib;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.dedup.TextFingerprint;
import dev.newsbeam.lab.corpus.DuplicateCorpusGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MllibDedup} on a small generated corpus (1,000 articles from 150 made-up stories): in
 * process (failsafe's JVM has the --add-opens Spark needs) and through its main, in a JVM started
 * as ./newsbeam-lab starts the lab (the lab's jar and class path, the launchers' --add-opens).
 */
class MllibDedupIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ARTICLES = 1_000;

  static {
    // Spark logs through slf4j-simple here: its INFO lines would drown the test output
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
  }

  @TempDir static Path dir;

  static Path corpus;
  static MllibDedup.Result result;

  @BeforeAll
  static void generateAndRun() throws IOException {
    Path base = writeBase(dir.resolve("base.jsonl"));
    corpus = dir.resolve("corpus");
    new DuplicateCorpusGenerator(7).generate(base, corpus, ARTICLES);
    result = MllibDedup.run(corpus, 2);
  }

  @Test
  void findsTheGeneratedCopies() {
    assertThat(result.articles(), equalTo((long) ARTICLES));
    assertThat(result.tables(), equalTo(MllibDedup.defaultTables(0.3)));
    assertThat(result.toJson(), result.pairs(), greaterThan(0L));
    assertThat(result.toJson(), result.f1(), greaterThan(0.95));
    assertThat(result.toJson(), result.ari(), greaterThan(0.95));
  }

  @Test
  void exactCopiesShareACluster() throws IOException {
    Map<String, List<String>> byText = new HashMap<>();
    TextFingerprint fingerprints = new TextFingerprint();
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode row = JSON.readTree(line);
          byText
              .computeIfAbsent(
                  fingerprints.fingerprint(row.get("text").asText()), k -> new ArrayList<>())
              .add(row.get("id").asText());
        }
      }
    }
    int groups = 0;
    for (List<String> ids : byText.values()) {
      if (ids.size() < 2) {
        continue;
      }
      groups++;
      String first = result.clusterOf().getOrDefault(ids.get(0), ids.get(0));
      for (String id : ids) {
        assertThat("exact copies " + ids, result.clusterOf().getOrDefault(id, id), equalTo(first));
      }
    }
    assertThat("the generator writes exact re-crawls", groups, greaterThan(10));
  }

  @Test
  void mainPrintsOneJsonLine() throws Exception {
    String classPath =
        "target/newsbeam-lab.jar"
            + File.pathSeparator
            + Files.readString(Path.of("target", "lab.classpath")).strip();
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    command.addAll(addOpens());
    command.addAll(
        List.of(
            "-cp",
            classPath,
            MllibDedup.class.getName(),
            "--corpus=" + corpus,
            "--threads=2",
            "--similarity=" + MllibDedup.COMPARED_SIMILARITY));
    Path log = dir.resolve("main.log");
    Path out = dir.resolve("main.out");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1"); // as ./newsbeam sets it
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(Files.readString(log) + stdout, p.exitValue(), equalTo(0));
    List<String> lines = stdout.lines().filter(l -> !l.isBlank()).toList();
    assertThat(stdout, lines.size(), equalTo(1));
    JsonNode json = JSON.readTree(lines.get(0));
    assertThat(json.path("engine").asText(), equalTo("spark-mllib"));
    assertThat(json.path("articles").asLong(), equalTo((long) ARTICLES));
    // seeded MinHashLSH on the same vectors: the same pairs as in process
    assertThat(json.path("pairs").asLong(), equalTo(result.pairs()));
    assertThat(
        json.path("f1").asDouble(), equalTo(JSON.readTree(result.toJson()).path("f1").asDouble()));
    assertThat(json.path("threshold").asDouble(), equalTo(0.3));
    assertThat(json.path("tables").asInt(), equalTo(MllibDedup.defaultTables(0.3)));
  }

  /** The --add-opens list of the ./newsbeam launcher (one place to keep it; ./newsbeam-lab too). */
  private static List<String> addOpens() throws IOException {
    Path home = Path.of(System.getProperty("newsbeam.home", "..")).toAbsolutePath().normalize();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(home.resolve("newsbeam"))) {
      if (line.strip().startsWith("--add-opens=")) {
        out.add(line.strip());
      }
    }
    assertThat("add-opens in ./newsbeam", out.size(), greaterThan(5));
    return out;
  }

  /**
   * 150 stories of five 30-word paragraphs over a made-up vocabulary: unrelated stories share
   * ~nothing.
   */
  private static Path writeBase(Path file) throws IOException {
    String[] syllables = {
      "ka", "lo", "mir", "ten", "su", "bra", "vel", "dor", "pi", "qua", "zen", "fo"
    };
    SplittableRandom random = new SplittableRandom(11);
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      StringBuilder w = new StringBuilder();
      for (int s = 2 + random.nextInt(2); s > 0; s--) {
        w.append(syllables[random.nextInt(syllables.length)]);
      }
      vocabulary.add(w.toString());
    }
    List<String> lines = new ArrayList<>();
    for (int story = 0; story < 150; story++) {
      List<String> paragraphs = new ArrayList<>();
      for (int p = 0; p < 5; p++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 30; w++) {
          text.append(w == 0 ? "" : w % 10 == 0 ? ". " : " ")
              .append(vocabulary.get(random.nextInt(4000)));
        }
        paragraphs.add(text.append('.').toString());
      }
      Map<String, Object> row = new HashMap<>();
      row.put("id", "base-" + story);
      row.put("date", "2001-03-04");
      row.put("title", "Headline " + story);
      row.put("text", String.join("\n\n", paragraphs));
      lines.add(JSON.writeValueAsString(row));
    }
    return Files.write(file, lines);
  }
}
