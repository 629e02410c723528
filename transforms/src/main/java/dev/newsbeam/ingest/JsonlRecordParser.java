package dev.newsbeam.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.schema.Article;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses one JSONL line of the input contract: {@code text} (required), {@code id}, {@code url},
 * {@code title}, {@code date}, {@code byline}, {@code source}, {@code labels}; any other key goes
 * to {@code extra} (strings unquoted, other values as JSON text).
 */
public final class JsonlRecordParser {
  private static final Set<String> CONTRACT_KEYS =
      Set.of("text", "id", "url", "title", "date", "byline", "source", "labels");

  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Parses {@code line} (1-based {@code lineNumber}) and sends an article or an error to {@code
   * sink}.
   */
  public void parse(SourceFile file, long lineNumber, String line, RecordSink sink) {
    String where = "line " + lineNumber;
    JsonNode node;
    try {
      node = mapper.readTree(TextArticleParser.stripBom(line));
    } catch (JsonProcessingException e) {
      sink.error(
          Errors.of(
              file.path(),
              where,
              ErrorReason.BAD_JSON,
              "not valid JSON: " + e.getOriginalMessage(),
              line));
      return;
    }
    if (node == null || !node.isObject()) {
      sink.error(
          Errors.of(
              file.path(), where, ErrorReason.BAD_JSON, "line is JSON but not an object", line));
      return;
    }
    try {
      sink.article(toArticle(file, lineNumber, node));
    } catch (RecordException e) {
      sink.error(Errors.of(file.path(), where, e.reason, e.getMessage(), line));
    }
  }

  private Article toArticle(SourceFile file, long lineNumber, JsonNode node)
      throws RecordException {
    JsonNode textNode = node.get("text");
    if (textNode == null || textNode.isNull()) {
      throw new RecordException(ErrorReason.MISSING_TEXT, "record has no 'text'");
    }
    if (!textNode.isTextual()) {
      throw new RecordException(
          ErrorReason.BAD_TYPE,
          "'text' must be a string, not " + textNode.getNodeType().name().toLowerCase());
    }
    String text = TextArticleParser.normaliseNewlines(textNode.asText()).strip();
    if (text.isEmpty()) {
      throw new RecordException(ErrorReason.MISSING_TEXT, "'text' is blank");
    }
    String id = idOf(node.get("id"));
    String source = file.path() + ":" + lineNumber;
    Article.Builder b =
        Article.newBuilder()
            .setId(id != null ? id : file.relativePath() + ":" + lineNumber)
            .setSource(source)
            .setInputFormat(InputFormat.JSONL.code())
            .setUrl(string(node, "url"))
            .setTitle(string(node, "title"))
            .setBylineRaw(blankToNull(string(node, "byline")))
            .setOutlet(blankToNull(string(node, "source")))
            .setText(text)
            .setLabels(labels(node.get("labels")))
            .setExtra(extra(node));
    String date = blankToNull(string(node, "date"));
    if (date != null) {
      try {
        PublishedDate d = PublishedDate.parse(date);
        b.setPublishedDate(d.date()).setPublishedAt(d.instant());
      } catch (PublishedDate.BadDateException e) {
        throw new RecordException(ErrorReason.BAD_DATE, e.getMessage());
      }
    }
    return b.build();
  }

  private static String idOf(JsonNode id) throws RecordException {
    if (id == null || id.isNull()) {
      return null;
    }
    if (!id.isTextual() && !id.isIntegralNumber()) {
      throw new RecordException(ErrorReason.BAD_TYPE, "'id' must be a string or an integer");
    }
    return blankToNull(id.asText());
  }

  private static String string(JsonNode node, String key) throws RecordException {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new RecordException(
          ErrorReason.BAD_TYPE,
          "'" + key + "' must be a string, not " + v.getNodeType().name().toLowerCase());
    }
    return v.asText();
  }

  private static List<String> labels(JsonNode v) throws RecordException {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new RecordException(ErrorReason.BAD_TYPE, "'labels' must be an array of strings");
    }
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw new RecordException(ErrorReason.BAD_TYPE, "'labels' must be an array of strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  private static Map<String, String> extra(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!CONTRACT_KEYS.contains(e.getKey())) {
        JsonNode v = e.getValue();
        out.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static final class RecordException extends Exception {
    private static final long serialVersionUID = 1L;
    final ErrorReason reason;

    RecordException(ErrorReason reason, String message) {
      super(message);
      this.reason = reason;
    }
  }
}
