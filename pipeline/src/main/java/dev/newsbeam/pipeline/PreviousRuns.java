package dev.newsbeam.pipeline;

import dev.newsbeam.dedup.DocSketch;
import dev.newsbeam.schema.ArticleSketch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Daily runs: the {@code sketches/} a run writes (one {@link ArticleSketch} per canonical article)
 * and how a later run reads them back ({@code --previous}) as {@link DocSketch#archived archived}
 * sketches for {@code DuplicateClusters}. Earlier outputs are only read.
 */
public final class PreviousRuns {
  /** The dataset of canonical sketches under {@code --output}. */
  public static final String SKETCHES = "sketches";

  /** Avro file metadata naming what the signatures were made with ({@code sketchScheme}). */
  public static final String SCHEME_KEY = "newsbeam.sketch_scheme";

  private PreviousRuns() {}

  /** The sketch files of each {@code --previous} entry: {@code <entry>/sketches/*.avro}. */
  static List<String> patterns(String previous) {
    List<String> patterns = new ArrayList<>();
    for (String entry : previous.split(",")) {
      String root = entry.trim();
      if (root.isEmpty()) {
        continue;
      }
      root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
      patterns.add(root + "/" + SKETCHES + "/*.avro");
    }
    return patterns;
  }

  /**
   * Fails before the pipeline starts, with a message that names the entry, when a {@code
   * --previous} entry holds no sketches, a sketch file is not readable Avro, its signatures were
   * made with another scheme than {@code scheme} (other shingles or permutations: its signatures
   * cannot be compared), or the entry is the run's own {@code output} (which the run replaces).
   */
  static void check(String previous, String output, String scheme) throws IOException {
    List<String> patterns = patterns(previous);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("--previous names no earlier output");
    }
    String ownRoot = FileSystems.matchNewResource(new OutputLayout(output).root(), true).toString();
    for (String pattern : patterns) {
      MatchResult m = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) {
        throw new IllegalArgumentException(
            "--previous: no sketches at "
                + pattern
                + " (not a newsbeam output, or one written before sketches/ existed: run it again)");
      }
      for (MatchResult.Metadata file : m.metadata()) {
        String path = file.resourceId().toString();
        if (path.startsWith(ownRoot)) {
          throw new IllegalArgumentException(
              "--previous: "
                  + path
                  + " is inside this run's own --output; earlier outputs are only read, so write "
                  + "this run elsewhere");
        }
        String found = schemeOf(file);
        if (!scheme.equals(found)) {
          throw new IllegalArgumentException(
              "--previous: "
                  + path
                  + " holds sketches made with "
                  + found
                  + ", this run makes "
                  + scheme
                  + " (--shingle and --numPerm must match the earlier runs')");
        }
      }
    }
  }

  /** The scheme in a sketch file's header (only the header is read). */
  private static String schemeOf(MatchResult.Metadata file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()));
        DataFileStream<GenericRecord> avro = new DataFileStream<>(in, new GenericDatumReader<>())) {
      if (!avro.getSchema().getFullName().equals(ArticleSketch.getClassSchema().getFullName())) {
        throw new IllegalArgumentException(
            "--previous: " + file.resourceId() + " is not a sketches/ file: " + avro.getSchema());
      }
      String scheme = avro.getMetaString(SCHEME_KEY);
      return scheme == null ? "no scheme" : scheme;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--previous: " + file.resourceId() + " is not readable Avro: " + e.getMessage(), e);
    }
  }

  /** The canonical sketches of every {@code --previous} entry, as archived sketches. */
  static PCollection<DocSketch> read(Pipeline pipeline, String previous) {
    PCollectionList<DocSketch> all = PCollectionList.empty(pipeline);
    int i = 0;
    for (String pattern : patterns(previous)) {
      all =
          all.and(
              pipeline
                  .apply("ReadPreviousSketches" + i, AvroIO.read(ArticleSketch.class).from(pattern))
                  .apply("ArchivedSketches" + i, ParDo.of(new ArchivedFn()))
                  .setCoder(dev.newsbeam.dedup.DedupCoders.sketch()));
      i++;
    }
    return all.apply("FlattenPreviousSketches", Flatten.pCollections())
        .setCoder(dev.newsbeam.dedup.DedupCoders.sketch());
  }

  /** A {@code sketches/} row back to the sketch it was written from, as an archived sketch. */
  static DocSketch fromRow(ArticleSketch row) {
    DocSketch d =
        DocSketch.archived(
            row.getRunId(),
            row.getId(),
            row.getSource(),
            row.getFingerprint(),
            row.getPublished(),
            row.getLength());
    d.signature = ints(row.getSignature());
    d.figures = ints(row.getFigures());
    d.shingles = ints(row.getShingles());
    d.shingleCount = row.getShingleCount();
    return d;
  }

  /** The {@code sketches/} row of a canonical article of run {@code runId}. */
  static ArticleSketch toRow(DocSketch d, String runId) {
    return ArticleSketch.newBuilder()
        .setRunId(runId)
        .setId(d.id)
        .setSource(d.source)
        .setFingerprint(d.fingerprint)
        .setPublished(d.published)
        .setPublishedDate(
            d.published == null
                ? null
                : LocalDate.ofEpochDay(Math.floorDiv(d.published, 86_400_000L)))
        .setLength(d.length)
        .setShingleCount(d.shingleCount)
        .setSignature(bytes(d.signature))
        .setFigures(bytes(d.figures))
        .setShingles(bytes(d.shingles))
        .build();
  }

  private static ByteBuffer bytes(int[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length);
    for (int v : values) {
      b.putInt(v);
    }
    b.flip();
    return b;
  }

  private static int[] ints(ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    int[] values = new int[b.remaining() / 4];
    for (int i = 0; i < values.length; i++) {
      values[i] = b.getInt();
    }
    return values;
  }

  static final class ArchivedFn extends DoFn<ArticleSketch, DocSketch> {
    @ProcessElement
    public void process(@Element ArticleSketch row, OutputReceiver<DocSketch> out) {
      out.output(fromRow(row));
    }
  }

  static final class ToRowFn extends DoFn<DocSketch, ArticleSketch> {
    private final String runId;

    ToRowFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element DocSketch d, OutputReceiver<ArticleSketch> out) {
      out.output(toRow(d, runId));
    }
  }
}
