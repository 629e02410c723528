package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Author;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article the project was specified from, through the whole pipeline. */
class SeedArticleTest {
  private static final Path SEED =
      Path.of("..", "..", "shared", "seed").toAbsolutePath().normalize();

  @Test
  void seedBecomesOneFullyParsedArticle(@TempDir Path tmp) throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(SEED), "../shared/seed is not present");
    Outputs.Run run = Outputs.main("--input=" + SEED, "--output=" + tmp.resolve("out"));
    assertThat(run.stderr(), run.exitCode(), equalTo(0));

    List<Article> articles = Outputs.read(tmp.resolve("out"), "articles", Article.class);
    assertThat(articles, hasSize(1));
    Article a = articles.get(0);
    assertThat(a.getPublishedDate(), equalTo(LocalDate.of(2025, 2, 12)));
    assertThat(a.getBylineRaw(), equalTo("By Kaitlan Collins and Kevin Liptak, CNN"));
    assertThat(a.getOutlet(), equalTo("CNN"));
    assertThat(a.getDateline().getAgency(), equalTo("CNN"));
    assertThat(
        a.getAuthors().stream()
            .filter(p -> p.getRole().equals("author"))
            .map(Author::getName)
            .toList(),
        contains("Kaitlan Collins", "Kevin Liptak"));
    assertThat(
        a.getAuthors().stream()
            .filter(p -> p.getRole().equals("contributor"))
            .map(Author::getName)
            .toList(),
        contains("Anna Chernova", "Christian Edwards"));
    assertThat(a.getText(), not(containsString("(CNN) —")));
    assertThat(a.getText(), not(containsString("contributed to this report")));
    assertThat(a.getText(), containsString("President Donald Trump said negotiations"));
  }
}
