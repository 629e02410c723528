package dev.newsbeam.lab.html;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
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
 * Composes a crawl-like WARC.gz from pages: per page a request and its response, cycling the pages;
 * every {@link #REVISIT_EVERY}th capture a revisit after it, every {@link #PDF_EVERY}th a PDF
 * response, every {@link #METADATA_EVERY}th a metadata record. What a reader should make of it
 * follows from the counts ({@link Composed}).
 */
public final class WarcComposer {
  static final int REVISIT_EVERY = 20;
  static final int PDF_EVERY = 25;
  static final int METADATA_EVERY = 50;

  /** What was written. */
  public record Composed(long records, long responses, long htmlResponses, long bytes) {}

  private WarcComposer() {}

  /** Writes {@code captures} HTML captures of {@code pages} (cycled) and the extra records. */
  public static Composed write(List<byte[]> pages, int captures, Path file) throws IOException {
    long records = 0;
    long responses = 0;
    Instant t = Instant.parse("2025-03-01T00:00:00Z");
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            WarcCompression.GZIP)) {
      for (int i = 1; i <= captures; i++) {
        String uri = "https://composed.example/page/" + i;
        Instant at = t.plusSeconds(i);
        w.write(
            new WarcRequest.Builder(URI.create(uri))
                .date(at)
                .body(
                    new HttpRequest.Builder("GET", "/page/" + i)
                        .addHeader("Host", "composed.example")
                        .build())
                .build());
        w.write(response(uri, at, "text/html; charset=utf-8", pages.get((i - 1) % pages.size())));
        records += 2;
        responses++;
        if (i % REVISIT_EVERY == 0) {
          w.write(
              new WarcRevisit.Builder(URI.create(uri), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                  .date(at.plusSeconds(3600))
                  .body(
                      new HttpResponse.Builder(200, "OK")
                          .addHeader("Content-Type", "text/html")
                          .build())
                  .build());
          records++;
        }
        if (i % PDF_EVERY == 0) {
          w.write(
              response(
                  "https://composed.example/doc/" + i + ".pdf",
                  at,
                  "application/pdf",
                  ("%PDF-1.4 composed document " + i).getBytes(StandardCharsets.US_ASCII)));
          records++;
          responses++;
        }
        if (i % METADATA_EVERY == 0) {
          w.write(
              new WarcMetadata.Builder()
                  .targetURI(URI.create(uri))
                  .date(at)
                  .fields(Map.of("fetchTimeMs", List.of(String.valueOf(i % 900))))
                  .build());
          records++;
        }
      }
    }
    return new Composed(records, responses, captures, Files.size(file));
  }

  private static WarcResponse response(String uri, Instant at, String type, byte[] body)
      throws IOException {
    return new WarcResponse.Builder(URI.create(uri))
        .date(at)
        .body(
            new HttpResponse.Builder(200, "OK")
                .addHeader("Content-Type", type)
                .body(MediaType.parse(type), body)
                .build())
        .build();
  }
}
