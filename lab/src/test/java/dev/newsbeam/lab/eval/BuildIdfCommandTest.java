package dev.newsbeam.lab.eval;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.newsbeam.topics.TermRarity;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of {@code build-idf}: two small corpora of our own in, a table the tagger reads out.
 */
class BuildIdfCommandTest {
  private static List<String> corpus(int articles, String everyArticle, String firstThree) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      String extra = i < 3 ? " " + firstThree : "";
      lines.add(
          "{\"id\": \"a"
              + i
              + "\", \"title\": \"Note "
              + i
              + "\", \"text\": \""
              + everyArticle
              + extra
              + " 2024 figures\"}");
    }
    return lines;
  }

  @Test
  void theTableWeighsCommonTermsLessAndEveryCorpusTheSame(@TempDir Path dir) throws Exception {
    Path wire = dir.resolve("wire.jsonl");
    Path general = dir.resolve("general.jsonl");
    // "said" is in every article of both; "tariff" in 3 of 300 wire articles, "goalkeeper" in 3 of
    // 30 general ones
    Files.write(wire, corpus(300, "Officials said trade rose", "tariff"));
    Files.write(general, corpus(30, "Officials said fans cheered", "goalkeeper"));
    Path out = dir.resolve("idf.tsv");
    int rc =
        BuildIdfCommand.run(
            new String[] {
              "--corpora=" + wire + "," + general, "--table=" + out, "--minArticles=3"
            });
    assertThat(rc, is(0));
    TermRarity table;
    try (Reader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      table = TermRarity.parse(r);
    }
    assertThat(table.weight("said"), lessThan(table.weight("trade")));
    assertThat(table.weight("trade"), lessThan(table.weight("tariff")));
    // the same 3 articles are a larger share of the small corpus: a more common word there
    assertThat(table.weight("goalkeeper"), lessThan(table.weight("tariff")));
    assertThat(table.weight("never written"), closeTo(1.0, 1e-9));
    // numbers are never evidence: left out of the table, so they count as unseen
    assertThat(Files.readString(out).contains("\n2024\t"), is(false));
  }
}
