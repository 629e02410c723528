package dev.newsbeam.pipeline.commands;

import dev.newsbeam.dedup.DuplicateCorpusGenerator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./newsbeam generate --base=corpus.jsonl --output=DIR --articles=N [--seed=S]}: writes a seeded
 * synthetic corpus with known duplicate clusters (JSONL shards + truth.tsv) for dedup evaluation.
 */
public final class GenerateCorpusCommand {
  private GenerateCorpusCommand() {}

  public static int run(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    if (!opts.containsKey("base") || !opts.containsKey("output")) {
      System.err.println(
          "usage: generate --base=corpus.jsonl --output=DIR [--articles=10000] [--seed=42]");
      return 2;
    }
    long n = Long.parseLong(opts.getOrDefault("articles", "10000"));
    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    long start = System.nanoTime();
    DuplicateCorpusGenerator.Summary s = new DuplicateCorpusGenerator(seed)
        .generate(Path.of(opts.get("base")), Path.of(opts.get("output")), n);
    System.out.printf(
        "generated %d articles (%d stories: %d from %d base stories, %d synthetic; %d exact and %d near"
            + " copies) in %d shard(s) under %s in %.1fs%n",
        s.articles(), s.stories(), s.stories() - s.syntheticStories(), s.baseStories(),
        s.syntheticStories(), s.exactCopies(), s.nearCopies(), s.shards(), opts.get("output"),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("expected --key=value, got '" + a + "'");
      }
      out.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return out;
  }
}
