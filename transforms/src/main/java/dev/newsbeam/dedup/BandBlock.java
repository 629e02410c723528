package dev.newsbeam.dedup;

import dev.newsbeam.shuffle.Shards;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.util.VarInt;

/**
 * LSH band entries — (bucket key, fingerprint) pairs — of many articles that hash to one bucket
 * shard, held as a {@code long[]} of keys and one byte array of fingerprints. This is how band
 * entries cross the bucket shuffle: an element per shard per batch of articles instead of one per
 * band per article. Runners pay per element (Flink sorts each one; the DirectRunner holds every
 * element of a group as an object until the group fires), and an article has a band entry per LSH
 * band.
 *
 * <p>A fingerprint of 32 lower-case hex digits ({@link TextFingerprint}) is packed as its 16 bytes;
 * any other string as UTF-8 with its length. {@link #forEach} gives back the same strings.
 */
public final class BandBlock {
  private static final HexFormat HEX = HexFormat.of();
  private static final int HEX_DIGITS = 32;
  private static final int PACKED_BYTES = HEX_DIGITS / 2;

  private final long[] keys;
  private final byte[] fingerprints;

  private BandBlock(long[] keys, byte[] fingerprints) {
    this.keys = keys;
    this.fingerprints = fingerprints;
  }

  /** Entries in the block. */
  public int size() {
    return keys.length;
  }

  /** Every (bucket key, fingerprint) entry, in the order they were added. */
  public void forEach(BiConsumer<Long, String> entry) {
    int at = 0;
    for (long key : keys) {
      int tag = fingerprints[at++] & 0xff;
      String fp;
      if (tag == 0) {
        fp = HEX.formatHex(fingerprints, at, at + PACKED_BYTES);
        at += PACKED_BYTES;
      } else {
        // tag = UTF-8 length + 1, as a varint whose first byte is already read
        int length = tag & 0x7f;
        int shift = 7;
        while ((tag & 0x80) != 0) {
          tag = fingerprints[at++] & 0xff;
          length |= (tag & 0x7f) << shift;
          shift += 7;
        }
        length -= 1;
        fp = new String(fingerprints, at, length, StandardCharsets.UTF_8);
        at += length;
      }
      entry.accept(key, fp);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BandBlock b
        && Arrays.equals(keys, b.keys)
        && Arrays.equals(fingerprints, b.fingerprints);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keys) + Arrays.hashCode(fingerprints);
  }

  @Override
  public String toString() {
    return "BandBlock{" + keys.length + " entries}";
  }

  /** The coder of {@link BandBlock}: its two arrays as they are. */
  public static Coder<BandBlock> coder() {
    return BlockCoder.INSTANCE;
  }

  /** Adds entries and hands out one block per bucket shard. Not thread-safe. */
  public static final class Gatherer {
    private final int shards;
    private final Map<Integer, Builder> builders = new TreeMap<>();

    /**
     * @param shards bucket shards; an entry goes to {@code Shards.of(bucketKey, shards)}
     */
    public Gatherer(int shards) {
      this.shards = shards;
    }

    public void add(long bucketKey, String fingerprint) {
      builders
          .computeIfAbsent(Shards.of(bucketKey, shards), shard -> new Builder())
          .add(bucketKey, fingerprint);
    }

    /** Hands out (shard, block) for every shard that has entries, then forgets them. */
    public void drain(BiConsumer<Integer, BandBlock> out) {
      builders.forEach((shard, builder) -> out.accept(shard, builder.build()));
      builders.clear();
    }

    public boolean isEmpty() {
      return builders.isEmpty();
    }
  }

  /** Builds one block. */
  static final class Builder {
    private long[] keys = new long[8];
    private int size;
    private final ByteArrayOutputStream fingerprints = new ByteArrayOutputStream();

    void add(long bucketKey, String fingerprint) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
      }
      keys[size++] = bucketKey;
      if (isPackedHex(fingerprint)) {
        fingerprints.write(0);
        fingerprints.writeBytes(HEX.parseHex(fingerprint));
      } else {
        byte[] utf8 = fingerprint.getBytes(StandardCharsets.UTF_8);
        try {
          VarInt.encode(utf8.length + 1, fingerprints);
        } catch (IOException e) {
          throw new IllegalStateException(e); // a ByteArrayOutputStream does not throw
        }
        fingerprints.writeBytes(utf8);
      }
    }

    BandBlock build() {
      return new BandBlock(Arrays.copyOf(keys, size), fingerprints.toByteArray());
    }

    /** Whether {@code fp} is 32 lower-case hex digits, which pack into 16 bytes and back. */
    private static boolean isPackedHex(String fp) {
      if (fp.length() != HEX_DIGITS) {
        return false;
      }
      for (int i = 0; i < HEX_DIGITS; i++) {
        char c = fp.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class BlockCoder extends AtomicCoder<BandBlock> {
    private static final BlockCoder INSTANCE = new BlockCoder();

    @Override
    public void encode(BandBlock b, OutputStream out) throws IOException {
      VarInt.encode(b.keys.length, out);
      DataOutputStream data = new DataOutputStream(out);
      for (long key : b.keys) {
        data.writeLong(key); // bucket keys are uniform hashes: a varint would be longer
      }
      data.flush();
      VarInt.encode(b.fingerprints.length, out);
      out.write(b.fingerprints);
    }

    @Override
    public BandBlock decode(InputStream in) throws IOException {
      long[] keys = new long[VarInt.decodeInt(in)];
      DataInputStream data = new DataInputStream(in);
      for (int i = 0; i < keys.length; i++) {
        keys[i] = data.readLong();
      }
      byte[] fingerprints = new byte[VarInt.decodeInt(in)];
      data.readFully(fingerprints);
      return new BandBlock(keys, fingerprints);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
