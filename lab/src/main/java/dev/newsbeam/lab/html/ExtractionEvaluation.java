package dev.newsbeam.lab.html;

import dev.newsbeam.html.ShingleScore;
import dev.newsbeam.language.LanguageIdentifier;
import dev.newsbeam.language.LanguageSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores an extractor on an {@link ExtractionSet}: per page the body's shingle precision, recall
 * and F1 ({@link ShingleScore}), whether title, date and the author list are exactly right, whether
 * an article was told from a non-article, and the language identified (the product's {@link
 * LanguageIdentifier} on the extracted title and body, with the page's declared language as hint).
 * Body scores average over the article pages; a non-article page that is extracted as an article
 * counts as a kind error only.
 */
public final class ExtractionEvaluation {
  /** One page's scores. */
  public record PageScore(
      String name,
      boolean kindRight,
      ShingleScore body,
      boolean titleRight,
      boolean dateRight,
      boolean authorsRight,
      String language,
      boolean languageRight) {}

  /** Averages over the article pages. */
  public record Summary(
      int pages,
      int articles,
      double kindAccuracy,
      double precision,
      double recall,
      double f1,
      double titleAccuracy,
      double dateAccuracy,
      double authorAccuracy,
      double languageAccuracy,
      List<PageScore> perPage) {}

  private ExtractionEvaluation() {}

  public static Summary evaluate(ExtractionSet set, Extractors.Extractor extractor) {
    LanguageIdentifier languages =
        LanguageIdentifier.shared(LanguageSettings.defaults().candidates());
    List<PageScore> scores = new ArrayList<>();
    int articles = 0;
    int kinds = 0;
    double p = 0;
    double r = 0;
    double f = 0;
    int titles = 0;
    int dates = 0;
    int authors = 0;
    int langs = 0;
    for (ExtractionSet.Page page : set.pages()) {
      Extractors.Result got = extractor.extract(page.html());
      boolean kindRight = got.article() == page.article();
      if (kindRight) {
        kinds++;
      }
      if (!page.article()) {
        scores.add(new PageScore(page.name(), kindRight, null, true, true, true, null, true));
        continue;
      }
      articles++;
      var want = page.expected();
      ShingleScore body =
          ShingleScore.of(got.article() ? got.body() : "", want.path("body").asText());
      p += body.precision();
      r += body.recall();
      f += body.f1();
      boolean title = Objects.equals(got.title(), want.path("title").asText());
      boolean date = Objects.equals(got.date(), want.path("date").asText());
      List<String> wantAuthors = new ArrayList<>();
      want.path("authors").forEach(a -> wantAuthors.add(a.asText()));
      boolean auth = got.authors().equals(wantAuthors);
      String text = (got.title() == null ? "" : got.title() + "\n") + got.body();
      String lang = languages.identify(text, got.lang()).language();
      boolean langRight = Objects.equals(lang, want.path("language").asText());
      titles += title ? 1 : 0;
      dates += date ? 1 : 0;
      authors += auth ? 1 : 0;
      langs += langRight ? 1 : 0;
      scores.add(new PageScore(page.name(), kindRight, body, title, date, auth, lang, langRight));
    }
    int n = Math.max(1, articles);
    return new Summary(
        set.pages().size(),
        articles,
        (double) kinds / set.pages().size(),
        p / n,
        r / n,
        f / n,
        (double) titles / n,
        (double) dates / n,
        (double) authors / n,
        (double) langs / n,
        scores);
  }
}
