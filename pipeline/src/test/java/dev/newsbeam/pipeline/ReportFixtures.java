package dev.newsbeam.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Inputs of the report tests: a folder whose data tries to inject markup into the page. */
final class ReportFixtures {
  private ReportFixtures() {}

  /** A title that is markup, on two copies of one story, so it heads the largest cluster. */
  static final String HOSTILE_TITLE =
      "<script>alert(\"pwned\")</script> Ferry <b>fares</b> & 'tolls'";

  static final String HOSTILE_OUTLET = "The <i>Quayside</i> Courier";

  /** An input folder whose titles, outlet and a broken line try to inject markup. */
  static Path hostileInput(Path dir) throws IOException {
    Files.createDirectories(dir);
    String text =
        "The harbour board of Quayside voted on Tuesday to freeze ferry fares for another year,"
            + " after commuters filled the council chamber with placards about rising tolls on the"
            + " old bridge. Board chair Imelda Sorrel said the ferries would stay at four crossings"
            + " an hour and that the winter timetable would add a late boat on Fridays.";
    String other =
        "Volunteers in the hill town of Brackenmoor counted ninety-one nesting swifts this spring,"
            + " the highest tally since the bell tower was repaired, and asked residents to leave"
            + " the gaps under their eaves open until the birds leave in late summer.";
    String lines =
        line("q-1", HOSTILE_TITLE, "2025-04-01", text)
            + line("q-2", HOSTILE_TITLE, "2025-04-02", text)
            + line("q-3", "Swift count <img src=x onerror=alert(1)> rises", "2025-04-02", other)
            + "{\"id\": \"q-4\", \"title\": \"<img src=x onerror=alert(2)>\", \"text\": \n";
    Files.writeString(dir.resolve("hostile.jsonl"), lines, StandardCharsets.UTF_8);
    return dir;
  }

  private static String line(String id, String title, String date, String text) {
    return "{\"id\": \""
        + id
        + "\", \"title\": \""
        + title.replace("\"", "\\\"")
        + "\", \"date\": \""
        + date
        + "\", \"source\": \""
        + HOSTILE_OUTLET
        + "\", \"text\": \""
        + text
        + "\"}\n";
  }
}
