package dev.newsbeam.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A WARC.gz of several thousand records, composed from the HTML fixtures, through the whole
 * pipeline on Flink embedded: split by record offsets, every record an article, a skip or an error,
 * the manifest balanced. Prints the run's MB/s of WARC (measured figures live in BENCHMARKS.md).
 */
class FlinkWarcIT {
  /** HTML captures; with their requests and the PDFs, the archive holds over twice as many. */
  static final int CAPTURES = 2000;

  static final int PDF_EVERY = 25;

  @Test
  void aComposedWarcRunsOnFlinkWithEveryRecordAccountedFor() throws Exception {
    Path dir = Reference.runs().resolve("flink-warc");
    Files.createDirectories(dir);
    Path in = Files.createDirectories(dir.resolve("in"));
    Path warc = in.resolve("composed.warc.gz");
    List<byte[]> pages = fixturePages();
    long records = compose(pages, warc);

    long started = System.nanoTime();
    Engine.Run run =
        Engine.newsbeam(
            dir.resolve("run.log"),
            20,
            "--runner=FlinkRunner",
            "--flinkMaster=[local]",
            "--parallelism=2",
            "--input=" + warc,
            "--output=" + dir.resolve("out"),
            "--overwrite");
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(run.output(), run.exitCode(), equalTo(0));

    JsonNode c = Engine.manifest(dir.resolve("out")).path("counts");
    long articlePages = pages.size() - 1L; // the section front is no article
    long articles = 0;
    for (int i = 0; i < CAPTURES; i++) {
      articles += i % pages.size() < articlePages ? 1 : 0;
    }
    assertThat(c.path("input_records").asLong(), equalTo(records));
    assertThat(c.path("articles").asLong(), equalTo(articles));
    assertThat(c.path("errors").asLong(), equalTo(0L));
    assertThat(c.path("skipped_by_reason").path("warc_request").asLong(), equalTo((long) CAPTURES));
    assertThat(
        c.path("skipped_by_reason").path("not_html").asLong(),
        equalTo((long) CAPTURES / PDF_EVERY));
    assertThat(c.path("accounting").path("balanced").asBoolean(), is(true));
    System.out.printf(
        Locale.ROOT,
        "FlinkWarcIT: %,d records, %.1f MB of WARC.gz in %.1f s wall (JVM start included):"
            + " %.2f MB/s%n",
        records,
        Files.size(warc) / 1e6,
        seconds,
        Files.size(warc) / 1e6 / seconds);
  }

  /** The fixture pages in name order; the section front sorts last of them ("section-front"). */
  private static List<byte[]> fixturePages() throws IOException {
    Path fixtures =
        Engine.home().resolve("transforms/src/test/resources/dev/newsbeam/html/fixtures");
    List<Path> files;
    try (Stream<Path> s = Files.list(fixtures)) {
      files =
          s.filter(p -> p.toString().endsWith(".html"))
              .sorted(
                  (a, b) ->
                      Boolean.compare(isFront(a), isFront(b)) != 0
                          ? Boolean.compare(isFront(a), isFront(b))
                          : a.compareTo(b))
              .toList();
    }
    return files.stream()
        .map(
            p -> {
              try {
                return Files.readAllBytes(p);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .toList();
  }

  private static boolean isFront(Path p) {
    return p.getFileName().toString().startsWith("section-front");
  }

  /** Writes request + response per capture and a PDF every {@link #PDF_EVERY}; returns records. */
  private static long compose(List<byte[]> pages, Path file) throws IOException {
    long records = 0;
    Instant t = Instant.parse("2025-03-01T00:00:00Z");
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            WarcCompression.GZIP)) {
      for (int i = 0; i < CAPTURES; i++) {
        String uri = "https://composed.example/page/" + i;
        w.write(
            new WarcRequest.Builder(URI.create(uri))
                .date(t.plusSeconds(i))
                .body(new HttpRequest.Builder("GET", "/page/" + i).build())
                .build());
        w.write(response(uri, t.plusSeconds(i), "text/html", pages.get(i % pages.size())));
        records += 2;
        if ((i + 1) % PDF_EVERY == 0) {
          w.write(
              response(
                  "https://composed.example/doc/" + i + ".pdf",
                  t.plusSeconds(i),
                  "application/pdf",
                  "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
          records++;
        }
      }
    }
    return records;
  }

  private static WarcResponse response(String uri, Instant t, String type, byte[] body)
      throws IOException {
    return new WarcResponse.Builder(URI.create(uri))
        .date(t)
        .body(
            new HttpResponse.Builder(200, "OK")
                .addHeader("Content-Type", type)
                .body(MediaType.parse(type), body)
                .build())
        .build();
  }
}
