package dev.newsbeam.shuffle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Coder for key → {occurrences, documents} maps, the partial sums that {@link SumCountsInShards}
 * moves.
 */
final class CountMapCoder extends AtomicCoder<Map<String, long[]>> {
  private static final CountMapCoder INSTANCE = new CountMapCoder();
  private static final StringUtf8Coder KEY = StringUtf8Coder.of();
  private static final VarLongCoder COUNT = VarLongCoder.of();
  private static final VarIntCoder SIZE = VarIntCoder.of();

  static CountMapCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Map<String, long[]> value, OutputStream out) throws IOException {
    SIZE.encode(value.size(), out);
    for (Map.Entry<String, long[]> e : value.entrySet()) {
      KEY.encode(e.getKey(), out);
      COUNT.encode(e.getValue()[0], out);
      COUNT.encode(e.getValue()[1], out);
    }
  }

  @Override
  public Map<String, long[]> decode(InputStream in) throws IOException {
    Map<String, long[]> map = new HashMap<>();
    visit(in, (key, occurrences, documents) -> map.put(key, new long[] {occurrences, documents}));
    return map;
  }

  /** Decodes one encoded map entry by entry, without building it. */
  void visit(InputStream in, SumCountsInShards.SumVisitor visitor) throws IOException {
    int size = SIZE.decode(in);
    for (int i = 0; i < size; i++) {
      String key = KEY.decode(in);
      long occurrences = COUNT.decode(in);
      visitor.visit(key, occurrences, COUNT.decode(in));
    }
  }
}
