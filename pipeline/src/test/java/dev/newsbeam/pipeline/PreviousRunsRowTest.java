package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.newsbeam.dedup.ArticleSketcher;
import dev.newsbeam.dedup.DedupSettings;
import dev.newsbeam.dedup.DocSketch;
import dev.newsbeam.schema.ArticleSketch;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@code sketches/} row reads back as the sketch it was written from, archived. */
class PreviousRunsRowTest {
  private static final String TEXT =
      "The harbour board voted on Tuesday to extend the evening ferry timetable through the winter,"
          + " after 4,000 commuters signed a petition; passes rise by 2.5 pct from March 1.";

  @Test
  void aRowReadsBackAsTheArchivedSketchItWasWrittenFrom() {
    for (DedupSettings settings :
        List.of(
            DedupSettings.defaults(),
            DedupSettings.defaults().withVerify(DedupSettings.Verify.EXACT))) {
      DocSketch written =
          new ArticleSketcher(settings)
              .sketch(
                  "ferry/1",
                  "in/ferry.txt",
                  TEXT,
                  LocalDate.of(2025, 3, 2).toEpochDay() * 86_400_000L)
              .sketch();

      ArticleSketch row = PreviousRuns.toRow(written, "day-2");
      DocSketch read = PreviousRuns.fromRow(row);

      assertThat(row.getPublishedDate(), equalTo(LocalDate.of(2025, 3, 2)));
      assertThat(read.isArchived(), is(true));
      assertThat(read.run, equalTo("day-2"));
      assertThat(read.id, equalTo(DocSketch.archivedId("day-2", "ferry/1")));
      assertThat(DocSketch.articleId(read.id), equalTo("ferry/1"));
      assertThat(read.fingerprint, equalTo(written.fingerprint));
      assertThat(read.published, equalTo(written.published));
      assertThat(read.length, equalTo(written.length));
      assertThat(read.shingleCount, equalTo(written.shingleCount));
      assertThat(read.signature, equalTo(written.signature));
      assertThat(read.figures, equalTo(written.figures));
      assertThat(read.shingles, equalTo(written.shingles));
      assertThat("an archived sketch counts no article of the new run", read.exactCopies, is(0L));
    }
  }
}
