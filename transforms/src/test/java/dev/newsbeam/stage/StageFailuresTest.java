package dev.newsbeam.stage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.newsbeam.byline.ParseBylines;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A per-article stage that throws: the article becomes a stage_failed record, the rest go on. */
@ExtendWith(TestPipelineExtension.class)
class StageFailuresTest {
  private static Article article(String id, String source, String format, String text) {
    return Article.newBuilder()
        .setId(id)
        .setSource(source)
        .setInputFormat(format)
        .setBylineRaw("By Ines Albrecht, Harbor Ledger")
        .setText(text)
        .setAuthors(List.of())
        .setLabels(List.of())
        .setTopics(List.of())
        .setExtra(Map.of())
        .build();
  }

  @Test
  void aThrowingStageRoutesTheArticleToTheHandlerAndKeepsTheOthers(TestPipeline pipeline) {
    PCollection<Article> input =
        pipeline.apply(
            Create.of(
                    article("ok", "/in/ok.txt", "text", "The ferry resumed on Monday."),
                    article("bad", "/in/wire.jsonl:7", "jsonl", "Tolls rose at the bridge."))
                .withCoder(AvroCoder.of(Article.class)));
    ParseBylines.BylinesStep real = new ParseBylines.BylinesStep();
    BadRecordErrorHandler<PCollection<ErrorRecord>> failures =
        pipeline.registerBadRecordErrorHandler(StageFailures.toErrorRecords());
    StageResult parsed =
        input.apply(
            new ParseBylines()
                .withStep(
                    a -> {
                      if (a.getId().equals("bad")) {
                        throw new ArrayIndexOutOfBoundsException("Index 3 out of bounds");
                      }
                      return real.apply(a);
                    })
                .withBadRecordErrorHandler(failures));
    failures.close();

    PAssert.that(
            parsed
                .articles()
                .apply("Ids", MapElements.into(TypeDescriptors.strings()).via(Article::getId)))
        .containsInAnyOrder("ok");
    PAssert.thatSingleton(failures.getOutput())
        .satisfies(
            e -> {
              assertThat(e.getReason(), equalTo("stage_failed"));
              assertThat(e.getStage(), equalTo("bylines"));
              assertThat(e.getArticleId(), equalTo("bad"));
              assertThat(e.getSource(), equalTo("/in/wire.jsonl"));
              assertThat(e.getLocation(), equalTo("line 7"));
              assertThat(e.getMessage(), containsString("ArrayIndexOutOfBoundsException"));
              assertThat(e.getMessage(), containsString("Index 3 out of bounds"));
              assertThat(e.getMessage(), containsString("StageFailuresTest"));
              assertThat(e.getExcerpt(), equalTo("Tolls rose at the bridge."));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aTextArticleKeepsItsPathAsTheSource() {
    FailedArticle f = FailedArticle.of(article("t", "/in/a:1.txt", "text", "x".repeat(1000)));
    assertThat(f.file(), equalTo("/in/a:1.txt"));
    assertThat(f.location(), nullValue());
    assertThat(f.text().length(), equalTo(FailedArticle.TEXT_CHARS));
  }

  @Test
  void theFirstFrameOfTheStackTraceSaysWhereItThrew() {
    String trace =
        "java.lang.IllegalStateException: boom\n"
            + "\tat dev.newsbeam.topics.TopicClassifier.tag(TopicClassifier.java:88)\n"
            + "\tat dev.newsbeam.topics.ArticleTopics.tag(ArticleTopics.java:30)\n";
    assertThat(
        StageFailures.firstFrame(trace),
        equalTo("at dev.newsbeam.topics.TopicClassifier.tag(TopicClassifier.java:88)"));
    assertThat(StageFailures.firstFrame(null), nullValue());
  }
}
