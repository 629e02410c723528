package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.schema.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output read without Java: Python's own Avro reader (Debian {@code python3-avro}, with {@code
 * python3-snappy} for the default codec) and pandas ({@code python3-pandas}), through the scripts
 * the README names. CI installs the packages ({@code .ci/run}).
 */
class PythonReadersTest {
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir static Path tmp;
  static Path out;
  static JsonNode counts;
  static List<Article> articles;

  @BeforeAll
  static void runPipelineOnTestdata() throws IOException {
    out = tmp.resolve("out");
    Outputs.Run run = Outputs.main("--input=" + Outputs.testdata(), "--output=" + out, "--quiet");
    assertThat(run.stderr(), run.exitCode(), equalTo(0));
    counts = Outputs.manifest(out).path("counts");
    articles = Outputs.read(out, "articles", Article.class);
  }

  @Test
  void pandasLoadsEveryArticleWithRealDates() throws Exception {
    JsonNode summary = new ObjectMapper().readTree(python("avro-to-pandas.py", out.toString()));
    assertThat(summary.path("rows").asLong(), equalTo(counts.path("articles").asLong()));
    List<String> columns = new ArrayList<>();
    summary.path("columns").forEach(c -> columns.add(c.asText()));
    assertThat(columns, hasItems("id", "title", "published_date", "authors", "dedup", "topics"));
    Map<String, Long> expected = new TreeMap<>();
    for (Article a : articles) {
      String day = a.getPublishedDate() == null ? "unknown" : a.getPublishedDate().toString();
      expected.merge(day, 1L, Long::sum);
    }
    Map<String, Long> perDate = new TreeMap<>();
    summary
        .path("rows_per_date")
        .fields()
        .forEachRemaining(e -> perDate.put(e.getKey(), e.getValue().asLong()));
    assertThat(perDate, equalTo(expected));
  }

  @Test
  void pythonsAvroReaderReadsEveryErrorRecord() throws Exception {
    String json = python("read-avro.py", out.toString(), "errors");
    long rows = json.lines().filter(l -> !l.isBlank()).count();
    assertThat(rows, equalTo(counts.path("errors").asLong()));
  }

  /** Runs a script of {@code scripts/} and returns its stdout; fails with its stderr. */
  private static String python(String script, String... args) throws Exception {
    Path scriptPath = Path.of("..", "scripts", script).toAbsolutePath().normalize();
    if (!Files.isExecutable(Path.of(PYTHON))) {
      throw new AssertionError(
          PYTHON
              + " is missing: install python3-avro python3-pandas"
              + " python3-snappy (as .ci/run does)");
    }
    List<String> command = new ArrayList<>(List.of(PYTHON, scriptPath.toString()));
    command.addAll(List.of(args));
    Path stdout = tmp.resolve(script + ".out");
    Path stderr = tmp.resolve(script + ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish in 2 minutes");
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new AssertionError(
          script
              + " failed (exit "
              + p.exitValue()
              + "; needs Debian python3-avro, python3-pandas,"
              + " python3-snappy, as .ci/run installs):\n"
              + err);
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
