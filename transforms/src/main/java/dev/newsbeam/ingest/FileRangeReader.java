package dev.newsbeam.ingest;

import dev.newsbeam.language.LanguageSettings;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Reads one {@link FileRange} into a {@link RecordSink}, opening it through Beam's {@link
 * FileSystems} (local files, {@code gs://} and every registered scheme).
 *
 * <p>Reading every range of a file gives exactly the articles, errors and (summed) counts of
 * reading the whole file. It never throws for bad content or a broken stream: a bad record becomes
 * an {@code ErrorRecord}, a file that cannot be opened an {@code unreadable} error. Not
 * thread-safe: one per {@code DoFn} instance, built in {@code @Setup}.
 *
 * <pre>{@code
 * @Setup public void setup() { ranges = new FileRangeReader(maxArticleBytes); }
 * @ProcessElement public void process(@Element FileRange range, MultiOutputReceiver out) {
 *   FileRecordReader.Counts counts = ranges.read(range, sink);
 *   ...
 * }
 * }</pre>
 */
public final class FileRangeReader {
  private final FileRecordReader reader;

  public FileRangeReader(long maxArticleBytes) {
    this(maxArticleBytes, LanguageSettings.defaults());
  }

  public FileRangeReader(long maxArticleBytes, LanguageSettings languages) {
    this.reader = new FileRecordReader(maxArticleBytes, languages);
  }

  /**
   * Reads {@code range}: every record in it becomes one article or one error in {@code sink}.
   *
   * @return the range's {@code input_records} and {@code ingest.blank_lines}
   */
  public FileRecordReader.Counts read(FileRange range, RecordSink sink) {
    return reader.read(range.file(), range.format(), range.firstLine(), () -> open(range), sink);
  }

  /** The range's bytes, decompressed when the file is compressed. */
  static InputStream open(FileRange range) throws IOException {
    ResourceId id;
    try {
      id = FileSystems.matchNewResource(range.source(), false);
    } catch (IllegalArgumentException e) { // a scheme no registered file system serves
      throw new IOException(e.getMessage(), e);
    }
    ReadableByteChannel channel = FileSystems.open(id);
    try {
      if (range.compressed() && !rawWarc(range.format(), id.getFilename())) {
        // as FileIO.readMatches with Compression.AUTO: the codec by the file's name
        return Channels.newInputStream(
            Compression.detect(id.getFilename()).readDecompressed(channel));
      }
      InputStream in = Channels.newInputStream(seek(channel, range.start()));
      return range.toTheEnd() ? in : new Bounded(in, range.end() - range.start());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Whether jwarc reads the file's raw bytes: a WARC file plain or gzipped (a gzip member per
   * record, so a range can start at any record); other compressions are decompressed whole first.
   */
  static boolean rawWarc(InputFormat format, String fileName) {
    if (format != InputFormat.WARC) {
      return false;
    }
    Compression c = Compression.detect(fileName == null ? "" : fileName);
    return c == Compression.UNCOMPRESSED || c == Compression.GZIP;
  }

  private static ReadableByteChannel seek(ReadableByteChannel channel, long start)
      throws IOException {
    if (start == 0) {
      return channel;
    }
    if (channel instanceof SeekableByteChannel seekable) {
      return seekable.position(start);
    }
    Channels.newInputStream(channel).skipNBytes(start);
    return channel;
  }

  /** At most {@code left} bytes of {@code in}. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long left) {
      super(in);
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(Math.min(n, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), left);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
