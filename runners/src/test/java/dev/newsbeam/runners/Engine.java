package dev.newsbeam.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Runs {@code ./newsbeam} from the runners jar as a user would, and reads back what a run wrote as
 * record sets: every dataset directory under the output, whatever stages the pipeline has grown.
 */
final class Engine {
  private static final ObjectMapper SORTED =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Engine() {}

  record Run(int exitCode, String output) {}

  static Path home() {
    return Path.of(System.getProperty("newsbeam.home", "..")).toAbsolutePath().normalize();
  }

  static Path testdata() {
    return home().resolve("testdata");
  }

  /**
   * {@code ./newsbeam args...} with the runners jar; output (stdout + stderr) goes to {@code log}.
   */
  static Run newsbeam(Path log, long timeoutMinutes, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", home().resolve("newsbeam").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment()
        .put(
            "NEWSBEAM_JAR",
            System.getProperty(
                "newsbeam.runnersJar",
                home().resolve("runners/target/newsbeam-runners.jar").toString()));
    pb.environment().put("NEWSBEAM_JAVA_OPTS", "-Xmx2g");
    Process p = pb.start();
    if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      return new Run(-1, "timed out after " + timeoutMinutes + " min\n" + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  static String scriptOutput(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /**
   * Every dataset of a run as a sorted list of records in normalised JSON (map keys sorted), so
   * runs compare as record multisets regardless of shard count, shard names and record order.
   */
  static Map<String, List<String>> datasets(Path output) throws IOException {
    Map<String, List<String>> result = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(output)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        List<Path> shards;
        try (Stream<Path> files = Files.walk(dir)) { // partition folders (dt=...) too
          shards =
              files.filter(f -> f.getFileName().toString().endsWith(".avro")).sorted().toList();
        }
        if (shards.isEmpty()) {
          continue;
        }
        List<String> records = new ArrayList<>();
        for (Path shard : shards) {
          try (DataFileReader<GenericRecord> reader =
              new DataFileReader<>(shard.toFile(), new GenericDatumReader<>())) {
            for (GenericRecord r : reader) {
              records.add(normalise(GenericData.get().toString(r)));
            }
          }
        }
        records.sort(null);
        result.put(dir.getFileName().toString(), records);
      }
    }
    return result;
  }

  static JsonNode manifest(Path output) throws IOException {
    return SORTED.readTree(output.resolve("manifest.json").toFile());
  }

  /**
   * The record as JSON with sorted keys, without {@code run_id}: the sketches/ rows name the run
   * that wrote them, which differs between any two runs by design (--runId).
   */
  private static String normalise(String json) throws IOException {
    Object record = SORTED.readValue(json, Object.class);
    if (record instanceof Map<?, ?> fields) {
      fields.remove("run_id");
    }
    return SORTED.writeValueAsString(record);
  }
}
