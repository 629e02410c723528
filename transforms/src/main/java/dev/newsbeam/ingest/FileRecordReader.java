package dev.newsbeam.ingest;

import dev.newsbeam.language.LanguageIdentifier;
import dev.newsbeam.language.LanguageSettings;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Turns one (already decompressed) input stream into records: a whole {@code *.txt} or HTML file is
 * one record, every non-blank line of a JSONL file is one, every record of a WARC file is one (a
 * WARC stream is the raw file: jwarc reads its gzip members itself). Every record ends as exactly
 * one article, one error or one counted skip in the sink; the reader never throws for bad content
 * or a broken stream.
 *
 * <p>Every article gets its {@code language} and {@code language_confidence} here, whatever its
 * format ({@link LanguageIdentifier}, with an HTML page's declared language as the hint), and an
 * article in a language the {@link LanguageSettings} do not keep becomes a {@code language} skip.
 */
public final class FileRecordReader {
  private static final int BUFFER = 64 * 1024;

  private final long maxArticleBytes;
  private final TextArticleParser textParser = new TextArticleParser();
  private final JsonlRecordParser jsonlParser = new JsonlRecordParser();
  private final HtmlRecordParser htmlParser = new HtmlRecordParser();
  private final WarcRecordReader warcReader;
  private final LanguageSettings languages;
  private LanguageIdentifier identifier; // the JVM's shared one, looked up on first use

  public FileRecordReader(long maxArticleBytes) {
    this(maxArticleBytes, LanguageSettings.defaults());
  }

  public FileRecordReader(long maxArticleBytes, LanguageSettings languages) {
    if (maxArticleBytes <= 0 || maxArticleBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "maxArticleBytes must be in 1..2^31-17, not " + maxArticleBytes);
    }
    this.maxArticleBytes = maxArticleBytes;
    this.warcReader = new WarcRecordReader(maxArticleBytes);
    this.languages = languages;
  }

  /** What reading one file amounted to. */
  public record Counts(long records, long blankLines) {}

  /** Opens the file's content; may fail like any I/O. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /** Reads a whole file. */
  public Counts read(SourceFile file, InputFormat format, Opener opener, RecordSink sink) {
    return read(file, format, 1, opener, sink);
  }

  /**
   * Reads a part of a JSONL file whose first line is line {@code firstLine} of the file: ids,
   * sources and error locations are those of reading the whole file, and the counts of the parts of
   * a file add up to those of the whole file. Only the part that starts the file ({@code firstLine}
   * 1) can be an empty file. A text file is always read whole ({@code firstLine} 1).
   */
  public Counts read(
      SourceFile file, InputFormat format, long firstLine, Opener opener, RecordSink sink) {
    boolean whole = format == InputFormat.TEXT || format == InputFormat.HTML;
    if (firstLine < 1 || (whole && firstLine != 1)) {
      throw new IllegalArgumentException(
          "first line (record) must be 1 for a text or HTML file and >= 1 for JSONL and WARC, not "
              + firstLine);
    }
    RecordSink tagged = new LanguageSink(sink);
    try (InputStream in = opener.open()) {
      return switch (format) {
        case TEXT -> readText(file, in, tagged, false);
        case HTML -> readText(file, in, tagged, true);
        case JSONL -> readJsonl(file, in, tagged, firstLine);
        case WARC -> warcReader.read(file, in, firstLine, tagged, opener);
      };
    } catch (IOException e) {
      // Only reached when opening (or closing) fails: the readers handle failures mid-stream.
      // A later part of a file names its first line, so that each part's failure is told apart.
      String where =
          firstLine == 1 ? null : (format == InputFormat.WARC ? "record " : "line ") + firstLine;
      sink.error(Errors.of(file.path(), where, ErrorReason.UNREADABLE, "cannot open: " + e, null));
      return new Counts(1, 0);
    }
  }

  private Counts readText(SourceFile file, InputStream in, RecordSink sink, boolean html) {
    byte[] buf = new byte[BUFFER];
    int len = 0;
    try {
      int n;
      while ((n = in.read(buf, len, buf.length - len)) > 0) {
        len += n;
        if (len > maxArticleBytes) {
          sink.error(
              Errors.of(
                  file.path(),
                  null,
                  ErrorReason.TOO_LARGE,
                  "article exceeds --maxArticleBytes=" + maxArticleBytes,
                  Utf8.lossy(buf, len)));
          return new Counts(1, 0);
        }
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxArticleBytes + 1));
        }
      }
    } catch (IOException e) {
      sink.error(streamError(file, null, e, Utf8.lossy(buf, len)));
      return new Counts(1, 0);
    }
    if (html) {
      htmlParser.parse(
          file,
          null,
          file.relativePath(),
          file.path(),
          InputFormat.HTML,
          buf,
          len,
          null,
          null,
          Map.of(),
          sink);
    } else {
      textParser.parse(file, buf, len, sink);
    }
    return new Counts(1, 0);
  }

  private Counts readJsonl(SourceFile file, InputStream in, RecordSink sink, long firstLine) {
    long[] state = {0, 0, firstLine - 1}; // records, blank lines, number of the last line read
    byte[] line = new byte[1024];
    byte[] buf = new byte[BUFFER];
    int len = 0;
    long lineLength = 0; // true length, may exceed what is kept
    boolean sawAnyByte = false;
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        sawAnyByte = true;
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            emitLine(file, line, len, lineLength, sink, state);
            len = 0;
            lineLength = 0;
            continue;
          }
          lineLength++;
          if (lineLength <= maxArticleBytes) {
            if (len == line.length) {
              line =
                  Arrays.copyOf(line, (int) Math.min((long) line.length * 2, maxArticleBytes + 1));
            }
            line[len++] = b;
          }
        }
      }
      if (lineLength > 0) {
        emitLine(file, line, len, lineLength, sink, state);
      }
    } catch (IOException e) {
      state[0]++;
      sink.error(streamError(file, "line " + (state[2] + 1), e, Utf8.lossy(line, len)));
      return new Counts(state[0], state[1]);
    }
    if (!sawAnyByte && firstLine == 1) {
      state[0]++;
      sink.error(Errors.of(file.path(), null, ErrorReason.EMPTY, "file is empty (0 bytes)", null));
    }
    return new Counts(state[0], state[1]);
  }

  private void emitLine(
      SourceFile file, byte[] line, int len, long trueLength, RecordSink sink, long[] state) {
    long lineNumber = ++state[2];
    int end = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
    if (isBlank(line, end) && trueLength <= maxArticleBytes) {
      state[1]++;
      return;
    }
    state[0]++;
    String where = "line " + lineNumber;
    if (trueLength > maxArticleBytes) {
      sink.error(
          Errors.of(
              file.path(),
              where,
              ErrorReason.TOO_LARGE,
              "line of " + trueLength + " bytes exceeds --maxArticleBytes=" + maxArticleBytes,
              Utf8.lossy(line, len)));
      return;
    }
    if (Utf8.looksBinary(line, end)) {
      sink.error(
          Errors.of(
              file.path(),
              where,
              ErrorReason.BINARY,
              "line holds binary data (NUL or control bytes)",
              Utf8.lossy(line, end)));
      return;
    }
    Utf8.Decoded decoded = Utf8.decode(line, end);
    if (!decoded.ok()) {
      sink.error(
          Errors.of(
              file.path(),
              where,
              ErrorReason.NOT_UTF8,
              "invalid UTF-8 at byte " + decoded.badByteOffset() + " of the line",
              Utf8.lossy(line, end)));
      return;
    }
    jsonlParser.parse(file, lineNumber, decoded.text(), sink);
  }

  private static boolean isBlank(byte[] line, int end) {
    for (int i = 0; i < end; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Identifies each article's language before it reaches {@code sink}, and turns an article in a
   * language the run does not keep into a skip. An article that arrives with a language and no
   * confidence carries its page's declared language: the hint.
   */
  private final class LanguageSink implements RecordSink {
    private final RecordSink sink;

    LanguageSink(RecordSink sink) {
      this.sink = sink;
    }

    @Override
    public void article(Article article) {
      if (identifier == null) {
        identifier = LanguageIdentifier.shared(languages.candidates());
      }
      String hint = article.getLanguageConfidence() == null ? article.getLanguage() : null;
      LanguageIdentifier.Guess guess = identifier.identify(sampleOf(article), hint);
      article.setLanguage(guess.language());
      article.setLanguageConfidence(guess.known() ? guess.confidence() : null);
      if (languages.keeps(guess.language())) {
        sink.article(article);
      } else {
        sink.skipped(SkipReason.LANGUAGE);
      }
    }

    @Override
    public void error(ErrorRecord error) {
      sink.error(error);
    }

    @Override
    public void skipped(SkipReason reason) {
      sink.skipped(reason);
    }
  }

  /** The title and the start of the body: what language identification reads. */
  private static String sampleOf(Article article) {
    String text = article.getText();
    String title = article.getTitle();
    int room = LanguageIdentifier.SAMPLE_CHARS;
    String body = text.length() <= room ? text : text.substring(0, room);
    return title == null ? body : title + "\n" + body;
  }

  private static ErrorRecord streamError(
      SourceFile file, String where, IOException e, String excerpt) {
    boolean truncated =
        e instanceof EOFException
            || e instanceof ZipException
            || String.valueOf(e.getMessage()).toLowerCase().contains("unexpected end");
    return truncated
        ? Errors.of(
            file.path(),
            where,
            ErrorReason.TRUNCATED,
            "compressed stream ends early (" + e.getMessage() + "); records before it were kept",
            excerpt)
        : Errors.of(file.path(), where, ErrorReason.UNREADABLE, "read failed: " + e, excerpt);
  }
}
