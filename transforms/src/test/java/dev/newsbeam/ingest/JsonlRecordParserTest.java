package dev.newsbeam.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.newsbeam.schema.Article;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonlRecordParserTest {
  private static final SourceFile FILE = new SourceFile("/corpus/wire.jsonl", "wire.jsonl");
  private final JsonlRecordParser parser = new JsonlRecordParser();

  private CollectingSink parse(long line, String json) {
    CollectingSink sink = new CollectingSink();
    parser.parse(FILE, line, json, sink);
    return sink;
  }

  @Test
  void readsEveryContractFieldAndKeepsUnknownKeys() {
    Article a =
        parse(
                7,
                "{\"id\":\"w-1\",\"url\":\"https://example.org/a\",\"title\":\"Grain exports rise\","
                    + "\"date\":\"1987-03-02\",\"byline\":\"By Pat Doe, Reuters\",\"source\":\"Reuters\","
                    + "\"labels\":[\"grain\",\"wheat\"],\"text\":\"Exports rose.\\r\\nAgain.\","
                    + "\"section\":\"markets\",\"wordcount\":412,\"tags\":[\"a\",1]}")
            .onlyArticle();
    assertThat(a.getId(), equalTo("w-1"));
    assertThat(a.getSource(), equalTo("/corpus/wire.jsonl:7"));
    assertThat(a.getInputFormat(), equalTo("jsonl"));
    assertThat(a.getUrl(), equalTo("https://example.org/a"));
    assertThat(a.getTitle(), equalTo("Grain exports rise"));
    assertThat(a.getPublishedDate(), equalTo(LocalDate.of(1987, 3, 2)));
    assertThat(a.getBylineRaw(), equalTo("By Pat Doe, Reuters"));
    assertThat(a.getOutlet(), equalTo("Reuters"));
    assertThat(a.getLabels(), contains("grain", "wheat"));
    assertThat(a.getText(), equalTo("Exports rose.\nAgain."));
    assertThat(a.getExtra(), hasEntry("section", "markets"));
    assertThat(a.getExtra(), hasEntry("wordcount", "412"));
    assertThat(a.getExtra(), hasEntry("tags", "[\"a\",1]"));
    assertThat(a.getExtra().size(), equalTo(3));
  }

  @Test
  void idIsDerivedFromPathAndLineWhenAbsent() {
    Article a = parse(12, "{\"text\":\"Only a body.\"}").onlyArticle();
    assertThat(a.getId(), equalTo("wire.jsonl:12"));
    assertThat(a.getLabels(), is(empty()));
    assertThat(a.getPublishedDate(), is(nullValue()));
  }

  @Test
  void numericIdIsKeptAsText() {
    assertThat(parse(1, "{\"id\":1234,\"text\":\"x\"}").onlyArticle().getId(), equalTo("1234"));
  }

  @Test
  void datetimeWithZoneSetsInstant() {
    Article a = parse(1, "{\"text\":\"x\",\"date\":\"2025-02-12T14:05:00Z\"}").onlyArticle();
    assertThat(a.getPublishedDate(), equalTo(LocalDate.of(2025, 2, 12)));
    assertThat(a.getPublishedAt(), equalTo(Instant.parse("2025-02-12T14:05:00Z")));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"text\": \"unterminated | bad_json",
        "[1,2,3] | bad_json",
        "\"just a string\" | bad_json",
        "{\"text\":\"a\"} trailing | bad_json",
        "{\"id\":\"x\"} | missing_text",
        "{\"text\":null} | missing_text",
        "{\"text\":\"   \"} | missing_text",
        "{\"text\":42} | bad_type",
        "{\"text\":\"x\",\"labels\":\"earn\"} | bad_type",
        "{\"text\":\"x\",\"labels\":[\"earn\",3]} | bad_type",
        "{\"text\":\"x\",\"title\":{\"main\":\"t\"}} | bad_type",
        "{\"text\":\"x\",\"id\":[1]} | bad_type",
        "{\"text\":\"x\",\"date\":\"2025-02-30\"} | bad_date",
        "{\"text\":\"x\",\"date\":\"last Tuesday\"} | bad_date",
      })
  void badLinesBecomeErrorsWithReasonAndLine(String json, String reason) {
    var e = parse(5, json.strip()).onlyError();
    assertThat(e.getReason(), equalTo(reason));
    assertThat(e.getLocation(), equalTo("line 5"));
    assertThat(e.getSource(), equalTo("/corpus/wire.jsonl"));
    assertThat(e.getExcerpt(), containsString(json.strip().substring(0, 3)));
  }
}
