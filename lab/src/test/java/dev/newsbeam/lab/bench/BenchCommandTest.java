package dev.newsbeam.lab.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.lab.LabCli;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
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
        is(
            "./newsbeam-lab bench --sizes=1000000 --javaOpts=\"-Xmx20g"
                + " -XX:+ExitOnOutOfMemoryError\""));
  }

  @Test
  void theIssue8SuiteCoversEveryRowOfTheReportAndTheCallersOptionsWin() {
    List<String[]> steps =
        BenchCommand.invocations(
            new String[] {"--suite=issue8", "--work=x", "--runs=1", "--timeoutMinutes=5"});
    Set<String> rows = new TreeSet<>();
    for (String[] step : steps) {
      BenchOptions options = LabCli.parse(step, BenchOptions.class);
      assertThat(options.getSuite(), is(nullValue()));
      assertThat(options.getWork(), is("x"));
      assertThat(options.getRuns(), is(1));
      // the suite's own --timeoutMinutes gives way to the caller's
      assertThat(options.getTimeoutMinutes(), is(5L));
      for (long size : options.getSizes()) {
        for (Engine engine : options.getEngines()) {
          rows.add(
              size
                  + " "
                  + engine.code()
                  + " "
                  + (options.getLshBands() == null ? "default" : options.getLshBands())
                  + " "
                  + options.getVerify().code());
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

  @Test
  void enginesAndSizesParseAsListsAndDefaultToTheReportsTables() {
    BenchOptions defaults = LabCli.parse(new String[0], BenchOptions.class);
    assertThat(defaults.getSizes(), contains(10_000L, 100_000L));
    assertThat(
        defaults.getEngines(),
        contains(Engine.BASELINE, Engine.FLINK, Engine.DIRECT, Engine.DEDUP_FLINK, Engine.MLLIB));
    BenchOptions given =
        LabCli.parse(
            new String[] {"--engines=dedup-direct,MLLIB", "--sizes=500"}, BenchOptions.class);
    assertThat(given.getEngines(), contains(Engine.DEDUP_DIRECT, Engine.MLLIB));
    assertThat(given.getSizes(), contains(500L));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LabCli.parse(new String[] {"--engines=flink,spark"}, BenchOptions.class));
    assertThat(e.getMessage(), containsString("an engine must be one of baseline, flink"));
  }

  @Test
  void theDedupEnginesRunWithTheBenchsDedupSettings() {
    BenchOptions bench =
        LabCli.parse(
            new String[] {
              "--lshBands=32x2",
              "--chainGuard=false",
              "--keep=latest",
              "--shingle=char:5",
              "--containment=0.8",
              "--minContainmentShingles=99",
              "--figureAgreement=0.5"
            },
            BenchOptions.class);
    assertThat(DedupSettings.from(benchRun(bench)), is(DedupSettings.from(bench)));
    assertThat(
        DedupSettings.from(benchRun(LabCli.parse(new String[0], BenchOptions.class))),
        is(DedupSettings.defaults()));
  }

  /** The options of a dedup engine's bench-run, as bench starts it. */
  private static BenchRunOptions benchRun(BenchOptions bench) {
    return LabCli.parse(
        Stream.concat(
                Stream.of("--engine=dedup-flink", "--corpus=c"),
                BenchCommand.dedupArgs(bench).stream())
            .toArray(String[]::new),
        BenchRunOptions.class);
  }

  @Test
  void benchRunNeedsAnEngine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LabCli.parse(new String[] {"--corpus=c"}, BenchRunOptions.class));
    assertThat(e.getMessage(), containsString("--engine"));
  }
}
