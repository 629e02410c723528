package dev.newsbeam.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.beam.sdk.io.FileIO;

/**
 * Writes records that are already Avro binary of {@code schema} into an Avro container file ({@link
 * DataFileWriter#appendEncoded}): the same files {@code AvroIO} writes, without decoding the
 * records to objects and encoding them again on the way out.
 */
final class EncodedAvroSink implements FileIO.Sink<byte[]> {
  private static final long serialVersionUID = 1L;

  private final String schemaJson;
  private final AvroCodec codec;
  private transient DataFileWriter<Object> writer;

  EncodedAvroSink(Schema schema, AvroCodec codec) {
    this.schemaJson = schema.toString();
    this.codec = codec;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    writer = new DataFileWriter<>(new GenericDatumWriter<>());
    writer.setCodec(codec.factory());
    writer.create(new Schema.Parser().parse(schemaJson), Channels.newOutputStream(channel));
  }

  @Override
  public void write(byte[] record) throws IOException {
    writer.appendEncoded(ByteBuffer.wrap(record));
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }
}
