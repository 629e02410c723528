package dev.newsbeam.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.byline.ArticleBylines;
import dev.newsbeam.byline.Person;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture page against its expected extraction: kind, headline, date, authors (after the
 * byline parser, as the pipeline credits them), site, and the body by shingle F1.
 */
class ArticleExtractorTest {
  /** Each fixture's body must reach this F1 against the body written for it. */
  static final double MIN_BODY_F1 = 0.9;

  private final ArticleExtractor extractor = new ArticleExtractor();
  private final ArticleBylines bylines = ArticleBylines.withBundledOutlets();

  static Stream<String> articles() {
    return Fixtures.NAMES.stream()
        .filter(n -> Fixtures.expected(n).path("kind").asText().equals("article"));
  }

  @ParameterizedTest
  @MethodSource("articles")
  void extractsTheArticle(String name) {
    byte[] html = Fixtures.html(name);
    JsonNode want = Fixtures.expected(name);

    ExtractedPage page = extractor.extract(html, html.length, null, null);

    assertThat(name, page.kind(), equalTo(ExtractedPage.Kind.ARTICLE));
    PageMetadata m = page.metadata();
    assertThat("title", m.title(), equalTo(want.path("title").asText()));
    assertThat("date", m.published().substring(0, 10), equalTo(want.path("date").asText()));
    List<String> authors =
        bylines.parse(page.bylineRaw(), page.body(), m.site()).authors().stream()
            .filter(p -> p.role().equals(Person.AUTHOR))
            .map(Person::name)
            .toList();
    assertThat("authors", authors, equalTo(Fixtures.strings(want.path("authors"))));
    if (!want.path("site").isNull()) {
      assertThat("site", m.site(), equalTo(want.path("site").asText()));
    }
    ShingleScore score = ShingleScore.of(page.body(), want.path("body").asText());
    assertThat(name + " body F1 " + score, score.f1(), greaterThanOrEqualTo(MIN_BODY_F1));
  }

  @Test
  void aSectionFrontIsNoArticle() {
    byte[] html = Fixtures.html("section-front");
    assertThat(
        extractor.extract(html, html.length, null, null).kind(),
        equalTo(ExtractedPage.Kind.NOT_ARTICLE));
  }

  @Test
  void aPageWithoutProseHasAnEmptyBody() {
    byte[] html =
        "<html><head><title>Gallery</title></head><body><img src=a.jpg><p>Photo 1 of 9</p></body></html>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(
        extractor.extract(html, html.length, null, null).kind(),
        equalTo(ExtractedPage.Kind.EMPTY_BODY));
  }

  @Test
  void theTargetUriStandsInForAMissingUrlAndGivesTheSite() {
    byte[] html = Fixtures.html("visible-byline");
    ExtractedPage page =
        extractor.extract(html, html.length, null, "https://www.westmere-gazette.example/n/1");
    assertThat(page.metadata().url(), equalTo("https://www.westmere-gazette.example/n/1"));
    assertThat(page.metadata().site(), equalTo("westmere-gazette.example"));
  }

  @Test
  void theHttpCharsetDecidesTheDecoding() {
    byte[] latin1 =
        "<html><body><article><p>Caf\u00e9 owners in the old town say the new parking rules, which start next week, will drive away the customers they rely on in winter.</p><p>The council says it will review the rules after six months and publish the figures it collects.</p></article></body></html>"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ExtractedPage page = extractor.extract(latin1, latin1.length, "ISO-8859-1", null);
    assertThat(page.body().contains("Caf\u00e9 owners"), is(true));
  }

  @Test
  void theDeclaredLanguageIsReadAsAHint() {
    byte[] html = Fixtures.html("german");
    PageMetadata m = extractor.extract(html, html.length, null, null).metadata();
    assertThat(m.lang(), equalTo("de"));
    assertThat(m.articleTyped(), is(true));
    assertThat(m.url(), not(nullValue()));
  }
}
