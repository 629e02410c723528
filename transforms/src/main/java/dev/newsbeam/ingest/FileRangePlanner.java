package dev.newsbeam.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Splits a file into the {@link FileRange}s that reader tasks read, so that one big JSONL file
 * keeps every worker busy without its parsed articles crossing a shuffle.
 *
 * <p>A text file, a compressed file (which cannot be entered in the middle) and a JSONL file not
 * larger than a chunk are one whole-file range. A bigger uncompressed JSONL file is cut into
 * line-aligned ranges of about a chunk each; the file is read once, sequentially, to find the line
 * ends and the number of each range's first line (ids and error locations name the file's lines).
 */
public final class FileRangePlanner {
  /**
   * Default chunk: 1 MB, a few hundred articles of a few KB. Large enough that a range's own costs
   * (opening the file and seeking, a descriptor in the shuffle, a bundle) vanish against parsing
   * it. Small enough that a corpus gives each worker many ranges: ranges are spread by random keys,
   * not by work stealing, so with few ranges per worker one worker draws more of them and the
   * others wait for it. Memory does not depend on it: a range is streamed, one line at a time.
   */
  public static final long DEFAULT_CHUNK_BYTES = 1L << 20;

  private static final int BUFFER = 1 << 20;

  private FileRangePlanner() {}

  /**
   * A line-aligned byte range [{@code start}, {@code end}) whose first line is line {@code
   * firstLine} of the file.
   */
  public record Chunk(long start, long end, long firstLine) {}

  /**
   * The ranges of one file, in file order. Never throws for the file's content: when the file
   * cannot be read to plan it, it is one whole-file range, and reading that reports the failure.
   *
   * @param sizeBytes the file's size as matched
   * @param chunkBytes the size a range of a big JSONL file reaches before it ends at the next
   *     newline
   * @param opener the file's raw (undecompressed) bytes, read only to split a big JSONL file
   */
  public static List<FileRange> plan(
      SourceFile file,
      InputFormat format,
      boolean compressed,
      long sizeBytes,
      long chunkBytes,
      FileRecordReader.Opener opener) {
    checkChunkBytes(chunkBytes);
    FileRange whole = FileRange.whole(file, format, compressed, sizeBytes);
    boolean warc =
        format == InputFormat.WARC && FileRangeReader.rawWarc(format, fileName(file.path()));
    if (sizeBytes <= chunkBytes || !(warc || (format == InputFormat.JSONL && !compressed))) {
      return List.of(whole);
    }
    List<Chunk> chunks;
    try (InputStream in = opener.open()) {
      chunks = warc ? recordChunks(in, chunkBytes) : lineChunks(in, chunkBytes);
    } catch (IOException | RuntimeException e) {
      return List.of(whole);
    }
    if (chunks.size() <= 1) {
      return List.of(whole);
    }
    List<FileRange> ranges = new ArrayList<>(chunks.size());
    for (Chunk c : chunks) {
      ranges.add(
          new FileRange(
              file.path(),
              file.relativePath(),
              format,
              compressed,
              c.start(),
              c.end(),
              c.firstLine()));
    }
    return ranges;
  }

  /**
   * Line-aligned chunks of {@code in} of about {@code chunkBytes} each, in order, covering every
   * byte once: a chunk ends just after the first newline at or after {@code chunkBytes} from its
   * start, the last one at the end of the stream. An empty stream has no chunks.
   */
  public static List<Chunk> lineChunks(InputStream in, long chunkBytes) throws IOException {
    checkChunkBytes(chunkBytes);
    List<Chunk> out = new ArrayList<>();
    byte[] buf = new byte[BUFFER];
    long offset = 0;
    long line = 1;
    long start = 0;
    long firstLine = 1;
    int n;
    while ((n = in.read(buf)) >= 0) {
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          line++;
          long end = offset + i + 1;
          if (end - start >= chunkBytes) {
            out.add(new Chunk(start, end, firstLine));
            start = end;
            firstLine = line;
          }
        }
      }
      offset += n;
    }
    if (start < offset) {
      out.add(new Chunk(start, offset, firstLine));
    }
    return out;
  }

  /**
   * Record-aligned chunks of a WARC file of about {@code chunkBytes} (raw, compressed bytes) each:
   * a chunk ends where the first record at or after {@code chunkBytes} from its start begins, and
   * its {@code firstLine} is the number of its first record. The headers are read with jwarc (a
   * {@code .warc.gz} is inflated to find them), the payloads skipped. Where the framing breaks the
   * last chunk runs to the end of the file; reading it reports the break and resumes after it.
   */
  public static List<Chunk> recordChunks(InputStream in, long chunkBytes) throws IOException {
    checkChunkBytes(chunkBytes);
    List<Chunk> out = new ArrayList<>();
    long start = 0;
    long firstRecord = 1;
    long record = 0;
    try (WarcReader reader = new WarcReader(in)) {
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          break; // the reader reports it; the last chunk runs to the end
        }
        if (next.isEmpty()) {
          break;
        }
        record++;
        long position = reader.position();
        if (record > firstRecord && position - start >= chunkBytes) {
          out.add(new Chunk(start, position, firstRecord));
          start = position;
          firstRecord = record;
        }
      }
    }
    out.add(new Chunk(start, FileRange.TO_THE_END, firstRecord));
    return out;
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void checkChunkBytes(long chunkBytes) {
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("chunk bytes must be >= 1, not " + chunkBytes);
    }
  }
}
