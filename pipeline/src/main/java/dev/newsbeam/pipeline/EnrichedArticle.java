package dev.newsbeam.pipeline;

import dev.newsbeam.shuffle.CompactCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * An article after the per-article step, as it crosses its one shuffle (the join with its dedup
 * link): the article as Avro bytes with its publication date (its duplicates row's partition), and
 * what the corpus statistics need of it once its dedup record says whether it counts (canonical
 * articles only) — its term and bigram counts, its keyness groups, its word and term token counts.
 */
record EnrichedArticle(
    String id,
    String source,
    Integer publishedDate,
    byte[] article,
    Map<String, Integer> termCounts,
    Map<String, Integer> bigramCounts,
    List<String> groups,
    int wordCount,
    long termTokens) {

  static final Coder<EnrichedArticle> CODER = new EnrichedArticleCoder();

  private static final class EnrichedArticleCoder extends AtomicCoder<EnrichedArticle> {
    private static final Coder<String> STRING = StringUtf8Coder.of();
    private static final Coder<Integer> DATE = NullableCoder.of(VarIntCoder.of());
    private static final Coder<byte[]> BYTES = ByteArrayCoder.of();
    private static final Coder<Map<String, Integer>> COUNTS = CompactCounts.coder();
    private static final Coder<List<String>> GROUPS = ListCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(EnrichedArticle e, OutputStream out) throws IOException {
      STRING.encode(e.id(), out);
      STRING.encode(e.source(), out);
      DATE.encode(e.publishedDate(), out);
      BYTES.encode(e.article(), out);
      COUNTS.encode(e.termCounts(), out);
      COUNTS.encode(e.bigramCounts(), out);
      GROUPS.encode(e.groups(), out);
      VarIntCoder.of().encode(e.wordCount(), out);
      VarLongCoder.of().encode(e.termTokens(), out);
    }

    @Override
    public EnrichedArticle decode(InputStream in) throws IOException {
      return new EnrichedArticle(
          STRING.decode(in),
          STRING.decode(in),
          DATE.decode(in),
          BYTES.decode(in),
          COUNTS.decode(in),
          COUNTS.decode(in),
          GROUPS.decode(in),
          VarIntCoder.of().decode(in),
          VarLongCoder.of().decode(in));
    }
  }
}
