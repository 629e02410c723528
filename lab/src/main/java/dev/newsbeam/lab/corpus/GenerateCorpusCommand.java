package dev.newsbeam.lab.corpus;

import dev.newsbeam.lab.LabCli;
import dev.newsbeam.lab.LabPaths;
import java.nio.file.Path;

/**
 * {@code ./newsbeam-lab generate --corpus=DIR [--base=corpus.jsonl] [--articles=N] [--seed=S]
 * [--mix=wire|archive]}: writes a seeded synthetic corpus with known duplicate clusters (JSONL
 * shards + truth.tsv) for dedup evaluation ({@link GenerateOptions}).
 */
public final class GenerateCorpusCommand {
  static final String USAGE =
      "Usage: ./newsbeam-lab generate --corpus=DIR [--base=corpus.jsonl] [--articles=N] [--seed=S]"
          + " [--mix=wire|archive]";

  private GenerateCorpusCommand() {}

  public static int run(String[] args) throws Exception {
    if (LabCli.help(args, System.out, USAGE, GenerateOptions.class)) {
      return 0;
    }
    GenerateOptions options = LabCli.parse(args, GenerateOptions.class);
    if (options.getCorpus() == null) {
      throw new IllegalArgumentException("--corpus=DIR (where the corpus is written) is required");
    }
    Path corpus = Path.of(options.getCorpus());
    long start = System.nanoTime();
    DuplicateCorpusGenerator.Summary s =
        new DuplicateCorpusGenerator(options.getSeed(), options.getMix())
            .generate(LabPaths.resolve(options.getBase()), corpus, options.getArticles());
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
        corpus,
        (System.nanoTime() - start) / 1e9);
    System.out.println("kinds: " + describeKinds(s));
    return 0;
  }

  /** "original=1187 exact=180 ...": the articles of each kind written, in {@code Kind} order. */
  public static String describeKinds(DuplicateCorpusGenerator.Summary s) {
    StringBuilder b = new StringBuilder();
    s.kinds()
        .forEach(
            (k, count) -> {
              if (b.length() > 0) {
                b.append(' ');
              }
              b.append(k.code()).append('=').append(count);
            });
    return b.toString();
  }
}
