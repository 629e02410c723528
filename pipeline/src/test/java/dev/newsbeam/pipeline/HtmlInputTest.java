package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Author;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * {@code ./newsbeam} on the HTML fixtures and a WARC.gz of three of them with a request and a PDF:
 * articles with site, language and authors; the section front and the WARC's request and PDF
 * counted as skips; the manifest balanced.
 */
class HtmlInputTest {
  @TempDir static Path tmp;
  static Outputs.Run run;
  static List<Article> articles;
  static List<ErrorRecord> errors;
  static JsonNode counts;

  static final Path FIXTURES =
      Path.of("..", "transforms/src/test/resources/dev/newsbeam/html/fixtures")
          .toAbsolutePath()
          .normalize();

  @BeforeAll
  static void runPipeline() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    List<Path> pages;
    try (Stream<Path> files = Files.list(FIXTURES)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    for (Path p : pages) {
      Files.copy(p, in.resolve(p.getFileName()));
    }
    Instant t = Instant.parse("2025-03-01T12:00:00Z");
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(
                in.resolve("crawl.warc.gz"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE),
            org.netpreserve.jwarc.WarcCompression.GZIP)) {
      for (String name : List.of("german", "microdata", "live-blog")) {
        String uri = "https://crawl.example/" + name;
        w.write(
            new WarcRequest.Builder(URI.create(uri))
                .date(t)
                .body(new HttpRequest.Builder("GET", "/" + name).build())
                .build());
        w.write(
            response(uri, t, "text/html", Files.readAllBytes(FIXTURES.resolve(name + ".html"))));
      }
      w.write(response("https://crawl.example/a.pdf", t, "application/pdf", new byte[] {'%', 'P'}));
    }
    Path out = tmp.resolve("out");
    run = Outputs.main("--input=" + in, "--output=" + out);
    articles = Outputs.read(out, "articles", Article.class);
    errors = Outputs.read(out, "errors", ErrorRecord.class);
    counts = Outputs.manifest(out).path("counts");
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

  @Test
  void everyRecordIsAnArticleAnErrorOrACountedSkip() {
    assertThat(run.stderr(), run.exitCode(), equalTo(0));
    // 11 pages + 7 WARC records
    assertThat(counts.path("input_records").asLong(), equalTo(18L));
    assertThat(counts.path("articles").asLong(), equalTo((long) articles.size()));
    assertThat(errors.size(), equalTo(0));
    assertThat(counts.path("skipped_by_reason").path("not_article").asLong(), equalTo(1L));
    assertThat(counts.path("skipped_by_reason").path("warc_request").asLong(), equalTo(3L));
    assertThat(counts.path("skipped_by_reason").path("not_html").asLong(), equalTo(1L));
    assertThat(counts.path("skipped").asLong(), equalTo(5L));
    assertThat(articles.size(), equalTo(13));
    assertThat(counts.path("accounting").path("balanced").asBoolean(), is(true));
  }

  @Test
  void articlesCarryFormatLanguageSiteAndAuthors() {
    assertThat(articles.stream().map(Article::getLanguage).toList(), everyItem(notNullValue()));
    assertThat(
        articles.stream().map(Article::getInputFormat).distinct().toList(),
        containsInAnyOrder("html", "warc"));
    Article german = byId("german.html");
    assertThat(german.getLanguage(), equalTo("de"));
    assertThat(german.getSite(), equalTo("Auenfelder Rundschau"));
    assertThat(
        german.getAuthors().stream().map(Author::getName).toList(),
        equalTo(List.of("Lukas Brenner", "Miriam Öztürk")));
    // German terms: German stopwords are no terms (English analysis would keep "die", "und", ...)
    List<String> topTerms = german.getStats().getTopTerms().stream().map(t -> t.getTerm()).toList();
    assertThat(topTerms.isEmpty(), is(false));
    for (String stop : List.of("die", "der", "und", "das", "den", "mit", "von", "für")) {
      assertThat(topTerms, not(hasItem(stop)));
    }
    Article fromWarc = byId("crawl.warc.gz:4");
    assertThat(
        fromWarc.getUrl(), equalTo("https://coastline.example/nature/basking-sharks-record"));
    assertThat(byId("french-blog.html").getLanguage(), equalTo("fr"));
  }

  @Test
  void languagesKeepsOnlyThoseAndCountsTheRest() throws IOException {
    Path out = tmp.resolve("out-de");
    Outputs.Run de =
        Outputs.main("--input=" + tmp.resolve("in"), "--output=" + out, "--languages=de");
    assertThat(de.stderr(), de.exitCode(), equalTo(0));
    List<Article> kept = Outputs.read(out, "articles", Article.class);
    JsonNode c = Outputs.manifest(out).path("counts");
    assertThat(kept.stream().map(Article::getLanguage).distinct().toList(), equalTo(List.of("de")));
    assertThat(kept.size(), equalTo(2));
    assertThat(c.path("skipped_by_reason").path("language").asLong(), equalTo(11L));
    assertThat(c.path("accounting").path("balanced").asBoolean(), is(true));
  }

  private static Article byId(String id) {
    return articles.stream()
        .filter(a -> a.getId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article " + id));
  }
}
