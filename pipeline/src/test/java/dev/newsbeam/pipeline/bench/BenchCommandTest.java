package dev.newsbeam.pipeline.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.is;

import dev.newsbeam.pipeline.commands.CommandArgs;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
  @Test
  void anOutOfMemoryLineIsTheReasonWhereverItIs() {
    List<String> tail =
        List.of(
            "Exception in thread \"main\" org.apache.beam.sdk.Pipeline$PipelineExecutionException: boom",
            "\tat org.apache.beam.runners.direct.DirectRunner$DirectPipelineResult.waitUntilFinish(DirectRunner.java:377)",
            "Caused by: java.lang.IllegalStateException: worker died",
            "Terminating due to java.lang.OutOfMemoryError: Java heap space",
            "");
    assertThat(
        BenchCommand.failureReason(tail, 3),
        is("Terminating due to java.lang.OutOfMemoryError: Java heap space"));
  }

  @Test
  void otherwiseTheRootCauseThenTheFirstExceptionThenTheLastLine() {
    assertThat(
        BenchCommand.failureReason(
            List.of(
                "Exception in thread \"main\" java.lang.RuntimeException: wrapper",
                "\tat dev.newsbeam.Main.main(Main.java:1)",
                "Caused by: java.io.IOException: outer",
                "Caused by: java.nio.file.NoSuchFileException: /corpus/articles.jsonl",
                "\tat sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)"),
            1),
        is("Caused by: java.nio.file.NoSuchFileException: /corpus/articles.jsonl"));
    assertThat(
        BenchCommand.failureReason(
            List.of(
                "starting",
                "java.lang.IllegalArgumentException: --corpus?",
                "\tat x.y(Z.java:1)",
                "bye"),
            2),
        is("java.lang.IllegalArgumentException: --corpus?"));
    assertThat(BenchCommand.failureReason(List.of("starting", "killed", "  "), 137), is("killed"));
    assertThat(BenchCommand.failureReason(List.of(), 137), is("exit code 137, no output"));
  }

  @Test
  void aLongReasonIsCut() {
    String reason =
        BenchCommand.failureReason(
            List.of("java.lang.IllegalStateException: " + "x".repeat(500)), 1);
    assertThat(reason, hasLength(160));
    assertThat(reason, endsWith("…"));
  }

  @Test
  void theRecordedCommandLineQuotesValuesWithSpaces() {
    String[] argv = {"--sizes=1000000", "--javaOpts=-Xmx20g -XX:+ExitOnOutOfMemoryError"};
    assertThat(
        BenchCommand.commandLine(argv),
        is("./newsbeam bench --sizes=1000000 --javaOpts=\"-Xmx20g -XX:+ExitOnOutOfMemoryError\""));
  }

  @Test
  void theIssue8SuiteCoversEveryRowOfTheReportAndTheCallersOptionsWin() {
    List<String[]> steps =
        BenchCommand.invocations(new String[] {"--suite=issue8", "--jar=x.jar", "--runs=1"});
    Set<String> rows = new TreeSet<>();
    for (String[] step : steps) {
      CommandArgs args = new CommandArgs(step);
      assertThat(args.has("suite"), is(false));
      assertThat(args.get("jar", ""), is("x.jar"));
      assertThat(args.getInt("runs", 3), is(1));
      for (String size : args.get("sizes", "").split(",")) {
        for (String engine : args.get("engines", "").split(",")) {
          assertThat(engine, BenchCommand.ENGINES.contains(engine), is(true));
          rows.add(
              size
                  + " "
                  + engine
                  + " "
                  + args.get("lshBands", "default")
                  + " "
                  + args.get("verify", "minhash"));
        }
      }
    }
    assertThat(
        rows,
        hasItems(
            "10000 baseline default minhash",
            "100000 flink default minhash",
            "100000 direct default minhash",
            "1000000 baseline default minhash",
            "1000000 flink default minhash",
            "1000000 direct default minhash",
            "100000 mllib default minhash",
            "100000 mllib 32x2 minhash",
            "100000 dedup-flink 32x2 exact",
            "100000 dedup-flink default minhash"));
    assertThat(
        BenchCommand.invocations(new String[] {"--sizes=10000"}).get(0),
        is(new String[] {"--sizes=10000"}));
  }
}
