package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ArticleSketch;
import dev.newsbeam.schema.DuplicateRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily runs through the CLI: testdata/ as day one, the same batch again against day one's output
 * (idempotence), and a day two with a re-crawled copy of a day-one story and a new story.
 */
class DailyRunsTest {
  private static final String NEW_STORY =
      "date 2025-04-02 By Test Writer\n\n"
          + "HARBOR CITY — The municipal ferry board voted on Tuesday to extend the evening "
          + "timetable of the island route through the winter, after commuters collected more "
          + "than four thousand signatures asking for a later last departure. The board said the "
          + "extra crossings would be paid for by a small rise in the price of monthly passes and "
          + "by moving one of the older vessels to the shorter harbour shuttle. A spokeswoman "
          + "for the commuters' association welcomed the decision but said the group would keep "
          + "pressing for a weekend service that starts before seven in the morning.\n";

  @TempDir static Path tmp;
  static Path dayOne;
  static Path again;
  static Path dayTwo;
  static Outputs.Run dayOneRun;
  static Outputs.Run againRun;
  static Outputs.Run dayTwoRun;

  @BeforeAll
  static void runThreeBatches() throws IOException {
    dayOne = tmp.resolve("day-1");
    again = tmp.resolve("again");
    dayTwo = tmp.resolve("day-2");
    dayOneRun =
        Outputs.main("--input=" + Outputs.testdata(), "--output=" + dayOne, "--runId=day-1");
    againRun =
        Outputs.main(
            "--input=" + Outputs.testdata(),
            "--output=" + again,
            "--runId=again",
            "--previous=" + dayOne);
    Path input = Files.createDirectories(tmp.resolve("in-2"));
    Files.copy(
        Outputs.testdata().resolve("articles/ap/ap-2025-02-20-kyiv-district-heating.txt"),
        input.resolve("recrawl-kyiv-heating.txt"));
    Files.writeString(input.resolve("ferry-timetable.txt"), NEW_STORY);
    dayTwoRun =
        Outputs.main(
            "--input=" + input,
            "--output=" + dayTwo,
            "--runId=day-2",
            // a glob, as a month of daily outputs would be named
            "--previous=" + tmp.resolve("day-[1]"));
  }

  @Test
  void everyRunSucceedsAndBalances() throws IOException {
    for (Outputs.Run run : List.of(dayOneRun, againRun, dayTwoRun)) {
      assertThat(run.stderr(), run.exitCode(), equalTo(0));
    }
    for (Path out : List.of(dayOne, again, dayTwo)) {
      JsonNode counts = Outputs.manifest(out).path("counts");
      assertThat(out.toString(), counts.path("accounting").path("balanced").asBoolean(), is(true));
    }
    assertThat(Outputs.manifest(dayOne).path("run_id").asText(), equalTo("day-1"));
  }

  @Test
  void sketchesHoldOneRowPerCanonicalArticle() throws IOException {
    List<Article> articles = Outputs.read(dayOne, "articles", Article.class);
    List<ArticleSketch> sketches = Outputs.read(dayOne, "sketches", ArticleSketch.class);
    List<String> canonicals =
        articles.stream().filter(a -> a.getDedup().getIsCanonical()).map(Article::getId).toList();
    assertThat(canonicals.size(), greaterThan(0));
    assertThat(
        sketches.stream().map(ArticleSketch::getId).toList(),
        containsInAnyOrder(canonicals.toArray()));
    int numPerm = DedupSettings.defaults().numPerm();
    for (ArticleSketch s : sketches) {
      assertThat(s.getRunId(), equalTo("day-1"));
      assertThat(s.getSignature().remaining(), equalTo(4 * numPerm));
      assertThat(s.getShingleCount(), greaterThan(0));
      assertThat("no shingle sets without --verify=exact", s.getShingles().remaining(), is(0));
    }
    JsonNode manifest = Outputs.manifest(dayOne);
    assertThat(
        manifest.path("outputs").path("sketches").path("schema").path("name").asText(),
        equalTo("ArticleSketch"));
  }

  @Test
  void sketchFilesNameTheirSignatureScheme() throws IOException {
    for (Path shard : Outputs.shards(dayOne, "sketches")) {
      try (DataFileReader<GenericRecord> r =
          new DataFileReader<>(shard.toFile(), new GenericDatumReader<>())) {
        assertThat(
            r.getMetaString(PreviousRuns.SCHEME_KEY),
            equalTo(DedupSettings.defaults().sketchScheme()));
        assertThat(
            r.getSchema().getFields().stream().map(f -> f.name()).toList(),
            containsInAnyOrder(
                "run_id",
                "id",
                "source",
                "fingerprint",
                "published",
                "published_date",
                "length",
                "shingle_count",
                "signature",
                "figures",
                "shingles"));
      }
    }
  }

  @Test
  void aBatchRunAgainMatchesItsEarlierSelfAndLosesNothing() throws IOException {
    Map<String, Article> first =
        Outputs.read(dayOne, "articles", Article.class).stream()
            .collect(Collectors.toMap(Article::getId, Function.identity()));
    List<Article> second = Outputs.read(again, "articles", Article.class);
    assertThat("nothing lost, nothing doubled", second, hasSize(first.size()));
    for (Article a : second) {
      Article before = first.get(a.getId());
      assertThat(a.getId(), a.getDedup().getIsCanonical(), is(false));
      assertThat(a.getId(), a.getDedup().getCanonicalRun(), equalTo("day-1"));
      assertThat(
          a.getId(), a.getDedup().getCanonicalId(), equalTo(before.getDedup().getCanonicalId()));
    }
    assertThat(Outputs.read(again, "sketches", ArticleSketch.class), hasSize(0));
    JsonNode stages = Outputs.manifest(again).path("stages");
    assertThat(
        stages.path("dedup").path("matched_earlier_runs").asLong(), equalTo((long) first.size()));
    assertThat(
        stages.path("dedup").path("previous_sketches").asLong(),
        equalTo((long) Outputs.read(dayOne, "sketches", ArticleSketch.class).size()));
    assertThat(
        "word statistics count this run's own canonicals: none",
        stages.path("stats").path("articles_counted").asLong(),
        equalTo(0L));
  }

  @Test
  void aNewDaysCopyPointsAtTheEarlierRunAndANewStoryStartsItsOwnCluster() throws IOException {
    Map<String, Article> day2 =
        Outputs.read(dayTwo, "articles", Article.class).stream()
            .collect(Collectors.toMap(a -> a.getSource().replaceAll(".*/", ""), a -> a));
    Article kyiv =
        Outputs.read(dayOne, "articles", Article.class).stream()
            .filter(a -> a.getSource().endsWith("ap-2025-02-20-kyiv-district-heating.txt"))
            .findFirst()
            .orElseThrow();
    Article copy = day2.get("recrawl-kyiv-heating.txt");
    assertThat(copy.getDedup().getIsCanonical(), is(false));
    assertThat(copy.getDedup().getKind(), equalTo("exact"));
    assertThat(copy.getDedup().getCanonicalId(), equalTo(kyiv.getDedup().getCanonicalId()));
    assertThat(copy.getDedup().getCanonicalRun(), equalTo("day-1"));
    Article fresh = day2.get("ferry-timetable.txt");
    assertThat(fresh.getDedup().getIsCanonical(), is(true));
    assertThat(fresh.getDedup().getCanonicalRun(), nullValue());

    List<DuplicateRow> rows = Outputs.read(dayTwo, "duplicates", DuplicateRow.class);
    assertThat(rows, hasSize(1));
    assertThat(rows.get(0).getCanonicalRun(), equalTo("day-1"));
    assertThat(
        Outputs.read(dayTwo, "sketches", ArticleSketch.class).stream()
            .map(ArticleSketch::getId)
            .toList(),
        containsInAnyOrder(fresh.getId()));
    assertThat(
        Outputs.manifest(dayTwo).path("stages").path("dedup").path("matched_earlier_runs").asLong(),
        equalTo(1L));
  }

  @Test
  void badPreviousOutputsStopTheRunBeforeItStarts() throws IOException {
    Outputs.Run missing =
        Outputs.main(
            "--input=" + Outputs.testdata(),
            "--output=" + tmp.resolve("x1"),
            "--previous=" + tmp.resolve("no-such-run"));
    assertThat(missing.exitCode(), equalTo(2));
    assertThat(missing.stderr(), containsString("no sketches"));

    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken.resolve("sketches"));
    Files.writeString(broken.resolve("sketches/part-00000-of-00001.avro"), "not avro");
    Outputs.Run unreadable =
        Outputs.main(
            "--input=" + Outputs.testdata(),
            "--output=" + tmp.resolve("x2"),
            "--previous=" + broken);
    assertThat(unreadable.exitCode(), equalTo(2));
    assertThat(unreadable.stderr(), containsString("not readable Avro"));

    Outputs.Run otherScheme =
        Outputs.main(
            "--input=" + Outputs.testdata(),
            "--output=" + tmp.resolve("x3"),
            "--shingle=word:3",
            "--previous=" + dayOne);
    assertThat(otherScheme.exitCode(), equalTo(2));
    assertThat(otherScheme.stderr(), containsString("--shingle and --numPerm must match"));

    Outputs.Run itself =
        Outputs.main(
            "--input=" + Outputs.testdata(),
            "--output=" + dayOne,
            "--overwrite",
            "--previous=" + dayOne);
    assertThat(itself.exitCode(), equalTo(2));
    assertThat(itself.stderr(), containsString("own --output"));
    assertThat(
        "the earlier output is untouched",
        Outputs.read(dayOne, "sketches", ArticleSketch.class).size(),
        greaterThan(0));
  }
}
