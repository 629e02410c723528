package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-topics writes the model where --topicModel says, and the pipeline reads it from there. */
class TrainTopicsCommandTest {
  @Test
  void aModelTrainedOnLabelledArticlesTagsThePipelinesArticles(@TempDir Path tmp)
      throws IOException {
    Path jsonl = Outputs.testdata().resolve("jsonl");
    Path model = tmp.resolve("model");
    Outputs.Run train =
        Outputs.main("train-topics", "--input=" + jsonl, "--topicModel=" + model, "--folds=2");
    assertThat(train.stderr(), train.exitCode(), equalTo(0));
    assertThat(Files.isRegularFile(model.resolve("topic-model.avro")), is(true));

    Path out = tmp.resolve("out");
    Outputs.Run run = Outputs.main("--input=" + jsonl, "--output=" + out, "--topicModel=" + model);
    assertThat(run.stderr(), run.exitCode(), equalTo(0));
    List<Article> articles = Outputs.read(out, "articles", Article.class);
    Set<String> trainingLabels =
        articles.stream().flatMap(a -> a.getLabels().stream()).collect(Collectors.toSet());
    List<String> modelCodes =
        articles.stream()
            .flatMap(a -> a.getTopics().stream())
            .filter(t -> t.getSource().equals("model"))
            .map(Topic::getCode)
            .toList();
    assertThat(modelCodes, not(empty()));
    assertThat(modelCodes, everyItem(is(in(trainingLabels))));
  }
}
