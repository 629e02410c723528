package dev.newsbeam.byline;

import dev.newsbeam.schema.Article;
import dev.newsbeam.stage.CountPerBundle;
import dev.newsbeam.stage.StageFailures;
import dev.newsbeam.stage.StageResult;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.BadRecordRouter;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Fills each article's {@code authors}, {@code outlet} and {@code dateline} from its raw byline,
 * body and JSONL source, and strips the parsed dateline, credit lines and wire sign-off from {@code
 * text} ({@link ArticleBylines#apply}). {@code byline_raw} is kept as it was. Counts {@code
 * byline.*} for the manifest ({@link ArticleBylines#counters}).
 *
 * <pre>{@code
 * StageResult credited = ingested.apply("ParseBylines",
 *     new ParseBylines().withBadRecordErrorHandler(failures));
 * credited.articles();   // the articles with authors, outlet and dateline
 * credited.counts();     // byline.with_byline, byline.with_authors, ...
 * }</pre>
 */
public final class ParseBylines extends PTransform<PCollection<Article>, StageResult> {
  public static final String STAGE = "bylines";

  private static final TupleTag<Article> PARSED = new TupleTag<>() {};

  private final SerializableFunction<Article, ArticleBylines.Result> step;
  private final StageFailures failures;

  public ParseBylines() {
    this(new BylinesStep(), StageFailures.none(STAGE));
  }

  private ParseBylines(
      SerializableFunction<Article, ArticleBylines.Result> step, StageFailures failures) {
    this.step = step;
    this.failures = failures;
  }

  /** An article that throws leaves the output as a bad record of {@code handler}. */
  public ParseBylines withBadRecordErrorHandler(ErrorHandler<BadRecord, ?> handler) {
    return new ParseBylines(step, StageFailures.to(STAGE, handler));
  }

  /**
   * The same stage with another per-article parse (tests use one that throws); the default is
   * {@link ArticleBylines#parse(Article)} over the bundled outlet list.
   */
  public ParseBylines withStep(SerializableFunction<Article, ArticleBylines.Result> other) {
    return new ParseBylines(other, failures);
  }

  @Override
  public StageResult expand(PCollection<Article> articles) {
    PCollectionTuple parsed =
        articles.apply(
            "ParseBylineDatelineCredits",
            ParDo.of(new ParseBylinesFn(step, failures))
                .withOutputTags(PARSED, TupleTagList.of(BadRecordRouter.BAD_RECORD_TAG)));
    failures.collect(parsed);
    PCollection<Article> credited = parsed.get(PARSED).setCoder(AvroCoder.of(Article.class));
    return new StageResult(
        credited, credited.apply("CountBylines", CountPerBundle.of(ArticleBylines::counters)));
  }

  /** {@link ArticleBylines#parse(Article)} with one {@link ArticleBylines} per DoFn instance. */
  public static final class BylinesStep
      implements SerializableFunction<Article, ArticleBylines.Result> {
    private transient ArticleBylines parser;

    @Override
    public ArticleBylines.Result apply(Article article) {
      if (parser == null) {
        parser = ArticleBylines.withBundledOutlets();
      }
      return parser.parse(article);
    }
  }

  /** Parses one article; its byline, dateline and credit-line outcomes as metrics. */
  static class ParseBylinesFn extends DoFn<Article, Article> {
    private final Counter parsed = Metrics.counter(ParseBylinesFn.class, "bylines_parsed");
    private final Counter unparsed = Metrics.counter(ParseBylinesFn.class, "bylines_unparsed");
    private final Counter noPerson =
        Metrics.counter(ParseBylinesFn.class, "bylines_without_person");
    private final Counter datelines = Metrics.counter(ParseBylinesFn.class, "datelines_removed");
    private final Counter creditLines =
        Metrics.counter(ParseBylinesFn.class, "credit_lines_removed");
    private final Counter signOffs = Metrics.counter(ParseBylinesFn.class, "signoffs_removed");
    private final SerializableFunction<Article, ArticleBylines.Result> step;
    private final StageFailures failures;

    ParseBylinesFn(
        SerializableFunction<Article, ArticleBylines.Result> step, StageFailures failures) {
      this.step = step;
      this.failures = failures;
    }

    @ProcessElement
    public void process(@Element Article article, MultiOutputReceiver out) throws Exception {
      Article credited;
      ArticleBylines.Result r;
      try {
        r = step.apply(article);
        credited = r.applyTo(article);
      } catch (RuntimeException | StackOverflowError e) {
        failures.route(out, article, e);
        return;
      }
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
      out.get(PARSED).output(credited);
    }
  }
}
