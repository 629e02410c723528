package dev.newsbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbeam.schema.Article;
import dev.newsbeam.schema.ErrorRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory of hostile files: every one becomes error records with the right reason, none kills
 * the run.
 */
class HostileInputTest {

  @Test
  void hostileFilesBecomeErrorRecordsAndTheRunSucceeds(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    write(in.resolve("good.txt"), "date 2025-02-12 By Ana Ruiz, CNN\n\n(CNN) — A fine article.\n");
    write(in.resolve("empty.txt"), "");
    write(in.resolve("no-header.txt"), "Just prose, no date line.\n\nMore prose.");
    write(in.resolve("impossible-date.txt"), "date 2025-02-30 By X\n\nBody.");
    write(in.resolve("header-only.txt"), "date 2025-02-12 By X\n\n");
    Files.write(
        in.resolve("latin1.txt"),
        "date 2025-02-12\n\nCaf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
    byte[] noise = new byte[2048];
    new Random(7).nextBytes(noise);
    noise[10] = 0;
    Files.write(in.resolve("binary.txt"), noise);
    write(in.resolve("huge.txt"), "date 2025-02-12\n\n" + "filler words ".repeat(400));
    write(
        in.resolve("records.jsonl"),
        String.join(
            "\n",
            "{\"id\":\"ok-1\",\"text\":\"Good line.\"}",
            "{\"id\":\"broken\",\"text\":\"no end",
            "{\"id\":\"t\",\"text\":\"x\",\"labels\":\"not-a-list\"}",
            "{\"id\":\"n\",\"title\":\"no text here\"}",
            "{\"id\":\"d\",\"text\":\"x\",\"date\":\"2025-02-30\"}",
            "{\"id\":\"big\",\"text\":\"" + "y".repeat(6000) + "\"}",
            ""));
    Files.write(in.resolve("cut.jsonl.gz"), truncatedGzip());

    Path out = tmp.resolve("out");
    Outputs.Run run = Outputs.main("--input=" + in, "--output=" + out, "--maxArticleBytes=4000");
    assertThat(run.stderr(), run.exitCode(), equalTo(0));

    List<Article> articles = Outputs.read(out, "articles", Article.class);
    List<ErrorRecord> errors = Outputs.read(out, "errors", ErrorRecord.class);
    Map<String, String> reasonByFile = new TreeMap<>();
    for (ErrorRecord e : errors) {
      String file = Path.of(e.getSource()).getFileName().toString();
      reasonByFile.merge(file, e.getReason(), (a, b) -> a + "," + b);
    }
    assertThat(reasonByFile.get("empty.txt"), equalTo("empty"));
    assertThat(reasonByFile.get("no-header.txt"), equalTo("bad_header"));
    assertThat(reasonByFile.get("impossible-date.txt"), equalTo("bad_date"));
    assertThat(reasonByFile.get("header-only.txt"), equalTo("missing_text"));
    assertThat(reasonByFile.get("latin1.txt"), equalTo("not_utf8"));
    assertThat(reasonByFile.get("binary.txt"), equalTo("binary"));
    assertThat(reasonByFile.get("huge.txt"), equalTo("too_large"));
    assertThat(reasonByFile.get("cut.jsonl.gz"), equalTo("truncated"));
    Map<String, String> jsonl =
        errors.stream()
            .filter(e -> e.getSource().endsWith("records.jsonl"))
            .collect(Collectors.toMap(ErrorRecord::getLocation, ErrorRecord::getReason));
    assertThat(
        jsonl,
        equalTo(
            Map.of(
                "line 2",
                "bad_json",
                "line 3",
                "bad_type",
                "line 4",
                "missing_text",
                "line 5",
                "bad_date",
                "line 6",
                "too_large")));

    JsonNode counts = Outputs.manifest(out).path("counts");
    assertThat(
        counts.path("input_records").asLong(), equalTo((long) articles.size() + errors.size()));
    assertThat(counts.path("accounting").path("balanced").asBoolean(), is(true));
    assertThat(articles.stream().anyMatch(a -> a.getId().equals("ok-1")), is(true));
    assertThat(articles.stream().anyMatch(a -> a.getId().equals("good.txt")), is(true));
    assertThat(run.stdout(), containsString(errors.size() + " errors"));
  }

  @Test
  void overwriteReplacesEveryShardOfTheEarlierRun(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Path jsonl = Outputs.testdata().resolve("jsonl");
    assertThat(
        Outputs.main("--input=" + Outputs.testdata(), "--output=" + out).exitCode(), equalTo(0));
    Outputs.Run second = Outputs.main("--input=" + jsonl, "--output=" + out, "--overwrite");
    assertThat(second.stderr(), second.exitCode(), equalTo(0));
    assertThat(
        Outputs.read(out, "articles", Article.class).stream()
            .allMatch(a -> a.getInputFormat().equals("jsonl")),
        is(true));
  }

  @Test
  void anInputThatMatchesNothingIsAUsageError(@TempDir Path tmp) {
    Outputs.Run run =
        Outputs.main(
            "--input=" + tmp.resolve("nothing-here/*.txt"), "--output=" + tmp.resolve("o"));
    assertThat(run.exitCode(), equalTo(2));
    assertThat(run.stderr(), containsString("no file matches"));
  }

  private static void write(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }

  private static byte[] truncatedGzip() throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      s.append("{\"id\":\"g")
          .append(i)
          .append("\",\"text\":\"item ")
          .append(i * 31337L)
          .append("\"}\n");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }
    return Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
  }
}
