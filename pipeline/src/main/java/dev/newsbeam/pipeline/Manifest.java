package dev.newsbeam.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;

/**
 * {@code manifest.json}: what a run read and wrote. Counts arrive as dotted names summed over the
 * pipeline: {@code files}, {@code input_records}, {@code articles}, {@code errors.<reason>}, {@code
 * skipped.<reason>} and stage counters such as {@code dedup.clusters}, which land under {@code
 * stages.dedup.clusters}.
 */
public final class Manifest {
  /**
   * Version of the output schemas ({@code outputs.*.schema}). Raised with every schema change; a
   * change only adds optional fields (with defaults), so files of an earlier version read through
   * today's schemas (SchemaEvolutionTest holds a copy of the previous version's schemas).
   */
  public static final int SCHEMA_VERSION = 3;

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  /** Builds the manifest document. {@code schemas} maps output name to (path, Avro schema JSON). */
  public static ObjectNode build(
      Map<String, Long> counts,
      String runId,
      String runner,
      String optionsJson,
      Instant startedAt,
      Instant finishedAt,
      Map<String, String[]> outputs)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("newsbeam_version", Main.version());
    root.put("schema_version", SCHEMA_VERSION);
    root.put("run_id", runId);
    root.put("runner", runner);
    root.put("started_at", startedAt.toString());
    root.put("finished_at", finishedAt.toString());
    root.put("duration_seconds", (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
    root.set("options", JSON.readTree(optionsJson));

    long files = counts.getOrDefault("files", 0L);
    long records = counts.getOrDefault("input_records", 0L);
    long articles = counts.getOrDefault("articles", 0L);
    Map<String, Long> byReason = new TreeMap<>();
    Map<String, Long> skippedByReason = new TreeMap<>();
    Map<String, Map<String, Long>> stages = new TreeMap<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("errors.")) {
        byReason.put(k.substring("errors.".length()), e.getValue());
      } else if (k.startsWith("skipped.")) {
        skippedByReason.put(k.substring("skipped.".length()), e.getValue());
      } else if (k.contains(".")) {
        int dot = k.indexOf('.');
        stages
            .computeIfAbsent(k.substring(0, dot), s -> new TreeMap<>())
            .put(k.substring(dot + 1), e.getValue());
      }
    }
    long errors = byReason.values().stream().mapToLong(Long::longValue).sum();
    long skipped = skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    ObjectNode c = root.putObject("counts");
    c.put("files", files);
    c.put("input_records", records);
    c.put("articles", articles);
    c.put("errors", errors);
    c.set("errors_by_reason", JSON.valueToTree(byReason));
    c.put("skipped", skipped);
    c.set("skipped_by_reason", JSON.valueToTree(skippedByReason));
    ObjectNode acc = c.putObject("accounting");
    acc.put("input_records", records);
    acc.put("articles_plus_errors", articles + errors);
    acc.put("skipped", skipped);
    acc.put("balanced", records == articles + errors + skipped);
    root.set("stages", JSON.valueToTree(stages));

    ObjectNode out = root.putObject("outputs");
    for (Map.Entry<String, String[]> o : new TreeMap<>(outputs).entrySet()) {
      ObjectNode n = out.putObject(o.getKey());
      n.put("path", o.getValue()[0]);
      n.set("schema", JSON.readTree(o.getValue()[1]));
    }
    return root;
  }

  public static void write(String path, JsonNode manifest) throws IOException {
    try (OutputStream os =
        Channels.newOutputStream(
            FileSystems.create(FileSystems.matchNewResource(path, false), "application/json"))) {
      os.write(JSON.writeValueAsBytes(manifest));
      os.write('\n');
    }
  }

  public static JsonNode read(String path) throws IOException {
    try (InputStream in =
        Channels.newInputStream(
            FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()))) {
      return JSON.readTree(in);
    }
  }
}
