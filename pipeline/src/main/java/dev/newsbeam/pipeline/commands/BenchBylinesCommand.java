package dev.newsbeam.pipeline.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.byline.BylineBenchmark;
import dev.newsbeam.byline.BylineParser;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench-bylines [--dev=...] [--reuters=...] [--warmup=5] [--seconds=10]} (CPU seconds):
 * parses the dev-set and corpus bylines in a loop on one thread and prints bylines per second
 * (target ≥ 50,000/s).
 */
public final class BenchBylinesCommand {
  private BenchBylinesCommand() {}

  public static int run(String[] args) throws Exception {
    CommandArgs a = new CommandArgs(args);
    Path dev = CommandArgs.resolve(a.get("dev", "../shared/bylines/bylines-dev.jsonl"));
    Path corpus =
        CommandArgs.resolve(a.get("reuters", "../shared/corpora/reuters21578-train.jsonl"));
    List<String> bylines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Path p : new Path[] {dev, corpus}) {
      if (!Files.isRegularFile(p)) {
        System.err.println("bench-bylines: no such file " + p.toAbsolutePath());
        return 2;
      }
      try (BufferedReader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode row = json.readTree(line);
          JsonNode text = row.has("raw") ? row.get("raw") : row.get("byline");
          if (text != null && text.isTextual()) {
            bylines.add(text.asText());
          }
        }
      }
    }
    BylineBenchmark.Measurement m =
        new BylineBenchmark(BylineParser.withBundledOutlets())
            .run(bylines, a.getDouble("warmup", 5), a.getDouble("seconds", 10));
    System.out.printf(
        Locale.ROOT,
        "bench-bylines: %d inputs cycled, %,d parses in %.2f s wall / %.2f s CPU on one thread%n",
        bylines.size(),
        m.bylines(),
        m.nanos() / 1e9,
        m.cpuNanos() / 1e9);
    System.out.printf(
        Locale.ROOT,
        "  %,.0f bylines/s wall clock, %,.0f bylines per CPU-second (target 50,000/s on one core)%n",
        m.bylinesPerSecond(),
        m.bylinesPerCpuSecond());
    return 0;
  }
}
