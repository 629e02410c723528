package dev.newsbeam.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the fictional news articles bundled with the benchmarks ({@code <name>.txt} next to this
 * class): a few {@code key: value} header lines (title, byline, source), a blank line, then the raw
 * body with its dateline and closing credit line, the way ingest hands bodies to the cores. {@code
 * bodyBytes} is the body's size in UTF-8 bytes, the unit of MB/s.
 *
 * <p>The articles are written for the benchmarks (500–800 words of wire, local and health copy);
 * the shared corpora are never copied into the repository.
 */
record NewsArticle(
    String name, String title, String byline, String source, String body, int bodyBytes) {

  /**
   * The bundled articles (values of the {@code article} parameter besides {@link
   * ArticleCycle#MIX}).
   */
  static final String HARBOUR_STRIKE = "harbour-strike";

  static final String COUNCIL_BUDGET = "council-budget";
  static final String HEATWAVE_HOSPITALS = "heatwave-hospitals";

  static final List<String> NAMES = List.of(HARBOUR_STRIKE, COUNCIL_BUDGET, HEATWAVE_HOSPITALS);

  static NewsArticle load(String name) {
    String text = resource(name + ".txt");
    int split = text.indexOf("\n\n");
    if (split < 0) {
      throw new IllegalStateException(name + ".txt: no blank line after the header");
    }
    String title = null;
    String byline = null;
    String source = null;
    for (String line : text.substring(0, split).split("\n")) {
      int colon = line.indexOf(':');
      String value = line.substring(colon + 1).strip();
      switch (line.substring(0, Math.max(colon, 0))) {
        case "title" -> title = value;
        case "byline" -> byline = value;
        case "source" -> source = value;
        default ->
            throw new IllegalStateException(name + ".txt: unknown header line '" + line + "'");
      }
    }
    String body = text.substring(split + 2);
    return new NewsArticle(
        name, title, byline, source, body, body.getBytes(StandardCharsets.UTF_8).length);
  }

  static List<NewsArticle> all() {
    return NAMES.stream().map(NewsArticle::load).toList();
  }

  /** Non-blank lines of a bundled text resource, {@code #} comment lines left out. */
  static List<String> lines(String resource) {
    List<String> out = new ArrayList<>();
    for (String line : resource(resource).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line.strip());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(resource + " has no lines");
    }
    return List.copyOf(out);
  }

  private static String resource(String name) {
    try (InputStream in = NewsArticle.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("benchmark resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
