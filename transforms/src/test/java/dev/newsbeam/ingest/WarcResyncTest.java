package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import dev.newsbeam.html.WarcFixture;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A WARC whose framing breaks in the middle (a corrupt gzip member, a garbled record header) keeps
 * the records after the break: the broken stretch is one error record and reading resumes at the
 * next record start.
 */
class WarcResyncTest {
  @TempDir Path tmp;

  private static final String[] PAGES = {
    "jsonld-several-authors", "opengraph-only", "german", "microdata", "visible-byline"
  };

  @Test
  void aCorruptGzipMemberInTheMiddleLosesOnlyItsRecord() throws IOException {
    Path warc = tmp.resolve("crawl.warc.gz");
    long[] starts = write(warc, WarcCompression.GZIP);
    byte[] bytes = Files.readAllBytes(warc);
    // garble the middle of the third member's deflate stream, its gzip header left intact
    int from = (int) (starts[2] + (starts[3] - starts[2]) / 3);
    Arrays.fill(bytes, from, from + 64, (byte) 0xff);
    Files.write(warc, bytes);

    CollectingSink sink = read(warc, "crawl.warc.gz");

    assertThat(titles(sink), hasSize(4));
    assertThat(
        ids(sink),
        contains("crawl.warc.gz:1", "crawl.warc.gz:2", "crawl.warc.gz:4", "crawl.warc.gz:5"));
    assertThat(sink.errors, hasSize(1));
    assertThat(sink.errors.get(0).getLocation(), equalTo("record 3"));
    assertThat(sink.errors.get(0).getReason(), equalTo("bad_warc_record"));
  }

  @Test
  void aGarbledHeaderInAPlainWarcLosesOnlyItsRecord() throws IOException {
    Path warc = tmp.resolve("crawl.warc");
    long[] starts = write(warc, WarcCompression.NONE);
    byte[] bytes = Files.readAllBytes(warc);
    String version = new String(bytes, (int) starts[2], 7, StandardCharsets.US_ASCII);
    assertThat(version, equalTo("WARC/1."));
    // the record's first header lines become noise: no record starts there
    Arrays.fill(bytes, (int) starts[2], (int) starts[2] + 60, (byte) 'x');
    Files.write(warc, bytes);

    CollectingSink sink = read(warc, "crawl.warc");

    assertThat(ids(sink), contains("crawl.warc:1", "crawl.warc:2", "crawl.warc:4", "crawl.warc:5"));
    assertThat(sink.errors, hasSize(1));
    assertThat(sink.errors.get(0).getLocation(), equalTo("record 3"));
  }

  @Test
  void aBreakInASplitFileReadsAsTheWholeFile() throws IOException {
    Path warc = tmp.resolve("crawl.warc.gz");
    long[] starts = write(warc, WarcCompression.GZIP);
    byte[] bytes = Files.readAllBytes(warc);
    int from = (int) (starts[3] + (starts[4] - starts[3]) / 3);
    Arrays.fill(bytes, from, from + 64, (byte) 0xff);
    Files.write(warc, bytes);
    SourceFile file = new SourceFile(warc.toString(), "crawl.warc.gz");
    List<FileRange> ranges =
        FileRangePlanner.plan(
            file, InputFormat.WARC, true, bytes.length, 1024, () -> Files.newInputStream(warc));
    assertThat(ranges.size(), greaterThan(1));

    CollectingSink whole = read(warc, "crawl.warc.gz");
    CollectingSink parts = new CollectingSink();
    FileRangeReader reader = new FileRangeReader(ReadArticles.DEFAULT_MAX_ARTICLE_BYTES);
    long partRecords = 0;
    for (FileRange r : ranges) {
      partRecords += reader.read(r, parts).records();
    }

    assertThat(partRecords, equalTo((long) PAGES.length));
    assertThat(ids(parts), equalTo(ids(whole)));
    assertThat(ids(parts), hasSize(PAGES.length - 1));
    assertThat(parts.errors.stream().map(ErrorRecord::getLocation).toList(), contains("record 4"));
  }

  @Test
  void aTruncatedLastRecordIsOneErrorAndNothingMore() throws IOException {
    Path warc = tmp.resolve("crawl.warc.gz");
    long[] starts = write(warc, WarcCompression.GZIP);
    byte[] bytes = Files.readAllBytes(warc);
    long cut = starts[4] + (bytes.length - starts[4]) / 2;
    Files.write(warc, Arrays.copyOf(bytes, (int) cut));

    CollectingSink sink = read(warc, "crawl.warc.gz");

    assertThat(ids(sink), hasSize(4));
    assertThat(sink.errors, hasSize(1));
    assertThat(sink.errors.get(0).getLocation(), equalTo("record 5"));
    assertThat(sink.errors.get(0).getReason(), equalTo("truncated"));
  }

  @Test
  void nextRecordStartFindsGzipMembersAndWarcLines() throws IOException {
    byte[] plain =
        "WARC/1.1\r\nx\r\n\r\nbody WARC/1.0 inline\r\nWARC/1.0\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(
        WarcRecordReader.nextRecordStart(() -> new java.io.ByteArrayInputStream(plain), 0, false),
        equalTo(0L));
    assertThat(
        "a WARC/ inside a line is no record start",
        WarcRecordReader.nextRecordStart(() -> new java.io.ByteArrayInputStream(plain), 1, false),
        equalTo((long) new String(plain, StandardCharsets.US_ASCII).indexOf("\nWARC/1.0") + 1));
    byte[] gz = {1, 2, 0x1f, (byte) 0x8b, 0x08, 0, 0x1f, (byte) 0x8b, 0x08};
    assertThat(
        WarcRecordReader.nextRecordStart(() -> new java.io.ByteArrayInputStream(gz), 0, true),
        equalTo(2L));
    assertThat(
        WarcRecordReader.nextRecordStart(() -> new java.io.ByteArrayInputStream(gz), 3, true),
        equalTo(6L));
    assertThat(
        WarcRecordReader.nextRecordStart(() -> new java.io.ByteArrayInputStream(gz), 7, true),
        equalTo(-1L));
  }

  /** Writes one response per page; returns each record's start offset. */
  private static long[] write(Path file, WarcCompression compression) throws IOException {
    long[] starts = new long[PAGES.length];
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            compression)) {
      Instant t = Instant.parse("2025-03-01T12:00:00Z");
      for (int i = 0; i < PAGES.length; i++) {
        starts[i] = w.position();
        URI uri = URI.create("https://news.example/" + PAGES[i]);
        w.write(
            new WarcResponse.Builder(uri)
                .date(t)
                .body(
                    new HttpResponse.Builder(200, "OK")
                        .addHeader("Content-Type", "text/html; charset=utf-8")
                        .body(MediaType.parse("text/html; charset=utf-8"), page(PAGES[i]))
                        .build())
                .build());
      }
    }
    return starts;
  }

  private static byte[] page(String name) throws IOException {
    try (java.io.InputStream in =
        WarcFixture.class.getResourceAsStream("fixtures/" + name + ".html")) {
      return in.readAllBytes();
    }
  }

  private static CollectingSink read(Path warc, String relative) {
    CollectingSink sink = new CollectingSink();
    FileRecordReader.Counts counts =
        new FileRecordReader(ReadArticles.DEFAULT_MAX_ARTICLE_BYTES)
            .read(
                new SourceFile(warc.toString(), relative),
                InputFormat.WARC,
                () -> Files.newInputStream(warc),
                sink);
    assertThat(
        "every record is an article, a skip or an error",
        (long) sink.articles.size() + sink.errors.size() + sink.skipped.size(),
        equalTo(counts.records()));
    return sink;
  }

  private static List<String> ids(CollectingSink sink) {
    List<String> out = new ArrayList<>();
    sink.articles.forEach(a -> out.add(a.getId()));
    return out;
  }

  private static List<String> titles(CollectingSink sink) {
    return sink.articles.stream().map(Article::getTitle).toList();
  }
}
