package dev.newsbeam.shuffle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;

/**
 * An immutable term → count map held as one byte array: keys in sorted order, each UTF-8 with a
 * varint length, then a varint count. About 10 bytes an entry where a {@code HashMap} takes ~80; it
 * is how per-article term and bigram counts travel and wait (a runner may buffer a whole corpus of
 * them while a side input is computed). Reads decode sequentially; {@code get} is a linear scan.
 */
public final class CompactCounts extends AbstractMap<String, Integer> {
  private final byte[] data;
  private final int size;

  private CompactCounts(byte[] data, int size) {
    this.data = data;
    this.size = size;
  }

  public static CompactCounts of(Map<String, Integer> counts) {
    if (counts instanceof CompactCounts compact) {
      return compact;
    }
    String[] keys = counts.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    ByteArrayOutputStream out = new ByteArrayOutputStream(keys.length * 10 + 8);
    try {
      for (String key : keys) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        VarInt.encode(utf8.length, out);
        out.write(utf8);
        VarInt.encode(counts.get(key), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CompactCounts(out.toByteArray(), keys.length);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Integer get(Object key) {
    for (Map.Entry<String, Integer> e : entrySet()) {
      if (e.getKey().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public Set<Map.Entry<String, Integer>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, Integer>> iterator() {
        return new Iterator<>() {
          private int index;
          private int position;

          @Override
          public boolean hasNext() {
            return index < size;
          }

          @Override
          public Map.Entry<String, Integer> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            int[] at = {position};
            int length = readVarInt(at);
            String key = new String(data, at[0], length, StandardCharsets.UTF_8);
            at[0] += length;
            int count = readVarInt(at);
            position = at[0];
            index++;
            return new AbstractMap.SimpleImmutableEntry<>(key, count);
          }
        };
      }
    };
  }

  private int readVarInt(int[] at) {
    int result = 0;
    int shift = 0;
    while (true) {
      byte b = data[at[0]++];
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
      shift += 7;
    }
  }

  /** Coder of {@code Map<String, Integer>} that decodes into a {@link CompactCounts}. */
  public static Coder<Map<String, Integer>> coder() {
    return CompactCountsCoder.INSTANCE;
  }

  private static final class CompactCountsCoder extends AtomicCoder<Map<String, Integer>> {
    private static final CompactCountsCoder INSTANCE = new CompactCountsCoder();

    @Override
    public void encode(Map<String, Integer> value, OutputStream out) throws IOException {
      CompactCounts compact = of(value);
      VarInt.encode(compact.size, out);
      VarInt.encode(compact.data.length, out);
      out.write(compact.data);
    }

    @Override
    public Map<String, Integer> decode(InputStream in) throws IOException {
      int size = VarInt.decodeInt(in);
      byte[] data = new byte[VarInt.decodeInt(in)];
      int read = 0;
      while (read < data.length) {
        int n = in.read(data, read, data.length - read);
        if (n < 0) {
          throw new CoderException(
              "truncated CompactCounts: " + read + " of " + data.length + " bytes");
        }
        read += n;
      }
      return new CompactCounts(data, size);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true; // keys are written sorted: equal maps encode equally
    }
  }
}
