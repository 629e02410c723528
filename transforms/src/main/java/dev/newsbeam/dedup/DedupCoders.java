package dev.newsbeam.dedup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Hand-written coders of the dedup stage's internal records, field by field: no Avro reflection per
 * element, and MinHash values as four fixed bytes (they are uniformly spread, so a varint would
 * take five).
 */
public final class DedupCoders {
  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<Long> NULLABLE_LONG = NullableCoder.of(VarLongCoder.of());
  private static final Coder<String> NULLABLE_STRING = NullableCoder.of(StringUtf8Coder.of());

  private DedupCoders() {}

  /** The coder of {@link DocSketch}. */
  public static Coder<DocSketch> sketch() {
    return SketchCoder.INSTANCE;
  }

  /** The coder of {@link ClusterLink}. */
  public static Coder<ClusterLink> link() {
    return LinkCoder.INSTANCE;
  }

  private static final class SketchCoder extends AtomicCoder<DocSketch> {
    private static final SketchCoder INSTANCE = new SketchCoder();

    @Override
    public void encode(DocSketch d, OutputStream out) throws IOException {
      STRING.encode(d.id, out);
      STRING.encode(d.source, out);
      STRING.encode(d.fingerprint, out);
      NULLABLE_LONG.encode(d.published, out);
      VarInt.encode(d.length, out);
      VarInt.encode(d.exactCopies, out);
      writeInts(d.signature, out);
      writeInts(d.shingles, out);
      VarInt.encode(d.shingleCount, out);
      writeInts(d.figures, out);
      NULLABLE_STRING.encode(d.run, out);
    }

    @Override
    public DocSketch decode(InputStream in) throws IOException {
      DocSketch d = new DocSketch();
      d.id = STRING.decode(in);
      d.source = STRING.decode(in);
      d.fingerprint = STRING.decode(in);
      d.published = NULLABLE_LONG.decode(in);
      d.length = VarInt.decodeInt(in);
      d.exactCopies = VarInt.decodeLong(in);
      d.signature = readInts(in);
      d.shingles = readInts(in);
      d.shingleCount = VarInt.decodeInt(in);
      d.figures = readInts(in);
      d.run = NULLABLE_STRING.decode(in);
      return d;
    }

    @Override
    public void verifyDeterministic() {}
  }

  private static final class LinkCoder extends AtomicCoder<ClusterLink> {
    private static final LinkCoder INSTANCE = new LinkCoder();

    @Override
    public void encode(ClusterLink l, OutputStream out) throws IOException {
      STRING.encode(l.repId, out);
      STRING.encode(l.repFingerprint, out);
      STRING.encode(l.canonicalId, out);
      STRING.encode(l.canonicalSource, out);
      DoubleCoder.of().encode(l.similarity, out);
      VarInt.encode(l.clusterSize, out);
      VarInt.encode(l.canonicalExactCopies, out);
      NULLABLE_STRING.encode(l.canonicalRun, out);
    }

    @Override
    public ClusterLink decode(InputStream in) throws IOException {
      ClusterLink l =
          new ClusterLink(
              STRING.decode(in),
              STRING.decode(in),
              STRING.decode(in),
              STRING.decode(in),
              DoubleCoder.of().decode(in),
              VarInt.decodeLong(in),
              VarInt.decodeLong(in));
      l.canonicalRun = NULLABLE_STRING.decode(in);
      return l;
    }

    @Override
    public void verifyDeterministic() {}
  }

  private static void writeInts(int[] values, OutputStream out) throws IOException {
    VarInt.encode(values.length, out);
    DataOutputStream data = new DataOutputStream(out);
    for (int v : values) {
      data.writeInt(v);
    }
    data.flush();
  }

  private static int[] readInts(InputStream in) throws IOException {
    int[] values = new int[VarInt.decodeInt(in)];
    DataInputStream data = new DataInputStream(in);
    for (int i = 0; i < values.length; i++) {
      values[i] = data.readInt();
    }
    return values;
  }
}
