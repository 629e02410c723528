package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.byline.ParseBylines;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage that throws for one article: the article leaves {@code articles/}, one {@code
 * stage_failed} record says which stage, article and exception, and the manifest still balances.
 */
@ExtendWith(TestPipelineExtension.class)
class StageFailureTest {
  static final String VICTIM = "articles/ap/ap-2025-03-09-boston-half-marathon-record.txt";

  @Test
  void anArticleThatThrowsInAStageBecomesAnErrorRecordAndTheRunGoesOn(
      TestPipeline pipeline, @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    NewsbeamOptions options = pipeline.getOptions().as(NewsbeamOptions.class);
    options.setInput(Outputs.testdata().toString());
    options.setOutput(out.toString());
    ParseBylines.BylinesStep real = new ParseBylines.BylinesStep();
    NewsPipeline.build(
        pipeline,
        Instant.now(),
        a -> {
          if (a.getId().equals(VICTIM)) {
            throw new IllegalStateException("deliberate failure for " + a.getId());
          }
          return real.apply(a);
        });
    assertThat(pipeline.run().waitUntilFinish(), equalTo(PipelineResult.State.DONE));

    List<Article> articles = Outputs.read(out, "articles", Article.class);
    List<ErrorRecord> errors = Outputs.read(out, "errors", ErrorRecord.class);
    assertThat(articles.stream().anyMatch(a -> a.getId().equals(VICTIM)), is(false));
    List<ErrorRecord> failed =
        errors.stream().filter(e -> e.getReason().equals("stage_failed")).toList();
    assertThat(failed.size(), equalTo(1));
    ErrorRecord e = failed.get(0);
    assertThat(e.getStage(), equalTo(ParseBylines.STAGE));
    assertThat(e.getArticleId(), equalTo(VICTIM));
    assertThat(e.getSource(), equalTo(Outputs.testdata().resolve(VICTIM).toString()));
    assertThat(e.getLocation(), equalTo(null));
    assertThat(e.getMessage(), containsString("java.lang.IllegalStateException"));
    assertThat(e.getMessage(), containsString("deliberate failure for " + VICTIM));
    assertThat(e.getExcerpt().isBlank(), is(false));

    // testdata: 52 input records, 44 articles and 8 input errors when nothing fails
    JsonNode counts = Outputs.manifest(out).path("counts");
    assertThat(counts.path("input_records").asLong(), equalTo(52L));
    assertThat(counts.path("articles").asLong(), equalTo(43L));
    assertThat(counts.path("errors").asLong(), equalTo(9L));
    assertThat(counts.path("errors_by_reason").path("stage_failed").asLong(), equalTo(1L));
    assertThat(counts.path("accounting").path("balanced").asBoolean(), is(true));
    assertThat((long) articles.size(), equalTo(43L));
    assertThat((long) errors.size(), equalTo(9L));
  }
}
