package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.newsbeam.html.WarcFixture;
import dev.newsbeam.language.LanguageSettings;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML files and WARC archives through the file reader: every record an article, skip or error. */
class HtmlAndWarcReadingTest {
  @TempDir Path tmp;

  private static final long MAX = ReadArticles.DEFAULT_MAX_ARTICLE_BYTES;

  @Test
  void anHtmlFileIsOneArticleWithItsLanguageAndSite() throws IOException {
    Path page = copyFixture("jsonld-several-authors", tmp.resolve("water.html"));
    CollectingSink sink = new CollectingSink();
    new FileRecordReader(MAX)
        .read(new SourceFile(page.toString(), "water.html"), InputFormat.HTML, open(page), sink);

    Article a = sink.onlyArticle();
    assertThat(a.getInputFormat(), equalTo("html"));
    assertThat(a.getId(), equalTo("water.html"));
    assertThat(a.getSite(), equalTo("The Valley Courier"));
    assertThat(
        a.getUrl(), equalTo("https://valleycourier.example/news/2025/01/14/water-charges-rise"));
    assertThat(a.getLanguage(), equalTo("en"));
    assertThat(a.getLanguageConfidence(), greaterThan(0.0));
    assertThat(a.getBylineRaw(), equalTo("By Karin Lindqvist, Jonas Berge and Sofia Amrani"));
    assertThat(a.getPublishedDate().toString(), equalTo("2025-01-14"));
    assertThat(a.getText(), startsWith("The Marlow Valley water board voted"));
  }

  @Test
  void aSectionFrontIsASkipNotAnError() throws IOException {
    Path page = copyFixture("section-front", tmp.resolve("front.html"));
    CollectingSink sink = new CollectingSink();
    FileRecordReader.Counts counts =
        new FileRecordReader(MAX)
            .read(
                new SourceFile(page.toString(), "front.html"), InputFormat.HTML, open(page), sink);
    assertThat(counts.records(), equalTo(1L));
    assertThat(sink.articles, hasSize(0));
    assertThat(sink.errors, hasSize(0));
    assertThat(sink.skipped, contains(SkipReason.NOT_ARTICLE));
  }

  @Test
  void everyWarcRecordIsAnArticleASkipOrAnError() throws IOException {
    Path warc = tmp.resolve("crawl.warc.gz");
    WarcFixture.write(warc);
    CollectingSink sink = new CollectingSink();

    FileRecordReader.Counts counts =
        new FileRecordReader(MAX)
            .read(
                new SourceFile(warc.toString(), "crawl.warc.gz"),
                InputFormat.WARC,
                open(warc),
                sink);

    assertThat(counts.records(), equalTo((long) WarcFixture.RECORDS));
    assertThat(
        (long) sink.articles.size() + sink.errors.size() + sink.skipped.size(),
        equalTo(counts.records()));
    assertThat(
        sink.articles.stream().map(Article::getTitle).toList(),
        contains(
            "Water charges to rise 6.5% as valley board approves treatment works overhaul",
            "Mill-based robotics start-up lands recycling contract",
            "Auenfeld stellt alle Straßenlaternen auf LED um",
            "Record basking shark gathering spotted off northern coast"));
    Article german = sink.articles.get(2);
    assertThat(german.getInputFormat(), equalTo("warc"));
    assertThat(german.getLanguage(), equalTo("de"));
    assertThat(german.getId(), equalTo("crawl.warc.gz:6"));
    assertThat(german.getExtra().get("warc_record_id"), startsWith("urn:uuid:"));
    assertThat(
        sink.articles.get(1).getUrl(),
        equalTo("https://nbd.example/tech/lintwood-robotics-recycling-contract"));
    assertThat(
        sink.articles.get(3).getUrl(),
        equalTo("https://coastline.example/nature/basking-sharks-record"));
    assertThat(
        byReason(sink.skipped),
        equalTo(
            new TreeMap<>(
                Map.of(
                    "warc_request", 5L,
                    "not_article", 1L,
                    "warc_revisit", 1L,
                    "not_html", 1L,
                    "warc_metadata", 1L,
                    "http_status", 1L))));
    ErrorRecord cut = sink.errors.get(0);
    assertThat(sink.errors, hasSize(1));
    assertThat(cut.getLocation(), equalTo("record " + WarcFixture.RECORDS));
  }

  @Test
  void aWarcSplitByRecordOffsetsReadsAsTheWholeFile() throws IOException {
    Path warc = tmp.resolve("crawl.warc.gz");
    WarcFixture.write(warc);
    SourceFile file = new SourceFile(warc.toString(), "crawl.warc.gz");
    List<FileRange> ranges =
        FileRangePlanner.plan(file, InputFormat.WARC, true, Files.size(warc), 2048, open(warc));
    assertThat(ranges.size(), greaterThan(2));

    CollectingSink whole = new CollectingSink();
    long wholeRecords =
        new FileRecordReader(MAX).read(file, InputFormat.WARC, open(warc), whole).records();
    CollectingSink parts = new CollectingSink();
    long partRecords = 0;
    FileRangeReader reader = new FileRangeReader(MAX);
    for (FileRange r : ranges) {
      partRecords += reader.read(r, parts).records();
    }
    assertThat(partRecords, equalTo(wholeRecords));
    assertThat(ids(parts.articles), equalTo(ids(whole.articles)));
    assertThat(byReason(parts.skipped), equalTo(byReason(whole.skipped)));
    assertThat(
        parts.errors.stream().map(ErrorRecord::getLocation).toList(),
        equalTo(whole.errors.stream().map(ErrorRecord::getLocation).toList()));
  }

  @Test
  void onlyTheKeptLanguagesStay() throws IOException {
    Path warc = tmp.resolve("crawl.warc.gz");
    WarcFixture.write(warc);
    CollectingSink sink = new CollectingSink();
    new FileRecordReader(MAX, LanguageSettings.withKeep("de"))
        .read(new SourceFile(warc.toString(), "crawl.warc.gz"), InputFormat.WARC, open(warc), sink);
    assertThat(sink.articles.stream().map(Article::getLanguage).toList(), containsInAnyOrder("de"));
    assertThat(byReason(sink.skipped).get("language"), equalTo(3L));
  }

  @Test
  void textAndJsonlArticlesGetALanguageToo() {
    CollectingSink sink = new CollectingSink();
    new FileRecordReader(MAX)
        .read(
            new SourceFile("in/a.jsonl", "a.jsonl"),
            InputFormat.JSONL,
            () ->
                new java.io.ByteArrayInputStream(
                    "{\"text\": \"Die Stadt will bis 2030 alle Straßenlaternen auf sparsame Leuchten umstellen, sagte die Bürgermeisterin am Donnerstag.\"}\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            sink);
    assertThat(sink.onlyArticle().getLanguage(), equalTo("de"));
  }

  private static Map<String, Long> byReason(List<SkipReason> skipped) {
    Map<String, Long> out = new TreeMap<>();
    skipped.forEach(r -> out.merge(r.code(), 1L, Long::sum));
    return out;
  }

  private static List<String> ids(List<Article> articles) {
    List<String> out = new ArrayList<>();
    articles.forEach(a -> out.add(a.getId()));
    return out;
  }

  private static FileRecordReader.Opener open(Path p) {
    return () -> Files.newInputStream(p);
  }

  private static Path copyFixture(String name, Path to) throws IOException {
    try (InputStream in = WarcFixture.class.getResourceAsStream("fixtures/" + name + ".html")) {
      Files.copy(in, to);
    }
    return to;
  }
}
