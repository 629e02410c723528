package dev.newsbeam.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The hand-written pages under {@code fixtures/} and what extraction should make of them. */
final class Fixtures {
  static final List<String> NAMES =
      List.of(
          "jsonld-several-authors",
          "opengraph-only",
          "microdata",
          "visible-byline",
          "live-blog",
          "paywall-teaser",
          "cookie-wall",
          "photo-gallery",
          "german",
          "french-blog",
          "section-front");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static byte[] html(String name) {
    return read(name + ".html");
  }

  static JsonNode expected(String name) {
    try {
      return JSON.readTree(read(name + ".expected.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static byte[] read(String file) {
    try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
