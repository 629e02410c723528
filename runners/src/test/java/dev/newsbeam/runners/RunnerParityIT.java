package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same pipeline on testdata writes the same records on Flink (embedded) and Spark (local). */
class RunnerParityIT {

  static Stream<Arguments> engines() {
    return Stream.of(
        Arguments.of(
            "flink-embedded",
            "FlinkRunner",
            List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2")),
        Arguments.of(
            "spark-local",
            "SparkRunner",
            List.of("--runner=SparkRunner", "--sparkMaster=local[2]")));
  }

  @Test
  void theReferenceRunHasTheTestdataTotals() throws Exception {
    // guards the comparisons below against agreeing on an empty or broken reference
    Path direct = Reference.direct(Engine.testdata());
    assertThat(Engine.datasets(direct).get("articles").size(), equalTo(44));
    assertThat(Engine.datasets(direct).get("errors").size(), equalTo(8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void sameRecordsAsTheDirectRunner(String name, String runner, List<String> runnerArgs)
      throws Exception {
    Path direct = Reference.direct(Engine.testdata());
    Path out = Reference.runs().resolve(name);
    List<String> args = new ArrayList<>(runnerArgs);
    args.addAll(List.of("--input=" + Engine.testdata(), "--output=" + out, "--overwrite"));
    Engine.Run run =
        Engine.newsbeam(Reference.runs().resolve(name + ".log"), 20, args.toArray(new String[0]));
    assertThat(run.output(), run.exitCode(), equalTo(0));
    assertThat(Engine.manifest(out).path("runner").asText(), equalTo(runner));
    Parity.assertSameOutput(name, direct, out);
  }
}
