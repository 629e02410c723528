package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * Spark SQL reads a run's output with {@code spark-avro}, as a Spark user would ({@code
 * spark.read.format("avro")}): every article, with the Avro logical types as Spark dates and
 * timestamps, and the error records.
 */
class SparkReadsAvroIT {

  @Test
  void sparkSqlReadsArticlesWithTheirDatesAndTheErrors() throws Exception {
    Path dir = Reference.runs().resolve("spark-avro");
    Files.createDirectories(dir);
    Path out = dir.resolve("out");
    Engine.Run run =
        Engine.newsbeam(
            dir.resolve("run.log"),
            10,
            "--input=" + Engine.testdata(),
            "--output=" + out,
            "--overwrite",
            "--quiet");
    assertThat(run.output(), run.exitCode(), equalTo(0));
    JsonNode counts =
        new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("counts");

    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("newsbeam-spark-avro")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      Dataset<Row> articles = spark.read().format("avro").load(out.resolve("articles").toString());
      assertThat(articles.count(), equalTo(counts.path("articles").asLong()));
      assertThat(articles.schema().apply("published_date").dataType(), equalTo(DataTypes.DateType));
      assertThat(
          articles.schema().apply("published_at").dataType(), equalTo(DataTypes.TimestampType));
      // SQL over the nested records: the articles with authors, as the Avro holds them
      long withAuthors = 0;
      for (String json : Engine.datasets(out).get("articles")) {
        withAuthors += new ObjectMapper().readTree(json).path("authors").size() > 0 ? 1 : 0;
      }
      assertThat(withAuthors, greaterThan(0L));
      articles.createOrReplaceTempView("articles");
      assertThat(
          spark.sql("SELECT count(*) FROM articles WHERE size(authors) > 0").first().getLong(0),
          equalTo(withAuthors));
      // dates are dates: the years of the testdata corpus
      assertThat(
          spark
              .sql("SELECT count(*) FROM articles WHERE year(published_date) >= 1980")
              .first()
              .getLong(0),
          greaterThan(0L));

      Dataset<Row> errors = spark.read().format("avro").load(out.resolve("errors").toString());
      assertThat(errors.count(), equalTo(counts.path("errors").asLong()));
    } finally {
      spark.stop();
    }
  }
}
