package dev.newsbeam.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The metadata rules for pages that state little in markup, one by one. */
class MetadataReaderRulesTest {
  private final MetadataReader reader = new MetadataReader();

  private PageMetadata read(String html) {
    return reader.read(Jsoup.parse(html), null);
  }

  @Test
  void theTitlePartPrintedOnThePageIsTheHeadline() {
    PageMetadata m =
        read(
            "<html><head><title>Ashby Evening Post - Regal cinema to close after 89 years</title>"
                + "</head><body><div class=logo>Ashby Evening Post</div><font size=+2><b>Regal"
                + " cinema to close after 89 years</b></font><p>Text.</p></body></html>");
    assertThat(m.title(), equalTo("Regal cinema to close after 89 years"));
  }

  @Test
  void aTitlePrintedWholeOrNotAtAllStaysWhole() {
    assertThat(
        read("<html><head><title>Rail strike: talks collapse</title></head><body><div>Rail"
                + " strike: talks collapse</div><div>Rail strike</div></body></html>")
            .title(),
        equalTo("Rail strike: talks collapse"));
    assertThat(
        read("<html><head><title>Post - Cinema to close after 89 years</title></head><body>"
                + "<p>Nothing of it here.</p></body></html>")
            .title(),
        equalTo("Post - Cinema to close after 89 years"));
  }

  @Test
  void aLabelledVisibleDateIsRead() {
    assertThat(
        read("<html><body><font>By A B<br>Published: 12/11/2025</font></body></html>").published(),
        equalTo("2025-11-12"));
    assertThat(
        read("<html lang=en-US><body><span>Published: 12/11/2025</span></body></html>").published(),
        equalTo("2025-12-11"));
    assertThat(
        read("<html><body><div>Posted on March 3, 2025 by Walt Jensen</div></body></html>")
            .published(),
        equalTo("2025-03-03"));
    assertThat(
        read("<html><body><div>Published 24. April 2025</div><p>On 3 May 2025 we met.</p>"
                + "</body></html>")
            .published(),
        nullValue());
    assertThat(
        "a labelled day that does not exist is passed over for the next one",
        read("<html><body><div>Date: 30/02/2025</div><div>Published: 3 March 2025</div>"
                + "</body></html>")
            .published(),
        equalTo("2025-03-03"));
  }

  @Test
  void aBylineLineWithoutMarkupIsRead() {
    PageMetadata m =
        read(
            "<html><body><nav><div>By Car</div></nav><font size=-1>By Hannah Greaves<br>Published:"
                + " 12/11/2025</font><p>The text.</p></body></html>");
    assertThat(m.visibleByline(), equalTo("By Hannah Greaves"));
    assertThat(
        read("<html><body><div>Posted on March 3, 2025 by Walt Jensen</div></body></html>")
            .visibleByline(),
        equalTo("By Walt Jensen"));
    assertThat(
        read("<html><body><p>By the time the train left, it was dark.</p></body></html>")
            .visibleByline(),
        nullValue());
  }

  @Test
  void anOrganizationAsAuthorGivesWayToAPrintedPerson() {
    String ld =
        "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"H\","
            + "\"author\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"Northvale News\"}}"
            + "</script>";
    PageMetadata printed =
        read("<html><head>" + ld + "</head><body><div class=x>By Priya Sharma</div></body></html>");
    assertThat(printed.authors(), equalTo(List.of()));
    assertThat(printed.visibleByline(), equalTo("By Priya Sharma"));
    PageMetadata none = read("<html><head>" + ld + "</head><body><p>Text.</p></body></html>");
    assertThat(none.authors(), equalTo(List.of("Northvale News")));
  }

  @Test
  void aStructuredNameLosesAPrintedBy() {
    PageMetadata m =
        read(
            "<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":"
                + "[{\"@type\":\"Person\",\"name\":\"By Tom Reyes\"}]}</script></head></html>");
    assertThat(m.authors(), equalTo(List.of("Tom Reyes")));
  }
}
