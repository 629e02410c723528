package dev.newsbeam.ingest;

import dev.newsbeam.schema.ErrorRecord;
import dev.newsbeam.stage.NamedOutputs;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.LocalResources;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.io.fs.ResourceId;
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
 * Lists the files of an {@code --input} value and plans the {@link FileRange}s that reader tasks
 * read: the first half of {@link ReadArticles}, for a stage that reads ranges itself with a {@link
 * FileRangeReader}.
 *
 * <pre>{@code
 * PlanFileRanges.Result planned = pipeline.apply(PlanFileRanges.from("corpus/,extra/*.jsonl.gz"));
 * planned.ranges()   // spread over the workers: read each with FileRangeReader
 * planned.errors()   // unsupported files named explicitly
 * planned.counts()   // files, ingest.files_skipped, ingest.links_skipped
 * }</pre>
 *
 * <p>A local file or directory is listed by {@link LocalFileTree} when the pipeline runs (links
 * followed, cycles skipped, each real file once); globs and remote entries are matched by Beam's
 * filesystems ({@link FileIO#match}). Unsupported files found by expanding a directory are skipped
 * and counted; an unsupported file named explicitly is an {@code unsupported_format} error and one
 * input record. Big uncompressed JSONL files are split by {@link FileRangePlanner}, which reads
 * each of them once to find its line ends. The ranges are then reshuffled: they are small, and
 * spreading them spreads the parsing without any parsed article crossing a shuffle.
 *
 * <p>Per-file counts are here, once per file: a reader of the ranges adds only {@code
 * input_records} and {@code ingest.blank_lines}, per range.
 */
public final class PlanFileRanges extends PTransform<PBegin, PlanFileRanges.Result> {
  static final TupleTag<FileRange> RANGES = new TupleTag<>() {};
  static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};
  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};
  static final TupleTag<MatchResult.Metadata> FILES = new TupleTag<>() {};

  private static final String UNSUPPORTED =
      "unsupported file type: expected .txt, .jsonl, .ndjson, .html, .htm or .warc (optionally"
          + " .gz, .bz2, .zst)";

  private final List<InputSpec> inputs;
  private final long chunkBytes;
  private final int spreadBuckets;

  private PlanFileRanges(List<InputSpec> inputs, long chunkBytes, int spreadBuckets) {
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("chunk bytes must be >= 1, not " + chunkBytes);
    }
    this.inputs = List.copyOf(inputs);
    this.chunkBytes = chunkBytes;
    this.spreadBuckets = spreadBuckets;
  }

  /** Plans the comma-separated files, globs and directories of {@code inputs}. */
  public static PlanFileRanges from(String inputs) {
    return of(InputSpec.parseAll(inputs), FileRangePlanner.DEFAULT_CHUNK_BYTES);
  }

  static PlanFileRanges of(List<InputSpec> inputs, long chunkBytes) {
    return new PlanFileRanges(inputs, chunkBytes, 0);
  }

  /**
   * The size a range of a big uncompressed JSONL file reaches before it ends at the next newline
   * (default {@link FileRangePlanner#DEFAULT_CHUNK_BYTES}).
   */
  public PlanFileRanges withChunkBytes(long chunkBytes) {
    return new PlanFileRanges(inputs, chunkBytes, spreadBuckets);
  }

  /**
   * Spreads the listed files and the planned ranges over this many random keys (0, the default: one
   * per element). The DirectRunner runs a bundle per key downstream, and every later step pays per
   * bundle: there a few keys are better; on a cluster one per element spreads the work best.
   */
  public PlanFileRanges withSpreadBuckets(int buckets) {
    return new PlanFileRanges(inputs, chunkBytes, buckets);
  }

  @Override
  public Result expand(PBegin begin) {
    Pipeline p = begin.getPipeline();
    PCollectionList<FileRange> ranges = PCollectionList.empty(p);
    PCollectionList<ErrorRecord> errors = PCollectionList.empty(p);
    PCollectionList<KV<String, Long>> counts = PCollectionList.empty(p);
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
        counts = counts.and(listed.get(COUNTS).setCoder(countCoder()));
        // as FileIO.match does: spread a directory's files over the workers before they are planned
        files = listed.get(FILES).setCoder(MetadataCoderV2.of()).apply("SpreadFiles" + i, spread());
      } else {
        files =
            begin.apply(
                "MatchInput" + i,
                FileIO.match()
                    .filepattern(spec.glob())
                    .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW));
      }
      PCollectionTuple planned =
          files.apply(
              "PlanRanges" + i,
              ParDo.of(new PlanRangesFn(spec, chunkBytes))
                  .withOutputTags(RANGES, TupleTagList.of(ERRORS).and(COUNTS)));
      ranges = ranges.and(planned.get(RANGES).setCoder(FileRange.FileRangeCoder.of()));
      errors = errors.and(planned.get(ERRORS).setCoder(AvroCoder.of(ErrorRecord.class)));
      counts = counts.and(planned.get(COUNTS).setCoder(countCoder()));
    }
    return new Result(
        p,
        ranges
            .apply("FlattenRanges", Flatten.pCollections())
            // the ranges of one big file are planned by one worker: spread them before reading
            .apply("SpreadRanges", spread()),
        errors.apply("FlattenErrors", Flatten.pCollections()),
        counts.apply("FlattenCounts", Flatten.pCollections()));
  }

  /** A random key per element, or one of {@code spreadBuckets} when set. */
  private <T> Reshuffle.ViaRandomKey<T> spread() {
    return spreadBuckets > 0
        ? Reshuffle.<T>viaRandomKey().withNumBuckets(spreadBuckets)
        : Reshuffle.<T>viaRandomKey();
  }

  private static KvCoder<String, Long> countCoder() {
    return KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
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

  /** Plans one matched file; skips unsupported files found by directory expansion. */
  static final class PlanRangesFn extends DoFn<MatchResult.Metadata, FileRange> {
    private final Counter filesRead = Metrics.counter(PlanRangesFn.class, "files_read");
    private final Counter filesSkipped = Metrics.counter(PlanRangesFn.class, "files_skipped");
    private final Counter rangesOut = Metrics.counter(PlanRangesFn.class, "ranges");
    private final Counter errorsOut = Metrics.counter(PlanRangesFn.class, "errors");

    private final InputSpec spec;
    private final long chunkBytes;

    PlanRangesFn(InputSpec spec, long chunkBytes) {
      this.spec = spec;
      this.chunkBytes = chunkBytes;
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, MultiOutputReceiver out) {
      ResourceId id = file.resourceId();
      if (id.isDirectory()) {
        return; // as FileIO.readMatches with DirectoryTreatment.SKIP
      }
      String path = id.toString();
      Optional<InputFormat> format = InputFormat.ofFileName(path);
      if (format.isEmpty()) {
        if (spec.directory()) {
          filesSkipped.inc();
          out.get(COUNTS).output(KV.of("ingest.files_skipped", 1L));
          return;
        }
        filesRead.inc();
        errorsOut.inc();
        out.get(COUNTS).output(KV.of("files", 1L));
        out.get(COUNTS).output(KV.of("input_records", 1L));
        out.get(ERRORS)
            .output(Errors.of(path, null, ErrorReason.UNSUPPORTED_FORMAT, UNSUPPORTED, null));
        return;
      }
      filesRead.inc();
      out.get(COUNTS).output(KV.of("files", 1L));
      // as FileIO.readMatches with Compression.AUTO: compressed or not by the file's name
      boolean compressed = Compression.detect(id.getFilename()) != Compression.UNCOMPRESSED;
      List<FileRange> ranges =
          FileRangePlanner.plan(
              new SourceFile(path, spec.relativize(path)),
              format.get(),
              compressed,
              file.sizeBytes(),
              chunkBytes,
              () -> Channels.newInputStream(FileSystems.open(id)));
      for (FileRange range : ranges) {
        out.get(RANGES).output(range);
      }
      rangesOut.inc(ranges.size());
    }
  }

  /** The planned ranges, spread over the workers, and the listing's errors and counts. */
  public static final class Result extends NamedOutputs {
    private final PCollection<FileRange> ranges;
    private final PCollection<ErrorRecord> errors;
    private final PCollection<KV<String, Long>> counts;

    Result(
        Pipeline pipeline,
        PCollection<FileRange> ranges,
        PCollection<ErrorRecord> errors,
        PCollection<KV<String, Long>> counts) {
      super(pipeline);
      this.ranges = with("ranges", ranges);
      this.errors = with("errors", errors);
      this.counts = with("counts", counts);
    }

    /** What reader tasks read, each range once; reading them all reads every file once. */
    public PCollection<FileRange> ranges() {
      return ranges;
    }

    /** Unsupported files named explicitly: one {@code unsupported_format} error each. */
    public PCollection<ErrorRecord> errors() {
      return errors;
    }

    /**
     * (counter, value) pairs for the manifest: {@code files}, {@code ingest.files_skipped}, {@code
     * ingest.links_skipped}, and {@code input_records} of unsupported files named explicitly.
     */
    public PCollection<KV<String, Long>> counts() {
      return counts;
    }
  }
}
