package dev.newsbeam.html;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes the small WARC.gz of the tests with jwarc's writer, from the fixture pages: for each of
 * {@link #PAGES} a request and its response; then a revisit, a PDF response, a metadata record, a
 * 404 response, and last a response cut off in the middle of its gzip member.
 */
public final class WarcFixture {
  /** The pages whose responses the archive holds, in order. */
  public static final String[] PAGES = {
    "jsonld-several-authors", "opengraph-only", "german", "section-front", "microdata"
  };

  /** Records in the archive: a request and a response per page, five more, the truncated one. */
  public static final int RECORDS = 2 * PAGES.length + 4 + 1;

  private WarcFixture() {}

  /** Writes the archive to {@code file}. */
  public static void write(Path file) throws IOException {
    Path whole = file.resolveSibling(file.getFileName() + ".whole");
    long lastStart;
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(
                whole,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            WarcCompression.GZIP)) {
      Instant t = Instant.parse("2025-03-01T12:00:00Z");
      for (int i = 0; i < PAGES.length; i++) {
        String uri = "https://news.example/" + PAGES[i];
        w.write(request(uri, t));
        w.write(response(uri, t, 200, "text/html; charset=utf-8", Fixtures.html(PAGES[i])));
      }
      w.write(
          new WarcRevisit.Builder(
                  URI.create("https://news.example/jsonld-several-authors"),
                  WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
              .date(t)
              .body(
                  new HttpResponse.Builder(200, "OK")
                      .addHeader("Content-Type", "text/html")
                      .build())
              .build());
      w.write(
          response(
              "https://news.example/report.pdf",
              t,
              200,
              "application/pdf",
              "%PDF-1.4 not really a report".getBytes(StandardCharsets.US_ASCII)));
      w.write(
          new WarcMetadata.Builder()
              .targetURI(URI.create("https://news.example/german"))
              .date(t)
              .fields(Map.of("fetchTimeMs", List.of("412")))
              .build());
      w.write(
          response(
              "https://news.example/missing",
              t,
              404,
              "text/html",
              "<html><body><h1>Not found</h1></body></html>".getBytes(StandardCharsets.UTF_8)));
      lastStart = w.position();
      w.write(
          response(
              "https://news.example/cut-off", t, 200, "text/html", Fixtures.html("microdata")));
    }
    byte[] bytes = Files.readAllBytes(whole);
    Files.delete(whole);
    // the last record loses the second half of its gzip member: a download that broke off
    long cut = lastStart + (bytes.length - lastStart) / 2;
    Files.write(file, Arrays.copyOf(bytes, (int) cut));
  }

  private static WarcRequest request(String uri, Instant t) throws IOException {
    return new WarcRequest.Builder(URI.create(uri))
        .date(t)
        .body(
            new HttpRequest.Builder("GET", URI.create(uri).getPath())
                .addHeader("Host", "news.example")
                .build())
        .build();
  }

  private static WarcResponse response(String uri, Instant t, int status, String type, byte[] body)
      throws IOException {
    return new WarcResponse.Builder(URI.create(uri))
        .date(t)
        .body(
            new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .addHeader("Content-Type", type)
                .body(MediaType.parse(type), body)
                .build())
        .build();
  }
}
