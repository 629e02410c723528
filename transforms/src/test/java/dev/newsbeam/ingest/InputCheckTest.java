package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputCheckTest {

  /** Stands in for Beam's match: records what it was asked and answers a fixed result. */
  private static final class RecordingMatcher implements InputCheck.Matcher {
    final List<String> asked = new ArrayList<>();
    private final boolean answer;

    RecordingMatcher(boolean answer) {
      this.answer = answer;
    }

    @Override
    public boolean matchesAny(String glob) {
      asked.add(glob);
      return answer;
    }
  }

  // Beam's local match walks the whole disk for these (their nearest existing parent is "/").
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/newsbeam-no-such-file.jsonl",
        "file:///newsbeam-no-such-file.jsonl",
        "/no-such-dir-xyz/file.jsonl",
        "/no-such-dir-xyz/*.jsonl",
        "/no-such-dir-xyz/",
      })
  void aMissingLocalPathFailsWithoutAskingTheMatcher(String entry) {
    RecordingMatcher matcher = new RecordingMatcher(true);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> InputCheck.requireMatches(entry, matcher));

    assertThat(e.getMessage(), containsString("no file matches --input entry '" + entry + "'"));
    assertThat(matcher.asked, is(empty()));
  }

  @Test
  void theMessageNamesTheEntryThatMatchesNothing(@TempDir Path tmp) throws IOException {
    write(tmp.resolve("a.jsonl"), "{}");
    String typo = tmp.resolve("no-such-file.jsonl").toString();
    RecordingMatcher matcher = new RecordingMatcher(true);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InputCheck.requireMatches(tmp.resolve("a.jsonl") + ", " + typo, matcher));

    assertThat(
        e.getMessage(),
        equalTo("no file matches --input entry '" + typo + "': " + typo + " does not exist"));
    assertThat(matcher.asked, is(empty()));
  }

  @Test
  void anExistingLocalFileOrDirectoryPassesWithoutTheMatcher(@TempDir Path tmp) throws IOException {
    write(tmp.resolve("in/a/b.txt"), "x");
    RecordingMatcher matcher = new RecordingMatcher(false);

    InputCheck.requireMatches(tmp.resolve("in") + "," + tmp.resolve("in/a/b.txt"), matcher);

    assertThat(matcher.asked, is(empty()));
  }

  @Test
  void aDirectoryWithNoFileFails(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("in/a"));
    Files.createSymbolicLink(tmp.resolve("in/a/loop"), Path.of(".."));
    RecordingMatcher matcher = new RecordingMatcher(true);

    Optional<String> why = InputCheck.whyNothingMatches(InputSpec.resolve(tmp + "/in"), matcher);

    assertThat(why, equalTo(Optional.of(tmp.resolve("in") + " holds no file")));
    assertThat(matcher.asked, is(empty()));
  }

  @Test
  void aGlobInARealDirectoryAsksTheMatcher(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("in"));
    String glob = tmp.resolve("in") + "/*/*.jsonl";
    RecordingMatcher none = new RecordingMatcher(false);

    Optional<String> why = InputCheck.whyNothingMatches(InputSpec.resolve(glob), none);

    assertThat(why, equalTo(Optional.of("nothing found at " + glob)));
    assertThat(none.asked, contains(glob));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gs://bucket/news/a.jsonl", "gs://bucket/news/*.jsonl"})
  void aRemoteEntryIsAskedAsTyped(String entry) throws IOException {
    RecordingMatcher some = new RecordingMatcher(true);

    InputCheck.requireMatches(entry, some);

    assertThat(some.asked, contains(entry));
  }

  @Test
  void aRemoteDirectoryIsListed() throws IOException {
    RecordingMatcher none = new RecordingMatcher(false);

    assertThrows(
        IllegalArgumentException.class, () -> InputCheck.requireMatches("gs://bucket/news/", none));

    assertThat(none.asked, contains("gs://bucket/news/**"));
  }

  private static void write(Path p, String s) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }
}
