package dev.newsbeam.pipeline;

import dev.newsbeam.schema.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * An {@link Article} as Avro binary, the form it travels in between the per-article step and the
 * write: a byte array costs a shuffle or a fan-out a copy, where the record would be decoded into
 * objects every time. Reuses its encoder and decoder: one per DoFn instance or thread.
 */
final class ArticleCodec {
  private final SpecificDatumWriter<Article> writer = new SpecificDatumWriter<>(Article.class);
  private final SpecificDatumReader<Article> reader = new SpecificDatumReader<>(Article.class);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
  private BinaryEncoder encoder;
  private BinaryDecoder decoder;

  byte[] encode(Article article) {
    buffer.reset();
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
    try {
      writer.write(article, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("encoding to memory cannot fail", e);
    }
    return buffer.toByteArray();
  }

  Article decode(byte[] bytes) {
    decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
    try {
      return reader.read(null, decoder);
    } catch (IOException e) {
      throw new UncheckedIOException("an article's bytes do not decode", e);
    }
  }
}
