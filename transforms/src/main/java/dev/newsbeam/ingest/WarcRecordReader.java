package dev.newsbeam.ingest;

import java.io.IOException;
import java.io.InputStream;
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
 * {@code bad_warc_record} error and reading goes on with the next record; when the WARC framing
 * itself is broken (a truncated file, a header that is no WARC header) there is no next record to
 * find, and the error ends the range.
 *
 * <p>Records are numbered from 1 in the whole file: an article's id is {@code <relative
 * path>:<record>} and its source {@code <path>:<record>}, as for JSONL lines.
 */
final class WarcRecordReader {
  private final long maxArticleBytes;
  private final HtmlRecordParser html = new HtmlRecordParser();

  WarcRecordReader(long maxArticleBytes) {
    this.maxArticleBytes = maxArticleBytes;
  }

  /**
   * Reads from {@code in} (the raw file bytes from a record start, gzip members or not) up to its
   * end; {@code firstRecord} is the number of the first record in the file.
   */
  FileRecordReader.Counts read(SourceFile file, InputStream in, long firstRecord, RecordSink sink) {
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
    try (reader) {
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          records++;
          sink.error(
              Errors.of(
                  file.path(),
                  "record " + (number + 1),
                  e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("eof")
                      ? ErrorReason.TRUNCATED
                      : ErrorReason.BAD_WARC_RECORD,
                  "WARC record cannot be read (" + e + "); the records before it were kept",
                  null));
          break;
        }
        if (next.isEmpty()) {
          break;
        }
        number++;
        records++;
        record(file, number, next.get(), sink);
      }
    } catch (IOException e) {
      // closing a read-only stream: nothing to report
    }
    if (records == 0 && firstRecord == 1) {
      sink.error(
          Errors.of(file.path(), null, ErrorReason.EMPTY, "WARC file holds no record", null));
      return new FileRecordReader.Counts(1, 0);
    }
    return new FileRecordReader.Counts(records, 0);
  }

  private static boolean isEmpty(Exception e) {
    return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("eof");
  }

  private void record(SourceFile file, long number, WarcRecord record, RecordSink sink) {
    String where = "record " + number;
    switch (record.type()) {
      case "response" -> {}
      case "request" -> {
        sink.skipped(SkipReason.WARC_REQUEST);
        return;
      }
      case "metadata" -> {
        sink.skipped(SkipReason.WARC_METADATA);
        return;
      }
      case "revisit" -> {
        sink.skipped(SkipReason.WARC_REVISIT);
        return;
      }
      default -> {
        sink.skipped(SkipReason.WARC_OTHER);
        return;
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
        return;
      }
      http = response.http();
      if (http.status() < 200 || http.status() > 299) {
        sink.skipped(SkipReason.HTTP_STATUS);
        return;
      }
      type = http.contentType();
      if (!isHtml(type)) {
        sink.skipped(SkipReason.NOT_HTML);
        return;
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
        return;
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
        return;
      }
      body = read.bytes;
      length = read.length;
      if (!declared(type) && !looksLikeMarkup(body, length)) {
        sink.skipped(SkipReason.NOT_HTML);
        return;
      }
    } catch (IOException | RuntimeException e) {
      sink.error(
          Errors.of(
              file.path(),
              where,
              ErrorReason.BAD_WARC_RECORD,
              "response record cannot be read: " + e,
              target));
      return;
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
