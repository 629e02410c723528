package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.newsbeam.schema.Article;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextArticleParserTest {
  private static final SourceFile FILE = new SourceFile("/data/in/desk/a.txt", "desk/a.txt");
  private final TextArticleParser parser = new TextArticleParser();

  private CollectingSink parse(String content) {
    CollectingSink sink = new CollectingSink();
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    parser.parse(FILE, bytes, bytes.length, sink);
    return sink;
  }

  @Test
  void seedShapedFileGivesDateBylineAndBody() {
    Article a =
        parse(
                "date 2025-02-12 By Mara Lindqvist and Teo Ferrante, CNN\n\n"
                    + "(CNN) — The harbour bridge reopened on Monday.\n\nTraffic resumed at noon.\n")
            .onlyArticle();
    assertThat(a.getId(), equalTo("desk/a.txt"));
    assertThat(a.getSource(), equalTo("/data/in/desk/a.txt"));
    assertThat(a.getInputFormat(), equalTo("text"));
    assertThat(a.getPublishedDate(), equalTo(LocalDate.of(2025, 2, 12)));
    assertThat(a.getPublishedAt(), is(nullValue()));
    assertThat(a.getBylineRaw(), equalTo("By Mara Lindqvist and Teo Ferrante, CNN"));
    assertThat(
        a.getText(),
        equalTo("(CNN) — The harbour bridge reopened on Monday.\n\nTraffic resumed at noon."));
  }

  static Stream<Arguments> messyButValid() {
    String body = "The council met.\n\nIt voted.";
    return Stream.of(
        Arguments.of(
            "crlf", "date 2024-11-05 By A Writer\r\n\r\nThe council met.\r\n\r\nIt voted.\r\n"),
        Arguments.of("bom", "\uFEFFdate 2024-11-05 By A Writer\n\nThe council met.\n\nIt voted."),
        Arguments.of(
            "trailing blank lines",
            "date 2024-11-05 By A Writer\n\nThe council met.\n\nIt voted.\n\n\n\n  \n"),
        Arguments.of(
            "leading blank lines",
            "\n\ndate 2024-11-05 By A Writer\nThe council met.\n\nIt voted."),
        Arguments.of(
            "old mac line ends", "date 2024-11-05 By A Writer\r\rThe council met.\r\rIt voted.\r"),
        Arguments.of("tab after date", "date\t2024-11-05\tBy A Writer\n\n" + body));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messyButValid")
  void toleratesRealFileQuirks(String name, String content) {
    Article a = parse(content).onlyArticle();
    assertThat(a.getPublishedDate(), equalTo(LocalDate.of(2024, 11, 5)));
    assertThat(a.getBylineRaw(), equalTo("By A Writer"));
    assertThat(a.getText(), equalTo("The council met.\n\nIt voted."));
  }

  @Test
  void datetimeHeaderKeepsDateAndInstant() {
    Article a = parse("date 2025-02-12T23:05:00-05:00 By Ana Ruiz, AP\n\nBody.").onlyArticle();
    assertThat(a.getPublishedDate(), equalTo(LocalDate.of(2025, 2, 12)));
    assertThat(a.getPublishedAt(), equalTo(Instant.parse("2025-02-13T04:05:00Z")));
  }

  @Test
  void headerWithoutBylineGivesNullByline() {
    Article a = parse("date 2025-01-01\n\nA quiet new year.").onlyArticle();
    assertThat(a.getBylineRaw(), is(nullValue()));
    assertThat(a.getText(), equalTo("A quiet new year."));
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("", "empty"),
        Arguments.of("  \n\n \t\n", "empty"),
        Arguments.of("The harbour bridge reopened.\n\nMore text.", "bad_header"),
        Arguments.of("dated 2025-02-12 By X\n\nBody", "bad_header"),
        Arguments.of("date yesterday By X\n\nBody", "bad_header"),
        Arguments.of("date 2025-02-30 By X\n\nBody", "bad_date"),
        Arguments.of("date 2025-13-01\n\nBody", "bad_date"),
        Arguments.of("date 2025-02-12 By Someone, CNN\n\n\n", "missing_text"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badFiles")
  void badFilesBecomeErrorsWithReasons(String content, String reason) {
    var e = parse(content).onlyError();
    assertThat(e.getReason(), equalTo(reason));
    assertThat(e.getSource(), equalTo("/data/in/desk/a.txt"));
  }

  @Test
  void invalidUtf8IsReportedWithItsOffset() {
    byte[] latin1 = "date 2025-02-12\n\nCaf\u00e9 society".getBytes(StandardCharsets.ISO_8859_1);
    CollectingSink sink = new CollectingSink();
    parser.parse(FILE, latin1, latin1.length, sink);
    var e = sink.onlyError();
    assertThat(e.getReason(), equalTo("not_utf8"));
    assertThat(e.getLocation(), equalTo("byte 20"));
    assertThat(e.getExcerpt(), startsWith("date 2025-02-12"));
  }

  @Test
  void binaryContentIsNotMistakenForText() {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    CollectingSink sink = new CollectingSink();
    parser.parse(FILE, png, png.length, sink);
    assertThat(sink.onlyError().getReason(), equalTo("binary"));
    assertThat(sink.onlyError().getMessage(), containsString("binary"));
  }
}
