package dev.newsbeam.lab;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lab's command line: each command's --help and its usage errors (exit 2). */
class LabTest {
  private record Run(int code, String out, String err) {}

  private static Run dispatch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      // the commands print their help to System.out
      System.setOut(o);
      code = Lab.dispatch(args, o, e);
    } finally {
      System.setOut(stdout);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Each command with an option its --help must list. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("eval-bylines", "--sample"),
        Arguments.of("eval-dedup", "--similarity"),
        Arguments.of("eval-topics", "--topicFallback"),
        Arguments.of("generate", "--corpus"),
        Arguments.of("bench", "--engines"),
        Arguments.of("bench-run", "--engine"),
        Arguments.of("bench-bylines", "--warmupSeconds"),
        Arguments.of("bench-topics", "--seconds"),
        Arguments.of("bench-analyzer", "--stopwords"),
        Arguments.of("bench-word-stats", "--vocabulary"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpListsTheCommandsOptions(String command, String option) {
    Run run = dispatch(command, "--help");
    assertThat(run.err(), run.code(), is(0));
    assertThat(run.out(), containsString("Usage: ./newsbeam-lab " + command));
    assertThat(run.out(), containsString(option + "="));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void anUnknownOptionIsAUsageError(String command, String option) {
    Run run = dispatch(command, "--noSuchOption=1");
    assertThat(run.code(), is(2));
    assertThat(run.err(), containsString("newsbeam-lab " + command + ": "));
    assertThat(run.err(), containsString("noSuchOption"));
    // a usage error, not a crash
    assertThat(run.err(), not(containsString("\tat ")));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueIsAUsageError(List<String> args, String message) {
    Run run = dispatch(args.toArray(String[]::new));
    assertThat(run.code(), is(2));
    assertThat(run.err(), containsString(message));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(List.of("eval-dedup", "--keep=oldest"), "--keep"),
        Arguments.of(
            List.of("eval-topics", "--split=random"), "--split must be one of date, kfold"),
        Arguments.of(List.of("bench", "--suite=issue9"), "--suite must be one of issue8"),
        Arguments.of(List.of("bench-run", "--engine=spark", "--corpus=c"), "an engine must be"),
        Arguments.of(List.of("bench-analyzer", "--stem=snowball"), "--stem"),
        Arguments.of(List.of("generate", "--articles=many"), "\"many\""),
        Arguments.of(List.of("generate"), "--corpus=DIR"),
        Arguments.of(List.of("bench-run", "--engine=flink"), "--corpus=DIR"));
  }
}
