package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ./newsbeam --format=both} (day partitions, the default) and {@code --format=parquet
 * --partitionBy=month} on testdata/, and reads the output the way analysts do: Avro by partition
 * folder, and Parquet through DuckDB with Hive partitioning.
 */
class PartitionedOutputTest {
  @TempDir static Path tmp;
  static Path byDay;
  static Path byMonth;
  static Outputs.Run dayRun;
  static Outputs.Run monthRun;
  static JsonNode manifest;

  @BeforeAll
  static void runBothLayouts() throws IOException {
    byDay = tmp.resolve("by-day");
    byMonth = tmp.resolve("by-month");
    dayRun = Outputs.main("--input=" + Outputs.testdata(), "--output=" + byDay, "--format=both");
    monthRun =
        Outputs.main(
            "--input=" + Outputs.testdata(),
            "--output=" + byMonth,
            "--format=parquet",
            "--partitionBy=month");
    manifest = Outputs.manifest(byDay);
  }

  @Test
  void bothRunsSucceedAndBalance() throws IOException {
    assertThat(dayRun.stderr(), dayRun.exitCode(), equalTo(0));
    assertThat(monthRun.stderr(), monthRun.exitCode(), equalTo(0));
    for (Path out : List.of(byDay, byMonth)) {
      JsonNode counts = Outputs.manifest(out).path("counts");
      assertThat(counts.path("accounting").path("balanced").asBoolean(), is(true));
    }
  }

  @Test
  void eachArticleLiesInTheFolderOfItsDate() throws IOException {
    Map<Path, List<Article>> byFile = readByFile(byDay.resolve("articles"), Article.class);
    long total = 0;
    for (Map.Entry<Path, List<Article>> e : byFile.entrySet()) {
      String folder = byDay.resolve("articles").relativize(e.getKey()).getName(0).toString();
      for (Article a : e.getValue()) {
        assertThat(a.getId(), folder, equalTo(expectedDayFolder(a.getPublishedDate())));
        total++;
      }
    }
    assertThat(total, equalTo(manifest.path("counts").path("articles").asLong()));
    assertThat(
        "testdata has an undated article",
        Files.isDirectory(byDay.resolve("articles").resolve(PartitionBy.UNKNOWN)),
        is(true));
  }

  @Test
  void duplicatesLieInTheFolderOfTheDuplicatesDate() throws IOException {
    Map<Path, List<DuplicateRow>> byFile =
        readByFile(byDay.resolve("duplicates"), DuplicateRow.class);
    List<DuplicateRow> rows = byFile.values().stream().flatMap(List::stream).toList();
    assertThat(rows, not(empty()));
    Map<String, Article> articles =
        Outputs.read(byDay, "articles", Article.class).stream()
            .collect(Collectors.toMap(Article::getId, Function.identity()));
    for (Map.Entry<Path, List<DuplicateRow>> e : byFile.entrySet()) {
      String folder = byDay.resolve("duplicates").relativize(e.getKey()).getName(0).toString();
      for (DuplicateRow row : e.getValue()) {
        LocalDate date = articles.get(row.getId()).getPublishedDate();
        assertThat(row.getPublishedDate(), equalTo(date));
        assertThat(row.getId(), folder, equalTo(expectedDayFolder(date)));
      }
    }
  }

  @Test
  void duckDbCountsTheParquetArticlesAsTheManifestDoes() throws Exception {
    long articles = manifest.path("counts").path("articles").asLong();
    assertThat(articles, greaterThan(0L));
    assertThat(duckLong(articlesQuery(byDay, "count(*)", "")), equalTo(articles));
    assertThat(
        duckLong(articlesQuery(byMonth, "count(*)", "")),
        equalTo(Outputs.manifest(byMonth).path("counts").path("articles").asLong()));
    long duplicates =
        manifest.path("stages").path("dedup").path("exact_duplicates").asLong()
            + manifest.path("stages").path("dedup").path("near_duplicates").asLong();
    assertThat(
        duckLong(
            "SELECT count(*) FROM read_parquet('"
                + byDay.resolve("parquet/duplicates")
                + "/**/*.parquet', hive_partitioning=true)"),
        equalTo(duplicates));
  }

  @Test
  void theDtColumnSelectsOneDaysArticles() throws Exception {
    List<Article> avro = Outputs.read(byDay, "articles", Article.class);
    Map<LocalDate, Long> perDay =
        avro.stream()
            .map(Article::getPublishedDate)
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    LocalDate busiest =
        perDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    assertThat(
        duckLong(articlesQuery(byDay, "count(*)", "WHERE dt = '" + busiest + "'")),
        equalTo(perDay.get(busiest)));
    // the Parquet column keeps Avro's date logical type: DuckDB sees a DATE, equal to dt
    assertThat(
        duckLong(
            articlesQuery(
                byDay,
                "count(*)",
                "WHERE dt <> 'unknown' AND CAST(published_date AS VARCHAR) <> dt")),
        equalTo(0L));
    String month = busiest.toString().substring(0, 7);
    long inMonth =
        avro.stream()
            .filter(
                a ->
                    a.getPublishedDate() != null
                        && a.getPublishedDate().toString().startsWith(month))
            .count();
    assertThat(
        duckLong(articlesQuery(byMonth, "count(*)", "WHERE dt = '" + month + "'")),
        equalTo(inMonth));
  }

  @Test
  void parquetOnlyWritesNoAvroAndMonthFolders() throws IOException {
    assertThat(Files.exists(byMonth.resolve("articles")), is(false));
    try (Stream<Path> dirs = Files.list(byMonth.resolve("parquet/articles"))) {
      List<String> names =
          dirs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
      assertThat(names, everyItem(matchesPattern("dt=(\\d{4}-\\d{2}|unknown)")));
    }
    assertThat(
        Outputs.manifest(byMonth).path("outputs").path("parquet/articles").path("path").asText(),
        containsString("parquet/articles"));
  }

  @Test
  void theManifestNamesTheSchemaVersion() {
    assertThat(manifest.path("schema_version").asInt(), equalTo(Manifest.SCHEMA_VERSION));
  }

  @Test
  void theOutputGuardSeesFilesInPartitionFolders(@TempDir Path earlier) throws IOException {
    Path avro = earlier.resolve("articles/dt=2025-01-01/part-00000-of-00001.avro");
    Path parquet = earlier.resolve("parquet/duplicates/dt=1999-01/part-00000-of-00001.parquet");
    for (Path f : List.of(avro, parquet)) {
      Files.createDirectories(f.getParent());
      Files.writeString(f, "an earlier run's shard");
    }
    OutputLayout layout = new OutputLayout(earlier.toString());
    assertThat(layout.existingResults().size(), equalTo(2));
    Outputs.Run refused =
        Outputs.main("--input=" + Outputs.testdata(), "--output=" + earlier, "--format=parquet");
    assertThat(refused.exitCode(), equalTo(2));
    assertThat(refused.stderr(), containsString("already holds results"));
    layout.prepare(true);
    assertThat(layout.existingResults(), empty());
  }

  private static String expectedDayFolder(LocalDate date) {
    return date == null ? PartitionBy.UNKNOWN : "dt=" + date;
  }

  private static String articlesQuery(Path out, String select, String where) {
    return "SELECT "
        + select
        + " FROM read_parquet('"
        + out.resolve("parquet/articles")
        + "/**/*.parquet', hive_partitioning=true) "
        + where;
  }

  private static long duckLong(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> Map<Path, List<T>> readByFile(
      Path dataset, Class<T> type) throws IOException {
    Map<Path, List<T>> result = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.walk(dataset)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".avro")).toList()) {
        List<T> records = new ArrayList<>();
        try (DataFileReader<T> reader =
            new DataFileReader<>(f.toFile(), new SpecificDatumReader<>(type))) {
          reader.forEach(records::add);
        }
        result.put(f, records);
      }
    }
    return result;
  }
}
