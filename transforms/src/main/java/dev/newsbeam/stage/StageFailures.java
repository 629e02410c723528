package dev.newsbeam.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.ingest.ErrorReason;
import dev.newsbeam.ingest.Errors;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.IOException;
import java.io.Serializable;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.DoFn.MultiOutputReceiver;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.BadRecordRouter;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * Failures as data for the per-article stages, on Beam's {@link ErrorHandler}: an exception while a
 * stage processes one article routes a {@link BadRecord} (the {@link FailedArticle} and the
 * exception) to the pipeline's bad-record handler, and the article leaves the stage's output. The
 * handler's sink, {@link #toErrorRecords()}, turns each into an {@link ErrorRecord} with reason
 * {@code stage_failed}, so an article that failed is counted once, as an error, and the manifest
 * still balances.
 *
 * <p>Without a handler ({@link #none}) a stage throws as any Beam transform does: the router is
 * Beam's throwing one. With one ({@link #to}) the stage's {@link BadRecordRouter#BAD_RECORD_TAG}
 * output is added to it.
 *
 * <pre>{@code
 * try (BadRecordErrorHandler<PCollection<ErrorRecord>> failures =
 *     pipeline.registerBadRecordErrorHandler(StageFailures.toErrorRecords())) {
 *   articles.apply(new ParseBylines().withBadRecordErrorHandler(failures));
 * }
 * }</pre>
 */
public final class StageFailures implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String stage;
  private final BadRecordRouter router;
  private final transient ErrorHandler<BadRecord, ?> handler;

  private StageFailures(String stage, BadRecordRouter router, ErrorHandler<BadRecord, ?> handler) {
    this.stage = stage;
    this.router = router;
    this.handler = handler;
  }

  /** A stage whose exceptions fail the pipeline (no handler). */
  public static StageFailures none(String stage) {
    return new StageFailures(stage, BadRecordRouter.THROWING_ROUTER, null);
  }

  /** A stage whose exceptions become bad records of {@code handler}. */
  public static StageFailures to(String stage, ErrorHandler<BadRecord, ?> handler) {
    return new StageFailures(stage, BadRecordRouter.RECORDING_ROUTER, handler);
  }

  /** The same routing for another stage name. */
  public StageFailures named(String otherStage) {
    return new StageFailures(otherStage, router, handler);
  }

  public String stage() {
    return stage;
  }

  /**
   * Routes the failure of {@code article}: a bad record on the receiver's {@link
   * BadRecordRouter#BAD_RECORD_TAG} output, or the exception rethrown when there is no handler.
   */
  public void route(MultiOutputReceiver out, Article article, Exception failure) throws Exception {
    router.route(out, FailedArticle.of(article), null, failure, stage);
  }

  /** {@link #route} for what a catch clause holds (a {@link StackOverflowError} is wrapped). */
  public void route(MultiOutputReceiver out, Article article, Throwable failure) throws Exception {
    route(
        out,
        article,
        failure instanceof Exception e
            ? e
            : new IllegalStateException(failure.toString(), failure));
  }

  /**
   * Gives the bad records of a stage's {@code outputs} their coder and hands them to the handler
   * (if any). Every DoFn that routes failures lists {@link BadRecordRouter#BAD_RECORD_TAG} among
   * its additional outputs.
   */
  public void collect(PCollectionTuple outputs) {
    PCollection<BadRecord> bad = outputs.get(BadRecordRouter.BAD_RECORD_TAG);
    bad.setCoder(BadRecord.getCoder(bad.getPipeline()));
    if (handler != null) {
      handler.addErrorCollection(bad);
    }
  }

  /** The bad-record sink of the pipeline: each failure as an {@code errors/} record. */
  public static PTransform<PCollection<BadRecord>, PCollection<ErrorRecord>> toErrorRecords() {
    return new ToErrorRecords();
  }

  private static final class ToErrorRecords
      extends PTransform<PCollection<BadRecord>, PCollection<ErrorRecord>> {
    @Override
    public PCollection<ErrorRecord> expand(PCollection<BadRecord> bad) {
      return bad.apply("ToErrorRecords", ParDo.of(new ToErrorRecordFn()))
          .setCoder(AvroCoder.of(ErrorRecord.class));
    }
  }

  static final class ToErrorRecordFn extends DoFn<BadRecord, ErrorRecord> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ProcessElement
    public void process(@Element BadRecord bad, OutputReceiver<ErrorRecord> out)
        throws IOException {
      out.output(errorRecord(bad));
    }
  }

  /** The {@code stage_failed} error record of one bad record routed by a stage. */
  static ErrorRecord errorRecord(BadRecord bad) throws IOException {
    JsonNode article = ToErrorRecordFn.JSON.readTree(bad.getRecord().getHumanReadableJsonRecord());
    BadRecord.Failure failure = bad.getFailure();
    String at = firstFrame(failure.getExceptionStacktrace());
    String message =
        failure.getDescription()
            + " failed: "
            + failure.getException()
            + (at == null ? "" : " (" + at + ")");
    ErrorRecord error =
        Errors.of(
            article.path("file").asText(),
            article.path("location").isTextual() ? article.path("location").asText() : null,
            ErrorReason.STAGE_FAILED,
            message,
            article.path("text").isTextual() ? article.path("text").asText() : null);
    error.setStage(failure.getDescription());
    error.setArticleId(article.path("id").asText());
    return error;
  }

  /** The first {@code at ...} line of a stack trace: where the exception was thrown. */
  static String firstFrame(String stacktrace) {
    if (stacktrace == null) {
      return null;
    }
    for (String line : stacktrace.split("\n", 50)) {
      String l = line.strip();
      if (l.startsWith("at ")) {
        return l;
      }
    }
    return null;
  }
}
