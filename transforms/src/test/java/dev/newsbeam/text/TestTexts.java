package dev.newsbeam.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real and real-ish texts for tests that compare two ways of computing the same thing: a sample of
 * the Reuters-21578 training split (outside the repository, {@code ../shared/corpora/}; left out
 * when absent), the repository's {@code testdata/} articles, the stats fixtures, and edge cases.
 *
 * <p>The Reuters sample is every {@code n}-th article; {@code -Dnewsbeam.reutersEvery=1} runs a
 * test over the whole file.
 */
public final class TestTexts {
  /** One text with its title (either may be null) and labels (Reuters topics; else none). */
  public record Sample(String name, String title, String text, List<String> labels) {
    public Sample(String name, String title, String text) {
      this(name, title, text, List.of());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final String REUTERS = "shared/corpora/reuters21578-train.jsonl";

  private TestTexts() {}

  /** Every {@code every}-th Reuters article (scaled by {@code -Dnewsbeam.reutersEvery}). */
  public static List<Sample> reuters(int every) {
    Path file = reutersFile();
    if (file == null) {
      return List.of();
    }
    int step = Math.max(1, Integer.getInteger("newsbeam.reutersEvery", every));
    ObjectMapper json = new ObjectMapper();
    List<Sample> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int line = 0;
      for (String s = in.readLine(); s != null; s = in.readLine(), line++) {
        if (line % step != 0 || s.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(s);
        out.add(
            new Sample(
                row.path("id").asText("reuters-line-" + line),
                row.hasNonNull("title") ? row.get("title").asText() : null,
                row.hasNonNull("text") ? row.get("text").asText() : null,
                labels(row.path("labels"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<String> labels(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(label -> out.add(label.asText()));
    return List.copyOf(out);
  }

  /** The Reuters file, found from the module directory upwards; null when it is not there. */
  public static Path reutersFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(REUTERS);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The repository's own texts: {@code testdata/articles} (body after the header line), {@code
   * testdata/jsonl/sample.jsonl} (title and text of each parseable line) and the stats fixtures.
   */
  public static List<Sample> fixtures() {
    List<Sample> out = new ArrayList<>();
    try {
      Path testdata = Path.of("..", "testdata");
      try (Stream<Path> files = Files.walk(testdata.resolve("articles"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          String all = Files.readString(f, StandardCharsets.UTF_8);
          int blank = all.indexOf("\n\n");
          out.add(
              new Sample(
                  f.getFileName().toString(), null, blank < 0 ? all : all.substring(blank + 2)));
        }
      }
      ObjectMapper json = new ObjectMapper();
      List<String> lines =
          Files.readAllLines(testdata.resolve("jsonl/sample.jsonl"), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        JsonNode row;
        try {
          row = json.readTree(lines.get(i));
        } catch (IOException malformed) {
          continue;
        }
        if (row != null && row.isObject()) {
          out.add(
              new Sample(
                  "sample.jsonl:" + (i + 1),
                  row.path("title").isTextual() ? row.get("title").asText() : null,
                  row.path("text").isTextual() ? row.get("text").asText() : null));
        }
      }
      try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "stats"))) {
        for (Path f : files.sorted().toList()) {
          out.add(
              new Sample(
                  f.getFileName().toString(), null, Files.readString(f, StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Texts at the edges of what the analyzer sees. */
  public static List<Sample> edgeCases() {
    List<Sample> out = new ArrayList<>();
    String[][] cases = {
      {"null", null},
      {"empty", ""},
      {"blank", " \n\n\t "},
      {"emoji only", "🗳️ 🚀🚀 👍🏽"},
      {"one word", "Quill"},
      {"one stopword", "The"},
      {"numbers only", "2025 3.5 1,250 42"},
      {"punctuation only", "— * — ... !?"},
      {"possessive alone", "'s ’s Quill's"},
      {"emoji between words", "Vote 🗳️ now, vote 🚀 often"},
      {"crlf", "Line one here.\r\n\r\nLine two, Mr. Quill's.\r\n"},
      {"mixed scripts", "ZÜRICH café Москва 東京 مرحبا ﬁnance ｆｕｌｌ"},
      {"long word", "x".repeat(300) + " tail"},
      {"repeats", "the the the bank of england bank of england rates rates"}
    };
    for (String[] c : cases) {
      out.add(new Sample(c[0], c[1] == null ? null : "Edge: " + c[0], c[1]));
    }
    return out;
  }

  /** Reuters sample, fixtures and edge cases together. */
  public static List<Sample> all(int reutersEvery) {
    List<Sample> out = new ArrayList<>(reuters(reutersEvery));
    out.addAll(fixtures());
    out.addAll(edgeCases());
    return out;
  }
}
