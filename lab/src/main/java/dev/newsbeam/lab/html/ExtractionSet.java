package dev.newsbeam.lab.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of pages with their expected extraction: {@code NAME.html} next to {@code
 * NAME.expected.json} ({@code kind} {@code article} or {@code not_article}; for an article {@code
 * title}, {@code date} as {@code YYYY-MM-DD}, {@code authors}, {@code language}, {@code body} with
 * paragraphs separated by a blank line). The product's fixtures are one such folder.
 */
public record ExtractionSet(List<Page> pages) {
  /** The product's hand-written fixture pages, from the repository root. */
  public static final String FIXTURES = "transforms/src/test/resources/dev/newsbeam/html/fixtures";

  /** One page and what it should give. */
  public record Page(String name, byte[] html, JsonNode expected) {
    public boolean article() {
      return expected.path("kind").asText().equals("article");
    }
  }

  public static ExtractionSet read(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Page> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path html : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String name = html.getFileName().toString().replaceFirst("\\.html$", "");
        Path expected = dir.resolve(name + ".expected.json");
        if (!Files.isRegularFile(expected)) {
          throw new IllegalArgumentException("no " + expected + " for " + html);
        }
        pages.add(new Page(name, Files.readAllBytes(html), json.readTree(expected.toFile())));
      }
    }
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("no *.html pages in " + dir);
    }
    return new ExtractionSet(List.copyOf(pages));
  }

  public long htmlBytes() {
    long n = 0;
    for (Page p : pages) {
      n += p.html().length;
    }
    return n;
  }
}
