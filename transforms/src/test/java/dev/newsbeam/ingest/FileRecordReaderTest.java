package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FileRecordReaderTest {
  private static final SourceFile JSONL = new SourceFile("/c/x.jsonl", "x.jsonl");
  private static final SourceFile TEXT = new SourceFile("/c/x.txt", "x.txt");

  private static CollectingSink read(
      long max, SourceFile f, InputFormat fmt, byte[] bytes, FileRecordReader.Counts[] counts) {
    CollectingSink sink = new CollectingSink();
    counts[0] = new FileRecordReader(max).read(f, fmt, () -> new ByteArrayInputStream(bytes), sink);
    return sink;
  }

  @Test
  void everyNonBlankJsonlLineIsOneRecord() {
    String content =
        "{\"text\":\"one\"}\n\n   \n{\"text\":\"two\"}\r\n{broken\n{\"text\":\"four\"}";
    FileRecordReader.Counts[] c = new FileRecordReader.Counts[1];
    CollectingSink sink =
        read(1000, JSONL, InputFormat.JSONL, content.getBytes(StandardCharsets.UTF_8), c);
    assertThat(
        sink.articles.stream().map(a -> a.getId()).toList(),
        contains("x.jsonl:1", "x.jsonl:4", "x.jsonl:6"));
    assertThat(sink.errors.get(0).getLocation(), equalTo("line 5"));
    assertThat(c[0].records(), equalTo(4L));
    assertThat(c[0].blankLines(), equalTo(2L));
    assertThat(c[0].records(), equalTo((long) sink.articles.size() + sink.errors.size()));
  }

  @Test
  void overlongLineIsTooLargeAndReadingGoesOn() {
    String big = "{\"text\":\"" + "a".repeat(500) + "\"}";
    String content = big + "\n{\"text\":\"small\"}\n";
    FileRecordReader.Counts[] c = new FileRecordReader.Counts[1];
    CollectingSink sink =
        read(100, JSONL, InputFormat.JSONL, content.getBytes(StandardCharsets.UTF_8), c);
    assertThat(sink.errors.get(0).getReason(), equalTo("too_large"));
    assertThat(sink.errors.get(0).getLocation(), equalTo("line 1"));
    assertThat(sink.articles.get(0).getText(), equalTo("small"));
    assertThat(c[0].records(), equalTo(2L));
  }

  @Test
  void invalidUtf8LineDoesNotSpoilTheOthers() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("{\"text\":\"ok\"}\n{\"text\":\"caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xE9);
    b.writeBytes("\"}\n{\"text\":\"fine\"}\n".getBytes(StandardCharsets.UTF_8));
    FileRecordReader.Counts[] c = new FileRecordReader.Counts[1];
    CollectingSink sink = read(1000, JSONL, InputFormat.JSONL, b.toByteArray(), c);
    assertThat(sink.articles.size(), equalTo(2));
    assertThat(sink.errors.get(0).getReason(), equalTo("not_utf8"));
    assertThat(sink.errors.get(0).getLocation(), equalTo("line 2"));
  }

  @Test
  void emptyJsonlFileIsOneEmptyError() {
    FileRecordReader.Counts[] c = new FileRecordReader.Counts[1];
    CollectingSink sink = read(1000, JSONL, InputFormat.JSONL, new byte[0], c);
    assertThat(sink.onlyError().getReason(), equalTo("empty"));
    assertThat(c[0].records(), equalTo(1L));
  }

  @Test
  void textFileOverTheLimitIsTooLarge() {
    byte[] content = ("date 2025-01-01\n\n" + "word ".repeat(100)).getBytes(StandardCharsets.UTF_8);
    FileRecordReader.Counts[] c = new FileRecordReader.Counts[1];
    assertThat(
        read(200, TEXT, InputFormat.TEXT, content, c).onlyError().getReason(),
        equalTo("too_large"));
    assertThat(
        read(content.length, TEXT, InputFormat.TEXT, content, c).onlyArticle().getText(),
        containsString("word word"));
  }

  @Test
  void truncatedGzipKeepsRecordsBeforeTheCut() throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      s.append("{\"id\":\"r")
          .append(i)
          .append("\",\"text\":\"story number ")
          .append(i * 7919)
          .append("\"}\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
    CollectingSink sink = new CollectingSink();
    FileRecordReader.Counts counts =
        new FileRecordReader(1000)
            .read(
                JSONL,
                InputFormat.JSONL,
                () -> new GZIPInputStream(new ByteArrayInputStream(cut)),
                sink);
    assertThat(sink.errors.size(), equalTo(1));
    assertThat(sink.errors.get(0).getReason(), equalTo("truncated"));
    assertThat(sink.articles.size() > 100, equalTo(true));
    assertThat(sink.articles.size() < 2000, equalTo(true));
    assertThat(counts.records(), equalTo((long) sink.articles.size() + 1));
  }

  @Test
  void failingOpenIsUnreadable() {
    CollectingSink sink = new CollectingSink();
    new FileRecordReader(1000)
        .read(
            TEXT,
            InputFormat.TEXT,
            () -> {
              throw new IOException("permission denied");
            },
            sink);
    assertThat(sink.onlyError().getReason(), equalTo("unreadable"));
  }

  @Test
  void partsFromTheirFirstLineReadAsTheWholeFile() {
    String content =
        "{\"text\":\"one\"}\n\n   \n{\"text\":\"two\"}\r\n{broken\n\n"
            + "{\"id\":\"k\",\"text\":\"six\"}\n{\"text\":\"seven\"}";
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    FileRecordReader reader = new FileRecordReader(1000);
    CollectingSink whole = new CollectingSink();
    FileRecordReader.Counts wholeCounts =
        reader.read(JSONL, InputFormat.JSONL, () -> new ByteArrayInputStream(bytes), whole);
    List<Integer> lineStarts = new ArrayList<>(List.of(0));
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lineStarts.add(i + 1);
      }
    }
    // cut the file after every line: two parts, the second from line `cut + 1`
    for (int cut = 1; cut < lineStarts.size(); cut++) {
      int at = lineStarts.get(cut);
      CollectingSink parts = new CollectingSink();
      FileRecordReader.Counts a =
          reader.read(
              JSONL,
              InputFormat.JSONL,
              1,
              () -> new ByteArrayInputStream(Arrays.copyOfRange(bytes, 0, at)),
              parts);
      FileRecordReader.Counts b =
          reader.read(
              JSONL,
              InputFormat.JSONL,
              cut + 1,
              () -> new ByteArrayInputStream(Arrays.copyOfRange(bytes, at, bytes.length)),
              parts);
      assertThat("cut after line " + cut, parts.articles, equalTo(whole.articles));
      assertThat("cut after line " + cut, parts.errors, equalTo(whole.errors));
      assertThat(a.records() + b.records(), equalTo(wholeCounts.records()));
      assertThat(a.blankLines() + b.blankLines(), equalTo(wholeCounts.blankLines()));
    }
    assertThat(whole.errors.get(0).getLocation(), equalTo("line 5"));
    assertThat(whole.articles.get(2).getId(), equalTo("k"));
    assertThat(whole.articles.get(3).getId(), equalTo("x.jsonl:8"));
  }

  @Test
  void aPartAfterTheFirstIsNeverAnEmptyFile() {
    CollectingSink sink = new CollectingSink();
    FileRecordReader.Counts c =
        new FileRecordReader(1000)
            .read(JSONL, InputFormat.JSONL, 40, () -> new ByteArrayInputStream(new byte[0]), sink);
    assertThat(sink.errors, empty());
    assertThat(c, equalTo(new FileRecordReader.Counts(0, 0)));
  }

  @Test
  void aPartThatCannotBeOpenedNamesItsFirstLine() {
    CollectingSink sink = new CollectingSink();
    FileRecordReader.Counts c =
        new FileRecordReader(1000)
            .read(
                JSONL,
                InputFormat.JSONL,
                40,
                () -> {
                  throw new IOException("gone");
                },
                sink);
    assertThat(sink.onlyError().getReason(), equalTo("unreadable"));
    assertThat(sink.onlyError().getLocation(), equalTo("line 40"));
    assertThat(c.records(), equalTo(1L));
  }

  @Test
  void aTextFileIsOnlyReadWhole() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new FileRecordReader(1000)
                .read(
                    TEXT,
                    InputFormat.TEXT,
                    2,
                    () -> new ByteArrayInputStream(new byte[0]),
                    new CollectingSink()));
  }
}
