package dev.newsbeam.pipeline.commands;

import dev.newsbeam.dedup.DuplicateCorpusGenerator;
import java.nio.file.Path;

/**
 * {@code ./newsbeam generate --base=corpus.jsonl --output=DIR --articles=N [--seed=S]}: writes a
 * seeded synthetic corpus with known duplicate clusters (JSONL shards + truth.tsv) for dedup
 * evaluation.
 */
public final class GenerateCorpusCommand {
  private GenerateCorpusCommand() {}

  public static int run(String[] args) throws Exception {
    CommandArgs opts = new CommandArgs(args);
    if (!opts.has("base") || !opts.has("output")) {
      System.err.println(
          "usage: generate --base=corpus.jsonl --output=DIR [--articles=10000] [--seed=42]");
      return 2;
    }
    long n = opts.getLong("articles", 10000);
    long seed = opts.getLong("seed", 42);
    long start = System.nanoTime();
    DuplicateCorpusGenerator.Summary s =
        new DuplicateCorpusGenerator(seed)
            .generate(Path.of(opts.require("base")), Path.of(opts.require("output")), n);
    System.out.printf(
        "generated %d articles (%d stories: %d from %d base stories, %d synthetic; %d exact and %d near"
            + " copies) in %d shard(s) under %s in %.1fs%n",
        s.articles(),
        s.stories(),
        s.stories() - s.syntheticStories(),
        s.baseStories(),
        s.syntheticStories(),
        s.exactCopies(),
        s.nearCopies(),
        s.shards(),
        opts.require("output"),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
