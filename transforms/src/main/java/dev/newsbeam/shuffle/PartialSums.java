package dev.newsbeam.shuffle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.util.VarInt;
import org.apache.beam.sdk.values.KV;

/**
 * Sums of (occurrences, documents) per key, buffered by one DoFn for a bundle and drained as one
 * encoded block per hash shard: the input of {@link SumCountsInShards#mergeBlocks}. Pure Java; not
 * thread-safe.
 *
 * <p>A key may be given in two parts, a prefix and a key ({@code "group\0"}, {@code "term"}): the
 * block holds their concatenation, but the concatenated string is never built, and the shard is the
 * key's alone. That is what makes a (group, term) matrix cheap to sum: per article, one lookup per
 * group and one per (group, term) on strings whose hashes are already cached.
 */
public final class PartialSums {
  private final int shards;
  private final Map<String, Map<String, long[]>> byPrefix = new HashMap<>();
  private int size;

  /** Sums to drain into {@code shards} blocks. */
  public PartialSums(int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, got " + shards);
    }
    this.shards = shards;
  }

  /** Adds to {@code key}'s sums. */
  public void add(String key, long occurrences, long documents) {
    add("", key, occurrences, documents);
  }

  /** Adds to the sums of {@code prefix + key}, whose shard is {@code key}'s. */
  public void add(String prefix, String key, long occurrences, long documents) {
    Map<String, long[]> sums = byPrefix.get(prefix);
    if (sums == null) {
      sums = new HashMap<>();
      byPrefix.put(prefix, sums);
    }
    long[] sum = sums.get(key);
    if (sum == null) {
      sums.put(key, new long[] {occurrences, documents});
      size++;
    } else {
      sum[0] += occurrences;
      sum[1] += documents;
    }
  }

  /** Distinct keys held. */
  public int size() {
    return size;
  }

  /**
   * The sums as (shard, block) pairs, one per shard that has keys, in the format {@link
   * SumCountsInShards#forEach} reads; the buffer is empty afterwards.
   */
  public List<KV<Integer, byte[]>> drain() {
    ByteArrayOutputStream[] blocks = new ByteArrayOutputStream[shards];
    int[] counts = new int[shards];
    for (Map.Entry<String, Map<String, long[]>> group : byPrefix.entrySet()) {
      byte[] prefix = group.getKey().getBytes(StandardCharsets.UTF_8);
      for (Map.Entry<String, long[]> e : group.getValue().entrySet()) {
        int shard = Shards.of(e.getKey(), shards);
        if (blocks[shard] == null) {
          blocks[shard] = new ByteArrayOutputStream(1024);
        }
        byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = blocks[shard];
        try {
          // StringUtf8Coder's encoding of prefix + key, then two VarLongCoder counts
          VarInt.encode(prefix.length + key.length, out);
          out.write(prefix);
          out.write(key);
          VarInt.encode(e.getValue()[0], out);
          VarInt.encode(e.getValue()[1], out);
        } catch (IOException impossible) {
          throw new UncheckedIOException(impossible);
        }
        counts[shard]++;
      }
    }
    byPrefix.clear();
    size = 0;
    List<KV<Integer, byte[]>> drained = new ArrayList<>();
    for (int shard = 0; shard < shards; shard++) {
      if (blocks[shard] != null) {
        ByteArrayOutputStream block = new ByteArrayOutputStream(blocks[shard].size() + 5);
        try {
          VarInt.encode(counts[shard], block);
          blocks[shard].writeTo(block);
        } catch (IOException impossible) {
          throw new UncheckedIOException(impossible);
        }
        drained.add(KV.of(shard, block.toByteArray()));
      }
    }
    return drained;
  }
}
