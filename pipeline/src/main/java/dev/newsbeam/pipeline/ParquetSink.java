package dev.newsbeam.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.beam.sdk.io.FileIO;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes Avro records (generic or generated) as a Parquet file through parquet-avro, so the Parquet
 * columns carry the Avro schema's field names and logical types ({@code date}, {@code
 * timestamp-millis}). Writes to the channel {@link FileIO} opens, never through a Hadoop file
 * system, so it works on every Beam file system.
 */
final class ParquetSink<T extends IndexedRecord> implements FileIO.Sink<T> {
  private static final long serialVersionUID = 1L;

  private final String schemaJson;
  private final Class<T> type;
  private transient ParquetWriter<T> writer;

  /**
   * Records of {@code schema}: generated classes of {@code type}, whose logical-type fields hold
   * {@code LocalDate}s and {@code Instant}s, or generic records (with {@code type} null), which
   * hold the plain ints and longs.
   */
  ParquetSink(Schema schema, Class<T> type) {
    this.schemaJson = schema.toString();
    this.type = type;
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    writer =
        AvroParquetWriter.<T>builder(new ChannelOutputFile(channel))
            // not Hadoop's Configuration, which would pull Hadoop's XML stack in to read its
            // defaults
            .withConf(new PlainParquetConfiguration())
            .withSchema(new Schema.Parser().parse(schemaJson))
            .withDataModel(type == null ? GenericData.get() : SpecificData.getForClass(type))
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withCodecFactory(new SnappyPages())
            // the standard three-level lists, as Spark, DuckDB and BigQuery write them
            .config(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false")
            .build();
  }

  @Override
  public void write(T record) throws IOException {
    writer.write(record);
  }

  /** Parquet writes its footer on close; FileIO closes the channel itself afterwards. */
  @Override
  public void flush() throws IOException {
    writer.close();
  }

  /** A channel as a Parquet output file: Parquet only needs the position of what it wrote. */
  private static final class ChannelOutputFile implements OutputFile {
    private final WritableByteChannel channel;

    ChannelOutputFile(WritableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new ChannelStream(Channels.newOutputStream(channel));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  private static final class ChannelStream extends PositionOutputStream {
    private final OutputStream out;
    private long position;

    ChannelStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    /** The channel belongs to FileIO, which closes it after {@link ParquetSink#flush}. */
    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
