package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.newsbeam.pipeline.report.ReportPage;
import dev.newsbeam.pipeline.report.ReportReader;
import dev.newsbeam.pipeline.report.ReportSettings;
import dev.newsbeam.pipeline.report.RunSummary;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.DuplicateRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run on testdata/ (and on a hostile input): its numbers, marks and escaping.
 */
class ReportTest {
  @TempDir static Path tmp;
  static Path out;
  static Outputs.Run run;
  static RunSummary summary;
  static List<Article> articles;

  @BeforeAll
  static void runPipelineOnTestdata() throws IOException {
    out = tmp.resolve("out");
    run = Outputs.main("--input=" + Outputs.testdata(), "--output=" + out);
    summary = new ReportReader(out.toString(), ReportSettings.DEFAULTS).read();
    articles = Outputs.read(out, "articles", Article.class);
  }

  @Test
  void everyRunWritesItsReportNextToTheManifest() throws IOException {
    assertThat(run.stderr(), run.exitCode(), equalTo(0));
    assertThat(run.stdout(), containsString("report.html"));
    assertThat(run.stderr(), not(containsString("WARNING")));
    String page = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(page, equalTo(ReportPage.render(summary)));
  }

  @Test
  void summaryAccountsForTheInputAsTheManifestDoes() {
    RunSummary.Accounting a = summary.accounting();
    assertThat(a.inputRecords(), equalTo(52L));
    assertThat(a.articles(), equalTo(44L));
    assertThat(a.errors(), equalTo(8L));
    assertThat(a.errorsByReason().get("missing_text"), equalTo(3L));
    assertThat(summary.errorCounts(), equalTo(a.errorsByReason()));
    assertThat(summary.articles(), equalTo(44L));
    // at most excerptsPerReason samples are kept of the three missing_text records
    assertThat(summary.errorSamples().get("missing_text"), hasSize(3));
  }

  @Test
  void bylineCoverageCountsTheArticlesWithEachField() {
    assertThat(
        summary.withAuthors(),
        equalTo(articles.stream().filter(a -> !a.getAuthors().isEmpty()).count()));
    assertThat(
        summary.withOutlet(),
        equalTo(articles.stream().filter(a -> a.getOutlet() != null).count()));
    assertThat(
        summary.withDateline(),
        equalTo(articles.stream().filter(a -> a.getDateline() != null).count()));
    assertThat(summary.wordCounts().total(), equalTo(44L));
  }

  @Test
  void largestClusterIsSizedFromDuplicatesAndNamedByItsCanonical() throws IOException {
    List<DuplicateRow> dups = Outputs.read(out, "duplicates", DuplicateRow.class);
    Map<String, Long> copies =
        dups.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    DuplicateRow::getClusterId, java.util.stream.Collectors.counting()));
    long biggest = copies.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    RunSummary.Cluster first = summary.largestClusters().get(0);
    assertThat(first.size(), equalTo((int) biggest + 1));
    Article canonical =
        articles.stream().filter(a -> a.getId().equals(first.id())).findFirst().orElseThrow();
    assertThat(
        first.canonicalTitle(),
        equalTo(canonical.getTitle() != null ? canonical.getTitle() : canonical.getId()));
    assertThat(first.outlets().isEmpty(), is(false));
  }

  @Test
  void eachChartDrawsTheMarksTheDataCallsFor() throws IOException {
    Map<String, Integer> expected = ReportMarks.expected(out);
    Map<String, Integer> drawn = ReportMarks.counted(ReportPage.render(summary));
    assertThat(drawn, equalTo(expected));
    assertThat(drawn.get(ReportPage.TOPICS_PER_DAY), greaterThan(1));
    assertThat(drawn.get(ReportPage.CLUSTER_SIZES), greaterThan(1));
  }

  @Test
  void pageIsSelfContained() {
    String page = ReportPage.render(summary);
    assertThat(page, not(containsString("<script")));
    assertThat(page, not(containsString("http://")));
    assertThat(page, not(containsString("https://")));
    assertThat(page, not(containsString("<link rel=\"stylesheet\"")));
  }

  @Test
  void textFromTheDataIsEscaped() throws IOException {
    Path hostileOut = tmp.resolve("hostile-out");
    Outputs.Run r =
        Outputs.main(
            "--input=" + ReportFixtures.hostileInput(tmp.resolve("hostile-in")),
            "--output=" + hostileOut);
    assertThat(r.stderr(), r.exitCode(), equalTo(0));
    String page = Files.readString(hostileOut.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(page, not(containsString("<script")));
    assertThat(page, not(containsString("<img")));
    assertThat(page, not(containsString("<i>Quayside")));
    assertThat(
        page,
        containsString(
            "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Ferry &lt;b&gt;fares&lt;/b&gt;"
                + " &amp; &#39;tolls&#39;"));
    assertThat(page, containsString("The &lt;i&gt;Quayside&lt;/i&gt; Courier"));
    // the broken line is an error whose excerpt is shown, escaped
    assertThat(page, containsString("&lt;img src=x onerror=alert(2)&gt;"));
  }

  @Test
  void reportCommandRewritesThePageFromTheOutputs() throws IOException {
    Path page = out.resolve("report.html");
    String before = Files.readString(page, StandardCharsets.UTF_8);
    Files.delete(page);
    Outputs.Run r = Outputs.main("report", "--output=" + out);
    assertThat(r.stderr(), r.exitCode(), equalTo(0));
    assertThat(Files.readString(page, StandardCharsets.UTF_8), equalTo(before));
  }

  @Test
  void reportCommandExplainsItselfAndRefusesAFolderWithoutARun() {
    Outputs.Run help = Outputs.main("report", "--help");
    assertThat(help.exitCode(), equalTo(0));
    assertThat(help.stdout(), containsString("--output"));
    Outputs.Run none = Outputs.main("report", "--output=" + tmp.resolve("no-such-run"));
    assertThat(none.exitCode(), equalTo(1));
    assertThat(none.stderr(), containsString("manifest.json"));
    assertThat(Outputs.main("report", "--outptu=x").exitCode(), equalTo(2));
  }
}
