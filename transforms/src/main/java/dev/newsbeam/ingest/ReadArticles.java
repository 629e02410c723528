package dev.newsbeam.ingest;

import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.stage.StageResult;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.LocalResources;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
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
 * <p>Formats are chosen by extension ({@code .txt}, {@code .jsonl}, {@code .ndjson}), each
 * optionally compressed ({@code .gz}, {@code .bz2}, {@code .zst}). Every input record becomes one
 * article or one error; {@link Result#counts()} carries {@code files}, {@code input_records},
 * {@code ingest.blank_lines}, {@code ingest.files_skipped} and {@code ingest.links_skipped} for the
 * manifest.
 *
 * <p>A local file or directory is listed by {@link LocalFileTree} when the pipeline runs: symbolic
 * links are followed, cycles skipped and each real file read once. Globs and remote entries are
 * matched by Beam's filesystems ({@link FileIO#match}).
 */
public final class ReadArticles extends PTransform<PBegin, ReadArticles.Result> {
  /** Default {@code --maxArticleBytes}: 10 MB. */
  public static final long DEFAULT_MAX_ARTICLE_BYTES = 10L * 1024 * 1024;

  /** Default redistribution buckets ({@link #withRedistributeBuckets}). */
  public static final int DEFAULT_REDISTRIBUTE_BUCKETS = 128;

  static final TupleTag<Article> ARTICLES = new TupleTag<>() {};
  static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};
  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};
  static final TupleTag<MatchResult.Metadata> FILES = new TupleTag<>() {};

  private final List<InputSpec> inputs;
  private final long maxArticleBytes;
  private final int redistributeBuckets;

  private ReadArticles(List<InputSpec> inputs, long maxArticleBytes, int redistributeBuckets) {
    if (redistributeBuckets < 1) {
      throw new IllegalArgumentException(
          "redistribute buckets must be >= 1, not " + redistributeBuckets);
    }
    this.inputs = inputs;
    this.maxArticleBytes = maxArticleBytes;
    this.redistributeBuckets = redistributeBuckets;
  }

  /** Reads the comma-separated files, globs and directories of {@code inputs}. */
  public static ReadArticles from(String inputs) {
    return new ReadArticles(
        InputSpec.parseAll(inputs), DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_REDISTRIBUTE_BUCKETS);
  }

  public ReadArticles withMaxArticleBytes(long maxArticleBytes) {
    return new ReadArticles(inputs, maxArticleBytes, redistributeBuckets);
  }

  /**
   * Random-key buckets the parsed articles are spread over (one big file is parsed by one worker).
   * Enough to keep every worker busy; the DirectRunner runs a bundle per bucket in every later
   * stage.
   */
  public ReadArticles withRedistributeBuckets(int buckets) {
    return new ReadArticles(inputs, maxArticleBytes, buckets);
  }

  @Override
  public Result expand(PBegin begin) {
    PCollectionList<Article> articles = PCollectionList.empty(begin.getPipeline());
    PCollectionList<ErrorRecord> errors = PCollectionList.empty(begin.getPipeline());
    PCollectionList<KV<String, Long>> counts = PCollectionList.empty(begin.getPipeline());
    for (int i = 0; i < inputs.size(); i++) {
      InputSpec spec = inputs.get(i);
      Optional<Path> local = spec.localPath();
      PCollection<MatchResult.Metadata> files;
      if (local.isPresent()) {
        PCollectionTuple listed =
            begin
                .apply("NameInput" + i, Create.of(local.get().toString()))
                .apply(
                    "ListInput" + i,
                    ParDo.of(new ListLocalFilesFn())
                        .withOutputTags(FILES, TupleTagList.of(COUNTS)));
        counts =
            counts.and(
                listed.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
        // as FileIO.match does: spread a directory's files over the workers before they are read
        files =
            listed
                .get(FILES)
                .setCoder(MetadataCoderV2.of())
                .apply("SpreadFiles" + i, Reshuffle.viaRandomKey());
      } else {
        files =
            begin.apply(
                "MatchInput" + i,
                FileIO.match()
                    .filepattern(spec.glob())
                    .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW));
      }
      PCollectionTuple parsed =
          files
              .apply(
                  "OpenFiles" + i,
                  FileIO.readMatches()
                      .withCompression(Compression.AUTO)
                      .withDirectoryTreatment(FileIO.ReadMatches.DirectoryTreatment.SKIP))
              .apply(
                  "ParseFiles" + i,
                  ParDo.of(new ParseFileFn(spec, maxArticleBytes))
                      .withOutputTags(ARTICLES, TupleTagList.of(ERRORS).and(COUNTS)));
      articles = articles.and(parsed.get(ARTICLES).setCoder(AvroCoder.of(Article.class)));
      errors = errors.and(parsed.get(ERRORS).setCoder(AvroCoder.of(ErrorRecord.class)));
      counts =
          counts.and(
              parsed.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    }
    return new Result(
        articles
            .apply("FlattenArticles", Flatten.pCollections())
            // one big JSONL file is read by one worker: spread its articles before the heavy
            // stages.
            // Bounded buckets: an unbounded random key makes the DirectRunner run one bundle per
            // article.
            .apply(
                "RedistributeArticles",
                Reshuffle.<Article>viaRandomKey().withNumBuckets(redistributeBuckets)),
        errors.apply("FlattenErrors", Flatten.pCollections()),
        counts.apply("FlattenCounts", Flatten.pCollections()));
  }

  /** Lists a local file or directory, each real file once, as {@link FileIO#match} would. */
  static final class ListLocalFilesFn extends DoFn<String, MatchResult.Metadata> {
    private final Counter linksSkipped = Metrics.counter(ListLocalFilesFn.class, "links_skipped");

    @ProcessElement
    public void process(@Element String path, MultiOutputReceiver out) throws IOException {
      LocalFileTree tree = LocalFileTree.list(Paths.get(path));
      for (LocalFileTree.File f : tree.files()) {
        out.get(FILES)
            .output(
                MatchResult.Metadata.builder()
                    // the resource id FileIO.match gives a local file: its absolute path
                    .setResourceId(LocalResources.fromPath(f.path(), false))
                    .setIsReadSeekEfficient(true)
                    .setSizeBytes(f.sizeBytes())
                    .setLastModifiedMillis(f.lastModifiedMillis())
                    .build());
      }
      if (tree.linksSkipped() > 0) {
        linksSkipped.inc(tree.linksSkipped());
        out.get(COUNTS).output(KV.of("ingest.links_skipped", tree.linksSkipped()));
      }
    }
  }

  /** Parses one matched file; skips unsupported files found by directory expansion. */
  static final class ParseFileFn extends DoFn<FileIO.ReadableFile, Article> {
    private final Counter filesRead = Metrics.counter(ParseFileFn.class, "files_read");
    private final Counter filesSkipped = Metrics.counter(ParseFileFn.class, "files_skipped");
    private final Counter articlesOut = Metrics.counter(ParseFileFn.class, "articles");
    private final Counter errorsOut = Metrics.counter(ParseFileFn.class, "errors");

    private final InputSpec spec;
    private final long maxArticleBytes;
    private transient FileRecordReader reader;

    ParseFileFn(InputSpec spec, long maxArticleBytes) {
      this.spec = spec;
      this.maxArticleBytes = maxArticleBytes;
    }

    @Setup
    public void setup() {
      reader = new FileRecordReader(maxArticleBytes);
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String path = file.getMetadata().resourceId().toString();
      Optional<InputFormat> format = InputFormat.ofFileName(path);
      SourceFile source = new SourceFile(path, spec.relativize(path));
      if (format.isEmpty()) {
        if (spec.directory()) {
          filesSkipped.inc();
          out.get(COUNTS).output(KV.of("ingest.files_skipped", 1L));
          return;
        }
        filesRead.inc();
        out.get(COUNTS).output(KV.of("files", 1L));
        out.get(COUNTS).output(KV.of("input_records", 1L));
        out.get(ERRORS)
            .output(
                Errors.of(
                    path,
                    null,
                    ErrorReason.UNSUPPORTED_FORMAT,
                    "unsupported file type: expected .txt, .jsonl or .ndjson (optionally .gz, .bz2, .zst)",
                    null));
        errorsOut.inc();
        return;
      }
      filesRead.inc();
      FileRecordReader.Counts counts =
          reader.read(
              source,
              format.get(),
              () -> java.nio.channels.Channels.newInputStream(file.open()),
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
              });
      out.get(COUNTS).output(KV.of("files", 1L));
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
