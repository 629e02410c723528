package dev.newsbeam.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The body rules one by one, each on a small page that needs it. */
class BodyExtractorRulesTest {
  private final BodyExtractor extractor = new BodyExtractor();

  /** Four paragraphs of an article, enough prose to be the page's body. */
  static final String STORY =
      "<p>The district council voted on Tuesday to reopen the riverside library, closed since the"
          + " floods of last winter, after engineers said the building was safe again.</p>"
          + "<p>Repairs to the ground floor, the lift and the heating cost about 1.2 million, most"
          + " of it paid by the insurers, and took longer than planned because of damp.</p>"
          + "<p>Librarians say the children's section will be the first to open, on the first"
          + " Saturday of next month, with story hours and a reading challenge for the holidays.</p>"
          + "<p>The council will decide in the spring whether to move the local archive back into"
          + " the basement, where most of it was stored before the water came in.</p>";

  static final String PROSE_BOX =
      "<p>We have a small favour to ask of you, since millions of people read our reporting, and"
          + " unlike many others we have no owner, which keeps our journalism independent.</p>"
          + "<p>If you can, please support us with a contribution, however big or small, so that"
          + " our reporting stays open for everyone to read. Thank you.</p>";

  private String body(String html) {
    return String.join("\n\n", extractor.extract(Jsoup.parse(html), null));
  }

  @Test
  void aCompoundNameThatSaysCommentsIsBoilerplate() {
    String html =
        "<html><body><div class=post>"
            + STORY
            + "</div><div class=commentbox>"
            + PROSE_BOX.replace("favour", "comment")
            + "</div></body></html>";
    String body = body(html);
    assertThat(body, containsString("riverside library"));
    assertThat(body, not(containsString("favour")));
    assertThat(body, not(containsString("small comment")));
  }

  @Test
  void aCompoundNameThatAlsoSaysContentIsNotRemovedByItsStem() {
    assertThat(BodyExtractor.boilerplateName("commentbox"), equalTo(true));
    assertThat(BodyExtractor.boilerplateName("jp-relatedposts"), equalTo(true));
    assertThat(BodyExtractor.boilerplateName("promocontent"), equalTo(false));
    assertThat(BodyExtractor.boilerplateName("comment-content comments"), equalTo(true));
  }

  @Test
  void aDataAttributeNamesAComponentAsAClassDoes() {
    String html =
        "<html><body><article><div class=x1>"
            + STORY
            + "<div class=x9 data-qa=newsletter-signup-inline>"
            + PROSE_BOX
            + "</div></div></article></body></html>";
    String body = body(html);
    assertThat(body, containsString("riverside library"));
    assertThat(body, not(containsString("favour")));
  }

  @Test
  void theBoxAroundASignupFormGoesWithTheForm() {
    String html =
        "<html><body><article><div class=x1>"
            + STORY.replace(
                "</p><p>Librarians",
                "</p><div class=g7><h4>Get our weekly letter</h4>"
                    + "<p>Our newsletter brings the best of local news, events and reader tips every"
                    + " Thursday morning.</p><form><input type=email><button>Sign up</button></form>"
                    + "</div><p>Librarians")
            + "</div></article></body></html>";
    String body = body(html);
    assertThat(body, containsString("Librarians say"));
    assertThat(body, not(containsString("weekly letter")));
    assertThat(body, not(containsString("Thursday morning")));
  }

  @Test
  void aSiblingJoinsForItsProseNotForItsName() {
    // the appeal's wrapper says "body" in its name; its two paragraphs are not the article's
    String html =
        "<html><body><div class=wrap><div id=maincontent class=article-text>"
            + STORY
            + STORY.replace("district", "county")
            + "</div><div id=slot-body-end><div class=epic>"
            + PROSE_BOX
            + "</div></div></div></body></html>";
    String body = body(html);
    assertThat(body, containsString("county council"));
    assertThat(body, not(containsString("favour")));
  }

  @Test
  void aStyledLineAboveBrSeparatedTextIsABlockOfItsOwn() {
    String html =
        "<html><body><table><tr><td class=main><font size=+2><b>Regal cinema to close after 89"
            + " years</b></font><br><font size=-1>By Hannah Greaves<br>Published: 12/11/2025</font>"
            + "<br><br>The county's oldest cinema will close at the end of the month after its owners"
            + " said they could no longer cover the cost of heating it.<br><br>The Regal opened in"
            + " 1936 and has been run by the same family for three generations since then.<br><br>"
            + "A campaign group says it has collected more than 2,000 signatures to save it."
            + "</td></tr></table></body></html>";
    List<String> paragraphs =
        extractor.extract(Jsoup.parse(html), "Regal cinema to close after 89 years");
    assertThat(
        paragraphs.get(0),
        equalTo(
            "The county's oldest cinema will close at the end of the month after its owners said they"
                + " could no longer cover the cost of heating it."));
    assertThat(paragraphs.size(), equalTo(3));
  }

  @Test
  void aDoubleBreakEndsAShortParagraph() {
    String html =
        "<html><body><div class=post>"
            + STORY
            + "<div class=note>The fair runs through Tuesday.<br><br>Gates open at 8 a.m."
            + " daily.</div></div></body></html>";
    List<String> paragraphs = extractor.extract(Jsoup.parse(html), null);
    assertThat(paragraphs.get(paragraphs.size() - 2), equalTo("The fair runs through Tuesday."));
    assertThat(paragraphs.get(paragraphs.size() - 1), equalTo("Gates open at 8 a.m. daily."));
  }

  @Test
  void aPullQuoteIsNotRepeated() {
    // a pull quote repeats a sentence of the body in large type
    String html =
        "<html><body><div class=post>"
            + STORY.replace(
                "<p>Librarians",
                "<blockquote class=td_pull_quote><p>Repairs took longer than planned because of"
                    + " damp, and the insurers paid for most of them.</p></blockquote><p>Librarians")
            + "</div></body></html>";
    String body = body(html);
    assertThat(body, containsString("Librarians say"));
    assertThat(body, not(containsString("insurers paid")));
  }

  @Test
  void aBylineLineIsNotBodyText() {
    String html =
        "<html><body><div class=post><div>By Jane Roe and Richard Miles, Staff Writers</div>"
            + STORY
            + "</div></body></html>";
    String body = body(html);
    assertThat(body, containsString("riverside library"));
    assertThat(body, not(containsString("Jane Roe")));
  }
}
