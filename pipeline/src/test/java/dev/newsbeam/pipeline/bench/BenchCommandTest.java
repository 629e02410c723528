package dev.newsbeam.pipeline.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
  @Test
  void anOutOfMemoryLineIsTheReasonWhereverItIs() {
    List<String> tail = List.of(
        "Exception in thread \"main\" org.apache.beam.sdk.Pipeline$PipelineExecutionException: boom",
        "\tat org.apache.beam.runners.direct.DirectRunner$DirectPipelineResult.waitUntilFinish(DirectRunner.java:377)",
        "Caused by: java.lang.IllegalStateException: worker died",
        "Terminating due to java.lang.OutOfMemoryError: Java heap space",
        "");
    assertThat(BenchCommand.failureReason(tail, 3),
        is("Terminating due to java.lang.OutOfMemoryError: Java heap space"));
  }

  @Test
  void otherwiseTheRootCauseThenTheFirstExceptionThenTheLastLine() {
    assertThat(BenchCommand.failureReason(List.of(
        "Exception in thread \"main\" java.lang.RuntimeException: wrapper",
        "\tat dev.newsbeam.Main.main(Main.java:1)",
        "Caused by: java.io.IOException: outer",
        "Caused by: java.nio.file.NoSuchFileException: /corpus/articles.jsonl",
        "\tat sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)"), 1),
        is("Caused by: java.nio.file.NoSuchFileException: /corpus/articles.jsonl"));
    assertThat(BenchCommand.failureReason(List.of("starting", "java.lang.IllegalArgumentException: --corpus?",
        "\tat x.y(Z.java:1)", "bye"), 2), is("java.lang.IllegalArgumentException: --corpus?"));
    assertThat(BenchCommand.failureReason(List.of("starting", "killed", "  "), 137), is("killed"));
    assertThat(BenchCommand.failureReason(List.of(), 137), is("exit code 137, no output"));
  }

  @Test
  void aLongReasonIsCut() {
    String reason = BenchCommand.failureReason(List.of("java.lang.IllegalStateException: " + "x".repeat(500)), 1);
    assertThat(reason, hasLength(160));
    assertThat(reason, endsWith("…"));
  }

  @Test
  void theRecordedCommandLineQuotesValuesWithSpaces() {
    String[] argv = {"--sizes=1000000", "--javaOpts=-Xmx20g -XX:+ExitOnOutOfMemoryError"};
    assertThat(BenchCommand.commandLine(argv),
        is("./newsbeam bench --sizes=1000000 --javaOpts=\"-Xmx20g -XX:+ExitOnOutOfMemoryError\""));
  }
}
