package dev.newsbeam.lab.bench;

import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.WorkOptions;
import dev.newsbeam.pipeline.PreviousRuns;
import dev.newsbeam.schema.ArticleSketch;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * {@code ./newsbeam-lab inflate-sketches --from=OUT --to=DIR --sketches=N}: an archive of {@code N}
 * canonical sketches for measuring daily runs against a large archive. Writes {@code
 * DIR/sketches/}: every sketch of the run {@code OUT}, then copies of them with a new id and
 * fingerprint and every signature value XOR-ed with a per-copy constant, so each copy falls into
 * other LSH buckets than its original: an unrelated story of the same size, as most of an archive
 * is to a new day. The signature scheme is copied from {@code OUT}'s files.
 */
public final class InflateSketchesCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab inflate-sketches --from=OUT --to=DIR --sketches=N";

  /** Options of {@code inflate-sketches}. */
  public interface Options extends WorkOptions {
    @Description("An earlier run's --output (its sketches/ are copied and inflated).")
    @Validation.Required
    String getFrom();

    void setFrom(String value);

    @Description("Directory to write (DIR/sketches/part-*.avro): pass it to --previous.")
    @Validation.Required
    String getTo();

    void setTo(String value);

    @Description("Sketches to write in all.")
    @Default.Long(1_000_000)
    long getSketches();

    void setSketches(long value);
  }

  private static final long ROWS_PER_FILE = 250_000;

  private InflateSketchesCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, Options.class)) {
      return 0;
    }
    Options options = LabCli.parse(args, Options.class);
    List<ArticleSketch> originals = new ArrayList<>();
    String scheme = null;
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(options.getFrom(), PreviousRuns.SKETCHES))) {
      files = s.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
    }
    for (Path f : files) {
      try (DataFileReader<ArticleSketch> r =
          new DataFileReader<>(f.toFile(), new SpecificDatumReader<>(ArticleSketch.class))) {
        scheme = r.getMetaString(PreviousRuns.SCHEME_KEY);
        r.forEach(originals::add);
      }
    }
    if (originals.isEmpty()) {
      throw new IllegalArgumentException("no sketches under " + options.getFrom() + "/sketches");
    }
    Path dir = Files.createDirectories(Path.of(options.getTo(), PreviousRuns.SKETCHES));
    long total = options.getSketches();
    long files2 = (total + ROWS_PER_FILE - 1) / ROWS_PER_FILE;
    long written = 0;
    long start = System.nanoTime();
    for (int file = 0; file < files2; file++) {
      File out = dir.resolve(String.format("part-%05d-of-%05d.avro", file, files2)).toFile();
      try (DataFileWriter<ArticleSketch> w =
          new DataFileWriter<>(new SpecificDatumWriter<>(ArticleSketch.class))) {
        w.setCodec(CodecFactory.snappyCodec());
        w.setMeta(PreviousRuns.SCHEME_KEY, scheme);
        w.create(ArticleSketch.getClassSchema(), out);
        for (long i = 0; i < ROWS_PER_FILE && written < total; i++, written++) {
          ArticleSketch o = originals.get((int) (written % originals.size()));
          long copy = written / originals.size();
          w.append(copy == 0 ? o : scrambled(o, copy));
        }
      }
    }
    System.out.printf(
        "inflate-sketches: %d sketches (%d originals) in %d files under %s in %.1f s%n",
        written, originals.size(), files2, dir, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private static ArticleSketch scrambled(ArticleSketch o, long copy)
      throws NoSuchAlgorithmException {
    ByteBuffer sig = o.getSignature().duplicate();
    ByteBuffer out = ByteBuffer.allocate(sig.remaining());
    int i = 0;
    while (sig.remaining() >= 4) {
      out.putInt(sig.getInt() ^ (int) mix(copy * 1_000_003L + i++));
    }
    out.flip();
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    String fp =
        HexFormat.of()
            .formatHex(
                md5.digest((o.getFingerprint() + "#" + copy).getBytes(StandardCharsets.UTF_8)));
    return ArticleSketch.newBuilder(o)
        .setId(o.getId() + "#" + copy)
        .setFingerprint(fp)
        .setSignature(out)
        .build();
  }

  /** SplitMix64's finaliser: a well-spread constant per (copy, position). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
