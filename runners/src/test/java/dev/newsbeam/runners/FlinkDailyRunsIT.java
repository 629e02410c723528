package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ArticleSketch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/**
 * Daily runs on Flink embedded: a first batch writes its sketches (what the DirectRunner writes), a
 * second batch (the same articles) runs with {@code --previous} and finds every article an earlier
 * one, and writes what the DirectRunner writes from the same earlier output.
 */
class FlinkDailyRunsIT {
  @Test
  void aSecondBatchOnFlinkMatchesTheFirstBatchesSketches() throws Exception {
    Path dir = Reference.runs().resolve("flink-daily");
    Files.createDirectories(dir);
    Path first = dir.resolve("day-1");
    Path second = dir.resolve("day-2");
    Engine.Run one = flink(dir.resolve("day-1.log"), first, "--runId=day-1");
    assertThat(one.output(), one.exitCode(), equalTo(0));
    Parity.assertSameOutput(
        "Flink day 1 vs DirectRunner", Reference.direct(Engine.testdata()), first);

    Engine.Run two =
        flink(dir.resolve("day-2.log"), second, "--runId=day-2", "--previous=" + first);
    assertThat(two.output(), two.exitCode(), equalTo(0));
    // the second batch on the DirectRunner, against the same earlier output: the same records
    Path directSecond = dir.resolve("day-2-direct");
    Engine.Run direct =
        Engine.newsbeam(
            dir.resolve("day-2-direct.log"),
            15,
            "--runner=DirectRunner",
            "--input=" + Engine.testdata(),
            "--output=" + directSecond,
            "--overwrite",
            "--quiet",
            "--runId=day-2",
            "--previous=" + first);
    assertThat(direct.output(), direct.exitCode(), equalTo(0));
    Parity.assertSameOutput("day 2 with --previous, Flink vs DirectRunner", directSecond, second);

    Map<String, Article> before =
        read(first, "articles", Article.class).stream()
            .collect(Collectors.toMap(Article::getId, Function.identity()));
    List<Article> again = read(second, "articles", Article.class);
    assertThat(again, hasSize(before.size()));
    for (Article a : again) {
      assertThat(a.getId(), a.getDedup().getIsCanonical(), is(false));
      assertThat(a.getId(), a.getDedup().getCanonicalRun(), equalTo("day-1"));
      assertThat(
          a.getId(),
          a.getDedup().getCanonicalId(),
          equalTo(before.get(a.getId()).getDedup().getCanonicalId()));
    }
    List<ArticleSketch> sketches = read(first, "sketches", ArticleSketch.class);
    assertThat(sketches.size(), greaterThan(0));
    assertThat(read(second, "sketches", ArticleSketch.class), hasSize(0));
    JsonNode dedup = Engine.manifest(second).path("stages").path("dedup");
    assertThat(dedup.path("previous_sketches").asLong(), equalTo((long) sketches.size()));
    assertThat(dedup.path("matched_earlier_runs").asLong(), equalTo((long) before.size()));
    assertThat(
        Engine.manifest(second).path("counts").path("accounting").path("balanced").asBoolean(),
        is(true));
  }

  private static Engine.Run flink(Path log, Path out, String... more)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=2",
                "--input=" + Engine.testdata(),
                "--output=" + out,
                "--overwrite",
                "--quiet"));
    args.addAll(List.of(more));
    return Engine.newsbeam(log, 15, args.toArray(new String[0]));
  }

  private static <T> List<T> read(Path output, String dataset, Class<T> type) throws IOException {
    List<Path> shards;
    try (Stream<Path> s = Files.walk(output.resolve(dataset))) {
      shards = s.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
    }
    List<T> records = new ArrayList<>();
    for (Path shard : shards) {
      try (DataFileReader<T> r =
          new DataFileReader<>(shard.toFile(), new SpecificDatumReader<>(type))) {
        r.forEach(records::add);
      }
    }
    return records;
  }
}
