package dev.newsbeam.pipeline;

import dev.newsbeam.schema.DedupInfo;
import dev.newsbeam.shuffle.CompactCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/**
 * An article with its dedup record, waiting for the corpus document frequencies that rank its top
 * terms: the article as Avro bytes, its {@code dedup} and its term counts.
 */
record AnnotatedArticle(byte[] article, DedupInfo dedup, Map<String, Integer> termCounts) {

  static final Coder<AnnotatedArticle> CODER = new AnnotatedArticleCoder();

  private static final class AnnotatedArticleCoder extends AtomicCoder<AnnotatedArticle> {
    private static final Coder<byte[]> BYTES = ByteArrayCoder.of();
    private static final Coder<DedupInfo> DEDUP = AvroCoder.of(DedupInfo.class);
    private static final Coder<Map<String, Integer>> COUNTS = CompactCounts.coder();

    @Override
    public void encode(AnnotatedArticle a, OutputStream out) throws IOException {
      BYTES.encode(a.article(), out);
      DEDUP.encode(a.dedup(), out);
      COUNTS.encode(a.termCounts(), out);
    }

    @Override
    public AnnotatedArticle decode(InputStream in) throws IOException {
      return new AnnotatedArticle(BYTES.decode(in), DEDUP.decode(in), COUNTS.decode(in));
    }
  }
}
