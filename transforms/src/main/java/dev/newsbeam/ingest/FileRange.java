package dev.newsbeam.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * What one reader task reads: the bytes [{@code start}, {@code end}) of a file, whose first line is
 * line {@code firstLine} of the file (for a WARC file: whose first record is record {@code
 * firstLine}, and a {@code .warc.gz} range starts at a record's gzip member). A range of a JSONL
 * file starts at a line start and ends just after a newline (or at the end of the file), so that
 * reading every range of a file is reading the file. Planned by {@link FileRangePlanner}, read by
 * {@link FileRangeReader}.
 *
 * @param source the file's resource id as {@code FileIO.match} gives it ({@code
 *     MatchResult.Metadata.resourceId().toString()}): an article's {@code source}, an error's
 *     {@code source}, and what the reader opens
 * @param relativePath the path relative to the input root, the base of derived article ids
 * @param format the file's format
 * @param compressed whether the file is compressed ({@code Compression.detect} by its name): a
 *     compressed file is one whole range
 * @param start the first byte of the range
 * @param end the byte after the last one, or {@link #TO_THE_END}
 * @param firstLine the 1-based line number of the range's first line in the whole file
 */
@DefaultCoder(FileRange.FileRangeCoder.class)
public record FileRange(
    String source,
    String relativePath,
    InputFormat format,
    boolean compressed,
    long start,
    long end,
    long firstLine)
    implements Serializable {

  /** {@link #end()} of a range that runs to the end of the file. */
  public static final long TO_THE_END = -1;

  public FileRange {
    if (start < 0 || (end != TO_THE_END && end < start) || firstLine < 1) {
      throw new IllegalArgumentException(
          "bad range [" + start + ", " + end + ") from line " + firstLine + " of " + source);
    }
    if ((start == 0) != (firstLine == 1)) {
      throw new IllegalArgumentException(
          "a range starts the file exactly when it starts at line 1: " + start + ", " + firstLine);
    }
    if ((compressed || format == InputFormat.TEXT || format == InputFormat.HTML)
        && format != InputFormat.WARC
        && start != 0) {
      throw new IllegalArgumentException(
          "a compressed, text or HTML file is read whole, not from byte " + start + ": " + source);
    }
  }

  /**
   * The whole file: bytes 0 to {@code sizeBytes}, or to the end when compressed (its size says
   * nothing of its content).
   */
  public static FileRange whole(
      SourceFile file, InputFormat format, boolean compressed, long sizeBytes) {
    return new FileRange(
        file.path(),
        file.relativePath(),
        format,
        compressed,
        0,
        compressed ? TO_THE_END : sizeBytes,
        1);
  }

  /** The file this range is a part of. */
  public SourceFile file() {
    return new SourceFile(source, relativePath);
  }

  /** Whether this is the file's first range: per-file counts ({@code files}) belong to it alone. */
  public boolean firstOfFile() {
    return start == 0;
  }

  /** Whether the range runs to the end of the file. */
  public boolean toTheEnd() {
    return end == TO_THE_END;
  }

  /** A compact, deterministic coder: ranges are what ingest shuffles, so they should stay small. */
  public static final class FileRangeCoder extends AtomicCoder<FileRange> {
    private static final FileRangeCoder INSTANCE = new FileRangeCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final BooleanCoder BOOLEAN = BooleanCoder.of();

    public static FileRangeCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(FileRange r, OutputStream out) throws IOException {
      STRING.encode(r.source(), out);
      STRING.encode(r.relativePath(), out);
      STRING.encode(r.format().name(), out);
      BOOLEAN.encode(r.compressed(), out);
      LONG.encode(r.start(), out);
      // +1: VarLong spends ten bytes on a negative number, one on TO_THE_END + 1
      LONG.encode(r.end() + 1, out);
      LONG.encode(r.firstLine(), out);
    }

    @Override
    public FileRange decode(InputStream in) throws IOException {
      return new FileRange(
          STRING.decode(in),
          STRING.decode(in),
          InputFormat.valueOf(STRING.decode(in)),
          BOOLEAN.decode(in),
          LONG.decode(in),
          LONG.decode(in) - 1,
          LONG.decode(in));
    }
  }
}
