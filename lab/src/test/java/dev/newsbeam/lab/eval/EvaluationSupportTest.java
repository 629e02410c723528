package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;

import dev.newsbeam.schema.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationSupportTest {
  @Test
  void reutersMappingSendsEveryLabelToATopLevelCode() {
    LabelMapping m = LabelMapping.reuters();
    assertThat(m.codes(List.of("earn")), contains("medtop:04000000"));
    assertThat(
        m.codes(List.of("jobs", "trade")),
        containsInAnyOrder("medtop:09000000", "medtop:04000000"));
  }

  @Test
  void mappingWithoutFallbackIgnoresUnknownLabels() {
    LabelMapping m = LabelMapping.parse("# comment\nsoccer\tmedtop:15000000\n");
    assertThat(m.codes(List.of("soccer", "chess")), contains("medtop:15000000"));
    assertThat(m.codes(List.of("chess")), empty());
  }

  @Test
  void readsOnlyLabelledRecordsAndSplitsByDate(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.jsonl");
    Files.writeString(
        f,
        String.join(
            "\n",
            "{\"id\": \"d\", \"date\": \"2024-01-04\", \"title\": \"D\", \"text\": \"four\", \"labels\": [\"x\"]}",
            "{\"id\": \"a\", \"date\": \"2024-01-01\", \"title\": \"A\", \"text\": \"one\", \"labels\": [\"x\", \"y\"]}",
            "{\"id\": \"u\", \"date\": \"2024-01-02\", \"title\": \"U\", \"text\": \"unlabelled\", \"labels\": []}",
            "{\"id\": \"c\", \"date\": \"2024-01-03\", \"title\": \"C\", \"text\": \"three\", \"labels\": [\"y\"]}",
            "",
            "{\"id\": \"b\", \"date\": \"2024-01-02\", \"title\": \"B\", \"text\": \"two\", \"labels\": [\"x\"]}"));
    List<Article> labelled = LabelledCorpus.readLabelled(f);
    assertThat(labelled, hasSize(4));
    LabelledCorpus.Split split = LabelledCorpus.byDate(labelled, 0.75);
    assertThat(split.train().stream().map(Article::getId).toList(), contains("a", "b", "c"));
    assertThat(split.test().stream().map(Article::getId).toList(), contains("d"));
    assertThat(
        split.test().get(0).getPublishedDate(), org.hamcrest.Matchers.is(LocalDate.of(2024, 1, 4)));
  }

  @Test
  void kFoldsPutEveryArticleInOneTestFoldAndKeepAGroupTogether() {
    List<Article> labelled = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      labelled.add(
          Article.newBuilder()
              .setId("a" + i)
              .setSource("test:a" + i)
              .setInputFormat("jsonl")
              .setTitle("t")
              .setText("x")
              .setPublishedDate(LocalDate.of(2024, 1, 1))
              .setLabels(List.of("x"))
              .build());
    }
    // groups of four consecutive articles, as if each were a story and its three wire copies
    java.util.function.Function<Article, String> group =
        a -> "g" + (Integer.parseInt(a.getId().substring(1)) / 4);
    List<LabelledCorpus.Split> folds = LabelledCorpus.kFolds(labelled, 5, group);
    assertThat(folds, hasSize(5));
    java.util.Map<String, Integer> testFold = new java.util.HashMap<>();
    for (int f = 0; f < folds.size(); f++) {
      LabelledCorpus.Split s = folds.get(f);
      assertThat(s.train().size() + s.test().size(), org.hamcrest.Matchers.is(200));
      assertThat(s.test(), org.hamcrest.Matchers.not(empty()));
      for (Article a : s.test()) {
        assertThat(
            a.getId() + " in two test folds",
            testFold.put(a.getId(), f),
            org.hamcrest.Matchers.nullValue());
        assertThat(s.train(), org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(a)));
      }
    }
    assertThat(testFold.size(), org.hamcrest.Matchers.is(200));
    for (Article a : labelled) {
      int first = Integer.parseInt(a.getId().substring(1)) / 4 * 4;
      assertThat(testFold.get(a.getId()), org.hamcrest.Matchers.is(testFold.get("a" + first)));
    }
  }
}
