package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRangeReaderTest {
  private static final String LINES =
      "{\"text\":\"one\"}\n"
          + "\n"
          + "{\"text\":\"two\"}\r\n"
          + "{\"id\":\"w3\",\"text\":\"three\"}\n"
          + "   \n"
          + "{broken\n"
          + "{\"text\":\"seven\"}\n"
          + "{\"text\":\""
          + "x".repeat(300)
          + "\"}\n"
          + "\n"
          + "{\"text\":\"ten\"}";

  private final FileRangeReader reader = new FileRangeReader(200);

  @Test
  void rangesReadAsTheWholeFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("wire/x.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, LINES, StandardCharsets.UTF_8);
    SourceFile source = new SourceFile(file.toString(), "wire/x.jsonl");
    long size = Files.size(file);

    CollectingSink whole = new CollectingSink();
    FileRecordReader.Counts wholeCounts =
        reader.read(FileRange.whole(source, InputFormat.JSONL, false, size), whole);

    List<FileRange> ranges =
        FileRangePlanner.plan(
            source, InputFormat.JSONL, false, size, 20, () -> Files.newInputStream(file));
    assertThat(ranges.size(), greaterThan(4));
    CollectingSink parts = new CollectingSink();
    long records = 0;
    long blank = 0;
    for (FileRange r : ranges) {
      FileRecordReader.Counts c = reader.read(r, parts);
      records += c.records();
      blank += c.blankLines();
    }

    assertThat(parts.articles, equalTo(whole.articles));
    assertThat(parts.errors, equalTo(whole.errors));
    assertThat(records, equalTo(wholeCounts.records()));
    assertThat(blank, equalTo(wholeCounts.blankLines()));
    assertThat(
        whole.articles.stream().map(Article::getId).toList(),
        contains("wire/x.jsonl:1", "wire/x.jsonl:3", "w3", "wire/x.jsonl:7", "wire/x.jsonl:10"));
    assertThat(whole.articles.get(4).getSource(), equalTo(file + ":10"));
    assertThat(
        whole.errors.stream().map(e -> e.getReason() + "@" + e.getLocation()).toList(),
        contains("bad_json@line 6", "too_large@line 8"));
    assertThat(wholeCounts, equalTo(new FileRecordReader.Counts(7, 3)));
  }

  @Test
  void aCompressedFileIsReadWholeAndDecompressed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("x.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"text\":\"one\"}\n\n{\"text\":\"two\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    CollectingSink sink = new CollectingSink();
    FileRecordReader.Counts c =
        reader.read(
            FileRange.whole(
                new SourceFile(file.toString(), "x.jsonl.gz"),
                InputFormat.JSONL,
                true,
                Files.size(file)),
            sink);
    assertThat(sink.articles.stream().map(Article::getText).toList(), contains("one", "two"));
    assertThat(c, equalTo(new FileRecordReader.Counts(2, 1)));
  }

  @Test
  void aFileThatCannotBeOpenedIsOneUnreadableError(@TempDir Path dir) {
    for (String missing : List.of(dir.resolve("gone.jsonl").toString(), "nosuch://b/x.jsonl")) {
      CollectingSink sink = new CollectingSink();
      FileRecordReader.Counts c =
          reader.read(
              FileRange.whole(new SourceFile(missing, "x.jsonl"), InputFormat.JSONL, false, 10),
              sink);
      ErrorRecord e = sink.onlyError();
      assertThat(e.getReason(), equalTo("unreadable"));
      assertThat(e.getMessage(), startsWith("cannot open: "));
      assertThat(e.getSource(), equalTo(missing));
      assertThat(c.records(), equalTo(1L));
    }
  }
}
