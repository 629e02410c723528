package dev.newsbeam.ingest;

import dev.newsbeam.language.LanguageSettings;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.stage.StageResult;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads article files into {@link Article}s and {@link ErrorRecord}s.
 *
 * <pre>{@code
 * ReadArticles.Result in = pipeline.apply(ReadArticles.from("corpus/,extra/*.jsonl.gz"));
 * PCollection<Article> articles = in.articles();
 * PCollection<ErrorRecord> errors = in.errors();
 * }</pre>
 *
 * <p>Formats are chosen by extension ({@code .txt}, {@code .jsonl}, {@code .ndjson}, {@code .html},
 * {@code .htm}, {@code .warc}), each optionally compressed ({@code .gz}, {@code .bz2}, {@code
 * .zst}). Every input record becomes one article, one error or one counted skip; {@link
 * Result#counts()} carries {@code files}, {@code input_records}, {@code skipped.<reason>}, {@code
 * ingest.blank_lines}, {@code ingest.files_skipped} and {@code ingest.links_skipped} for the
 * manifest.
 *
 * <p>A local file or directory is listed by {@link LocalFileTree} when the pipeline runs: symbolic
 * links are followed, cycles skipped and each real file read once. Globs and remote entries are
 * matched by Beam's filesystems ({@link FileIO#match}).
 *
 * <p>The work is spread before parsing, not after: {@link #planRanges()} cuts big uncompressed
 * JSONL files into line-aligned ranges of about {@link #withChunkBytes chunk bytes} and reshuffles
 * the small range descriptors; each worker then reads and parses its ranges. No article crosses a
 * shuffle here, and the articles, errors and counts are those of reading each file whole.
 */
public final class ReadArticles extends PTransform<PBegin, ReadArticles.Result> {
  /** Default {@code --maxArticleBytes}: 10 MB. */
  public static final long DEFAULT_MAX_ARTICLE_BYTES = 10L * 1024 * 1024;

  static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};
  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};

  private final List<InputSpec> inputs;
  private final long maxArticleBytes;
  private final long chunkBytes;
  private final LanguageSettings languages;

  private ReadArticles(
      List<InputSpec> inputs, long maxArticleBytes, long chunkBytes, LanguageSettings languages) {
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("chunk bytes must be >= 1, not " + chunkBytes);
    }
    this.inputs = List.copyOf(inputs);
    this.maxArticleBytes = maxArticleBytes;
    this.chunkBytes = chunkBytes;
    this.languages = languages;
  }

  /** Reads the comma-separated files, globs and directories of {@code inputs}. */
  public static ReadArticles from(String inputs) {
    return new ReadArticles(
        InputSpec.parseAll(inputs),
        DEFAULT_MAX_ARTICLE_BYTES,
        FileRangePlanner.DEFAULT_CHUNK_BYTES,
        LanguageSettings.defaults());
  }

  public ReadArticles withMaxArticleBytes(long maxArticleBytes) {
    return new ReadArticles(inputs, maxArticleBytes, chunkBytes, languages);
  }

  /** Identifies languages among, and keeps, those of {@code languages}. */
  public ReadArticles withLanguages(LanguageSettings languages) {
    return new ReadArticles(inputs, maxArticleBytes, chunkBytes, languages);
  }

  /**
   * The size a range of a big uncompressed JSONL file reaches before it ends at the next newline
   * (default {@link FileRangePlanner#DEFAULT_CHUNK_BYTES}); smaller files are read whole.
   */
  public ReadArticles withChunkBytes(long chunkBytes) {
    return new ReadArticles(inputs, maxArticleBytes, chunkBytes, languages);
  }

  /** The planning half of this read, for a stage that reads the ranges itself. */
  public PlanFileRanges planRanges() {
    return PlanFileRanges.of(inputs, chunkBytes);
  }

  @Override
  public Result expand(PBegin begin) {
    PlanFileRanges.Result planned = begin.apply("PlanRanges", planRanges());
    PCollectionTuple parsed =
        planned
            .ranges()
            .apply(
                "ParseRanges",
                ParDo.of(new ParseRangeFn(maxArticleBytes, languages))
                    .withOutputTags(ARTICLES, TupleTagList.of(ERRORS).and(COUNTS)));
    return new Result(
        parsed.get(ARTICLES).setCoder(AvroCoder.of(Article.class)),
        PCollectionList.of(planned.errors())
            .and(parsed.get(ERRORS).setCoder(AvroCoder.of(ErrorRecord.class)))
            .apply("FlattenErrors", Flatten.pCollections()),
        PCollectionList.of(planned.counts())
            .and(parsed.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
            .apply("FlattenCounts", Flatten.pCollections()));
  }

  /** Reads and parses one range of a file. */
  static final class ParseRangeFn extends DoFn<FileRange, Article> {
    private final Counter articlesOut = Metrics.counter(ParseRangeFn.class, "articles");
    private final Counter errorsOut = Metrics.counter(ParseRangeFn.class, "errors");

    private final Counter skippedOut = Metrics.counter(ParseRangeFn.class, "skipped");

    private final long maxArticleBytes;
    private final LanguageSettings languages;
    private transient FileRangeReader reader;

    ParseRangeFn(long maxArticleBytes, LanguageSettings languages) {
      this.maxArticleBytes = maxArticleBytes;
      this.languages = languages;
    }

    @Setup
    public void setup() {
      reader = new FileRangeReader(maxArticleBytes, languages);
    }

    @ProcessElement
    public void process(@Element FileRange range, MultiOutputReceiver out) {
      FileRecordReader.Counts counts =
          reader.read(
              range,
              new RecordSink() {
                @Override
                public void article(Article article) {
                  articlesOut.inc();
                  out.get(ARTICLES).output(article);
                }

                @Override
                public void error(ErrorRecord error) {
                  errorsOut.inc();
                  out.get(ERRORS).output(error);
                }

                @Override
                public void skipped(SkipReason reason) {
                  skippedOut.inc();
                  out.get(COUNTS).output(KV.of(reason.counter(), 1L));
                }
              });
      out.get(COUNTS).output(KV.of("input_records", counts.records()));
      if (counts.blankLines() > 0) {
        out.get(COUNTS).output(KV.of("ingest.blank_lines", counts.blankLines()));
      }
    }
  }

  /** The articles, errors and manifest counts of a read. */
  public static final class Result extends StageResult {
    private final PCollection<ErrorRecord> errors;

    Result(
        PCollection<Article> articles,
        PCollection<ErrorRecord> errors,
        PCollection<KV<String, Long>> counts) {
      super(articles, counts);
      this.errors = with("errors", errors);
    }

    /** Input records that could not become articles, each with its reason. */
    public PCollection<ErrorRecord> errors() {
      return errors;
    }
  }
}
