package dev.newsbeam.byline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ArticleBylinesTest {
  private static final ArticleBylines PARSER = ArticleBylines.withBundledOutlets();

  private static final String CNN_STYLE_BODY =
      """
      (CNN) — The harbour authority voted on Tuesday to close the old pier.

      The vote, the first in a decade, followed weeks of protest.

      CNN’s Ingrid Solberg and Tomasz Wielgosz contributed to this report.

      This is a developing story and will be updated.
      """;

  @Test
  void cnnStyleArticle() {
    ArticleBylines.Result r =
        PARSER.parse("By Marisol Etxeberria and Keanu Abernathy, CNN", CNN_STYLE_BODY, null);
    assertThat(
        r.authors(),
        contains(
            new Person("Marisol Etxeberria", "author", "CNN", null),
            new Person("Keanu Abernathy", "author", "CNN", null),
            new Person("Ingrid Solberg", "contributor", "CNN", null),
            new Person("Tomasz Wielgosz", "contributor", "CNN", null)));
    assertThat(r.outlet(), is("CNN"));
    assertThat(r.dateline().agency(), is("CNN"));
    assertThat(r.body(), startsWith("The harbour authority voted"));
    assertThat(r.body(), not(containsString("(CNN) —")));
    assertThat(r.body(), not(containsString("contributed to this report")));
    assertThat(r.body(), containsString("This is a developing story and will be updated."));
  }

  @Test
  void reuters1987StyleArticle() {
    String body =
        "OSLO, March 3 - Norges Bank said it cut its\ndeposit rate.\n    The cut was expected.\n Reuter\n";
    ArticleBylines.Result r = PARSER.parse("By Astrid Fjellheim, Reuter", body, "Reuters");
    assertThat(r.authors(), contains(new Person("Astrid Fjellheim", "author", "Reuters", null)));
    assertThat(r.dateline(), equalTo(new ParsedDateline("OSLO", null, "OSLO, March 3 -")));
    assertThat(
        r.body(),
        equalTo("Norges Bank said it cut its\ndeposit rate.\n    The cut was expected.\n"));
    assertThat(r.signOffRemoved(), is(true));
  }

  @Test
  void outletFallsBackToDatelineAgencyThenSource() {
    assertThat(PARSER.parse(null, "PARIS (AFP) - Le texte.", "Le Monde").outlet(), is("AFP"));
    assertThat(PARSER.parse(null, "Le texte.", "The Associated Press").outlet(), is("AP"));
    assertThat(
        PARSER.parse(null, "Le texte.", "Gazette of Nowhere").outlet(), is("Gazette of Nowhere"));
    assertThat(PARSER.parse(null, "Le texte.", null).outlet(), nullValue());
  }

  @Test
  void unparseableBylineIsFlaggedNotThrown() {
    ArticleBylines.Result r = PARSER.parse("!!! 42 ???", "Body.", null);
    assertThat(r.bylineUnparsed(), is(true));
    assertThat(r.byline().raw(), is("!!! 42 ???"));
    assertThat(r.authors().isEmpty(), is(true));
    assertThat(r.body(), is("Body."));
  }

  /**
   * The project seed, read from the shared folder when it is there (it is not part of the repo).
   */
  @Test
  void projectSeed() throws IOException {
    Path seed = Path.of("..", "..", "shared", "seed", "cnn-2025-02-12-trump-putin-call.txt");
    if (!Files.exists(seed)) {
      seed = Path.of("..", "shared", "seed", "cnn-2025-02-12-trump-putin-call.txt");
    }
    Assumptions.assumeTrue(Files.exists(seed), "seed not available");
    String all = Files.readString(seed);
    int newline = all.indexOf('\n');
    String byline = all.substring(0, newline).replaceFirst("^\\s*date \\S+ ", "");
    ArticleBylines.Result r = PARSER.parse(byline, all.substring(newline + 1), null);
    assertThat(
        r.authors().stream().map(p -> p.name() + "/" + p.role()).toList(),
        contains(
            "Kaitlan Collins/author",
            "Kevin Liptak/author",
            "Anna Chernova/contributor",
            "Christian Edwards/contributor"));
    assertThat(r.outlet(), is("CNN"));
    assertThat(r.dateline().agency(), is("CNN"));
    assertThat(r.body(), not(containsString("(CNN) —")));
    assertThat(r.body(), not(containsString("contributed to this report")));
  }
}
