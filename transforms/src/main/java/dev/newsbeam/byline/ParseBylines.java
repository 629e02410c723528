package dev.newsbeam.byline;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.Author;
import dev.newsbeam.schema.Dateline;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Fills each article's {@code authors}, {@code outlet} and {@code dateline} from its raw byline,
 * body and JSONL source, and strips the parsed dateline, credit lines and wire sign-off from {@code
 * text}. {@code byline_raw} is kept as it was; a byline that cannot be read raises the {@code
 * bylines_unparsed} counter, never an exception.
 *
 * <pre>{@code
 * PCollection<Article> ingested = ...;
 * PCollection<Article> credited = ingested.apply("ParseBylines", new ParseBylines());
 * }</pre>
 */
public final class ParseBylines extends PTransform<PCollection<Article>, PCollection<Article>> {

  @Override
  public PCollection<Article> expand(PCollection<Article> articles) {
    return articles
        .apply("ParseBylineDatelineCredits", ParDo.of(new ParseBylinesFn()))
        .setCoder(AvroCoder.of(Article.class));
  }

  /** Parses one article with an {@link ArticleBylines} built once per DoFn instance. */
  static class ParseBylinesFn extends DoFn<Article, Article> {
    private final Counter parsed = Metrics.counter(ParseBylinesFn.class, "bylines_parsed");
    private final Counter unparsed = Metrics.counter(ParseBylinesFn.class, "bylines_unparsed");
    private final Counter noPerson =
        Metrics.counter(ParseBylinesFn.class, "bylines_without_person");
    private final Counter datelines = Metrics.counter(ParseBylinesFn.class, "datelines_removed");
    private final Counter creditLines =
        Metrics.counter(ParseBylinesFn.class, "credit_lines_removed");
    private final Counter signOffs = Metrics.counter(ParseBylinesFn.class, "signoffs_removed");

    private transient ArticleBylines parser;

    @Setup
    public void setup() {
      parser = ArticleBylines.withBundledOutlets();
    }

    @ProcessElement
    public void process(@Element Article article, OutputReceiver<Article> out) {
      ArticleBylines.Result r =
          parser.parse(article.getBylineRaw(), article.getText(), article.getOutlet());
      switch (r.byline().status()) {
        case PEOPLE -> parsed.inc();
        case NO_PERSON -> noPerson.inc();
        case UNPARSED -> unparsed.inc();
        case EMPTY -> {}
      }
      if (r.dateline() != null) {
        datelines.inc();
      }
      creditLines.inc(r.creditLines());
      if (r.signOffRemoved()) {
        signOffs.inc();
      }
      List<Author> authors = r.authorRecords();
      Dateline dateline = r.datelineRecord();
      out.output(
          Article.newBuilder(article)
              .setAuthors(authors)
              .setOutlet(r.outlet())
              .setDateline(dateline)
              .setText(r.body())
              .build());
    }
  }
}
