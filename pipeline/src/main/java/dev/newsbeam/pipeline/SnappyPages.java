package dev.newsbeam.pipeline;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy compression of Parquet pages with snappy-java, the library Avro's Snappy codec already
 * uses. Parquet's own codec factory builds a Hadoop {@code Configuration} for every compressed
 * codec, which would need Hadoop's whole client runtime in the jar; a Parquet Snappy page is the
 * raw Snappy block of the page's bytes, which this writes the same. Write-only: newsbeam never
 * reads Parquet.
 */
final class SnappyPages implements CompressionCodecFactory {
  private static final BytesInputCompressor COMPRESSOR =
      new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput page) throws IOException {
          return BytesInput.from(Snappy.compress(page.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
          return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {}
      };

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    if (codec != CompressionCodecName.SNAPPY) {
      throw new IllegalArgumentException("only Snappy Parquet pages are written, not " + codec);
    }
    return COMPRESSOR;
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("newsbeam writes Parquet, it does not read it");
  }

  @Override
  public void release() {}
}
