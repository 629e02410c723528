package dev.newsbeam.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic taxonomy: topics with codes, names, parents and the terms and phrases that signal them.
 *
 * <p>The default taxonomy ({@code iptc-default-taxonomy.json} next to this class) uses the codes
 * and names of <a href="https://iptc.org/standards/media-topics/">IPTC Media Topics</a> (© IPTC, CC
 * BY 4.0): the 17 top-level topics and the second- and third-level ones general news covers daily.
 * The terms are newsbeam's own.
 *
 * <p><b>File format</b> ({@code newsbeam-taxonomy/1}, JSON, UTF-8):
 *
 * <pre>{@code
 * {"format": "newsbeam-taxonomy/1",
 *  "attribution": "where the codes come from (free text)",
 *  "topics": [
 *    {"code": "medtop:16000000", "name": "conflict, war and peace", "parent": null,
 *     "terms": ["war^2", "troops", "ceasefire^2", "peace talks^2"]},
 *    {"code": "medtop:20000056", "name": "armed conflict", "parent": "medtop:16000000",
 *     "terms": ["shelling", "front line"]}]}
 * }</pre>
 *
 * <ul>
 *   <li>{@code code} unique; {@code name} is the tag's label; {@code parent} is the code of another
 *       topic of the same file or null. A tagged topic implies all its ancestors.
 *   <li>{@code terms}: words or multi-word phrases written as plain text. They are analysed with
 *       the pipeline's {@code NewsAnalyzer}, so {@code "negotiations"} also matches {@code
 *       negotiate}, and a phrase matches the same sequence of terms (stopwords are skipped on both
 *       sides, so {@code "end the war"} matches "end the war" and "end war"). An optional {@code
 *       ^w} suffix sets the weight (default 1), e.g. {@code "ceasefire^2"}, {@code "deal^0.5"}.
 *   <li>Entries that analyse to nothing (only stopwords) are rejected.
 *   <li>Other keys are ignored: the bundled file's {@code departures} lists where it departs from
 *       IPTC's definitions.
 * </ul>
 */
public final class Taxonomy {
  /** The format tag the loader accepts. */
  public static final String FORMAT = "newsbeam-taxonomy/1";

  /** Classpath resource of the default IPTC taxonomy. */
  public static final String DEFAULT_RESOURCE = "iptc-default-taxonomy.json";

  /** One topic as written in the file. */
  public record Entry(String text, double weight) {}

  /** One topic as written in the file (terms unanalysed). */
  public record TopicDef(String code, String name, String parent, List<Entry> terms) {}

  private final String attribution;
  private final Map<String, TopicDef> topics;

  private Taxonomy(String attribution, Map<String, TopicDef> topics) {
    this.attribution = attribution;
    this.topics = topics;
  }

  /** Topics in file order, by code. */
  public Map<String, TopicDef> topics() {
    return topics;
  }

  public String attribution() {
    return attribution;
  }

  /** Codes of the ancestors of {@code code}, nearest first. */
  public List<String> ancestors(String code) {
    List<String> out = new ArrayList<>();
    for (String p = topics.get(code).parent(); p != null; p = topics.get(p).parent()) {
      out.add(p);
    }
    return out;
  }

  /** The root ancestor of {@code code} (itself when it is top-level). */
  public String root(String code) {
    String c = code;
    while (topics.get(c).parent() != null) {
      c = topics.get(c).parent();
    }
    return c;
  }

  /** The JSON text of the default IPTC taxonomy. */
  public static String defaultJson() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default IPTC taxonomy. */
  public static Taxonomy defaults() {
    return parse(defaultJson());
  }

  /**
   * Reads a taxonomy file ({@code --taxonomy=path}) as JSON text, so it can travel inside a DoFn.
   */
  public static String readJson(Path path) throws IOException {
    String json = Files.readString(path, StandardCharsets.UTF_8);
    parse(json); // fail at construction time, not on a worker
    return json;
  }

  /** Parses and validates a taxonomy in the {@value #FORMAT} format. */
  public static Taxonomy parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("taxonomy is not valid JSON: " + e.getMessage(), e);
    }
    String format = root.path("format").asText("");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(
          "taxonomy format must be '" + FORMAT + "', not '" + format + "'");
    }
    Map<String, TopicDef> topics = new LinkedHashMap<>();
    for (JsonNode t : root.path("topics")) {
      String code = required(t, "code");
      String name = required(t, "name");
      String parent = t.hasNonNull("parent") ? t.get("parent").asText() : null;
      List<Entry> terms = new ArrayList<>();
      for (JsonNode term : t.path("terms")) {
        terms.add(parseEntry(code, term.asText()));
      }
      if (topics.put(code, new TopicDef(code, name, parent, List.copyOf(terms))) != null) {
        throw new IllegalArgumentException("taxonomy topic " + code + " appears twice");
      }
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("taxonomy has no topics");
    }
    for (TopicDef t : topics.values()) {
      if (t.parent() != null && !topics.containsKey(t.parent())) {
        throw new IllegalArgumentException(
            "taxonomy topic " + t.code() + " has unknown parent " + t.parent());
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    for (TopicDef t : topics.values()) {
      int depth = 0;
      for (String p = t.parent(); p != null; p = topics.get(p).parent()) {
        if (++depth > topics.size()) {
          throw new IllegalArgumentException("taxonomy parents form a cycle at " + t.code());
        }
      }
      seen.put(t.code(), depth);
    }
    return new Taxonomy(root.path("attribution").asText(""), topics);
  }

  private static String required(JsonNode t, String field) {
    if (!t.hasNonNull(field) || t.get(field).asText().isBlank()) {
      throw new IllegalArgumentException("taxonomy topic without '" + field + "': " + t);
    }
    return t.get(field).asText();
  }

  private static Entry parseEntry(String code, String raw) {
    int caret = raw.lastIndexOf('^');
    if (caret < 0) {
      return new Entry(raw.strip(), 1.0);
    }
    try {
      double w = Double.parseDouble(raw.substring(caret + 1));
      if (!(w > 0)) {
        throw new NumberFormatException("not positive");
      }
      return new Entry(raw.substring(0, caret).strip(), w);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "taxonomy topic " + code + ": bad weight in '" + raw + "' (" + e.getMessage() + ")");
    }
  }
}
