package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileRangePlannerTest {
  private static final SourceFile JSONL = new SourceFile("/in/wire/x.jsonl", "wire/x.jsonl");

  /** Lines of many lengths: blank ones, a \r\n one, one longer than most chunks. */
  private static final String CONTENT =
      "{\"text\":\"one\"}\n\n  \n{\"text\":\"two\"}\r\n"
          + "{\"text\":\""
          + "long ".repeat(40)
          + "\"}\n{broken\n\n\n{\"text\":\"last\"}";

  private static List<FileRange> plan(
      byte[] bytes, InputFormat format, boolean compressed, long c) {
    return FileRangePlanner.plan(
        JSONL, format, compressed, bytes.length, c, () -> new ByteArrayInputStream(bytes));
  }

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of(CONTENT, 1L),
        Arguments.of(CONTENT, 7L),
        Arguments.of(CONTENT, 40L),
        Arguments.of(CONTENT + "\n", 16L),
        Arguments.of("\n\n\n\n\n\n", 2L),
        Arguments.of("x".repeat(100), 10L));
  }

  @ParameterizedTest
  @MethodSource("files")
  void rangesCoverABigJsonlFileOnceEachFromALineStart(String content, long chunkBytes) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    List<FileRange> ranges = plan(bytes, InputFormat.JSONL, false, chunkBytes);
    long expectedStart = 0;
    for (int i = 0; i < ranges.size(); i++) {
      FileRange r = ranges.get(i);
      assertThat(r.start(), equalTo(expectedStart));
      assertThat(r.end(), greaterThan(r.start()));
      assertThat(r.firstOfFile(), equalTo(i == 0));
      assertThat(r.firstLine(), equalTo(1 + newlinesBefore(bytes, r.start())));
      if (i < ranges.size() - 1) {
        assertThat(bytes[(int) r.end() - 1], equalTo((byte) '\n'));
        assertThat(r.end() - r.start(), greaterThanOrEqualTo(chunkBytes));
      }
      assertThat(r.source(), equalTo(JSONL.path()));
      assertThat(r.relativePath(), equalTo(JSONL.relativePath()));
      assertThat(r.compressed(), equalTo(false));
      expectedStart = r.end();
    }
    assertThat(expectedStart, equalTo((long) bytes.length));
  }

  @Test
  void aBigFileIsCutAtTheFirstNewlineAfterEachChunk() {
    byte[] bytes = "aaaa\nbb\nc\n\ndddddd\ne".getBytes(StandardCharsets.UTF_8);
    assertThat(
        plan(bytes, InputFormat.JSONL, false, 4).stream()
            .map(r -> r.start() + "-" + r.end() + "@" + r.firstLine())
            .toList(),
        contains("0-5@1", "5-10@2", "10-18@4", "18-19@6"));
  }

  @Test
  void textCompressedAndSmallFilesAreOneWholeRange() {
    byte[] bytes = CONTENT.getBytes(StandardCharsets.UTF_8);
    long size = bytes.length;
    assertThat(
        plan(bytes, InputFormat.TEXT, false, 1),
        contains(
            new FileRange(
                JSONL.path(), JSONL.relativePath(), InputFormat.TEXT, false, 0, size, 1)));
    assertThat(
        plan(bytes, InputFormat.JSONL, true, 1),
        contains(
            new FileRange(
                JSONL.path(),
                JSONL.relativePath(),
                InputFormat.JSONL,
                true,
                0,
                FileRange.TO_THE_END,
                1)));
    assertThat(
        plan(bytes, InputFormat.JSONL, false, size),
        contains(FileRange.whole(JSONL, InputFormat.JSONL, false, size)));
    assertThat(
        plan(new byte[0], InputFormat.JSONL, false, 1),
        contains(FileRange.whole(JSONL, InputFormat.JSONL, false, 0)));
  }

  @Test
  void aFileThatCannotBeReadToPlanItIsOneWholeRange() {
    assertThat(
        FileRangePlanner.plan(
            JSONL,
            InputFormat.JSONL,
            false,
            1000,
            10,
            () -> {
              throw new IOException("permission denied");
            }),
        contains(FileRange.whole(JSONL, InputFormat.JSONL, false, 1000)));
  }

  @Test
  void anEmptyStreamHasNoChunks() throws IOException {
    assertThat(FileRangePlanner.lineChunks(new ByteArrayInputStream(new byte[0]), 10), empty());
    assertThrows(
        IllegalArgumentException.class,
        () -> FileRangePlanner.lineChunks(new ByteArrayInputStream(new byte[0]), 0));
  }

  @Test
  void rangesSurviveTheirCoder() throws Exception {
    for (FileRange r :
        List.of(
            new FileRange("gs://b/x.jsonl", "x.jsonl", InputFormat.JSONL, false, 4096, 8192, 77),
            new FileRange("/in/a.txt.gz", "a.txt.gz", InputFormat.TEXT, true, 0, -1, 1))) {
      CoderProperties.coderDecodeEncodeEqual(FileRange.FileRangeCoder.of(), r);
    }
    CoderProperties.coderDeterministic(
        FileRange.FileRangeCoder.of(),
        FileRange.whole(JSONL, InputFormat.JSONL, false, 9),
        FileRange.whole(JSONL, InputFormat.JSONL, false, 9));
  }

  @Test
  void impossibleRangesAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new FileRange("/a.jsonl", "a.jsonl", InputFormat.JSONL, false, 10, 5, 2));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FileRange("/a.jsonl", "a.jsonl", InputFormat.JSONL, false, 10, 20, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FileRange("/a.jsonl.gz", "a.jsonl.gz", InputFormat.JSONL, true, 10, -1, 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FileRange("/a.txt", "a.txt", InputFormat.TEXT, false, 10, 20, 3));
  }

  private static long newlinesBefore(byte[] bytes, long end) {
    long n = 0;
    for (int i = 0; i < end; i++) {
      n += bytes[i] == '\n' ? 1 : 0;
    }
    return n;
  }
}
