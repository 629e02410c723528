package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code ./newsbeam} on testdata/ once and checks the output contract on what it wrote. */
class EndToEndTest {
  @TempDir static Path tmp;
  static Path out;
  static Outputs.Run run;
  static List<Article> articles;
  static List<ErrorRecord> errors;
  static JsonNode manifest;

  @BeforeAll
  static void runPipelineOnTestdata() throws IOException {
    out = tmp.resolve("out");
    run = Outputs.main("--input=" + Outputs.testdata(), "--output=" + out);
    articles = Outputs.read(out, "articles", Article.class);
    errors = Outputs.read(out, "errors", ErrorRecord.class);
    manifest = Outputs.manifest(out);
  }

  @Test
  void runSucceedsAndPrintsASummary() {
    assertThat(run.stderr(), run.exitCode(), equalTo(0));
    assertThat(run.stdout(), containsString("-> 44 articles, 8 errors"));
  }

  @Test
  void everyInputRecordIsAnArticleOrAnError() {
    JsonNode c = manifest.path("counts");
    assertThat(c.path("files").asLong(), equalTo(39L));
    assertThat(c.path("input_records").asLong(), equalTo(52L));
    assertThat(c.path("articles").asLong(), equalTo((long) articles.size()));
    assertThat(c.path("errors").asLong(), equalTo((long) errors.size()));
    assertThat(c.path("input_records").asLong(), equalTo((long) articles.size() + errors.size()));
    assertThat(c.path("accounting").path("balanced").asBoolean(), is(true));
    assertThat(articles.size(), equalTo(44));
  }

  @Test
  void errorsCarryTheExpectedReasons() {
    Map<String, Long> byReason =
        errors.stream()
            .collect(Collectors.groupingBy(ErrorRecord::getReason, Collectors.counting()));
    assertThat(
        byReason,
        equalTo(
            Map.of(
                "empty",
                1L,
                "bad_header",
                1L,
                "bad_date",
                1L,
                "missing_text",
                3L,
                "bad_json",
                1L,
                "bad_type",
                1L)));
    assertThat(
        manifest.path("counts").path("errors_by_reason").path("missing_text").asLong(),
        equalTo(3L));
    for (ErrorRecord e : errors) {
      assertThat(e.getMessage().isBlank(), is(false));
    }
  }

  @Test
  void articleIdsAreUniqueAndRelativeToTheInputRoot() {
    Set<String> ids = articles.stream().map(Article::getId).collect(Collectors.toSet());
    assertThat(ids.size(), equalTo(articles.size()));
    assertThat(ids.contains("articles/cnn/cnn-2025-03-18-hospital-ai-triage.txt"), is(true));
  }

  @Test
  void textArticlesKeepHeaderFields() {
    Article a = byId().get("articles/cnn/cnn-2025-03-18-hospital-ai-triage.txt");
    assertThat(a.getPublishedDate(), equalTo(LocalDate.of(2025, 3, 18)));
    assertThat(a.getPublishedAt(), equalTo(Instant.parse("2025-03-18T14:30:00Z")));
    assertThat(a.getBylineRaw(), notNullValue());
    assertThat(a.getInputFormat(), equalTo("text"));
    Article crlf = byId().get("articles/cnn/cnn-2025-03-15-lagos-museum-bronzes-return.txt");
    assertThat(crlf.getText().contains("\r"), is(false));
  }

  @Test
  void jsonlArticlesKeepLabelsAndExtraKeys() {
    List<Article> jsonl =
        articles.stream().filter(a -> a.getInputFormat().equals("jsonl")).toList();
    assertThat(jsonl.size(), equalTo(10));
    assertThat(jsonl.stream().anyMatch(a -> !a.getLabels().isEmpty()), is(true));
    assertThat(jsonl.stream().anyMatch(a -> a.getExtra().containsKey("section")), is(true));
    for (Article a : jsonl) {
      assertThat(a.getSource(), containsString("sample.jsonl:"));
    }
  }

  @Test
  void manifestDescribesTheRunAndEmbedsSchemas() {
    assertThat(manifest.path("runner").asText(), equalTo("DirectRunner"));
    assertThat(
        manifest.path("options").path("input").asText(), equalTo(Outputs.testdata().toString()));
    assertThat(
        manifest.path("outputs").path("articles").path("schema").path("name").asText(),
        equalTo("Article"));
    assertThat(
        manifest.path("outputs").path("errors").path("schema").path("name").asText(),
        equalTo("ErrorRecord"));
    assertThat(
        Instant.parse(manifest.path("finished_at").asText())
            .isAfter(Instant.parse(manifest.path("started_at").asText())),
        is(true));
  }

  @Test
  void aGenericAvroReaderSeesTheSameRecords() throws Exception {
    Path tools = Path.of("target", "test-tools", "avro-tools.jar");
    StringBuilder json = new StringBuilder();
    for (Path shard : Outputs.shards(out, "articles")) {
      Process p =
          new ProcessBuilder("java", "-jar", tools.toString(), "tojson", shard.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      json.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertThat(p.waitFor(120, TimeUnit.SECONDS), is(true));
      assertThat(p.exitValue(), equalTo(0));
    }
    List<String> lines = json.toString().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines.size(), equalTo(articles.size()));
    assertThat(
        lines.stream().filter(l -> l.contains("\"published_date\":{\"int\":20137}")).count(),
        equalTo(
            articles.stream()
                .filter(a -> LocalDate.of(2025, 2, 18).equals(a.getPublishedDate()))
                .count()));
  }

  @Test
  void secondRunIntoTheSameOutputIsRefusedWithoutOverwrite() throws IOException {
    Outputs.Run again =
        Outputs.main("--input=" + Outputs.testdata().resolve("jsonl"), "--output=" + out);
    assertThat(again.exitCode(), equalTo(2));
    assertThat(again.stderr(), containsString("--overwrite"));
    assertThat(Outputs.read(out, "articles", Article.class).size(), equalTo(articles.size()));
  }

  private static Map<String, Article> byId() {
    return articles.stream().collect(Collectors.toMap(Article::getId, Function.identity()));
  }
}
