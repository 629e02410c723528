package dev.newsbeam.ingest;

import dev.newsbeam.schema.Article;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one {@code *.txt} article in the seed's format:
 *
 * <pre>
 * date 2025-02-12 By Kaitlan Collins and Kevin Liptak, CNN
 *
 * (CNN) — President ...
 * </pre>
 *
 * The first line is {@code date} followed by an ISO date or datetime and, optionally, the byline;
 * the rest is the body. A UTF-8 BOM, CRLF line ends, leading and trailing blank lines are
 * tolerated.
 */
public final class TextArticleParser {
  private static final Pattern HEADER = Pattern.compile("(?i)date:?[ \\t]+(\\S+)(?:[ \\t]+(.*))?");

  /** Decodes and parses the file's bytes, sending one article or one error to {@code sink}. */
  public void parse(SourceFile file, byte[] bytes, int length, RecordSink sink) {
    if (length == 0) {
      sink.error(Errors.of(file.path(), null, ErrorReason.EMPTY, "file is empty (0 bytes)", null));
      return;
    }
    if (Utf8.looksBinary(bytes, length)) {
      sink.error(
          Errors.of(
              file.path(),
              null,
              ErrorReason.BINARY,
              "file holds binary data (NUL or control bytes), not text",
              Utf8.lossy(bytes, length)));
      return;
    }
    Utf8.Decoded decoded = Utf8.decode(bytes, length);
    if (!decoded.ok()) {
      sink.error(
          Errors.of(
              file.path(),
              "byte " + decoded.badByteOffset(),
              ErrorReason.NOT_UTF8,
              "invalid UTF-8 at byte " + decoded.badByteOffset(),
              Utf8.lossy(bytes, length)));
      return;
    }
    parse(file, decoded.text(), sink);
  }

  /** Parses already-decoded text. */
  public void parse(SourceFile file, String content, RecordSink sink) {
    String text = normaliseNewlines(stripBom(content));
    if (text.isBlank()) {
      sink.error(
          Errors.of(file.path(), null, ErrorReason.EMPTY, "file holds only white space", content));
      return;
    }
    int start = 0;
    while (text.charAt(start) == '\n' || Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int lineEnd = text.indexOf('\n', start);
    String header = (lineEnd < 0 ? text.substring(start) : text.substring(start, lineEnd)).strip();
    String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1).strip();

    Matcher m = HEADER.matcher(header);
    if (!m.matches() || !PublishedDate.looksLikeDate(m.group(1))) {
      sink.error(
          Errors.of(
              file.path(),
              "line 1",
              ErrorReason.BAD_HEADER,
              "first line must be 'date YYYY-MM-DD [byline]'",
              header));
      return;
    }
    PublishedDate date;
    try {
      date = PublishedDate.parse(m.group(1));
    } catch (PublishedDate.BadDateException e) {
      sink.error(Errors.of(file.path(), "line 1", ErrorReason.BAD_DATE, e.getMessage(), header));
      return;
    }
    if (body.isEmpty()) {
      sink.error(
          Errors.of(
              file.path(),
              null,
              ErrorReason.MISSING_TEXT,
              "header has no article body after it",
              header));
      return;
    }
    String byline = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
    sink.article(
        Article.newBuilder()
            .setId(file.relativePath())
            .setSource(file.path())
            .setInputFormat(InputFormat.TEXT.code())
            .setPublishedDate(date.date())
            .setPublishedAt(date.instant())
            .setBylineRaw(byline)
            .setText(body)
            .build());
  }

  static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  static String normaliseNewlines(String s) {
    return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
  }
}
