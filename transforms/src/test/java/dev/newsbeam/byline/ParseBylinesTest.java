package dev.newsbeam.byline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Author;
import dev.newsbeam.schema.Dateline;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/**
 * Runs on the direct runner through a plain {@link Pipeline}: {@code TestPipelineExtension} needs
 * JUnit 4's {@code TestRule} at runtime, which the transforms test classpath does not have yet.
 */
class ParseBylinesTest {

  private static Article article(String id, String byline, String text, String outlet) {
    return Article.newBuilder()
        .setId(id)
        .setSource("in.jsonl:" + id)
        .setInputFormat("jsonl")
        .setBylineRaw(byline)
        .setOutlet(outlet)
        .setText(text)
        .setAuthors(List.of())
        .setLabels(List.of())
        .setTopics(List.of())
        .setExtra(Map.of())
        .build();
  }

  @Test
  void fillsAuthorsOutletDatelineAndCleansText() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Article> out =
        pipeline
            .apply(
                Create.of(
                        article(
                            "a1",
                            "By Marisol Etxeberria, CNN",
                            "(CNN) — The pier closed.\n\nCNN's Ingrid Solberg contributed to this report.\n",
                            null),
                        article(
                            "a2", "!!! ???", "OSLO, March 3 - Rates fell.\n Reuter\n", "Reuters"),
                        article("a3", null, "Plain text.", null))
                    .withCoder(AvroCoder.of(Article.class)))
            .apply("ParseBylines", new ParseBylines())
            .articles();

    PAssert.that(out)
        .satisfies(
            articles -> {
              Map<String, Article> byId = new java.util.HashMap<>();
              articles.forEach(a -> byId.put(a.getId(), a));
              Article a1 = byId.get("a1");
              assertThat(
                  a1.getAuthors(),
                  contains(
                      new Author("Marisol Etxeberria", "author", "CNN", null),
                      new Author("Ingrid Solberg", "contributor", "CNN", null)));
              assertThat(a1.getOutlet(), is("CNN"));
              assertThat(a1.getDateline(), is(new Dateline(null, "CNN", "(CNN) —")));
              assertThat(a1.getText(), is("The pier closed.\n"));
              assertThat(a1.getBylineRaw(), is("By Marisol Etxeberria, CNN"));

              Article a2 = byId.get("a2");
              assertThat(a2.getAuthors().isEmpty(), is(true));
              assertThat(a2.getBylineRaw(), is("!!! ???"));
              assertThat(a2.getOutlet(), is("Reuters"));
              assertThat(a2.getDateline().getLocation(), is("OSLO"));
              assertThat(a2.getText(), is("Rates fell.\n"));

              Article a3 = byId.get("a3");
              assertThat(a3.getDateline(), nullValue());
              assertThat(a3.getOutlet(), nullValue());
              assertThat(a3.getText(), is("Plain text."));
              return null;
            });
    assertThat(out.getCoder() instanceof AvroCoder, is(true));

    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertThat(counter(result, "bylines_unparsed"), is(1L));
    assertThat(counter(result, "bylines_parsed"), is(1L));
    assertThat(counter(result, "datelines_removed"), is(2L));
  }

  private static long counter(PipelineResult result, String name) {
    MetricQueryResults metrics =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(ParseBylines.ParseBylinesFn.class, name))
                    .build());
    return StreamSupport.stream(metrics.getCounters().spliterator(), false)
        .mapToLong(c -> c.getAttempted())
        .sum();
  }
}
