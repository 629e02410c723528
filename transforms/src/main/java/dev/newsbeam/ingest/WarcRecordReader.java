package dev.newsbeam.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads the records of a WARC file (or of a range of it that starts at a record) with jwarc: every
 * {@code response} with a 2xx status and an HTML payload is one page for {@link HtmlRecordParser};
 * every other record is a counted skip ({@link SkipReason}: request, metadata, revisit, other
 * types, non-2xx status, non-HTML payload). A record whose HTTP message or body cannot be read is a
 * {@code bad_warc_record} error and reading goes on with the next record.
 *
 * <p>When the WARC framing itself breaks (a corrupt gzip member, a header that is no WARC header, a
 * file cut off), the broken stretch is one error record ({@code bad_warc_record}, or {@code
 * truncated} at the end of the stream) and reading resumes at the next place a record can start: a
 * gzip member header in a {@code .warc.gz} (one member per record), a {@code WARC/1.} line
 * otherwise. A candidate that does not read as a record is passed over, so every byte after the
 * break is tried once and the records after it are kept.
 *
 * <p>Records are numbered from 1 in the whole file: an article's id is {@code <relative
 * path>:<record>} and its source {@code <path>:<record>}, as for JSONL lines. A broken stretch
 * counts as one record.
 */
final class WarcRecordReader {
  private final long maxArticleBytes;
  private final HtmlRecordParser html = new HtmlRecordParser();

  WarcRecordReader(long maxArticleBytes) {
    this.maxArticleBytes = maxArticleBytes;
  }

  /**
   * Reads from {@code in} (the raw file bytes from a record start, gzip members or not) up to its
   * end; {@code firstRecord} is the number of the first record in the file; {@code reopen} opens
   * the same bytes again from their start, to resume after a break.
   */
  FileRecordReader.Counts read(
      SourceFile file,
      InputStream in,
      long firstRecord,
      RecordSink sink,
      FileRecordReader.Opener reopen) {
    long number = firstRecord - 1;
    long records = 0;
    WarcReader reader;
    try {
      reader = new WarcReader(in);
    } catch (IOException | RuntimeException e) {
      sink.error(
          Errors.of(
              file.path(),
              firstRecord == 1 ? null : "record " + firstRecord,
              firstRecord == 1 && isEmpty(e) ? ErrorReason.EMPTY : ErrorReason.BAD_WARC_RECORD,
              "not a WARC file: " + e.getMessage(),
              null));
      return new FileRecordReader.Counts(1, 0);
    }
    boolean gzip = file.path().toLowerCase(Locale.ROOT).endsWith(".gz");
    long base = 0; // where the current reader started, in bytes from the start of `in`
    boolean broken = false; // the current stretch of bytes has already been reported
    while (reader != null) {
      long lastStart = -1;
      boolean bodyFailed = false;
      Exception failure = null;
      try (WarcReader current = reader) {
        while (true) {
          Optional<WarcRecord> next;
          try {
            next = current.next();
          } catch (IOException | RuntimeException e) {
            failure = e;
            break;
          }
          if (next.isEmpty()) {
            break;
          }
          number++;
          records++;
          broken = false;
          lastStart = base + current.position();
          bodyFailed = record(file, number, next.get(), sink);
        }
      } catch (IOException e) {
        // closing a read-only stream: nothing to report
      }
      reader = null;
      if (failure == null) {
        break;
      }
      // A record whose body failed to read was reported with it: the failure to step past it is
      // the same broken member, not another record.
      if (!broken && !bodyFailed) {
        number++;
        records++;
        sink.error(
            Errors.of(
                file.path(),
                "record " + number,
                isEmpty(failure) ? ErrorReason.TRUNCATED : ErrorReason.BAD_WARC_RECORD,
                "WARC record cannot be read ("
                    + failure
                    + "); reading resumes at the next record start",
                null));
      }
      broken = true;
      long from = Math.max(base, lastStart) + 1;
      while (reader == null) {
        long candidate = nextRecordStart(reopen, from, gzip);
        if (candidate < 0) {
          break;
        }
        from = candidate + 1;
        reader = readerAt(reopen, candidate); // null: no record starts there, try the next one
        base = candidate;
      }
    }
    if (records == 0 && firstRecord == 1) {
      sink.error(
          Errors.of(file.path(), null, ErrorReason.EMPTY, "WARC file holds no record", null));
      return new FileRecordReader.Counts(1, 0);
    }
    return new FileRecordReader.Counts(records, 0);
  }

  /** A reader of the bytes from {@code offset} on, or null when no WARC record starts there. */
  private static WarcReader readerAt(FileRecordReader.Opener reopen, long offset) {
    InputStream in = null;
    try {
      in = reopen.open();
      in.skipNBytes(offset);
      return new WarcReader(in);
    } catch (IOException | RuntimeException e) {
      try {
        if (in != null) {
          in.close();
        }
      } catch (IOException ignored) {
        // a read-only stream: nothing to report
      }
      return null;
    }
  }

  private static final byte[] GZIP_MEMBER = {0x1f, (byte) 0x8b, 0x08};
  private static final byte[] WARC_LINE = "\nWARC/1.".getBytes(StandardCharsets.US_ASCII);

  /**
   * The offset of the first place at or after {@code from} where a record may start (a gzip
   * member's header, or a {@code WARC/1.} line), or -1 at the end of the stream.
   */
  static long nextRecordStart(FileRecordReader.Opener reopen, long from, boolean gzip) {
    byte[] pattern = gzip ? GZIP_MEMBER : WARC_LINE;
    int skipPrefix = gzip ? 0 : 1; // a WARC line starts after its newline
    long scanFrom = Math.max(0, from - skipPrefix);
    try (InputStream in = new BufferedInputStream(reopen.open(), 64 * 1024)) {
      in.skipNBytes(scanFrom);
      long offset = scanFrom;
      int matched = !gzip && from == 0 ? 1 : 0; // the stream's start is a line start
      int b;
      while ((b = in.read()) >= 0) {
        offset++;
        if (b == (pattern[matched] & 0xff)) {
          matched++;
        } else {
          // the patterns have no proper prefix that is also a suffix of another partial match,
          // except a restart at their first byte
          matched = b == (pattern[0] & 0xff) ? 1 : 0;
        }
        if (matched == pattern.length) {
          return offset - pattern.length + skipPrefix;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1; // the bytes cannot be read again: nothing more to recover
    }
    return -1;
  }

  private static boolean isEmpty(Exception e) {
    return e instanceof java.io.EOFException
        || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("eof");
  }

  /** Reports one record; true when its HTTP message or body could not be read. */
  private boolean record(SourceFile file, long number, WarcRecord record, RecordSink sink) {
    String where = "record " + number;
    switch (record.type()) {
      case "response" -> {}
      case "request" -> {
        sink.skipped(SkipReason.WARC_REQUEST);
        return false;
      }
      case "metadata" -> {
        sink.skipped(SkipReason.WARC_METADATA);
        return false;
      }
      case "revisit" -> {
        sink.skipped(SkipReason.WARC_REVISIT);
        return false;
      }
      default -> {
        sink.skipped(SkipReason.WARC_OTHER);
        return false;
      }
    }
    WarcResponse response = (WarcResponse) record;
    String target = response.target();
    HttpResponse http;
    MediaType type;
    byte[] body;
    int length;
    try {
      MediaType block = response.contentType();
      if (!"application".equals(block.type()) || !"http".equals(block.subtype())) {
        sink.skipped(SkipReason.WARC_OTHER); // a response that is no HTTP message (Gemini, DNS)
        return false;
      }
      http = response.http();
      if (http.status() < 200 || http.status() > 299) {
        sink.skipped(SkipReason.HTTP_STATUS);
        return false;
      }
      type = http.contentType();
      if (!isHtml(type)) {
        sink.skipped(SkipReason.NOT_HTML);
        return false;
      }
      MessageBody decoded = http.bodyDecoded();
      long declared = http.body().size();
      if (declared > maxArticleBytes) {
        sink.error(
            Errors.of(
                file.path(),
                where,
                ErrorReason.TOO_LARGE,
                "page of " + declared + " bytes exceeds --maxArticleBytes=" + maxArticleBytes,
                target));
        return false;
      }
      Bytes read = readAll(decoded.stream());
      if (read.length > maxArticleBytes) {
        sink.error(
            Errors.of(
                file.path(),
                where,
                ErrorReason.TOO_LARGE,
                "decoded page exceeds --maxArticleBytes=" + maxArticleBytes,
                target));
        return false;
      }
      body = read.bytes;
      length = read.length;
      if (!declared(type) && !looksLikeMarkup(body, length)) {
        sink.skipped(SkipReason.NOT_HTML);
        return false;
      }
    } catch (IOException | RuntimeException e) {
      sink.error(
          Errors.of(
              file.path(),
              where,
              ErrorReason.BAD_WARC_RECORD,
              "response record cannot be read: " + e,
              target));
      return true;
    }
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("warc_record_id", String.valueOf(record.id()));
    extra.put("warc_date", String.valueOf(record.date()));
    html.parse(
        file,
        where,
        file.relativePath() + ":" + number,
        file.path() + ":" + number,
        InputFormat.WARC,
        body,
        length,
        type.parameters().get("charset"),
        target,
        extra,
        sink);
    return false;
  }

  /** Whether a payload may be HTML: its declared type says so, or it declares none. */
  private static boolean isHtml(MediaType type) {
    if (!declared(type)) {
      return true; // undeclared: the bytes decide (looksLikeMarkup)
    }
    String base = type.base().toString().toLowerCase(Locale.ROOT);
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  private static boolean declared(MediaType type) {
    return type != null && type.isValid();
  }

  /** Whether the payload starts, after white space and a BOM, with a tag. */
  private static boolean looksLikeMarkup(byte[] body, int length) {
    for (int i = 0; i < Math.min(length, 1024); i++) {
      int b = body[i] & 0xff;
      if (b == '<') {
        return true;
      }
      if (!(b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB
          || b == 0xBF)) {
        return false;
      }
    }
    return false;
  }

  private record Bytes(byte[] bytes, int length) {}

  private Bytes readAll(InputStream in) throws IOException {
    byte[] buf = new byte[64 * 1024];
    int len = 0;
    int n;
    while ((n = in.read(buf, len, buf.length - len)) > 0) {
      len += n;
      if (len > maxArticleBytes) {
        return new Bytes(buf, len);
      }
      if (len == buf.length) {
        buf =
            java.util.Arrays.copyOf(
                buf, (int) Math.min((long) buf.length * 2, maxArticleBytes + 1));
      }
    }
    return new Bytes(buf, len);
  }
}
