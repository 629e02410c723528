package dev.newsbeam.lab.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import dev.newsbeam.html.ShingleScore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test of {@code eval-extraction} and of the evaluation's scoring. */
class EvalExtractionCommandTest {
  static final Path FIXTURES = Path.of("..", ExtractionSet.FIXTURES).toAbsolutePath().normalize();

  /** Large CMS-style pages the extractor was tuned on (the held-out pages are not scored here). */
  static final Path DEV = Path.of("src/test/resources/extraction-dev").toAbsolutePath();

  static final Path HELD_OUT = Path.of("src/test/resources/extraction-heldout").toAbsolutePath();

  /**
   * The dev set's body F1 may not fall below this: a rule that breaks one of its pages shows here.
   * It is a floor under the tuned figure, not a target.
   */
  static final double DEV_MIN_BODY_F1 = 0.95;

  @Test
  void scoresTheFixturesAndPrintsALinePerPage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        EvalExtractionCommand.run(
            new String[] {"--pages=" + FIXTURES, "--extractors=newsbeam"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed, rc, equalTo(0));
    assertThat(printed, containsString("newsbeam       body P"));
    assertThat(printed, containsString("section-front"));
  }

  @Test
  void theDevSetStaysAboveItsFloor() throws Exception {
    ExtractionEvaluation.Summary s =
        ExtractionEvaluation.evaluate(ExtractionSet.read(DEV), Extractors.newsbeam());
    assertThat(s.articles(), equalTo(8));
    assertThat("dev body F1", s.f1(), greaterThanOrEqualTo(DEV_MIN_BODY_F1));
  }

  @Test
  void theHeldOutPagesAreReadable() throws Exception {
    ExtractionSet set = ExtractionSet.read(HELD_OUT);
    for (ExtractionSet.Page p : set.pages()) {
      assertThat(p.name(), p.article(), equalTo(true));
      assertThat(p.name(), p.expected().path("body").asText().isEmpty(), equalTo(false));
    }
  }

  @Test
  void theEvaluationAveragesPerArticlePage(@TempDir Path dir) throws Exception {
    String body = "The first paragraph of the story has enough words to be scored here.";
    Files.writeString(
        dir.resolve("a.html"),
        "<html><head><title>T</title></head><body><article><p>"
            + body
            + " It goes on for a while so that the page is an article with a body of more than"
            + " twenty-five words.</p></article></body></html>");
    Files.writeString(
        dir.resolve("a.expected.json"),
        "{\"kind\": \"article\", \"title\": \"T\", \"date\": \"2025-01-01\", \"authors\": [],"
            + " \"language\": \"en\", \"body\": \""
            + body
            + "\"}");
    ExtractionEvaluation.Summary s =
        ExtractionEvaluation.evaluate(ExtractionSet.read(dir), Extractors.newsbeam());
    assertThat(s.articles(), equalTo(1));
    assertThat(s.titleAccuracy(), equalTo(1.0));
    assertThat(s.dateAccuracy(), equalTo(0.0));
    assertThat(s.recall(), equalTo(1.0));
    assertThat(s.precision(), lessThan(1.0)); // the page says more than the expected body
    assertThat(s.precision(), greaterThan(0.0));
    assertThat(ShingleScore.of("a b c d e", "a b c d e").f1(), equalTo(1.0));
    assertThat(List.of(s.perPage().get(0).name()), equalTo(List.of("a")));
  }
}
