package dev.newsbeam.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbeam.byline.BylineParser;
import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./newsbeam-lab bench-bylines [--dev=FILE] [--reuters=FILE] [--warmupSeconds=S]
 * [--seconds=S]} (CPU seconds; {@link BenchBylinesOptions}): parses the dev-set and corpus bylines
 * in a loop on one thread and prints bylines per second (target ≥ 50,000/s).
 */
public final class BenchBylinesCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab bench-bylines [--dev=FILE] [--reuters=FILE] [--warmupSeconds=S]"
          + " [--seconds=S]";

  private BenchBylinesCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, BenchBylinesOptions.class)) {
      return 0;
    }
    BenchBylinesOptions options = LabCli.parse(args, BenchBylinesOptions.class);
    Path dev = LabPaths.resolve(options.getDev());
    Path corpus = LabPaths.resolve(options.getReuters());
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
            .run(bylines, options.getWarmupSeconds(), options.getSeconds());
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
